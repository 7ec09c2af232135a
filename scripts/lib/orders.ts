// A large, plain order log for benchmarks: header
//   order_id,customer_id,order_date,amount,quantity,region,rep
// with about rows / 8 customers, ISO dates 2019-01-01 … 2024-12-31, amounts with 2 decimals, LF line
// ends. Each customer has a lifetime window inside 2019–2024 (so some churn), a fixed region and rep,
// and a lognormal order size. Rows are not sorted by date. Memory is O(customers), never O(rows):
// writeOrderLog streams chunks to disk with back-pressure.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createRng } from './rng.ts';

export const ORDER_LOG_HEADER = 'order_id,customer_id,order_date,amount,quantity,region,rep';

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGION_WEIGHTS = [35, 20, 14, 12, 9, 4, 6];
const REPS_PER_REGION = 4;
const REP_NAMES = [
  '王建国',
  '李静',
  '张伟',
  '陈晓东',
  '刘芳',
  '黄志强',
  '杨雪',
  '赵俊杰',
  '孙丽华',
  '周涛',
  '吴敏',
  '郑海波',
  '马骏',
  '林晓燕',
  '何磊',
  '高峰',
  '罗丹',
  '梁斌',
  '宋佳',
  '谢明',
  '韩雪',
  '唐亮',
  '冯超',
  '许婷',
  '邓伟',
  '曹颖',
  '彭飞',
  '曾丽',
];

const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Math.round(Date.UTC(2019, 0, 1) / MS_PER_DAY);
const LAST_DAY = Math.round(Date.UTC(2024, 11, 31) / MS_PER_DAY);
const SPAN = LAST_DAY - FIRST_DAY + 1;
const ISO_DAYS: string[] = Array.from({ length: SPAN }, (_, i) => new Date((FIRST_DAY + i) * MS_PER_DAY).toISOString().slice(0, 10));

/** Rows per chunk handed to the writer (≈ 0.5 MB of text). */
const CHUNK_ROWS = 8192;

/** Yields the log as text chunks: the header line first, then CHUNK_ROWS rows at a time. */
function* orderLogChunks(rows: number, seed: number): Generator<string> {
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`rows must be a non-negative integer, got ${rows}`);
  const r = createRng(seed);
  const nCustomers = Math.max(1, Math.round(rows / 8));
  const start = new Int32Array(nCustomers);
  const span = new Int32Array(nCustomers);
  const mu = new Float64Array(nCustomers);
  const region = new Uint8Array(nCustomers);
  const rep = new Uint8Array(nCustomers);
  const ids = new Array<string>(nCustomers);
  const width = Math.max(6, String(nCustomers).length);
  for (let c = 0; c < nCustomers; c++) {
    // Lifetime: starts anywhere in the range; about a third stop before the end of 2024.
    const s = Math.floor(r.rng() * (SPAN - 30));
    const rest = SPAN - s;
    const len = r.chance(0.35) ? Math.max(30, Math.floor(rest * r.rng())) : rest;
    start[c] = s;
    span[c] = len;
    mu[c] = Math.log(800) + 0.9 * r.normal();
    const g = r.weighted(REGIONS, REGION_WEIGHTS);
    const gi = REGIONS.indexOf(g);
    region[c] = gi;
    rep[c] = (gi * REPS_PER_REGION + r.int(0, REPS_PER_REGION - 1)) % REP_NAMES.length;
    ids[c] = `C${String(c + 1).padStart(width, '0')}`;
  }

  yield ORDER_LOG_HEADER + '\n';
  const idWidth = Math.max(8, String(rows).length);
  let buf = '';
  let inBuf = 0;
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(r.rng() * nCustomers);
    const day = start[c] + Math.floor(r.rng() * span[c]);
    const cents = Math.max(100, Math.round(Math.exp(mu[c] + 0.5 * r.normal()) * 100));
    const fen = cents % 100;
    const quantity = 1 + Math.floor(Math.pow(r.rng(), 2) * 60);
    buf +=
      `O${String(i + 1).padStart(idWidth, '0')},${ids[c]},${ISO_DAYS[day]},` +
      `${Math.floor(cents / 100)}.${fen < 10 ? '0' : ''}${fen},${quantity},` +
      `${REGIONS[region[c]]},${REP_NAMES[rep[c]]}\n`;
    if (++inBuf === CHUNK_ROWS) {
      yield buf;
      buf = '';
      inBuf = 0;
    }
  }
  if (buf) yield buf;
}

/** The bench order log as one string; for small sizes (tests). Same bytes as writeOrderLog. */
export function generateOrderLogText(rows: number, seed: number): string {
  let out = '';
  for (const chunk of orderLogChunks(rows, seed)) out += chunk;
  return out;
}

/** Stream the bench order log to `path` (parent folders are created). Returns the bytes written. */
export async function writeOrderLog(path: string, rows: number, seed: number): Promise<{ bytes: number }> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {}); // observed below via race
  let bytes = 0;
  try {
    for (const chunk of orderLogChunks(rows, seed)) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { bytes };
}
