// Rep turnover windows, at-risk rules and the definition choice, on hand-made columns.
import { describe, expect, it } from 'vitest';
import { decideChurn } from '../../../src/core/churn/definition';
import { type RepInput, repTurnover } from '../../../src/core/churn/reps';
import { dayOf } from '../../../src/core/dates';
import type { CustomerModel } from '../../../src/core/model/customers';

const D = (s: string) => {
  const [y, m, d] = s.split('-').map(Number);
  return dayOf(y, m, d)!;
};

describe('repTurnover', () => {
  const L = D('2024-03-31');
  const input = (endDay: number[], endIsChurnDate: number[]): RepInput => ({
    rep: ['Bob', 'Bob', 'Bob', 'Bob', 'Ann'],
    included: Uint8Array.from([1, 1, 1, 1, 1]),
    churned: Uint8Array.from([1, 1, 1, 0, 1]),
    endDay: Float64Array.from(endDay),
    endIsChurnDate: Uint8Array.from(endIsChurnDate),
    lastDay: Float64Array.from([NaN, NaN, NaN, NaN, NaN]),
    revenue: Float64Array.from([10, 20, 30, 40, 50]),
    staff: { rep: ['Bob', 'Ann'], joinDay: Float64Array.from([NaN, NaN]), leaveDay: Float64Array.from([L, NaN]) },
    asOf: D('2024-12-31'),
    windowDays: 90,
  });

  it('explicit churn dates count from the departure on: [L, L + N], both ends included', () => {
    const r = repTurnover(input([L - 1, L, L + 90, NaN, L], [1, 1, 1, 0, 1]));
    expect(Array.from(r.afterRepLeft)).toEqual([0, 1, 1, 0, 0]); // Ann has not left
    expect(r.departed).toEqual([
      { rep: 'Bob', left: '2024-03-31', basis: 'roster', customers: 4, churned: 3, churnedAfter: 2, share: 0.5, lostRevenue: 50 },
    ]);
    expect([r.customers, r.revenue]).toEqual([2, 50]);
  });

  it('last-purchase churn days count within [L − N, L + N]', () => {
    const r = repTurnover(input([L - 90, L - 91, L + 91, NaN, L], [0, 0, 0, 0, 0]));
    expect(Array.from(r.afterRepLeft)).toEqual([1, 0, 0, 0, 0]);
  });

  it('a leave date after asOf is not a departure; no rep column at all gives source none', () => {
    const x = input([L, L, L, NaN, L], [1, 1, 1, 0, 1]);
    expect(repTurnover({ ...x, asOf: L - 1 }).departed).toEqual([]);
    expect(repTurnover({ ...x, staff: null, rep: ['', '', '', '', ''] }).source).toBe('none');
  });
});

/** A model with only what decideChurn reads. */
function model(p: Partial<CustomerModel> & { n: number }): CustomerModel {
  const nan = () => new Float64Array(p.n).fill(NaN);
  return {
    ids: [],
    name: [],
    rep: [],
    region: [],
    segment: [],
    reason: [],
    startDay: nan(),
    firstOrderDay: nan(),
    lastOrderDay: nan(),
    churnDay: nan(),
    status: new Int8Array(p.n).fill(-1),
    revenue: nan(),
    tenure: nan(),
    has: { status: false, churnDate: false, tenure: false, revenue: false, orders: false, lastOrder: false },
    orders: null,
    revenueFromOrders: false,
    columns: [],
    staff: null,
    unattributed: { customerRows: 0, orderRows: 0 },
    maxDay: NaN,
    issues: [],
    ...p,
  };
}

describe('decideChurn: the definition in force and why', () => {
  const asOf = 100;
  const m = model({
    n: 3,
    status: Int8Array.from([1, 0, 0]),
    lastOrderDay: Float64Array.from([95, 10, 99]),
    churnDay: Float64Array.from([50, NaN, NaN]),
    startDay: Float64Array.from([0, 0, 101]), // the third starts after asOf: not included
    has: { status: true, churnDate: true, tenure: false, revenue: false, orders: false, lastOrder: true },
  });

  it.each([
    ['auto', 'status', 'definition-status', [1, 0, 0]],
    ['status', 'status', 'definition-status', [1, 0, 0]],
    // Inactivity over the status: customer 1 (90 days) is lost, customer 0 (5 days) is not.
    ['inactivity', 'inactivity', 'definition-inactivity-chosen', [0, 1, 0]],
  ] as const)('%s → %s (%s)', (requested, mode, reason, churned) => {
    const s = decideChurn(m, asOf, 60, { requested });
    expect([s.mode, s.reason]).toEqual([mode, reason]);
    expect(Array.from(s.churned)).toEqual(churned);
    expect(Array.from(s.included)).toEqual([1, 1, 0]);
  });

  it('an explicit churn date is the end day under status; the last purchase under inactivity', () => {
    expect(decideChurn(m, asOf, 60).endDay[0]).toBe(50);
    expect(decideChurn(m, asOf, 60, { requested: 'inactivity' }).endDay[1]).toBe(10);
  });

  it('falls back, saying so, when the data cannot serve the choice', () => {
    const noActivity = model({ n: 1, status: Int8Array.from([1]), has: { ...m.has, lastOrder: false, churnDate: false } });
    expect(decideChurn(noActivity, asOf, 60, { requested: 'inactivity' }).reason).toBe('definition-inactivity-unavailable');
    const nothing = model({ n: 1 });
    expect(decideChurn(nothing, asOf, 60, { requested: 'status' })).toMatchObject({ mode: 'none', reason: 'definition-none' });
  });
});
