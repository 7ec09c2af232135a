// Order logs shaped like real client exports, for `npm run bench -- --shapes` (issue 13). Each is
// made by a seeded generator (rng.ts: no Math.random), so the same name and seed give the same
// bytes on every machine, and written on demand to bench/out/ (git-ignored):
//   plain      the generated order log (orders.ts), 1M rows, LF
//   issue13    the issue's file: 1,012,484 rows, ~81 MB, an order id, customer id, date, amount,
//              channel, region, an 8,000-value SKU column and a quoted note with commas inside the
//              quotes on every row
//   multiline  support tickets: a quoted comment with delimiters, doubled quotes and line breaks
//              inside the quotes
//   cjk        long Chinese product descriptions (50–200 characters) under Chinese headers
//   crlf       the plain log with CRLF line ends (as Excel on Windows writes it)
//   highcard   a high-cardinality text column (a reference unique to nearly every row)
//   gbk        a Chinese export in GBK (Excel on Chinese Windows, no BOM)
//   utf16      Excel "Unicode text": UTF-16LE with a BOM, tab-delimited, CRLF
// Memory is O(customers): text is made CHUNK_ROWS rows at a time and streamed to disk.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { generateOrderLogText, writeOrderLog } from './orders.ts';
import { createRng, type Rng } from './rng.ts';

export type ShapeName = 'plain' | 'issue13' | 'multiline' | 'cjk' | 'crlf' | 'highcard' | 'gbk' | 'utf16';
export type ShapeEncoding = 'utf-8' | 'gbk' | 'utf-16le';

export interface Shape {
  name: ShapeName;
  /** Data rows at full size (the header line not counted). */
  rows: number;
  encoding: ShapeEncoding;
  delimiter: string;
  /** Line break between records (quoted cells may hold others). */
  newline: '\n' | '\r\n';
  /** Some cells are quoted. */
  quoted: boolean;
  about: string;
}

export const SHAPES: readonly Shape[] = [
  { name: 'plain', rows: 1_000_000, encoding: 'utf-8', delimiter: ',', newline: '\n', quoted: false, about: 'generated order log (orders.ts)' },
  {
    name: 'issue13',
    rows: 1_012_484,
    encoding: 'utf-8',
    delimiter: ',',
    newline: '\n',
    quoted: true,
    about: "issue 13's file: 8,000 SKUs, a quoted note with commas on every row",
  },
  {
    name: 'multiline',
    rows: 1_000_000,
    encoding: 'utf-8',
    delimiter: ',',
    newline: '\n',
    quoted: true,
    about: 'quoted comments with commas, "" and line breaks inside',
  },
  {
    name: 'cjk',
    rows: 200_000,
    encoding: 'utf-8',
    delimiter: ',',
    newline: '\n',
    quoted: true,
    about: 'Chinese headers, 50–200-character Chinese descriptions',
  },
  { name: 'crlf', rows: 1_000_000, encoding: 'utf-8', delimiter: ',', newline: '\r\n', quoted: false, about: 'the plain log with CRLF line ends' },
  {
    name: 'highcard',
    rows: 1_000_000,
    encoding: 'utf-8',
    delimiter: ',',
    newline: '\n',
    quoted: false,
    about: 'a reference column unique to nearly every row',
  },
  { name: 'gbk', rows: 1_000_000, encoding: 'gbk', delimiter: ',', newline: '\r\n', quoted: false, about: 'Chinese export in GBK, no BOM' },
  {
    name: 'utf16',
    rows: 850_000,
    encoding: 'utf-16le',
    delimiter: '\t',
    newline: '\r\n',
    quoted: false,
    about: 'Excel "Unicode text": UTF-16LE + BOM, tabs',
  },
];

export const shapeOf = (name: string): Shape => {
  const s = SHAPES.find((x) => x.name === name);
  if (!s) throw new Error(`unknown shape ${name}: ${SHAPES.map((x) => x.name).join(', ')}`);
  return s;
};

/** Rows per chunk of text. */
const CHUNK_ROWS = 8192;

// ---------------------------------------------------------------------------------------------
// Customers, dates and amounts: as orders.ts makes them (a lifetime window in 2019–2024, so some
// churn; a lognormal order size), with a region per customer.

const MS_PER_DAY = 86_400_000;
const FIRST_DAY = Math.round(Date.UTC(2019, 0, 1) / MS_PER_DAY);
const SPAN = Math.round(Date.UTC(2024, 11, 31) / MS_PER_DAY) - FIRST_DAY + 1;
const ISO_DAYS: string[] = Array.from({ length: SPAN }, (_, i) => new Date((FIRST_DAY + i) * MS_PER_DAY).toISOString().slice(0, 10));

