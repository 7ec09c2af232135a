// The command line prints one JSON object and nothing else; bad input is a message on stderr.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const run = (script: string, args: string[], input?: string) =>
  spawnSync(tsx, [join(root, 'src/cli', script), ...args], { encoding: 'utf8', input, cwd: root });

const dir = mkdtempSync(join(tmpdir(), 'churnlens-cli-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('analyze', () => {
  it('prints exactly one JSON object for the sample files', () => {
    const r = run('analyze.ts', ['--as-of', '2024-12-31', 'src/sample/customers.csv', 'src/sample/orders.csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0]);
    expect(a.asOf).toBe('2024-12-31');
    expect(a.inputs.map((i: { kind: string; rows: number }) => [i.kind, i.rows])).toEqual([
      ['customers', 3000],
      ['orders', 37234],
    ]);
    expect(a.customers.total).toBe(3000);
    expect(a.customers.churned).toBe(848);
  });

  it('honours --inactive-days when the data has no status', () => {
    const f = write('orders.csv', 'Order ID,Customer ID,Order Date,Amount\n1,A,2024-01-01,5\n2,B,2024-03-01,5\n');
    const a = JSON.parse(run('analyze.ts', ['--inactive-days', '30', f]).stdout);
    expect(a.definition.mode).toBe('inactivity');
    expect(a.customers).toEqual({ total: 2, churned: 1, active: 1, churnRate: 0.5 });
  });

  it.each([
    ['empty.csv', '', /empty\.csv is empty/],
    ['image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /not a text file/],
    ['numbers.csv', '1,2,3\n4,5,6\n', /no recognisable header/],
  ])('rejects %s with a message and exit code 1', (name, data, message) => {
    const r = run('analyze.ts', [write(name, data)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  const xlsx = new URL('../../../shared/data/telco-ibm-reasons.xlsx', import.meta.url);
  if (!existsSync(xlsx)) console.warn('*** cli.test.ts: ../shared/data/telco-ibm-reasons.xlsx absent, .xlsx CLI test SKIPPED ***');
  it.skipIf(!existsSync(xlsx))('reads an .xlsx workbook (../shared/data, read in place)', () => {
    const r = run('analyze.ts', [xlsx.pathname]);
    expect(r.stderr).toBe('');
    const a = JSON.parse(r.stdout);
    expect(a.inputs[0].rows).toBe(7043);
    // Churn Label / Churn Value: 1,869 churned customers in the IBM file.
    expect(a.customers.churned).toBe(1869);
  });

  it('rejects usage mistakes with exit code 2', () => {
    expect(run('analyze.ts', []).status).toBe(2);
    expect(run('analyze.ts', ['--as-of', '31/12/2024', 'x.csv']).status).toBe(2);
    expect(run('analyze.ts', [join(dir, 'missing.csv')]).status).toBe(1);
  });
});

describe('classify', () => {
  it('prints one JSON line per input line', () => {
    const r = run('classify.ts', [], 'too expensive\r\n业务员离职了\n\n');
    expect(r.status).toBe(0);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.text, o.cause])).toEqual([
      ['too expensive', 'price'],
      ['业务员离职了', 'staff-turnover'],
      ['', 'unclassified'],
    ]);
    for (const o of out) expect(o.confidence).toBeGreaterThanOrEqual(0);
  });
});
