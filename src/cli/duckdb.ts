// `analyze --engine duckdb`: order logs of any size are summarised out of core by DuckDB, with the
// same SQL the page offers (core/sql), then the summary goes through the same core as the page.
//
//   FILE ─► sample (first SAMPLE_BYTES, or the first rows of a Parquet file) ─► the core's ingest
//        ─► roles, kind, date and number forms ─┬─ not an order log: read whole by the core
//                                               └─ order log: summarySql(spec, 'duckdb') on a view of
//                                                  the file ─► summary rows ─► a summary ParsedFile
//
// DuckDB runs with a memory limit and a temp folder to spill to (CHURNLENS_DUCKDB_MEMORY_LIMIT,
// default 4GB; CHURNLENS_DUCKDB_TEMP, default a fresh folder in the system's temp folder, removed
// afterwards; CHURNLENS_DUCKDB_THREADS, default every core). Sums are added in the core's order:
// in GROUP BY when the log's rows fit in half the limit (fast), else over windows that spill
// (CHURNLENS_DUCKDB_SUMS=group|window to choose). Rows keep the file's order
// (preserve_insertion_order, ROW_NUMBER() OVER () on the scan), which the core's tie-breaks use.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { monthIndexOfDay } from '../core/churn/periods';
import { textColumns } from '../core/ingest/columns';
import { ingestBytes, ingestText } from '../core/ingest/index';
import { ingestSource } from '../core/ingest/source';
import { isSummaryHeader } from '../core/ingest/summary';
import { buildCustomerModel } from '../core/model/customers';
import { summarySql } from '../core/sql/generate';
import { categoryCandidates, MAX_CATEGORY_VALUES, specFromSample, type SummarySpec } from '../core/sql/spec';
import type { ParsedFile, Settings } from '../core/types';
import { head, isParquet, SAMPLE_BYTES, SAMPLE_ROWS } from './head';

/** DuckDB holds the rows of a grouped ordered sum in memory: about this many bytes each (measured at 10M rows). */
const GROUPED_SUM_BYTES_PER_ROW = 200;

/** '2GB', '512MiB', '1.5 GB' → bytes. */
export function parseBytes(s: string): number {
  const m = /^\s*([\d.]+)\s*([KMGT]?)i?B?\s*$/i.exec(s);
  if (!m) throw new Error(`memory limit must look like 2GB or 512MB, got "${s}"`);
  return Number(m[1]) * 1024 ** ' KMGT'.indexOf((m[2] || ' ').toUpperCase());
}