const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGION_WEIGHTS = [35, 20, 14, 12, 9, 4, 6];

interface Customers {
  n: number;
  ids: string[];
  start: Int32Array;
  span: Int32Array;
  mu: Float64Array;
  region: Uint8Array;
}

function customers(r: Rng, n: number, prefix: string, width: number): Customers {
  const c: Customers = {
    n,
    ids: new Array<string>(n),
    start: new Int32Array(n),
    span: new Int32Array(n),
    mu: new Float64Array(n),
    region: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const s = Math.floor(r.rng() * (SPAN - 30));
    const rest = SPAN - s;
    c.start[k] = s;
    c.span[k] = r.chance(0.35) ? Math.max(30, Math.floor(rest * r.rng())) : rest;
    c.mu[k] = Math.log(800) + 0.9 * r.normal();
    c.region[k] = REGIONS.indexOf(r.weighted(REGIONS, REGION_WEIGHTS));
    c.ids[k] = `${prefix}${String(k + 1).padStart(width, '0')}`;
  }
  return c;
}

/** One purchase: its customer, ISO day and amount with two decimals. */
function purchase(r: Rng, c: Customers): { k: number; day: string; amount: string } {
  const k = Math.floor(r.rng() * c.n);
  const day = ISO_DAYS[c.start[k] + Math.floor(r.rng() * c.span[k])];
  const cents = Math.max(100, Math.round(Math.exp(c.mu[k] + 0.5 * r.normal()) * 100));
  const fen = cents % 100;
  return { k, day, amount: `${Math.floor(cents / 100)}.${fen < 10 ? '0' : ''}${fen}` };
}

