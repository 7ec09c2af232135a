// The same numbers, proven: each input is analysed by the in-memory path (the page's and the
// CLI's: ingest → analyze) and by the DuckDB path (cli/duckdb.ts: the customer-summary SQL run out
// of core, the summary handed to the same core), and the two Analysis objects must be equal.
//
// Compared: the whole Analysis, except what differs by engine by construction, named here:
//   summary            only the DuckDB path has it (which SQL summarised the order log);
//   inputs[].encoding  the order log's, read from DuckDB's sample (and a Parquet file has none);
//   inputs[].delimiter likewise;
//   inputs[].file      only where a Parquet file is compared with the CSV it was written from.
// Everything else, floating-point revenue sums included, must be identical to the last bit: the
// SQL adds purchases in the core's order (by day, then row; cohort cells by customer first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { ingestSource } from '../../../src/core/ingest/source';
import { checkedSettings } from '../../../src/core/settings';
import type { Analysis, ParsedFile, Settings } from '../../../src/core/types';
import { readWithDuckDB } from '../../../src/cli/duckdb';
import { writeOrderLog } from '../../../scripts/lib/orders';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'churnlens-duckdb-'));
const RETAIL = resolve(root, '../shared/data/online-retail.csv');

async function inMemory(paths: string[], settings: Settings): Promise<Analysis> {
  const parsed: ParsedFile[] = [];
  for (const p of paths) {
    const b = readFileSync(p);
    parsed.push(await ingestSource(p.split('/').pop()!, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer));
  }
  return analyze(parsed, settings);
}

async function viaDuckDB(paths: string[], settings: Settings, sums?: 'group' | 'window'): Promise<Analysis> {
  return analyze(await readWithDuckDB(paths, settings, { memoryLimit: '1GB', threads: 2, sums }), settings);
}

/** The Analysis less what differs by engine (see the header). */
function comparable(a: Analysis, opts: { file?: boolean } = {}) {
  const { summary: _summary, ...rest } = a;
  void _summary;
  return {
    ...rest,
    inputs: a.inputs.map(({ encoding: _e, delimiter: _d, file, ...i }) => ({ ...i, ...(opts.file === false ? {} : { file }) })),
  };
}

const defaults = (patch: Partial<Settings> = {}) => checkedSettings({ ...patch });

/** An order log written to exercise every rule the SQL follows (see the comment on each row). */
const TRICKY = [
  'Invoice,Customer ID,Order Date,Quantity,Unit Price,Country,Sales Rep,Channel',
  'A1, K1 ,2024-01-05,2,"1,234.50",UK,Ann,web', // id trimmed; thousands separator
  'A2,K1,1/5/2024 10:00,1,3.10,UK,,web', // month-first (the column says so: 1/13/2024 below); time ignored; blank rep keeps Ann
  'C3,K1,2024-02-01,1,5,UK,Bob,shop', // a cancelled invoice: not a purchase
  'A4,K2,2024-02-30,1,5,FR,Cid,shop', // no such day: a bad date, the row is left out
  'A5,K2,2024-03-01,-1,5,FR,Cid,shop', // a return (negative quantity)
  'A6,,2024-03-02,1,5,FR,Dee,web', // no customer id: unattributed
  'A7,K3,2024/3/3,1,N/A,DE,Eve,web', // a placeholder price: a purchase worth 0, not a bad number
  'A8,K3,2024-03-04,1,abc,DE,Eve,web', // a bad number: a purchase worth 0
  'A9,K4,1/13/2024,3,2,ES,Fay,shop', // month-first evidence
  'A10,K4,2024年3月5日,1,¥7.25,ES,Fay,shop', // Chinese date; currency sign
  'A11,K4,20240306,1,(2.00),ES,Gus,shop', // compact date; accounting negative: a return
  'A12,K5,2024-05-10,1,1.10,IT,,web', // K5's latest order names no rep…
  'A13,K5,2024-05-01,1,2.20,IT,Zed,shop', // …and an earlier-dated row after it does not count as latest: rep stays ''
  'A14,K6,12/31/23,1,0.1,NL,Hal,web', // two-digit year
  'A15,K6,2024-03,1,0.2,NL,Hal,web', // year-month: the first of the month
  'A16,K6,2024-03-31,1,0.3,NL,Ivy,shop', // 0.1 + 0.2 + 0.3 in the core's order
  'A17,K7,2024-06-30,1,9.99,PL,Jo,web', // the latest date: asOf
  'A18,K1,2024-06-01,2,0.7,UK,Ann,shop',
  'A19,K1,2024-04-15,1,0.35,UK,Kim,web',
  'A20,K3,2024-04-20,4,1.5,DE,Eve,shop',
].join('\n');

