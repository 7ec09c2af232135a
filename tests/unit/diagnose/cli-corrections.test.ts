// The command line reports the questions in its JSON (issues with the same codes) and takes the
// corrections that answer them: --settings (a question's answer), --role, --status, --tenure-unit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENV, freshCli } from '../../../scripts/build-cli';
import type { Analysis } from '../../../src/core/types';

const root = resolve(import.meta.dirname, '../../..');
// The compiled command (dist-cli/, or a build of the current sources made now: scripts/build-cli.ts).
const cli = freshCli();
const analyze = (args: string[]) => spawnSync(process.execPath, [join(cli, 'analyze.mjs'), ...args], { encoding: 'utf8', cwd: root, env: CLI_ENV });
/** What `analyze` prints: one Analysis as JSON. */
const analysisOf = (stdout: string) => JSON.parse(stdout) as Analysis;
const dir = mkdtempSync(join(tmpdir(), 'churnlens-questions-'));

// 状态 1 (6 rows) / 0 (2 rows): the header does not say which is lost. Tenure 0..7, unit unstated.
const lines = ['客户编号,状态,合作年限数'];
for (let n = 1; n <= 8; n++) lines.push(`K${n},${n <= 6 ? 1 : 0},${n - 1}`);
const file = join(dir, 'list.csv');
writeFileSync(file, lines.join('\n'));

describe('analyze: questions in the JSON, and the corrections that answer them', () => {
  it('reports no-churn-signal in questions and issues', () => {
    const r = analyze([file]);
    expect(r.status).toBe(0);
    const a = analysisOf(r.stdout);
    expect(a.definition.mode).toBe('none');
    expect(a.questions[0]).toMatchObject({
      code: 'no-churn-signal',
      candidates: [
        {
          column: '状态',
          index: 1,
          samples: [
            { value: '1', count: 6 },
            { value: '0', count: 2 },
          ],
        },
      ],
    });
    expect(a.issues.map((i) => i.code)).toContain('no-churn-signal');
  });

  it("--settings applies a question's answer; --status says what the values mean", () => {
    const answer = analysisOf(analyze([file]).stdout).questions[0].candidates[0].answer;
    const r = analyze(['--settings', JSON.stringify(answer), '--status', 'list.csv:0=lost', '--status', 'list.csv:1=active', file]);
    expect(r.stderr).toBe('');
    const a = analysisOf(r.stdout);
    expect(a.customers).toEqual({ total: 8, churned: 2, active: 6, churnRate: 0.25 });
    expect(a.statusValues?.[0].values.map((v) => [v.value, v.source])).toEqual([
      ['1', 'user'],
      ['0', 'user'],
    ]);
  });

  it('--role by header text, --tenure-unit', () => {
    const a = analysisOf(
      analyze([
        '--role',
        'list.csv:status=状态',
        '--role',
        'list.csv:tenure=2',
        '--tenure-unit',
        'year',
        '--status',
        'list.csv:0=lost',
        '--status',
        'list.csv:1=active',
        file,
      ]).stdout,
    );
    expect(a.inputs[0].roles).toMatchObject({ status: '状态', tenure: '合作年限数' });
    expect(a.tenure).toEqual({ column: '合作年限数', unit: 'year', source: 'setting' });
    expect(a.customers.churned).toBe(2);
  });

  it.each([
    [['--tenure-unit', 'weeks', file], /--tenure-unit must be/],
    [['--status', 'list.csv:0=gone', file], /is not one of/],
    [['--role', 'list.csv:nope=状态', file], /is not a role/],
    [['--role', 'list.csv:status=没有', file], /has no column/],
    [['--settings', '{"tenureUnit":"weeks"}', file], /--settings/],
  ])('rejects %j with exit code 2', (args, message) => {
    const r = analyze(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