/** Rows in chunks: header first, then CHUNK_ROWS rows at a time (each row ends with `nl`). */
function* chunked(header: string, rows: number, nl: string, row: (i: number) => string): Generator<string> {
  yield header + nl;
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += row(i) + nl;
    if ((i + 1) % CHUNK_ROWS === 0) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

// ---------------------------------------------------------------------------------------------
// issue13

const CHANNELS = ['Web', 'Store', 'B2B', 'Phone', 'App'];
const CHANNEL_WEIGHTS = [40, 25, 15, 8, 12];
const NOTE_A = ['shipped', 'delivered', 'returned', 'packed', 'held', 'refunded', 'resent', 'picked up', 'on hold', 'split'];
const NOTE_B = ['late', 'on time', 'in 2 parts', 'early', 'damaged', 'by courier', 'to depot', 'at door', 'partly', 'twice'];
const NOTE_C = ['called', 'no answer', 'paid', 'invoiced', 'gift', 'VIP', 'promo', 'urgent', 'ok', 'noted', 'emailed', 'left msg'];

function* issue13(rows: number, seed: number): Generator<string> {
  const r = createRng(seed);
  const c = customers(r, Math.max(1, Math.round(rows / 8)), 'C', 6);
  const width = Math.max(7, String(rows).length);
  yield* chunked('order_id,customer_id,order_date,amount,channel,region,sku,note', rows, '\n', (i) => {
    const p = purchase(r, c);
    // 8,000 SKUs, the low numbers more often (a long tail, as in a real catalogue).
    const sku = 1 + Math.floor(8000 * r.rng() ** 1.6);
    let note = r.chance(0.6) ? `${r.pick(NOTE_A)} ${r.pick(NOTE_B)}, ${r.pick(NOTE_C)}` : `${r.pick(NOTE_A)}, ${r.pick(NOTE_C)}`;
    if (r.chance(0.1)) note += `, ${r.pick(NOTE_C)}`;
    return `O${String(i + 1).padStart(width, '0')},${c.ids[p.k]},${p.day},${p.amount},${r.weighted(CHANNELS, CHANNEL_WEIGHTS)},${REGIONS[c.region[p.k]]},SKU-${String(sku).padStart(5, '0')},"${note}"`;
  });
}

// ---------------------------------------------------------------------------------------------
// multiline: support tickets with a quoted comment that holds commas, "" and line breaks.

const STATUSES = ['open', 'closed', 'pending', 'resolved', 'escalated'];
const WORDS = [
  'customer',
  'says',
  'the',
  'invoice',
  'was',
  'wrong',
  'delivery',
  'late',
  'again',
  'asked',
  'for',
  'refund',
  'called',
  'back',
  'no',
  'answer',
  'price',
  'too',
  'high',
  'moved',
  'to',
  'competitor',
  'happy',
  'with',
  'service',
  'wants',
  'discount',
  'box',
  'damaged',
  'replaced',
  'item',
  'missing',
  'account',
  'closed',
  'manager',
  'will',
  'follow',
  'up',
  'next',
  'week',
];

function comment(r: Rng): string {
  const n = r.int(3, 12);
  let s = '';
  for (let w = 0; w < n; w++) {
    if (w > 0) {
      const u = r.rng();
      s += u < 0.12 ? ', ' : u < 0.18 ? '\n' : u < 0.2 ? '\r\n' : ' ';
    }
    s += r.chance(0.05) ? `""${r.pick(WORDS)}""` : r.pick(WORDS);
  }
  return s;
}

function* multiline(rows: number, seed: number): Generator<string> {
  const r = createRng(seed);
  const c = customers(r, Math.max(1, Math.round(rows / 8)), 'C', 6);
  const width = Math.max(7, String(rows).length);
  yield* chunked('ticket_id,customer_id,opened,amount,status,comment', rows, '\n', (i) => {
    const p = purchase(r, c);
    // Most comments need quotes (a comma, a quote or a break inside); a few plain ones do not.
    const text = comment(r);
    const cell = /[",\r\n]/.test(text) || r.chance(0.5) ? `"${text}"` : text;
    return `T${String(i + 1).padStart(width, '0')},${c.ids[p.k]},${p.day},${p.amount},${r.pick(STATUSES)},${cell}`;
  });
}

// ---------------------------------------------------------------------------------------------
// cjk: Chinese headers and long Chinese descriptions.

const CJK_WORDS = (
  '高品质 不锈钢 保温杯 大容量 便携式 户外 运动 水杯 儿童 学生 办公室 家用 厨房 收纳盒 多功能 智能 蓝牙 耳机 无线 降噪 ' +
  '长续航 快速 充电 手机 支架 桌面 折叠 懒人 平板 电脑 通用 加厚 防滑 透气 纯棉 男士 女士 短袖 T恤 夏季 新款 宽松 ' +
  '休闲 百搭 韩版 潮流 时尚 简约 北欧 风格 实木 餐桌 椅子 组合 小户型 客厅 卧室 床头柜 抽屉式 储物柜 防水 防尘 ' +
  '环保 材料 无异味 安全 健康 母婴 级别 食品级 硅胶 耐高温 易清洗 送礼 首选 包邮 正品 保证 七天 无理由 退换 ' +
  '售后 无忧 官方 旗舰店 限时 特价 买一送一 赠品 随机 颜色 尺码 可选 详情 咨询 客服'
).split(' ');
const CJK_PUNCT = ['，', '，', '，', '。', '、', '；', '！'];
const PRODUCTS = ['保温杯', '蓝牙耳机', '手机支架', '收纳盒', '短袖T恤', '实木餐桌', '床头柜', '硅胶铲', '充电宝', '台灯'];

function description(r: Rng): string {
  const target = r.int(50, 200);
  let s = '';
  while (s.length < target) {
    s += r.pick(CJK_WORDS);
    if (r.chance(0.25)) s += r.pick(CJK_PUNCT);
  }
  return s.slice(0, target);
}

function* cjk(rows: number, seed: number): Generator<string> {
  const r = createRng(seed);
  const c = customers(r, Math.max(1, Math.round(rows / 8)), 'KH', 6);
  const width = Math.max(7, String(rows).length);
  yield* chunked('订单编号,客户编号,下单日期,金额,地区,商品,商品描述', rows, '\n', (i) => {
    const p = purchase(r, c);
    // A few descriptions carry an ASCII comma or quote, and are quoted as Excel writes them.
    let d = description(r);
    if (r.chance(0.03)) d = `"${d.slice(0, 20)},${d.slice(20)}"`;
    else if (r.chance(0.01)) d = `"${d.slice(0, 10)}""${r.pick(PRODUCTS)}""${d.slice(10)}"`;
    return `DD${String(i + 1).padStart(width, '0')},${c.ids[p.k]},${p.day},${p.amount},${REGIONS[c.region[p.k]]},${r.pick(PRODUCTS)},${d}`;
  });
}

// ---------------------------------------------------------------------------------------------
// highcard: a reference unique to nearly every row (a session or tracking id).

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function* highcard(rows: number, seed: number): Generator<string> {
  const r = createRng(seed);
  const c = customers(r, Math.max(1, Math.round(rows / 8)), 'C', 6);
  const width = Math.max(7, String(rows).length);
  yield* chunked('order_id,customer_id,order_date,amount,region,reference', rows, '\n', (i) => {
    const p = purchase(r, c);
    let ref = 'ref-';
    for (let k = 0; k < 14; k++) ref += B36[Math.floor(r.rng() * 36)];
    return `O${String(i + 1).padStart(width, '0')},${c.ids[p.k]},${p.day},${p.amount},${REGIONS[c.region[p.k]]},${ref}`;
  });
}

// ---------------------------------------------------------------------------------------------
// gbk: a Chinese CRM export (company names, provinces, reps, products, short remarks).

const CITIES = ['杭州', '上海', '北京', '深圳', '广州', '成都', '武汉', '南京', '苏州', '西安', '重庆', '天津', '长沙', '郑州', '青岛', '厦门'];
const PROVINCE_OF: Record<string, string> = {
  杭州: '浙江',
  上海: '上海',
  北京: '北京',
  深圳: '广东',
  广州: '广东',
  成都: '四川',
  武汉: '湖北',
  南京: '江苏',
  苏州: '江苏',
  西安: '陕西',
  重庆: '重庆',
  天津: '天津',
  长沙: '湖南',
  郑州: '河南',
  青岛: '山东',
  厦门: '福建',
};
const FIRMS = ['华宇', '恒信', '东方', '金达', '宏远', '新阳', '瑞丰', '天成', '永泰', '嘉禾', '盛世', '鑫源', '中联', '海纳', '博远', '立达'];
const TRADES = ['科技', '贸易', '实业', '电子', '机械', '商贸', '物流', '食品', '服装', '医药'];
const REPS = ['王建国', '李静', '张伟', '陈晓东', '刘芳', '黄志强', '杨雪', '赵俊杰', '孙丽华', '周涛', '吴敏', '郑海波'];
const GOODS = ['办公用品', '电子元件', '包装材料', '五金工具', '劳保用品', '清洁用品', '打印耗材', '茶叶礼盒'];
const REMARKS = ['', '', '', '月结', '已开票', '加急', '货到付款', '老客户', '需回访', '含运费', '分批发货', '已对账'];

function* gbkRows(rows: number, seed: number): Generator<string> {
  const r = createRng(seed);
  const c = customers(r, Math.max(1, Math.round(rows / 8)), 'KH', 6);
  const name: string[] = Array.from({ length: c.n }, () => {
    const city = r.pick(CITIES);
    return `${city}${r.pick(FIRMS)}${r.pick(TRADES)}有限公司`;
  });
  yield* chunked('客户名称,客户编号,订单日期,销售额,省份,城市,销售代表,产品类别,备注', rows, '\r\n', () => {
    const p = purchase(r, c);
    const n = name[p.k];
    const city = n.slice(0, 2);
    return `${n},${c.ids[p.k]},${p.day},${p.amount},${PROVINCE_OF[city]},${city},${REPS[p.k % REPS.length]},${r.pick(GOODS)},${r.pick(REMARKS)}`;
  });
}

// ---------------------------------------------------------------------------------------------
// utf16: Excel "Unicode text" of an order log.

function* utf16Rows(rows: number, seed: number): Generator<string> {
  const r = createRng(seed);
  const c = customers(r, Math.max(1, Math.round(rows / 8)), 'C', 6);
  const width = Math.max(8, String(rows).length);
  yield* chunked(['order_id', 'customer_id', 'order_date', 'amount', 'quantity', 'region', 'rep'].join('\t'), rows, '\r\n', (i) => {
    const p = purchase(r, c);
    const quantity = 1 + Math.floor(r.rng() ** 2 * 60);
    return [`O${String(i + 1).padStart(width, '0')}`, c.ids[p.k], p.day, p.amount, quantity, REGIONS[c.region[p.k]], REPS[p.k % REPS.length]].join(
      '\t',
    );
  });
}

/** Text chunks of a shape (not plain and crlf, which come from orders.ts). */
function textChunks(name: ShapeName, rows: number, seed: number): Generator<string> {
  switch (name) {
    case 'issue13':
      return issue13(rows, seed);
    case 'multiline':
      return multiline(rows, seed);
    case 'cjk':
      return cjk(rows, seed);
    case 'highcard':
      return highcard(rows, seed);
    case 'gbk':
      return gbkRows(rows, seed);
    case 'utf16':
      return utf16Rows(rows, seed);
    default:
      throw new Error(`${name} is made from the plain log`);
  }
}

// ---------------------------------------------------------------------------------------------
// Encoders

/**
 * GBK, from a table built by decoding every double-byte sequence (lead 0x81–0xFE, trail
 * 0x40–0xFE but 0x7F) with TextDecoder('gbk'): the first sequence that decodes to a character is
 * its encoding. No dependency; throws on a character GBK cannot hold.
 */
let gbkTable: Uint16Array | null = null;
function gbkEncoder(): Uint16Array {
  if (gbkTable) return gbkTable;
  const table = new Uint16Array(0x10000);
  const dec = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = dec.decode(pair);
      if (s.length !== 1) continue;
      const code = s.charCodeAt(0);
      if (code < 0x80 || code === 0xfffd || table[code] !== 0) continue;
      table[code] = (lead << 8) | trail;
    }
  }
  gbkTable = table;
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const table = gbkEncoder();
  const out = new Uint8Array(text.length * 2);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[at++] = c;
    else {
      const t = table[c];
      if (t === 0) throw new Error(`GBK has no ${JSON.stringify(text[i])} (U+${c.toString(16).toUpperCase()})`);
      out[at++] = t >> 8;
      out[at++] = t & 0xff;
    }
  }
  return out.subarray(0, at);
}

