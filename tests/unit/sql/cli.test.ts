// npm run sql prints the SQL and nothing else; usage mistakes exit 2, unusable input 1.
// analyze --engine duckdb prints one JSON object (its equality with the in-memory path is in duckdb.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENV, freshCli } from '../../../scripts/build-cli';
import type { Analysis } from '../../../src/core/types';

const root = resolve(import.meta.dirname, '../../..');
// The compiled commands (dist-cli/, or a build of the current sources made now: scripts/build-cli.ts).
const cli = freshCli();
const run = (command: 'analyze' | 'sql', args: string[]) =>
  spawnSync(process.execPath, [join(cli, `${command}.mjs`), ...args], { encoding: 'utf8', cwd: root, env: CLI_ENV });
const dir = mkdtempSync(join(tmpdir(), 'churnlens-sql-cli-'));

describe('npm run sql', () => {
  it('prints the SQL for a sample file, and only the SQL', () => {
    const r = run('sql', [
      '--dialect',
      'bigquery',
      '--table',
      'proj.shop.orders',
      '--as-of',
      '2024-12-31',
      '--period',
      'quarter',
      'src/sample/orders.csv',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      "-- churnlens customer summary (churnlens-sql/1), bigquery: one row per customer, the cohort matrix, and the run's figures.",
    );
    expect(r.stdout).toMatch(/FROM `proj\.shop\.orders`/);
    expect(r.stdout).toMatch(/CAST\(`客户编号` AS STRING\)/);
    expect(r.stdout).toMatch(/-- As of 2024-12-31; inactive after 90 days without a purchase; cohorts by quarter;/);
    expect(r.stdout.trimEnd().endsWith('ORDER BY churnlens, customer_index, cohort, period_offset')).toBe(true);
  });

  it('takes the roles as flags, with or without a sample', () => {
    const f = join(dir, 'orders.csv');
    writeFileSync(f, 'ref,who,when,paid,note\n1,A,2024-01-02,5,x\n2,B,2024-01-03,7,y\n');
    const withFile = run('sql', ['--dialect', 'postgres', '--customer-id', 'who', '--order-date', 'when', '--amount', 'paid', f]);
    expect(withFile.status).toBe(0);
    expect(withFile.stdout).toMatch(/CAST\("who" AS TEXT\)/);
    const bare = run('sql', [
      '--dialect',
      'snowflake',
      '--customer-id',
      'CUSTOMER_ID',
      '--order-date',
      'ORDER_DATE',
      '--unit-price',
      'PRICE',
      '--quantity',
      'QTY',
    ]);
    expect(bare.stderr).toBe('');
    expect(bare.status).toBe(0);
    expect(bare.stdout).toMatch(/CAST\(CUSTOMER_ID AS VARCHAR\)/);
    expect(bare.stdout).toMatch(/quantity_value \* unit_price_value/);
  });

  it('leaves out rows whose status says they are not sales: the values the sample shows, and those given with --order-status', () => {
    const f = join(dir, 'wc.csv');
    writeFileSync(
      f,
      'Order ID,Order Date,Order Status,Order Total,Customer User ID\n1,2024-01-02,completed,5,7\n2,2024-01-03,Cancelled,5,7\n3,2024-01-04,processing,5,8\n',
    );
    const sample = run('sql', ['--dialect', 'duckdb', f]);
    expect(sample.stderr).toBe('');
    expect(sample.stdout).toContain(`coalesce(CAST("Order Status" AS VARCHAR), '') AS status_raw`);
    expect(sample.stdout).toContain(`WHEN lower(status_text) IN ('cancelled') THEN 2`);
    // The whole table's values (SELECT DISTINCT "Order Status" …), read by the core's rule: completed stays a sale.
    const given = run('sql', ['--dialect', 'postgres', '--order-status', 'Refunded, completed', '--order-status', 'on-hold', f]);
    expect(given.stderr).toBe('');
    expect(given.status).toBe(0);
    expect(given.stdout).toContain(`WHEN lower(status_text) IN ('cancelled', 'on-hold', 'refunded') THEN 2`);
    const bare = run('sql', [
      '--dialect',
      'snowflake',
      '--customer-id',
      'CUSTOMER_ID',
      '--order-date',
      'ORDER_DATE',
      '--status',
      'STATUS',
      '--order-status',
      'pending,shipped',
    ]);
    expect(bare.stderr).toBe('');
    expect(bare.stdout).toContain('CAST(STATUS AS VARCHAR)');
    expect(bare.stdout).toContain(`WHEN lower(status_text) IN ('pending') THEN 2`);
  });

  it.each([
    [
      ['--dialect', 'duckdb', '--order-status', 'pending', 'src/sample/orders.csv'],
      /--order-status: orders\.csv has no status column: name it with --status COL/,
    ],
    [['--dialect', 'duckdb', '--customer-id', 'a', '--order-date', 'b', '--order-status', 'pending'], /--order-status needs the status column/],
    [['--dialect', 'duckdb', '--order-status', ' , ', 'src/sample/orders.csv'], /--order-status takes status values/],
    [['src/sample/orders.csv'], /--dialect is required/],
    [['--dialect', 'oracle', 'src/sample/orders.csv'], /--dialect must be one of duckdb, postgres, bigquery, spark, snowflake/],
    [['--dialect', 'duckdb', '--as-of', '2024-02-30', 'src/sample/orders.csv'], /--as-of must be a date/],
    [['--dialect', 'duckdb', '--customer-id', 'nope', 'src/sample/orders.csv'], /has no column "nope"/],
    [['--dialect', 'duckdb', '--customer-id', 'a'], /give a sample FILE, or at least --customer-id and --order-date/],
  ])('refuses %j with exit code 2', (args, message) => {
    const r = run('sql', args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('says which column it could not find, with exit code 1', () => {
    const f = join(dir, 'nodate.csv');
    writeFileSync(f, 'Customer ID,Amount\nA,5\nB,7\n');
    const r = run('sql', ['--dialect', 'duckdb', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no order date column found: name it with --customer-id \/ --order-date/);
  });
});

describe('npm run analyze -- --engine duckdb', () => {
  it('prints exactly one JSON object, which says the orders were summarised by DuckDB', () => {
    const r = run('analyze', ['--engine', 'duckdb', '--as-of', '2024-12-31', 'src/sample/customers.csv', 'src/sample/orders.csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0]) as Analysis;
    expect(a.customers.churned).toBe(848);
    expect(a.summary).toMatchObject({ file: 'orders.csv', dialect: 'duckdb', rows: 37234, customers: 3000 });
  }, 30_000);

  it('refuses another engine with exit code 2', () => {
    const r = run('analyze', ['--engine', 'spark', 'src/sample/orders.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--engine must be duckdb/);
  });
});
