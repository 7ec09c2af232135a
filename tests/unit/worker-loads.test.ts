// The worker's handler when loads overlap (a file dropped while a session is being restored): the
// newest load wins whichever finishes first; the older one ends as cancelled and never replaces
// the files the page's next edits are analysed on.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { Handler } from '../../src/worker/handlers';
import type { Response } from '../../src/worker/protocol';

const buf = (s: string) => new TextEncoder().encode(s).buffer;
const rows = (n: number, prefix: string) =>
  [
    'Customer ID,Status,Churn Reason',
    ...Array.from({ length: n }, (_, i) => `${prefix}${i},${i % 2 ? 'Churned' : 'Active'},${i % 2 ? 'too expensive' : ''}`),
  ].join('\n');

describe('overlapping loads in the worker', () => {
  it('the newer load wins; the older one is cancelled even if it finishes last', async () => {
    const h = new Handler();
    const out: Response[] = [];
    const post = (r: Response) => out.push(r);
    const big = h.handle({ id: 1, type: 'load', files: [{ name: 'big.csv', bytes: buf(rows(300_000, 'B')) }], settings: DEFAULT_SETTINGS }, post);
    const small = h.handle({ id: 2, type: 'load', files: [{ name: 'small.csv', bytes: buf(rows(10, 'S')) }], settings: DEFAULT_SETTINGS }, post);
    await Promise.all([big, small]);
    const results = out.filter((r) => r.type === 'result');
    expect(results.map((r) => [r.id, r.type === 'result' && (r.ok ? r.analysis.customers.total : r.error.code)])).toEqual(
      expect.arrayContaining([
        [1, 'cancelled'],
        [2, 10],
      ]),
    );
    out.length = 0;
    await h.handle({ id: 3, type: 'analyze', settings: DEFAULT_SETTINGS }, post);
    expect(out.map((r) => r.type === 'result' && r.ok && r.analysis.customers.total)).toEqual([10]);
  });

  it('a page-sized analysis clips long cells; the full one keeps them', async () => {
    const h = new Handler();
    const out: Response[] = [];
    const long = 'x'.repeat(5000);
    await h.handle(
      {
        id: 1,
        type: 'load',
        files: [{ name: 'c.csv', bytes: buf(`Customer ID,Status,Churn Reason\nA,Churned,${long}\nB,Active,\n`) }],
        settings: DEFAULT_SETTINGS,
      },
      (r) => out.push(r),
    );
    await h.handle({ id: 2, type: 'analyze', settings: DEFAULT_SETTINGS, full: true }, (r) => out.push(r));
    const [page, full] = out.filter((r) => r.type === 'result').map((r) => (r.type === 'result' && r.ok ? r.analysis : null));
    expect(page!.reasons.map((r) => r.text.length)).toEqual([2001]);
    expect(full!.reasons.map((r) => r.text.length)).toEqual([5000]);
  });
});
