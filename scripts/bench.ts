// npm run bench: throughput and peak memory, side by side on the same generated order logs.
// Each measurement runs in a fresh child process so its peak RSS is its own.
//   floor    TextDecoder decode + newline scan of the bytes
//   papa     PapaParse splitting the decoded text into arrays (no typing)
//   ingest   our streaming decode → split → shape (dictionary-encoded / typed columns) → roles, fed 1 MB at a time
//   analyze  ingest + every analysis (the whole `analyze` command)
// Each stage also reports its CPU time (user + system, GC threads included): on a busy machine it
// moves much less than wall-clock time.
// Also, when ../shared/data is present, the real UCI Online Retail log (541,909 rows); then the
// shapes of real exports (scripts/lib/shapes.ts: quoted notes, line breaks in quotes, Chinese text,
// CRLF, a high-cardinality column, GBK, UTF-16), PapaParse parse-only against our ingest on each
// (npm run bench -- --shapes: only that; --shapes=issue13,gbk some; --runs=N runs each, default 3);
// and last, the DuckDB engine on a generated 10M-row log, CSV and Parquet (npm run bench -- --duckdb:
// only that).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { analyze, analyzePrepared, prepare } from '../src/core/analyze';
import { ingestBytes } from '../src/core/ingest/index';
import { DEFAULT_SETTINGS } from '../src/core/types';
import { writeOrderLog } from './lib/orders';
import { type ShapeName, shapeOf, SHAPES, writeShape } from './lib/shapes';

type Stage = 'floor' | 'papa' | 'ingest' | 'analyze';
const STAGES: Stage[] = ['floor', 'papa', 'ingest', 'analyze'];

function runStage(stage: Stage, path: string): { ms: number; cpuMs: number; rows: number } {
  const bytes = readFileSync(path);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  if (stage === 'floor') {
    const text = new TextDecoder('utf-8').decode(bytes);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows++;
  } else if (stage === 'papa') {
    const text = new TextDecoder('utf-8').decode(bytes);
    rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.length - 1;
  } else if (stage === 'ingest') {
    rows = ingestBytes('bench.csv', bytes).rowCount;
  } else {
    const a = analyze([ingestBytes('bench.csv', bytes)], { ...DEFAULT_SETTINGS });
    rows = a.inputs[0].rows;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, rows };
}

