// What the worker posts on a settings change is the full analysis minus the per-customer lists,
// and the churned-customer list is searched in the worker instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePrepared, AT_RISK_PREVIEW, GROUP_CURVE_POINTS, prepare } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { Handler } from '../../src/worker/handlers';
import type { Response } from '../../src/worker/protocol';

const dir = new URL('../../src/sample/', import.meta.url);
const bytes = (name: string) => readFileSync(new URL(name, dir));
const files = () => [ingestBytes('customers.csv', bytes('customers.csv')), ingestBytes('orders.csv', bytes('orders.csv'))];
const settings: Settings = { ...DEFAULT_SETTINGS, survivalBy: 'region' };

describe('a page-sized analysis', () => {
  const p = prepare(files(), settings);
  const full = analyzePrepared(p, settings);
  const page = analyzePrepared(p, settings, { full: false });

  it('leaves out the churned-customer list and cuts the at-risk list, keeping the totals', () => {
    expect(full.lost).toHaveLength(full.customers.churned);
    expect(page.lost).toBeUndefined();
    expect(full.atRisk.list.length).toBeGreaterThan(AT_RISK_PREVIEW);
    expect(page.atRisk.list).toEqual(full.atRisk.list.slice(0, AT_RISK_PREVIEW));
    expect(page.atRisk.customers).toBe(full.atRisk.customers);
    expect(page.atRisk.revenue).toBe(full.atRisk.revenue);
  });

  it('thins long group survival curves to their first, last and evenly spaced points', () => {
    const fullGroups = full.survival.by!.groups;
    const long = fullGroups.findIndex((g) => g.curve.length > GROUP_CURVE_POINTS);
    expect(long).toBeGreaterThanOrEqual(0);
    const thin = page.survival.by!.groups[long].curve;
    expect(thin).toHaveLength(GROUP_CURVE_POINTS);
    expect(thin[0]).toEqual(fullGroups[long].curve[0]);
    expect(thin.at(-1)).toEqual(fullGroups[long].curve.at(-1));
    expect(page.survival.curve).toEqual(full.survival.curve);
  });

  it('is otherwise the same analysis', () => {
    const strip = (a: typeof full) => ({ ...a, lost: undefined, atRisk: undefined, survival: undefined });
    expect(strip(page)).toEqual(strip(full));
  });
});

describe('the worker', () => {
  async function loaded(): Promise<Handler> {
    const h = new Handler();
    const buf = (name: string) => {
      const b = bytes(name);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    };
    const out: Response[] = [];
    await h.handle(
      {
        id: 1,
        type: 'load',
        files: [
          { name: 'customers.csv', bytes: buf('customers.csv') },
          { name: 'orders.csv', bytes: buf('orders.csv') },
        ],
        settings,
      },
      (r) => out.push(r),
    );
    const result = out.at(-1)!;
    expect(result.type === 'result' && result.ok && result.analysis.lost).toBeUndefined();
    return h;
  }

  it('searches churned customers by id, name, reason or cause, returning the first ones and the count', async () => {
    const h = await loaded();
    const full = analyzePrepared(prepare(files(), settings), settings);
    const want = full.lost!.filter((c) => [c.id, c.name, c.reason, c.cause].some((v) => v.toLowerCase().includes('price')));
    const out: Response[] = [];
    await h.handle({ id: 2, type: 'lost', settings, query: ' PRICE ', limit: 5 }, (r) => out.push(r));
    expect(out).toEqual([{ id: 2, type: 'lost', rows: want.slice(0, 5), total: want.length }]);
  });

  it('answers the full analysis for the export', async () => {
    const h = await loaded();
    const out: Response[] = [];
    await h.handle({ id: 3, type: 'analyze', settings, full: true }, (r) => out.push(r));
    const r = out[0];
    expect(r.type === 'result' && r.ok && r.analysis.lost?.length).toBe(848);
  });
});