describe('the DuckDB path gives the in-memory path’s Analysis', () => {
  it('on an order log written to exercise every rule (returns, cancellations, date and number forms, latest-order fields)', async () => {
    const p = join(dir, 'tricky.csv');
    writeFileSync(p, `${TRICKY}\n`);
    const mem = await inMemory([p], defaults());
    // The figures, written out: so the equality below cannot pass on two empty analyses.
    expect(mem.asOf).toBe('2024-06-30');
    // K2 bought nothing (a bad date, a return): 6 customers; K4 (last 5 March) and K6 (31 March) are
    // more than 90 days silent on 30 June.
    expect(mem.customers).toEqual({ total: 6, churned: 2, active: 4, churnRate: 2 / 6 });
    expect(mem.issues.map((i) => [i.code, i.params?.count])).toEqual([
      ['bad-dates', 1],
      ['bad-numbers', 1],
      ['orders-without-customer', 1],
      ['orders-returns', 3],
    ]);
    // Latest-order fields: K1's rep is Ann (its latest order; the later row dated 15 April is not
    // the latest), K5's is blank (its latest order names none; an earlier-dated row after it does).
    // K1 is declining (1.75 in the last 90 days against 2,472.10 before), K3 and K5 silent (> 45 days).
    expect(mem.atRisk.list.map((c) => [c.id, c.rep, c.lastOrder, c.silent, c.declining])).toEqual([
      ['K1', 'Ann', '2024-06-01', false, true],
      ['K3', 'Eve', '2024-04-20', true, false],
      ['K5', '', '2024-05-10', true, false],
    ]);
    for (const sums of ['group', 'window'] as const) {
      expect(comparable(await viaDuckDB([p], defaults(), sums))).toEqual(comparable(mem));
    }
  });

  it('on the sample (customer list, order log, staff roster): cohorts start at the list’s dates, in its order', async () => {
    const files = ['customers', 'orders', 'staff'].map((n) => resolve(root, `src/sample/${n}.csv`));
    const settings = defaults({ asOf: '2024-12-31' });
    const mem = await inMemory(files, settings);
    expect(mem.customers).toEqual({ total: 3000, churned: 848, active: 2152, churnRate: 848 / 3000 });
    expect(mem.cohorts.rows).toHaveLength(35);
    const duck = await viaDuckDB(files, settings);
    expect(duck.summary).toMatchObject({ file: 'orders.csv', dialect: 'duckdb', asOf: '2024-12-31', rows: 37234 });
    expect(comparable(duck)).toEqual(comparable(mem));
  });

  it('on the sample order log alone, by quarter, with the inactivity threshold changed', async () => {
    const p = resolve(root, 'src/sample/orders.csv');
    const settings = defaults({ period: 'quarter', inactiveDays: 60 });
    const mem = await inMemory([p], settings);
    expect(mem.cohorts.period).toBe('quarter');
    expect(comparable(await viaDuckDB([p], settings))).toEqual(comparable(mem));
  });

  it('on a generated 100,000-row log, as CSV and as Parquet (typed columns)', async () => {
    const csv = join(dir, 'orders-100k.csv');
    await writeOrderLog(csv, 100_000, 42);
    const settings = defaults();
    const mem = await inMemory([csv], settings);
    expect(mem.inputs[0].rows).toBe(100_000);
    expect(mem.customers.total).toBe(12_490);
    expect(comparable(await viaDuckDB([csv], settings))).toEqual(comparable(mem));

    const parquet = join(dir, 'orders-100k.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`);
    const types = (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${parquet}')`)).getRowsJS().map((r) => `${r[0]}:${r[1]}`);
    expect(types).toEqual(['order_id:VARCHAR', 'customer_id:VARCHAR', 'order_date:DATE', 'amount:DOUBLE', 'quantity:BIGINT', 'region:VARCHAR', 'rep:VARCHAR']);
    c.closeSync();
    db.closeSync();
    expect(comparable(await viaDuckDB([parquet], settings), { file: false })).toEqual(comparable(mem, { file: false }));
  }, 120_000);

  const retail = existsSync(RETAIL);
  if (!retail) console.warn(`\n*** sql/duckdb.test.ts: ${RETAIL} not found: the online-retail comparison is SKIPPED ***\n`);
  it.skipIf(!retail)('on ../shared/data/online-retail.csv (541,909 rows, read in place)', async () => {
    const settings = defaults();
    const mem = await inMemory([RETAIL], settings);
    expect(mem.customers).toEqual({ total: 4339, churned: 1449, active: 2890, churnRate: 1449 / 4339 });
    const duck = await viaDuckDB([RETAIL], settings);
    expect(duck.summary?.rows).toBe(541_909);
    expect(comparable(duck)).toEqual(comparable(mem));
  }, 180_000);
});

describe('the summary as a file (what the page reads)', () => {
  it('a summary CSV written by DuckDB, analysed by the core alone, gives the order log’s Analysis', async () => {
    const p = resolve(root, 'src/sample/orders.csv');
    const settings = defaults();
    const mem = await inMemory([p], settings);
    // The SQL as `npm run sql` prints it, run by DuckDB on a table named orders, saved as CSV.
    const sql = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/sql.ts'), '--dialect', 'duckdb', p], { encoding: 'utf8' });
    // Saved under the order log's own name (elsewhere), so the inputs and issues name the same file.
    mkdirSync(join(dir, 'summary'), { recursive: true });
    const out = join(dir, 'summary', 'orders.csv');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`CREATE VIEW orders AS SELECT * FROM read_csv('${p}', all_varchar = true)`);
    await c.run(`COPY (${sql}) TO '${out}' (HEADER, DELIMITER ',')`);
    c.closeSync();
    db.closeSync();
    const summary = await inMemory([out], settings);
    expect(summary.summary).toMatchObject({ file: 'orders.csv', source: 'orders.csv', table: 'orders', dialect: 'duckdb', rows: 37234, customers: 3000 });
    expect(summary.summary?.sql).toBe(sql);
    expect(summary.inputs[0]).toMatchObject({ file: 'orders.csv', kind: 'orders', rows: 37234 });
    expect(comparable(summary)).toEqual(comparable(mem));
  }, 60_000);
});
