import { describe, expect, it } from 'vitest';
import { cohortsFromOrders, cohortsFromSpan } from '../../../src/core/churn/cohorts';

// Month indexes are year * 12 + month − 1: M0 is 2023-12, so the table crosses a year boundary.
const M0 = 2023 * 12 + 11;
const M1 = M0 + 1;
const M2 = M0 + 2;
const M3 = M0 + 3;

const i32 = (xs: number[]) => Int32Array.from(xs);

describe('cohortsFromOrders', () => {
  it('single-member cohort', () => {
    const rows = cohortsFromOrders(i32([M0]), i32([0, 0]), i32([M0, M1]), M1);
    expect(rows).toEqual([{ cohort: '2023-12', size: 1, retention: [1, 1] }]);
  });

  it('counts a customer once per month, keeps gaps, ignores unusable orders', () => {
    const firstMonth = i32([
      M0, // 0: orders in M0 and M2, none in M1 (a gap); one stray order before M0
      M0, // 1: two orders in M0, one in M1
      M1, // 2: a single order
      -1, // 3: unknown first month: ignored with its orders
      M0, // 4: an order in an unknown month and one after asOf
      M3, // 5: cohort after asOf: dropped
      M1, // 6: first month from a signup date, no orders at all: still 1 at k = 0
    ]);
    const orders: [number, number][] = [
      [0, M0],
      [0, M2],
      [0, M0 - 1],
      [1, M0],
      [1, M0],
      [1, M1],
      [2, M1],
      [3, M0],
      [3, M1],
      [4, -1],
      [4, M3],
      [5, M3],
      [-1, M1], // customer index out of range
      [7, M1],
    ];
    const rows = cohortsFromOrders(firstMonth, i32(orders.map((o) => o[0])), i32(orders.map((o) => o[1])), M2);
    // Cohort 2023-12 = {0, 1, 4}: k=1 only customer 1 (→ 1/3), k=2 only customer 0 (→ 1/3).
    // Cohort 2024-01 = {2, 6}: nobody orders in 2024-02 (→ 0).
    expect(rows).toEqual([
      { cohort: '2023-12', size: 3, retention: [1, 1 / 3, 1 / 3] },
      { cohort: '2024-01', size: 2, retention: [1, 0] },
    ]);
  });

  it('asOf cuts the last cohort to a single column and drops later ones', () => {
    const rows = cohortsFromOrders(i32([M0, M2, M3]), i32([0, 0, 1, 2]), i32([M0, M2, M2, M3]), M2);
    // Empty cohort months (2024-01) get no row; 2024-02 has only k = 0.
    expect(rows).toEqual([
      { cohort: '2023-12', size: 1, retention: [1, 0, 1] },
      { cohort: '2024-02', size: 1, retention: [1] },
    ]);
  });

  it('returns no rows without a known first month', () => {
    expect(cohortsFromOrders(i32([-1, M3]), i32([0]), i32([M0]), M2)).toEqual([]);
    expect(cohortsFromOrders(i32([]), i32([]), i32([]), M2)).toEqual([]);
  });

  it('rejects order columns of different lengths', () => {
    expect(() => cohortsFromOrders(i32([M0]), i32([0, 0]), i32([M0]), M2)).toThrow(RangeError);
  });
});

describe('cohortsFromSpan', () => {
  it('counts customers still active k months later', () => {
    const firstMonth = i32([M0, M0, M0, M1, M1, -1, M3 + 1]);
    const lastMonth = i32([
      M2, // active at k = 0, 1, 2
      M0, // only k = 0
      M3 + 2, // beyond asOf: active in every column
      -1, // unknown last month: only k = 0
      M2, // k = 0, 1
      M2, // unknown first month: ignored
      M3 + 1, // cohort after asOf: dropped
    ]);
    // 2023-12 = {0, 1, 2}: k1 {0, 2} = 2/3, k2 {0, 2} = 2/3, k3 {2} = 1/3.
    // 2024-01 = {3, 4}: k1 {4} = 1/2, k2 {} = 0.
    expect(cohortsFromSpan(firstMonth, lastMonth, M3)).toEqual([
      { cohort: '2023-12', size: 3, retention: [1, 2 / 3, 2 / 3, 1 / 3] },
      { cohort: '2024-01', size: 2, retention: [1, 1 / 2, 0] },
    ]);
  });

  it('retention[0] is 1 even when the last month precedes the first', () => {
    expect(cohortsFromSpan(i32([M1]), i32([M0]), M2)).toEqual([{ cohort: '2024-01', size: 1, retention: [1, 0] }]);
  });
});
