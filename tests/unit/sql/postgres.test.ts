// The PostgreSQL summary SQL, run by PostgreSQL (Debian's package; .ci/run installs and starts
// it): each order log is loaded into a table (a bigserial keeps the file's row order), the SQL
// runs on it and its result, saved as CSV, is analysed by the core alone. The Analysis must equal
// the in-memory path's, bar what duckdb.test.ts names (summary, encoding, delimiter).
// Without a reachable server the tests are skipped with a message. Spark SQL, BigQuery and
// Snowflake cannot run here (Spark installs from PyPI or Maven, not from the npm registry or
// Debian); generate.test.ts parses their SQL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOrderLog } from '../../../scripts/lib/orders';
import { analyze } from '../../../src/core/analyze';
import { ingestBytes } from '../../../src/core/ingest/index';
import { summarySql } from '../../../src/core/sql/generate';
import { specFromSample } from '../../../src/core/sql/spec';
import type { Settings } from '../../../src/core/types';
import { comparable, defaults, inMemory, TRICKY, WOO } from './fixtures';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'churnlens-pg-'));
const DB = `churnlens_test_${process.pid}`;

/** psql as this user (PG* variables), else, as root, as the postgres user; null when no server answers. */
function findPsql(): string[] | null {
  const tries = [['psql'], ...(process.getuid?.() === 0 ? [['runuser', '-u', 'postgres', '--', 'psql']] : [])];
  for (const t of tries) {
    const r = spawnSync(t[0], [...t.slice(1), '-XAtqc', 'SELECT 1', 'postgres'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === '1') return t;
  }
  return null;
}
const psql = findPsql();
if (!psql)
  console.warn('\n*** sql/postgres.test.ts: no PostgreSQL server reachable (apt-get install -y postgresql; .ci/run starts it): SKIPPED ***\n');
const spark = spawnSync('spark-sql', ['--version'], { encoding: 'utf8' }).status === 0;
if (!spark) {
  console.warn(
    '\n*** sql/postgres.test.ts: no spark-sql here (Spark installs from PyPI or Maven, not from the npm registry or Debian): the Spark SQL is parsed and golden-filed only, not run ***\n',
  );
}

function run(args: string[], input?: Buffer | string): string {
  const r = spawnSync(psql![0], [...psql!.slice(1), '-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args], { input, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`psql: ${r.stderr.toString()}`);
  return r.stdout.toString();
}

if (psql) {
  run(['-c', `DROP DATABASE IF EXISTS ${DB}`, 'postgres']);
  run(['-c', `CREATE DATABASE ${DB} ENCODING 'UTF8' TEMPLATE template0`, 'postgres']);
}
afterAll(() => {
  if (psql) run(['-c', `DROP DATABASE IF EXISTS ${DB}`, 'postgres']);
});

/** Load a CSV into a fresh table `orders` (text columns, row_no in file order), run the SQL, read its result as the core would. */
async function viaPostgres(path: string, settings: Settings) {
  const bytes = readFileSync(path);
  const sample = ingestBytes('orders.csv', bytes);
  const cols = sample.header.map((h) => `"${h.replace(/"/g, '""')}"`);
  run(['-d', DB, '-c', `DROP TABLE IF EXISTS orders; CREATE TABLE orders (row_no bigserial, ${cols.map((c) => `${c} text`).join(', ')})`]);
  run(['-d', DB, '-c', `COPY orders (${cols.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`], bytes);
  const spec = specFromSample(
    { source: 'orders.csv', header: sample.header, roles: sample.roles, columns: sample.columns, rowCount: sample.rowCount },
    { table: 'orders', orderColumn: 'row_no', asOf: settings.asOf, inactiveDays: settings.inactiveDays, period: settings.period },
  );
  const csv = run(['-d', DB, '-f', '-'], `COPY (${summarySql(spec, 'postgres')}) TO STDOUT WITH (FORMAT csv, HEADER true);\n`);
  writeFileSync(join(dir, 'summary.csv'), csv);
  return analyze([ingestBytes(basename(path), Buffer.from(csv))], settings);
}

describe.skipIf(!psql)('PostgreSQL runs the summary SQL and the core reads its result', () => {
  it('on an order log written to exercise every rule', async () => {
    const p = join(dir, 'tricky.csv');
    writeFileSync(p, `${TRICKY}\n`);
    const mem = await inMemory([p], defaults());
    expect(mem.customers.total).toBe(6);
    const pg = await viaPostgres(p, defaults());
    expect(pg.summary).toMatchObject({ dialect: 'postgres', table: 'orders', rows: 20, customers: 6 });
    expect(comparable(pg)).toEqual(comparable(mem));
  }, 60_000);

  it('on a WooCommerce-style log: rows whose status says they are not sales are left out, and named', async () => {
    const p = join(dir, 'woo.csv');
    writeFileSync(p, `${WOO}\n`);
    const mem = await inMemory([p], defaults());
    expect(mem.issues.at(-1)).toEqual({
      code: 'orders-not-sales',
      file: 'woo.csv',
      column: 'Order Status',
      params: { count: 9, values: 'pending, cancelled, refunded, Refunded, CANCELLED, on-hold' },
    });
    const pg = await viaPostgres(p, defaults());
    expect(pg.summary).toMatchObject({ dialect: 'postgres', rows: 17, customers: 3 });
    expect(comparable(pg)).toEqual(comparable(mem));
  }, 60_000);

  it('on the WooCommerce export fixture (tests/fixtures/exports)', async () => {
    const p = resolve(root, 'tests/fixtures/exports/woocommerce-orders.csv');
    const mem = await inMemory([p], defaults());
    expect(mem.issues.find((i) => i.code === 'orders-not-sales')?.params).toEqual({ count: 30, values: 'refunded, cancelled' });
    expect(comparable(await viaPostgres(p, defaults()))).toEqual(comparable(mem));
  }, 60_000);

  it('on the sample order log, by quarter, as of a date inside the log', async () => {
    const p = resolve(root, 'src/sample/orders.csv');
    const settings = defaults({ asOf: '2023-08-15', period: 'quarter' });
    const mem = await inMemory([p], settings);
    expect(mem.cohorts.incompletePeriod).toBe('2023-Q3');
    expect(comparable(await viaPostgres(p, settings))).toEqual(comparable(mem));
  }, 60_000);

  it('on a generated 100,000-row log', async () => {
    const p = join(dir, 'orders.csv');
    await writeOrderLog(p, 100_000, 7);
    const mem = await inMemory([p], defaults());
    expect(mem.inputs[0].rows).toBe(100_000);
    expect(comparable(await viaPostgres(p, defaults()))).toEqual(comparable(mem));
  }, 120_000);
});
