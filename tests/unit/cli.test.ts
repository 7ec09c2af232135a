// The command line prints one JSON object and nothing else; bad input is a message on stderr.
// It runs compiled (dist-cli/, scripts/build-cli.ts): the same Analysis as the core in process,
// and a build older than its sources says so.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENV, freshCli } from '../../scripts/build-cli';
import { BUILD_INFO, type BuildInfo, buildInput, staleInputs } from '../../src/cli/build-info';
import { analyze } from '../../src/core/analyze';
import { classifyMany } from '../../src/core/causes/classify';
import { ingestSource } from '../../src/core/ingest/source';
import { checkedSettings } from '../../src/core/settings';
import type { Analysis } from '../../src/core/types';

const root = resolve(import.meta.dirname, '../..');
// The compiled commands (dist-cli/, or a build of the current sources made now: scripts/build-cli.ts).
const cli = freshCli();
const run = (command: 'analyze' | 'classify', args: string[], input?: string) =>
  spawnSync(process.execPath, [join(cli, `${command}.mjs`), ...args], { encoding: 'utf8', input, cwd: root, env: CLI_ENV });

/** What `analyze` prints: one Analysis as JSON. */
const analysisOf = (stdout: string) => JSON.parse(stdout) as Analysis;
/** What `classify` prints: one of these a line. */
type Classified = { text: string; cause: string; confidence: number };
const classifiedOf = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Classified);