// The DuckDB engine (analyze --engine duckdb, cli/duckdb.ts), in a fresh process: sample, the
// summary SQL out of core (memory limit 4GB, spill to a temp folder), then the same core.
if (process.argv[2] === '--duckdb-stage') {
  const { readWithDuckDB } = await import('../src/cli/duckdb');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const a = analyze(await readWithDuckDB([process.argv[3]], { ...DEFAULT_SETTINGS }), { ...DEFAULT_SETTINGS });
  const cpu = process.cpuUsage(cpu0);
  const out = {
    ms: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rows: a.inputs[0].rows,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

/** A generated 10M-row log as CSV and Parquet through --engine duckdb, beside the 1M-row log (npm run bench -- --duckdb runs only this). */
async function duckdbBench(outDir: string): Promise<void> {
  const csv = (rows: number) => resolve(outDir, `orders-${rows}.csv`);
  for (const rows of [1_000_000, 10_000_000]) if (!existsSync(csv(rows))) await writeOrderLog(csv(rows), rows, 42);
  const parquet = resolve(outDir, 'orders-10000000.parquet');
  if (!existsSync(parquet)) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (SELECT * FROM read_csv('${csv(10_000_000)}')) TO '${parquet}' (FORMAT parquet)`);
    c.closeSync();
    db.closeSync();
  }
  console.log('\n--engine duckdb (DuckDB memory_limit 4GB, spills to a temp folder; peak RSS is the whole process)');
  console.log('input                                   time (s)   rows/s    peak RSS (MB)   CPU (s)');
  for (const [label, path] of [
    ['generated 1M rows, CSV', csv(1_000_000)],
    ['generated 10M rows, CSV', csv(10_000_000)],
    ['generated 10M rows, Parquet', parquet],
  ]) {
    const json = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--duckdb-stage', path], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(json) as { ms: number; cpuMs: number; rows: number; maxRssMB: number };
    console.log(
      `${label.padEnd(38)} ${(r.ms / 1000).toFixed(1).padStart(9)} ${(r.rows / (r.ms / 1000)).toFixed(0).padStart(9)} ${r.maxRssMB.toFixed(0).padStart(14)} ${(r.cpuMs / 1000).toFixed(1).padStart(9)}`,
    );
  }
}
// The page in Chromium from file://, on the issue-13 log and the UCI log (npm run bench -- --browser: only that).
async function browserRows(dir: string): Promise<void> {
  const { browserBench } = await import('./bench-browser');
  const files = [{ label: 'generated 1,012,484-row log with quoted notes (issue 13)', path: await writeShape(dir, 'issue13') }];
  const uci = resolve(import.meta.dirname, '../../shared/data/online-retail.csv');
  if (existsSync(uci)) files.push({ label: 'UCI Online Retail (541,909 rows)', path: uci });
  await browserBench(files);
}
if (process.argv.includes('--browser')) {
  const dir = resolve(import.meta.dirname, '../bench/out');
  mkdirSync(dir, { recursive: true });
  await browserRows(dir);
  process.exit(0);
}

if (process.argv.includes('--duckdb')) {
  const dir = resolve(import.meta.dirname, '../bench/out');
  mkdirSync(dir, { recursive: true });
  await duckdbBench(dir);
  process.exit(0);
}

// Shapes of real exports: one stage in a fresh process.
//   papa    TextDecoder with the shape's encoding (BOM stripped) + Papa.parse into arrays, given the
//           delimiter and line break (so it guesses nothing) and no other option: the fastest of the
//           configurations tried (auto-detection, skipEmptyLines cost 10–40% more CPU). On text
//           without a quote Papa takes its own fast path (indexOf + split) by itself. UTF-8 is
//           decoded in 1 MB pieces (stream: true) joined into one string: Node's one-call UTF-8
//           decode took 416 ms of CPU on the cjk shape against 258 ms so, and the same on ASCII;
//           GBK and UTF-16 are decoded in one call, which was the faster there.
//   ingest  ingestBytes: detect the encoding, decode, sniff the delimiter, split, typed columns, roles.
type ShapeStage = 'papa' | 'ingest';
if (process.argv[2] === '--shape-stage') {
  const stage = process.argv[3] as ShapeStage;
  const shape = shapeOf(process.argv[4]);
  const bytes = readFileSync(process.argv[5]);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows: number;
  if (stage === 'papa') {
    let text: string;
    if (shape.encoding === 'utf-8') {
      const decoder = new TextDecoder('utf-8');
      const parts: string[] = [];
      for (let at = 0; at < bytes.length; at += 1 << 20) parts.push(decoder.decode(bytes.subarray(at, at + (1 << 20)), { stream: true }));
      parts.push(decoder.decode());
      text = parts.join('');
    } else text = new TextDecoder(shape.encoding).decode(bytes);
    const data = Papa.parse<string[]>(text, { delimiter: shape.delimiter, newline: shape.newline }).data;
    const last = data[data.length - 1];
    rows = data.length - 1 - (last.length === 1 && last[0] === '' ? 1 : 0); // header, and the empty row after the final break
  } else rows = ingestBytes(shape.name, bytes).rowCount;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

/** PapaParse parse-only against our ingest on each shape; medians of `runs` alternating runs. */
async function shapesBench(outDir: string, names: ShapeName[], runs: number): Promise<void> {
  const paths = new Map<ShapeName, string>();
  for (const name of names) paths.set(name, await writeShape(outDir, name));
  console.log(
    `\nshapes of real exports (median of ${runs} runs each, papa and ingest alternating, each in a fresh process; node ${process.version}, ${new Date().toISOString()})`,
  );
  console.log('shape       MB     rows        papa ms  CPU ms  RSS MB   ingest ms  CPU ms  RSS MB   × papa   × papa CPU');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const name of names) {
    const path = paths.get(name)!;
    const got: Record<ShapeStage, { ms: number; cpuMs: number; rows: number; maxRssMB: number }[]> = { papa: [], ingest: [] };
    for (let r = 0; r < runs; r++) {
      for (const stage of (r % 2 ? ['ingest', 'papa'] : ['papa', 'ingest']) as ShapeStage[]) {
        const json = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--shape-stage', stage, name, path], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
          env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
        });
        got[stage].push(JSON.parse(json) as { ms: number; cpuMs: number; rows: number; maxRssMB: number });
      }
    }
    const m = (stage: ShapeStage, k: 'ms' | 'cpuMs' | 'maxRssMB') => median(got[stage].map((x) => x[k]));
    const rows = got.ingest[0].rows;
    const mismatch =
      got.papa[0].rows !== rows || rows !== shapeOf(name).rows ? ` (rows: papa ${got.papa[0].rows}, ingest ${rows}, made ${shapeOf(name).rows})` : '';
    const f = (x: number, w: number) => x.toFixed(0).padStart(w);
    console.log(
      `${name.padEnd(10)} ${(statSync(path).size / 1e6).toFixed(1).padStart(5)} ${rows.toLocaleString('en-US').padStart(10)} ` +
        `${f(m('papa', 'ms'), 10)} ${f(m('papa', 'cpuMs'), 7)} ${f(m('papa', 'maxRssMB'), 7)} ` +
        `${f(m('ingest', 'ms'), 11)} ${f(m('ingest', 'cpuMs'), 7)} ${f(m('ingest', 'maxRssMB'), 7)} ` +
        `${(m('ingest', 'ms') / m('papa', 'ms')).toFixed(2).padStart(8)} ${(m('ingest', 'cpuMs') / m('papa', 'cpuMs')).toFixed(2).padStart(12)}${mismatch}`,
    );
  }
}
const shapesArg = process.argv.find((a) => a === '--shapes' || a.startsWith('--shapes='));
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const SHAPE_RUNS = runsArg ? Math.max(1, Number(runsArg.slice('--runs='.length)) | 0) : 3;
const SHAPE_NAMES: ShapeName[] = shapesArg?.includes('=')
  ? shapesArg
      .slice('--shapes='.length)
      .split(',')
      .map((n) => shapeOf(n).name)
  : SHAPES.map((s) => s.name);
if (shapesArg) {
  const dir = resolve(import.meta.dirname, '../bench/out');
  mkdirSync(dir, { recursive: true });
  await shapesBench(dir, SHAPE_NAMES, SHAPE_RUNS);
  process.exit(0);
}

if (process.argv[2] === '--classify-stage') {
  const { LABELLED } = await import('../tests/fixtures/reasons-labelled');
  const { readTrainingCorpus } = await import('./lib/reason-corpus');
  const { mulberry32 } = await import('./lib/rng');
  const { classifyMany } = await import('../src/core/causes/classify');
  const { rows } = await readTrainingCorpus(resolve(import.meta.dirname, '../tests/fixtures/reasons/train'));
  const lines = rows.map((r) => r.text);
  const rand = mulberry32(7);
  const distinct = Array.from(
    { length: 100_000 },
    (_, i) => `${lines[Math.floor(rand() * lines.length)]} #${i.toString(36)}${Math.floor(rand() * 1e6).toString(36)}`,
  );
  const repeats = Array.from({ length: 100_000 }, (_, i) => `${LABELLED[(i * 7919) % LABELLED.length].text}${i % 50 === 0 ? ` #${i}` : ''}`);
  const time = (texts: string[]) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    classifyMany(texts);
    const cpu = process.cpuUsage(cpu0);
    return `${(performance.now() - t0).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`;
  };
  const d = time(distinct); // first: pays for the model's decoding and the rules' compiling
  const r = time(repeats);
  process.stdout.write(
    `classify: 100,000 all-distinct reasons (corpus lines + random suffixes) in ${d}\n` +
      `classify: 100,000 reasons (${new Set(repeats).size} distinct) in ${r}\n`,
  );
  process.exit(0);
}

if (process.argv[2] === '--stage') {
  const stage = process.argv[3] as Stage;
  const out = runStage(stage, process.argv[4]);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ...out, maxRssMB }));
  process.exit(0);
}