export interface DuckDBOptions {
  encoding?: string;
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
  /** How DuckDB adds the ordered sums: 'group' (fast, in memory) or 'window' (spills); default by size. */
  sums?: 'group' | 'window';
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * A cell as text: DuckDB's own rendering of its value (a DATE as 2024-01-02, a DECIMAL as written),
 * not JavaScript's (getRowsJS gives a Date, whose String() is "Tue Jan 02 2024 08:00:00 GMT+0800 …").
 */
const cellText = (v: DuckDBValue): string => (v === null ? '' : String(v));

/** Rows of a query as CSV text (RFC 4180), to hand a Parquet file's rows to the core's ingest. */
async function csvOf(c: DuckDBConnection, sql: string): Promise<string> {
  const r = await c.runAndReadAll(sql);
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [r.columnNames().map(quote).join(',')];
  for (const row of r.getRows()) lines.push(row.map((v) => quote(cellText(v))).join(','));
  return `${lines.join('\n')}\n`;
}

interface Input {
  path: string;
  name: string;
  parquet: boolean;
  sample: ParsedFile;
  whole: boolean;
  /** Data rows, estimated from the sample (CSV) or read from the metadata (Parquet). */
  rows: number;
}

async function sampleOf(c: DuckDBConnection, path: string, encoding?: string): Promise<Input> {
  const name = basename(path);
  if (isParquet(path)) {
    const text = await csvOf(c, `SELECT * FROM read_parquet(${sqlString(path)}) LIMIT ${SAMPLE_ROWS}`);
    const rows = Number((await c.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(path)})`)).getRowsJS()[0][0]);
    return { path, name, parquet: true, sample: ingestText(name, text, 'utf-8', ','), whole: false, rows };
  }
  const { bytes, whole } = head(path, SAMPLE_BYTES);
  const sample = ingestBytes(name, bytes, { encoding });
  const rows = whole ? sample.rowCount : Math.ceil((sample.rowCount / bytes.length) * statSync(path).size);
  return { path, name, parquet: false, sample, whole, rows };
}

/** The first SAMPLE_ROWS of a Parquet file as the core reads them (sample.ts sampleFile). */
export async function parquetSample(path: string): Promise<ParsedFile> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    return (await sampleOf(c, path)).sample;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** The whole file through the core (customer lists, staff rosters, workbooks: customer-sized). */
async function readWhole(c: DuckDBConnection, input: Input, encoding?: string): Promise<ParsedFile> {
  if (input.parquet) return ingestText(input.name, await csvOf(c, `SELECT * FROM read_parquet(${sqlString(input.path)})`), 'utf-8', ',');
  const bytes = readFileSync(input.path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return ingestSource(input.name, buffer, { encoding });
}

/** A view named `orders_<k>` with the file's columns under the header names the core read. */
async function createView(c: DuckDBConnection, view: string, input: Input): Promise<void> {
  if (input.parquet) {
    await c.run(`CREATE OR REPLACE TEMP VIEW ${ident(view)} AS SELECT * FROM read_parquet(${sqlString(input.path)})`);
    return;
  }
  const s = input.sample;
  if (s.encoding !== 'utf-8') {
    throw new Error(`${input.name} is ${s.encoding}; DuckDB reads UTF-8 only: convert it first (iconv -f ${s.encoding} -t UTF-8)`);
  }
  // The header line: the line before the first data row (title rows above it are skipped).
  const headerLine = (s.lineOf?.[0] ?? 2) - 1 - s.skipped.blank;
  const names = s.header.map((_, i) => `c${i}`);
  const columns = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const options = [
    'header = true',
    `delim = ${sqlString(s.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `columns = ${columns}`,
    `skip = ${Math.max(0, headerLine - 1)}`,
    'null_padding = true',
    'strict_mode = false',
  ];
  const seen = new Map<string, number>();
  const select = s.header.map((h, i) => {
    const k = (seen.get(h) ?? 0) + 1;
    seen.set(h, k);
    return `${ident(`c${i}`)} AS ${ident(k === 1 ? h : `${h}#${k}`)}`;
  });
  await c.run(
    `CREATE OR REPLACE TEMP VIEW ${ident(view)} AS SELECT ${select.join(', ')} FROM read_csv(${sqlString(input.path)}, ${options.join(', ')})`,
  );
}

/** Categories: the sample's candidates with 2–100 distinct values over the whole file. */
async function categories(c: DuckDBConnection, view: string, s: ParsedFile): Promise<string[]> {
  const candidates = categoryCandidates({ source: s.file, header: s.header, roles: s.roles, columns: s.columns, rowCount: s.rowCount });
  if (candidates.length === 0) return [];
  const counts = candidates.map((h) => `count(DISTINCT coalesce(CAST(${ident(h)} AS VARCHAR), '')) AS ${ident(h)}`);
  const r = await c.runAndReadAll(`SELECT ${counts.join(', ')} FROM ${ident(view)}`);
  const row = r.getRowsJS()[0];
  return candidates.filter((_, k) => {
    const n = Number(row[k]);
    return n > 1 && n <= MAX_CATEGORY_VALUES;
  });
}

/**
 * Every distinct value of the status column over the whole file, so that a row status the sample
 * did not show (refunds that start in March) is read as the core reads it; [] without one.
 */
async function statusValues(c: DuckDBConnection, view: string, s: ParsedFile): Promise<string[]> {
  const col = s.roles.status;
  if (col === undefined) return [];
  const r = await c.runAndReadAll(`SELECT DISTINCT CAST(${ident(s.header[col])} AS VARCHAR) FROM ${ident(view)}`);
  return r.getRows().flatMap(([v]) => (v === null ? [] : [cellText(v)]));
}

/** Cohort starts and order of the customer lists' customers, for the summary's cohort matrix. */
async function startsTable(c: DuckDBConnection, lists: ParsedFile[]): Promise<string> {
  const m = buildCustomerModel(lists);
  await c.run('CREATE OR REPLACE TEMP TABLE cohort_starts (customer_id VARCHAR, customer_index BIGINT, start_day INTEGER, start_month INTEGER)');
  const a = await c.createAppender('cohort_starts');
  for (let i = 0; i < m.n; i++) {
    a.appendVarchar(m.ids[i]);
    a.appendBigInt(BigInt(i + 1));
    const d = m.startDay[i];
    if (Number.isNaN(d)) {
      a.appendNull();
      a.appendNull();
    } else {
      a.appendInteger(Math.floor(d));
      a.appendInteger(monthIndexOfDay(d));
    }
    a.endRow();
  }
  a.closeSync();
  return 'cohort_starts';
}

/** The summary's result as a file the core recognises (ingest/summary.ts), named after its source. */
async function summaryFile(c: DuckDBConnection, sql: string, input: Input): Promise<ParsedFile> {
  const r = await c.runAndReadAll(sql);
  const header = r.columnNames();
  const columns = r.getColumns().map((col) => col.map(cellText));
  const s = input.sample;
  return {
    file: input.name,
    kind: 'orders',
    encoding: s.encoding,
    delimiter: s.delimiter,
    header,
    columns: textColumns(columns),
    rowCount: columns[0]?.length ?? 0,
    roles: {},
    skipped: { ...s.skipped, blank: 0, totals: 0, repeatedHeader: 0 },
    issues: s.issues.filter((i) => i.code === 'no-dates-in-column'),
  };
}

function sumsMode(asked: string | undefined, rows: number, limit: number): 'group' | 'window' {
  if (asked === 'group' || asked === 'window') return asked;
  return rows * GROUPED_SUM_BYTES_PER_ROW <= limit / 2 ? 'group' : 'window';
}

/**
 * Every input as the core reads it, with each order log replaced by its customer summary made by
 * DuckDB. `settings` supply asOf, inactiveDays and period.
 */
export async function readWithDuckDB(paths: string[], settings: Settings, opts: DuckDBOptions = {}): Promise<ParsedFile[]> {
  const env = process.env;
  const ownTemp = !(opts.tempDirectory ?? env.CHURNLENS_DUCKDB_TEMP);
  const temp = opts.tempDirectory ?? env.CHURNLENS_DUCKDB_TEMP ?? mkdtempSync(join(tmpdir(), 'churnlens-duckdb-'));
  const threads = opts.threads ?? (env.CHURNLENS_DUCKDB_THREADS ? Number(env.CHURNLENS_DUCKDB_THREADS) : undefined);
  const memoryLimit = opts.memoryLimit ?? env.CHURNLENS_DUCKDB_MEMORY_LIMIT ?? '4GB';
  const config: Record<string, string> = {
    memory_limit: memoryLimit,
    temp_directory: temp,
    preserve_insertion_order: 'true',
  };
  if (threads) config.threads = String(threads);
  const db = await DuckDBInstance.create(':memory:', config);
  const c = await db.connect();
  try {
    const inputs: Input[] = [];
    for (const path of paths) inputs.push(await sampleOf(c, path, opts.encoding));
    const out: (ParsedFile | null)[] = inputs.map(() => null);
    // Customer lists and rosters first: the order logs join to them.
    for (const [k, input] of inputs.entries()) {
      // A summary made elsewhere is customer-sized: the core reads it whole (ingest/summary.ts).
      if (input.sample.kind !== 'orders' || isSummaryHeader(input.sample.header))
        out[k] = input.whole && !input.parquet ? input.sample : await readWhole(c, input, opts.encoding);
    }
    const lists = out.filter((f): f is ParsedFile => f !== null && f.kind === 'customers');
    const starts = lists.length
      ? await startsTable(
          c,
          out.filter((f): f is ParsedFile => f !== null),
        )
      : undefined;
    for (const [k, input] of inputs.entries()) {
      if (out[k]) continue;
      const view = `orders_${k + 1}`;
      await createView(c, view, input);
      const s = input.sample;
      const spec: SummarySpec = specFromSample(
        { source: input.name, header: s.header, roles: s.roles, columns: s.columns, rowCount: s.rowCount },
        {
          table: view,
          asOf: settings.asOf,
          inactiveDays: settings.inactiveDays,
          period: settings.period,
          starts,
          categories: await categories(c, view, s),
          statusValues: await statusValues(c, view, s),
          // Ordered sums in GROUP BY when their rows fit in half the memory limit, else over windows that spill.
          ...(sumsMode(opts.sums ?? env.CHURNLENS_DUCKDB_SUMS, input.rows, parseBytes(memoryLimit)) === 'group' ? { sums: 'group' as const } : {}),
        },
      );
      out[k] = await summaryFile(c, summarySql(spec, 'duckdb'), input);
    }
    return out as ParsedFile[];
  } finally {
    c.closeSync();
    db.closeSync();
    if (ownTemp) rmSync(temp, { recursive: true, force: true });
  }
}