const dir = mkdtempSync(join(tmpdir(), 'churnlens-cli-'));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe('analyze', () => {
  it('prints exactly one JSON object for the sample files', () => {
    const r = run('analyze', ['--as-of', '2024-12-31', 'src/sample/customers.csv', 'src/sample/orders.csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const a = analysisOf(lines[0]);
    expect(a.asOf).toBe('2024-12-31');
    expect(a.inputs.map((i) => [i.kind, i.rows])).toEqual([
      ['customers', 3000],
      ['orders', 37234],
    ]);
    expect(a.customers.total).toBe(3000);
    expect(a.customers.churned).toBe(848);
  }, 30_000);

  it('honours --inactive-days when the data has no status', () => {
    const f = write('orders.csv', 'Order ID,Customer ID,Order Date,Amount\n1,A,2024-01-01,5\n2,B,2024-03-01,5\n');
    const a = analysisOf(run('analyze', ['--inactive-days', '30', f]).stdout);
    expect(a.definition.mode).toBe('inactivity');
    expect(a.customers).toEqual({ total: 2, churned: 1, active: 1, churnRate: 0.5 });
  });

  it.each([
    ['empty.csv', '', /empty\.csv is empty/],
    ['image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /not a text file/],
    ['numbers.csv', '1,2,3\n4,5,6\n', /no recognisable header/],
  ])('rejects %s with a message and exit code 1', (name, data, message) => {
    const r = run('analyze', [write(name, data)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  const xlsx = new URL('../../../shared/data/telco-ibm-reasons.xlsx', import.meta.url);
  if (!existsSync(xlsx)) console.warn('*** cli.test.ts: ../shared/data/telco-ibm-reasons.xlsx absent, .xlsx CLI test SKIPPED ***');
  it.skipIf(!existsSync(xlsx))(
    'reads an .xlsx workbook (../shared/data, read in place)',
    () => {
      const r = run('analyze', [xlsx.pathname]);
      expect(r.stderr).toBe('');
      const a = analysisOf(r.stdout);
      expect(a.inputs[0].rows).toBe(7043);
      // Churn Label / Churn Value: 1,869 churned customers in the IBM file.
      expect(a.customers.churned).toBe(1869);
    },
    30_000,
  );

  it('rejects usage mistakes with exit code 2', () => {
    expect(run('analyze', []).status).toBe(2);
    expect(run('analyze', ['--as-of', '31/12/2024', 'x.csv']).status).toBe(2);
    expect(run('analyze', [join(dir, 'missing.csv')]).status).toBe(1);
  });
});

describe('the compiled command line is the core', () => {
  it('analyze prints the Analysis the core makes in process, on the sample', async () => {
    const files = ['customers', 'orders', 'staff'].map((n) => `src/sample/${n}.csv`);
    const r = run('analyze', ['--as-of', '2024-12-31', '--inactive-days', '60', ...files]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const parsed = [];
    for (const f of files) {
      const b = readFileSync(join(root, f));
      parsed.push(await ingestSource(f.split('/').pop()!, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
    }
    const inProcess = analyze(parsed, checkedSettings({ asOf: '2024-12-31', inactiveDays: 60 }));
    // Written out, so two empty analyses cannot pass: 3,000 customers, 848 lost by their status, 13 causes.
    expect(inProcess.customers).toEqual({ total: 3000, churned: 848, active: 2152, churnRate: 848 / 3000 });
    expect(inProcess.causes).toHaveLength(13);
    expect(analysisOf(r.stdout)).toEqual(JSON.parse(JSON.stringify(inProcess)));
  }, 30_000);

  it('classify prints what the classifier says in process', () => {
    const reasons = ['价格太高了', '业务员离职，客户跟着走了', 'switched to a competitor', '交期一再延误', 'no idea', ''];
    const r = run('classify', [], `${reasons.join('\n')}\n`);
    expect(r.stderr).toBe('');
    const got = classifiedOf(r.stdout);
    const want = classifyMany(reasons).map((x, i) => ({ text: reasons[i], cause: x.cause, confidence: Math.round(x.confidence * 1000) / 1000 }));
    expect(got).toEqual(want);
    expect(new Set(got.map((o) => o.cause)).size).toBeGreaterThan(3);
  });

  it('says when it was built before its sources changed', () => {
    // A copy of the build whose build.json lists src/cli/analyze.ts alone: as it is, then as something else.
    const copy = mkdtempSync(join(tmpdir(), 'churnlens-stale-'));
    cpSync(cli, copy, { recursive: true });
    const info = JSON.parse(readFileSync(join(copy, BUILD_INFO), 'utf8')) as BuildInfo;
    expect(Object.keys(info.inputs)).toEqual(
      expect.arrayContaining(['src/cli/analyze.ts', 'src/core/analyze.ts', 'src/core/causes/model-weights.ts', 'package-lock.json']),
    );
    const help = (inputs: BuildInfo['inputs']) => {
      writeFileSync(join(copy, BUILD_INFO), JSON.stringify({ root, inputs }));
      return spawnSync(process.execPath, [join(copy, 'analyze.mjs'), '--help'], {
        encoding: 'utf8',
        env: { ...process.env, CHURNLENS_BUILD_CHECK: '' },
      });
    };
    const now = buildInput(join(root, 'src/cli/analyze.ts'));
    expect(help({ 'src/cli/analyze.ts': now }).stderr).toBe('');
    const r = help({ 'src/cli/analyze.ts': { ...now, mtimeMs: 0, sha256: '0'.repeat(64) } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run --silent analyze/);
    expect(r.stderr).toBe(`churnlens: warning: ${copy}/ was built before src/cli/analyze.ts changed; run npm run build:cli\n`);
  });

  it('reads a file again only when its size or time changed, and then by its content', () => {
    const d = mkdtempSync(join(tmpdir(), 'churnlens-build-info-'));
    const src = join(d, 'a.ts');
    writeFileSync(src, 'export const a = 1;\n');
    const info: BuildInfo = { root: d, inputs: { 'a.ts': buildInput(src), 'gone.ts': buildInput(src) } };
    writeFileSync(join(d, BUILD_INFO), JSON.stringify(info));
    expect(staleInputs(d)).toEqual(['gone.ts']);
    writeFileSync(src, 'export const a = 1;\n'); // touched, same content
    expect(staleInputs(d)).toEqual(['gone.ts']);
    writeFileSync(src, 'export const a = 2;\n'); // same size, new content
    expect(staleInputs(d)).toEqual(['a.ts', 'gone.ts']);
    expect(staleInputs(join(d, 'nowhere'))).toBeNull();
  });
});

describe('classify', () => {
  it('prints one JSON line per input line', () => {
    const r = run('classify', [], 'too expensive\r\n业务员离职了\n\n');
    expect(r.status).toBe(0);
    const out = classifiedOf(r.stdout);
    expect(out.map((o) => [o.text, o.cause])).toEqual([
      ['too expensive', 'price'],
      ['业务员离职了', 'staff-turnover'],
      ['', 'unclassified'],
    ]);
    for (const o of out) expect(o.confidence).toBeGreaterThanOrEqual(0);
  });
});