// The classifier, in a fresh process (npm run bench -- --classify alone runs only this):
//   repeats   100,000 reasons drawn from the labelled set (many repeats, as in real exports);
//   distinct  100,000 all-distinct reasons: corpus lines (train/*.tsv and the labelled set) picked
//             by a seeded generator, each with a random suffix; includes decoding the model and
//             compiling the rules on first use.
{
  const out = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--classify-stage'], { encoding: 'utf8' });
  console.log(out.trim());
}
if (process.argv.includes('--classify')) process.exit(0);

const outDir = resolve(import.meta.dirname, '../bench/out');
mkdirSync(outDir, { recursive: true });
const files: { label: string; path: string }[] = [];
for (const rows of [100_000, 1_000_000]) {
  const path = resolve(outDir, `orders-${rows}.csv`);
  if (!existsSync(path)) await writeOrderLog(path, rows, 42);
  files.push({ label: `generated ${rows.toLocaleString('en-US')} rows`, path });
}
const retail = resolve(import.meta.dirname, '../../shared/data/online-retail.csv');
if (existsSync(retail)) files.push({ label: 'UCI online-retail.csv (real)', path: retail });
else console.warn('*** ../shared/data/online-retail.csv absent: real-data bench skipped ***');

// Settings-change recompute: what the worker does when the user changes the threshold, as-of date,
// period, tiers…: the model is prepared once per load, then only analyzePrepared runs.
// 800,000 generated order rows = 100,000 customers (the generator makes rows / 8 customers).
{
  const path = resolve(outDir, 'orders-800000.csv');
  if (!existsSync(path)) await writeOrderLog(path, 800_000, 42);
  const parsed = [ingestBytes('bench.csv', readFileSync(path))];
  let t0 = performance.now();
  const prepared = prepare(parsed, DEFAULT_SETTINGS);
  const prepareMs = performance.now() - t0;
  const changes: [string, Partial<typeof DEFAULT_SETTINGS>][] = [
    ['inactiveDays 60', { inactiveDays: 60 }],
    ['inactiveDays 180', { inactiveDays: 180 }],
    ['asOf 2023-06-30', { asOf: '2023-06-30' }],
    ['period quarter', { period: 'quarter' }],
    ['tiers [0.2, 0.5]', { tiers: [0.2, 0.5] }],
    ['churnMode inactivity', { churnMode: 'inactivity' }],
    ['repWindowDays 30', { repWindowDays: 30 }],
    ['groupBy region', { groupBy: ['region'] }],
  ];
  // As the worker calls it on a settings change: without the per-customer lists.
  const PAGE = { full: false };
  analyzePrepared(prepared, { ...DEFAULT_SETTINGS }, PAGE); // warm-up: JIT, classifier cache
  console.log(`
settings-change recompute, ${prepared.model.n.toLocaleString('en-US')} customers, ${prepared.model.orders?.n.toLocaleString('en-US')} purchases (prepare once: ${prepareMs.toFixed(0)} ms)`);
  console.log('change (analysis + copy to the page)   median ms   max ms (of 5)');
  for (const [label, patch] of changes) {
    const times: number[] = [];
    for (let r = 0; r < 5; r++) {
      // The page's state before the change: the defaults analysed, nothing else remembered.
      prepared.memo.clear();
      analyzePrepared(prepared, { ...DEFAULT_SETTINGS }, PAGE);
      t0 = performance.now();
      // structuredClone stands for the postMessage copy to the page.
      structuredClone(analyzePrepared(prepared, { ...DEFAULT_SETTINGS, ...patch }, PAGE));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${label.padEnd(36)} ${times[2].toFixed(1).padStart(10)} ${times[4].toFixed(1).padStart(8)}`);
  }
}

const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
console.log(`node ${process.version}, ${new Date().toISOString()}`);
for (const f of files) {
  const mb = statSync(f.path).size / 1e6;
  console.log(`\n${f.label}: ${mb.toFixed(1)} MB`);
  console.log('stage     time (ms)   rows/s        MB/s    peak RSS (MB)   × papa   CPU (ms)');
  const results: Record<string, { ms: number; cpuMs: number; rows: number; maxRssMB: number }> = {};
  for (const stage of STAGES) {
    const json = execFileSync(tsx, [import.meta.filename, '--stage', stage, f.path], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
    });
    results[stage] = JSON.parse(json) as { ms: number; cpuMs: number; rows: number; maxRssMB: number };
  }
  const ratio = (a: Stage, b: Stage) => (results[a].ms / results[b].ms).toFixed(2);
  console.log(
    `ratios: ingest/papa ${ratio('ingest', 'papa')}, analyze/papa ${ratio('analyze', 'papa')}, papa/floor ${ratio('papa', 'floor')}; ` +
      `target analyze ≤ papa: ${results.analyze.ms <= results.papa.ms ? 'met' : 'NOT met'}, peak RSS < 1 GB: ${results.analyze.maxRssMB < 1024 ? 'met' : 'NOT met'}`,
  );
  for (const stage of STAGES) {
    const r = results[stage];
    const ratio = r.ms / results.papa.ms;
    console.log(
      `${stage.padEnd(9)} ${r.ms.toFixed(0).padStart(9)} ${(r.rows / (r.ms / 1000)).toFixed(0).padStart(12)} ${(mb / (r.ms / 1000)).toFixed(1).padStart(8)} ${r.maxRssMB.toFixed(0).padStart(14)} ${ratio.toFixed(2).padStart(10)} ${r.cpuMs.toFixed(0).padStart(10)}`,
    );
  }
}

await shapesBench(outDir, SHAPE_NAMES, SHAPE_RUNS);
await browserRows(outDir);
await duckdbBench(outDir);