function encode(text: string, encoding: ShapeEncoding): Uint8Array {
  if (encoding === 'gbk') return encodeGbk(text);
  return Buffer.from(text, encoding === 'utf-8' ? 'utf8' : 'utf16le');
}

/** The bytes a file of `encoding` starts with. */
const BOM: Record<ShapeEncoding, Uint8Array> = { 'utf-8': new Uint8Array(0), gbk: new Uint8Array(0), 'utf-16le': new Uint8Array([0xff, 0xfe]) };

/** A shape as one string (small sizes: tests). `rows` defaults to the shape's full size. */
export function shapeText(name: ShapeName, rows = shapeOf(name).rows, seed = 42): string {
  if (name === 'plain') return generateOrderLogText(rows, seed); // the bytes writeOrderLog writes
  if (name === 'crlf') return generateOrderLogText(rows, seed).replaceAll('\n', '\r\n');
  let out = '';
  for (const chunk of textChunks(name, rows, seed)) out += chunk;
  return out;
}

/** A shape as the bytes its file holds (BOM included). */
export function shapeBytes(name: ShapeName, rows?: number, seed = 42): Uint8Array {
  const s = shapeOf(name);
  const body = encode(shapeText(name, rows, seed), s.encoding);
  const out = new Uint8Array(BOM[s.encoding].length + body.length);
  out.set(BOM[s.encoding]);
  out.set(body, BOM[s.encoding].length);
  return out;
}

