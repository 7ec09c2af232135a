import { describe, expect, it } from 'vitest';
import { breakdown, encode } from '../../../src/core/churn/breakdown';
import { normalizeTiers, valueTiers } from '../../../src/core/churn/tiers';

const u8 = (xs: number[]) => Uint8Array.from(xs);
const f64 = (xs: number[]) => Float64Array.from(xs);

describe('breakdown', () => {
  it('rates, counts and lost revenue per group; small groups flagged and not ranked; empty groups left out', () => {
    // North: 4 customers, 1 churned (100); South: 4, 2 churned (30 + 20); '' (not stated): 1 churned;
    // East: its only customer is not included (started after asOf): no row at all.
    const values = ['North', 'North', 'North', 'North', 'South', 'South', 'South', 'South', ' ', 'East'];
    const included = u8([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const churned = u8([1, 0, 0, 0, 1, 1, 0, 0, 1, 0]);
    const revenue = f64([100, 10, 10, 10, 30, 20, 5, 5, 7, 99]);
    const rows = breakdown(encode(values), included, churned, revenue, 2);
    expect(rows).toEqual([
      { group: 'South', customers: 4, churned: 2, churnRate: 0.5, revenue: 60, lostRevenue: 50, small: false, rank: 1 },
      { group: 'North', customers: 4, churned: 1, churnRate: 0.25, revenue: 130, lostRevenue: 100, small: false, rank: 2 },
      { group: '', customers: 1, churned: 1, churnRate: 1, revenue: 7, lostRevenue: 7, small: true, rank: null },
    ]);
  });

  it('ranks equal rates by churned count, then by name', () => {
    const rows = breakdown(encode(['b', 'b', 'a', 'a', 'c']), u8([1, 1, 1, 1, 1]), u8([1, 0, 1, 0, 0]), f64([1, 1, 1, 1, 1]), 1);
    expect(rows.map((r) => [r.group, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('does not mutate its inputs', () => {
    const values = ['x', 'y'];
    breakdown(encode(values), u8([1, 1]), u8([0, 1]), f64([1, 2]));
    expect(values).toEqual(['x', 'y']);
  });
});

describe('valueTiers', () => {
  it('top 20% of 5 customers is the single largest; ties at the cut go by input order', () => {
    // Revenues 50, 80, 80, 10, 0 → top ceil(0.2·5) = 1: the first 80 (customer 1), not customer 2.
    const t = valueTiers(u8([1, 1, 1, 1, 1]), u8([0, 0, 1, 1, 0]), f64([50, 80, 80, 10, 0]), [0.2]);
    expect(t).toEqual([
      { from: 0, to: 0.2, customers: 1, churned: 0, churnRate: 0, revenue: 80, lostRevenue: 0, minRevenue: 80 },
      { from: 0.2, to: 1, customers: 4, churned: 2, churnRate: 0.5, revenue: 140, lostRevenue: 90, minRevenue: 0 },
    ]);
  });

  it('three tiers; 0.3 × 10 is 3, not 4; excluded customers are left out', () => {
    const revenue = f64([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1000]);
    const included = u8([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const churned = u8([1, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
    const t = valueTiers(included, churned, revenue, [0.3, 0.5]);
    // Top 3: 10, 9, 8 (9 churned); next 2: 7, 6; rest: 5 … 1 (1 and 2 churned).
    expect(t.map((r) => [r.customers, r.churned, r.revenue, r.lostRevenue, r.minRevenue])).toEqual([
      [3, 1, 27, 9, 8],
      [2, 0, 13, 0, 6],
      [5, 2, 15, 3, 1],
    ]);
  });

  it('no customers: empty tiers, no NaN', () => {
    expect(valueTiers(u8([]), u8([]), f64([]), [0.2])).toEqual([
      { from: 0, to: 0.2, customers: 0, churned: 0, churnRate: 0, revenue: 0, lostRevenue: 0, minRevenue: 0 },
      { from: 0.2, to: 1, customers: 0, churned: 0, churnRate: 0, revenue: 0, lostRevenue: 0, minRevenue: 0 },
    ]);
  });

  it.each([
    [undefined, [0.2]],
    [[], [0.2]],
    [
      [0.5, 0.2, 0.2, 1, 0, -1, NaN],
      [0.2, 0.5],
    ],
  ])('normalises tiers %j to %j', (input, expected) => {
    expect(normalizeTiers(input)).toEqual(expected);
  });
});
