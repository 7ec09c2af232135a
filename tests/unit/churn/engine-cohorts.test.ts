// cohortTable: the exact-period numbers must equal cohortsFromOrders; unbounded and revenue by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortsFromOrders, cohortTable } from '../../../src/core/churn/cohorts';

const i32 = (xs: number[]) => Int32Array.from(xs);

/** Orders (customer, period, amount) → the per-customer layout cohortTable reads (sorted by customer, then period). */
function layout(n: number, orders: [number, number, number][]) {
  const sorted = [...orders].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const start = new Int32Array(n + 1);
  for (const [c] of sorted) start[c + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  return {
    start,
    period: i32(sorted.map((o) => o[1])),
    amount: Float64Array.from(sorted.map((o) => o[2])),
  };
}

describe('cohortTable', () => {
  it('logo, unbounded and revenue retention, hand-checked', () => {
    // Cohort 0 = customers 0, 1, 2. Customer 0 buys in 0 (100) and 2 (50); customer 1 in 0 (60) and
    // 1 (30, 10: two orders, counted once); customer 2 only in 0 (40), a single order.
    // Cohort 1 = customer 3 alone (a single-member cohort) buying in 1 (20) and 3 (20). Period 1 is
    // month index 1, i.e. February of year 0: labels follow dates.ts monthLabel.
    const orders: [number, number, number][] = [
      [0, 0, 100],
      [0, 2, 50],
      [1, 0, 60],
      [1, 1, 30],
      [1, 1, 10],
      [2, 0, 40],
      [3, 1, 20],
      [3, 3, 20],
    ];
    const t = cohortTable(i32([0, 0, 0, 1]), layout(4, orders), 3);
    // Exactly period k: k=1 only customer 1, k=2 only customer 0, k=3 nobody.
    expect(t.rows[0].retention).toEqual([1, 1 / 3, 1 / 3, 0]);
    // k or later: last periods 2, 1, 0 → k=1: customers 0, 1; k=2: customer 0.
    expect(t.unbounded[0]).toEqual([1, 2 / 3, 1 / 3, 0]);
    // Revenue: period 0 = 200, period 1 = 40, period 2 = 50.
    expect(t.revenue[0]).toEqual([200, 40, 50, 0]);
    expect(t.rows[1]).toEqual({ cohort: '0-02', size: 1, retention: [1, 0, 1] });
    expect(t.unbounded[1]).toEqual([1, 1, 1]);
    expect(t.revenue[1]).toEqual([20, 0, 20]);
  });

  it('ignores rows after `until`, and counts a customer without usable orders at period 0 only', () => {
    const o = {
      ...layout(2, [
        [0, 0, 5],
        [0, 1, 5],
      ]),
      day: Float64Array.from([10, 40]),
      until: 30,
    };
    const t = cohortTable(i32([0, 0]), o, 1);
    expect(t.rows[0].retention).toEqual([1, 0]);
    expect(t.unbounded[0]).toEqual([1, 0]);
    expect(t.revenue[0]).toEqual([5, 0]);
  });

  it('gives exactly the numbers of cohortsFromOrders (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.integer({ min: -1, max: 7 })), { maxLength: 40 }),
        (first, raw) => {
          const n = first.length;
          const orders = raw.filter(([c]) => c < n).map(([c, p]) => [c, p, 1] as [number, number, number]);
          const asOf = 5;
          const expected = cohortsFromOrders(i32(first), i32(orders.map((o) => o[0])), i32(orders.map((o) => o[1])), asOf);
          expect(cohortTable(i32(first), layout(n, orders), asOf).rows).toEqual(expected);
        },
      ),
    );
  });

  it('rejects offsets that do not fit the customers', () => {
    expect(() => cohortTable(i32([0]), { start: i32([0]), period: i32([]), amount: new Float64Array(0) }, 0)).toThrow(RangeError);
  });
});