async function writeChunks(path: string, chunks: Iterable<Uint8Array>): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  let bytes = 0;
  try {
    for (const chunk of chunks) {
      bytes += chunk.length;
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } catch (err) {
    out.destroy();
    throw err;
  }
  await rename(tmp, path); // a run cut short leaves no half file under the final name
  return bytes;
}

/** Path of a shape's file in `dir` (rows in the name when not the full size). */
export function shapePath(dir: string, name: ShapeName, rows = shapeOf(name).rows): string {
  if (name === 'plain') return resolve(dir, `orders-${rows}.csv`); // the file the other tables use
  const ext = shapeOf(name).encoding === 'utf-16le' ? 'txt' : 'csv';
  return resolve(dir, rows === shapeOf(name).rows ? `shape-${name}.${ext}` : `shape-${name}-${rows}.${ext}`);
}

/** Write a shape's file to `dir` unless it is there; returns its path. */
export async function writeShape(dir: string, name: ShapeName, rows = shapeOf(name).rows, seed = 42): Promise<string> {
  const path = shapePath(dir, name, rows);
  if (existsSync(path)) return path;
  if (name === 'plain') {
    await writeOrderLog(path, rows, seed);
    return path;
  }
  if (name === 'crlf') {
    // The plain log's bytes with every \n written as \r\n (its cells hold no line breaks).
    const plain = await writeShape(dir, 'plain', rows, seed);
    const crlf = async function* () {
      for await (const buf of createReadStream(plain, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        yield Buffer.from(buf.toString('latin1').replaceAll('\n', '\r\n'), 'latin1');
      }
    };
    const parts: Uint8Array[] = [];
    for await (const b of crlf()) parts.push(b);
    await writeChunks(path, parts);
    return path;
  }
  const s = shapeOf(name);
  const bytes = function* (): Generator<Uint8Array> {
    if (BOM[s.encoding].length) yield BOM[s.encoding];
    for (const chunk of textChunks(name, rows, seed)) yield encode(chunk, s.encoding);
  };
  await writeChunks(path, bytes());
  return path;
}
