// Joining an order log into the customer model (src/core/model/customers.ts): the fast paths
// (every id text new; attributes read once per customer when no attribute cell is blank; months
// from a table) against the rule they stand for, written out row by row.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndexOfDay } from '../../../src/core/churn/periods';
import { dayOf } from '../../../src/core/dates';
import { ingestText } from '../../../src/core/ingest/index';
import { buildCustomerModel, monthsOf } from '../../../src/core/model/customers';

type Row = [id: string, date: string, amount: string, rep: string, region: string];

const HEADER = 'order_id,customer_id,order_date,amount,rep,region';
const csv = (rows: Row[]) =>
  [HEADER, ...rows.map(([id, date, amount, rep, region], k) => `O${k + 1},${id},${date},${amount},${rep},${region}`)].join('\n');

/** The rule, row by row: customers in order of first purchase; rep / region of the latest one (a later row wins a tie), a blank cell never overwriting. */
function expected(rows: Row[]) {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const rep: string[] = [];
  const region: string[] = [];
  const day: number[] = [];
  for (const [rawId, date, , r, g] of rows) {
    const id = rawId.trim();
    if (!id) continue;
    let i = index.get(id);
    if (i === undefined) {
      index.set(id, (i = ids.length));
      ids.push(id);
      rep.push('');
      region.push('');
      day.push(-Infinity);
    }
    const d = dayOf(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10))!;
    if (d < day[i]) continue;
    day[i] = d;
    if (r.trim()) rep[i] = r.trim();
    if (g.trim()) region[i] = g.trim();
  }
  return { ids, rep, region };
}

function model(rows: Row[]) {
  const f = ingestText('orders.csv', csv(rows), 'utf-8');
  expect(f.kind).toBe('orders');
  return buildCustomerModel([f]);
}

describe('order log into the customer model', () => {
  it('takes rep and region from the latest order, ties to the later row', () => {
    const m = model([
      ['C1', '2024-01-05', '10', '张伟', '华东'],
      ['C2', '2024-02-01', '20', '李静', '华北'],
      ['C1', '2024-03-01', '30', '周涛', '华南'],
      ['C1', '2024-02-01', '40', '马骏', '华中'],
      ['C2', '2024-02-01', '50', '王芳', '西南'],
    ]);
    expect(m.ids).toEqual(['C1', 'C2']);
    expect(m.rep).toEqual(['周涛', '王芳']);
    expect(m.region).toEqual(['华南', '西南']);
    expect(Array.from(m.revenue)).toEqual([80, 70]);
  });

  it('keeps an earlier rep when the latest order leaves it blank', () => {
    const m = model([
      ['C1', '2024-01-05', '10', '张伟', '华东'],
      ['C1', '2024-03-01', '30', '', '华南'],
      ['C2', '2024-02-01', '20', '李静', ''],
    ]);
    expect(m.rep).toEqual(['张伟', '李静']);
    expect(m.region).toEqual(['华南', '']);
  });

  it('joins ids that differ only by spaces into one customer', () => {
    const m = model([
      ['C1', '2024-01-05', '10', 'A', 'X'],
      [' C1', '2024-03-01', '30', 'B', 'Y'],
      ['C2 ', '2024-02-01', '20', 'C', 'Z'],
      ['C2', '2024-01-01', '5', 'D', 'W'],
    ]);
    expect(m.ids).toEqual(['C1', 'C2']);
    expect(m.rep).toEqual(['B', 'C']);
    expect(Array.from(m.revenue)).toEqual([40, 25]);
  });

  it('agrees with the row-by-row rule, blank cells and spaced ids or not (fast-check)', () => {
    const row = (ids: string[], reps: string[]) =>
      fc.tuple(
        fc.constantFrom(...ids),
        fc.constantFrom('2023-01-31', '2023-02-01', '2023-02-01', '2024-02-29', '2024-12-31'),
        fc.constantFrom('1', '2.5', '100'),
        fc.constantFrom(...reps),
        fc.constantFrom('华东', '华北', 'East'),
      );
    const log = fc.oneof(
      fc.array(row(['C1', 'C2', 'C3', 'C10', 'D7'], ['张伟', '李静', 'Bob']), { minLength: 3, maxLength: 40 }),
      fc.array(row(['C1', 'C2', ' C1', 'C2 ', 'C3'], ['张伟', '李静', 'Bob', '']), { minLength: 3, maxLength: 40 }),
    );
    fc.assert(
      fc.property(log, (rows: Row[]) => {
        const m = model(rows);
        const e = expected(rows);
        expect(m.ids).toEqual(e.ids);
        expect(m.rep).toEqual(e.rep);
        expect(m.region).toEqual(e.region);
      }),
      { numRuns: 150 },
    );
  });
});

describe('monthsOf', () => {
  it('gives the month index of each day, from a table or one by one', () => {
    // 1970-01 is month 23,640; day 18,993 is 2022-01-01, day 19,358 is 2023-01-01.
    const near = Float64Array.from([19000, 19000.75, 18993, -1, 0, 19358.5, 18992]);
    expect(Array.from(monthsOf(near, near.length))).toEqual([24264, 24264, 24264, 23639, 23640, 24276, 24263]);
    // Wider than the table: the same answers, day by day.
    const wide = Float64Array.from([-200000, 19000, 100000]);
    expect(Array.from(monthsOf(wide, 3))).toEqual([-200000, 19000, 100000].map(monthIndexOfDay));
    // Only the first `rows` days are read.
    expect(Array.from(monthsOf(Float64Array.from([0, 1e9]), 1))).toEqual([23640]);
  });

  it('agrees with monthIndexOfDay on any days (fast-check)', () => {
    const day = fc.oneof(fc.integer({ min: -1000, max: 60000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 50 }), (days) => {
        const a = Float64Array.from(days);
        expect(Array.from(monthsOf(a, a.length))).toEqual(days.map((d) => monthIndexOfDay(d)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('an order log, step by step', () => {
  const day = (iso: string) => dayOf(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10))!;
  const log = [
    'order_id,customer_id,order_date,amount,order_status,note,warehouse',
    'O1,K1,2024-01-05,10,completed,,DE',
    'O2,K1,2024-02-01,20,completed,too dear,FR',
    'O3,K2,2024-01-10,-5,completed,,DE', // a return: negative amount
    'C4,K2,2024-01-11,7,completed,,DE', // a cancelled invoice (C…)
    'O5,,2024-01-12,3,completed,,DE', // no customer
    'O6,K3,2024-01-15,8,completed,,CN',
    'O7,K3,2024-03-01,9,cancelled,moved away,DE', // not a sale; its note is K3's latest
    'O8,K2,2024-01-20,4,refunded,,DE', // not a sale
    'O9,K2,2024-02-10,6,completed,,CN',
    'O10,K1,2024-01-20,5,cancelled,,DE', // not a sale
  ].join('\n');

  it('purchases only: customers in order of first purchase, revenue summed, first and last order days', () => {
    const m = buildCustomerModel([ingestText('orders.csv', log, 'utf-8')]);
    expect(m.ids).toEqual(['K1', 'K3', 'K2']);
    expect(Array.from(m.revenue)).toEqual([30, 8, 6]);
    expect(m.revenueFromOrders).toBe(true);
    expect(Array.from(m.firstOrderDay)).toEqual([day('2024-01-05'), day('2024-01-15'), day('2024-02-10')]);
    expect(Array.from(m.lastOrderDay)).toEqual([day('2024-02-01'), day('2024-01-15'), day('2024-02-10')]);
    expect(Array.from(m.startDay)).toEqual(Array.from(m.firstOrderDay));
    expect(m.orders!.n).toBe(4);
    // The latest day of any dated row, not-sales and returns included.
    expect(m.maxDay).toBe(day('2024-03-01'));
    expect(m.has).toEqual({ status: false, churnDate: false, tenure: false, revenue: true, orders: true, lastOrder: true });
  });

  it('notes: the latest one is the reason, a not-sale row of a known customer included', () => {
    const m = buildCustomerModel([ingestText('orders.csv', log, 'utf-8')]);
    expect(m.reason).toEqual(['too dear', 'moved away', '']);
  });

  it('a column without a role and with few values is kept as of the latest purchase', () => {
    const m = buildCustomerModel([ingestText('orders.csv', log, 'utf-8')]);
    expect(m.columns.map((c) => [c.label, c.values])).toEqual([['warehouse', ['FR', 'CN', 'CN']]]);
  });

  it('the rows left out, each counted once, in this order: without a customer, returns, not sales by status', () => {
    const m = buildCustomerModel([ingestText('orders.csv', log, 'utf-8')]);
    expect(m.issues).toEqual([
      { code: 'orders-without-customer', file: 'orders.csv', params: { count: 1 } },
      { code: 'orders-returns', file: 'orders.csv', params: { count: 2 } },
      { code: 'orders-not-sales', file: 'orders.csv', column: 'order_status', params: { count: 3, values: 'cancelled, refunded' } },
    ]);
    expect(m.unattributed).toEqual({ customerRows: 0, orderRows: 1 });
  });

  it('beside a customer list: only its customers, its reasons and reps first, its days widened by the orders', () => {
    const list = ['customer_id,name,rep,last_order_date,reason', 'K1,One,Zed,2024-05-01,price', 'K2,Two,,2023-12-01,'].join('\n');
    const orders = [
      'order_id,customer_id,order_date,amount,rep,note',
      'O1,K1,2024-01-05,10,Ann,too dear',
      'O2,K9,2024-01-06,5,Bo,',
      'O3,K2,2024-02-01,7,Cy,moved',
    ].join('\n');
    const files = [ingestText('customers.csv', list, 'utf-8'), ingestText('orders.csv', orders, 'utf-8')];
    expect(files.map((f) => f.kind)).toEqual(['customers', 'orders']);
    const m = buildCustomerModel(files);
    expect(m.ids).toEqual(['K1', 'K2']);
    expect(m.issues).toEqual([{ code: 'orders-unmatched', file: 'orders.csv', params: { count: 1 } }]);
    // The list has a reason column: notes are not reasons. A rep the list leaves blank comes from the orders.
    expect(m.reason).toEqual(['price', '']);
    expect(m.rep).toEqual(['Zed', 'Cy']);
    expect(Array.from(m.lastOrderDay)).toEqual([day('2024-05-01'), day('2024-02-01')]);
    expect(Array.from(m.firstOrderDay)).toEqual([day('2024-01-05'), day('2024-02-01')]);
    expect(Array.from(m.startDay)).toEqual([day('2024-01-05'), day('2024-02-01')]);
    expect(Array.from(m.revenue)).toEqual([10, 7]);
    expect(m.revenueFromOrders).toBe(true);
  });

  it('revenue a customer list states is kept; the orders still give the activity', () => {
    const list = ['customer_id,revenue', 'K1,500', 'K2,'].join('\n');
    const orders = ['order_id,customer_id,order_date,amount', 'O1,K1,2024-01-05,10', 'O2,K2,2024-02-01,7'].join('\n');
    const m = buildCustomerModel([ingestText('customers.csv', list, 'utf-8'), ingestText('orders.csv', orders, 'utf-8')]);
    expect(Array.from(m.revenue)).toEqual([500, NaN]);
    expect(m.revenueFromOrders).toBe(false);
    expect(m.has.orders).toBe(true);
    expect(Array.from(m.lastOrderDay)).toEqual([day('2024-01-05'), day('2024-02-01')]);
  });

  it('two staff rosters are read as one', () => {
    const roster = (rows: string[]) => ['rep,join_date,leave_date', ...rows].join('\n');
    const files = [
      ingestText('staff-a.csv', roster(['Ann,2020-01-01,', 'Bo,2021-03-01,2023-06-30']), 'utf-8'),
      ingestText('staff-b.csv', roster(['Cy,2022-02-01,2024-01-31']), 'utf-8'),
    ];
    expect(files.map((f) => f.kind)).toEqual(['staff', 'staff']);
    const { staff } = buildCustomerModel(files);
    expect(staff!.rep).toEqual(['Ann', 'Bo', 'Cy']);
    expect(Array.from(staff!.joinDay)).toEqual([day('2020-01-01'), day('2021-03-01'), day('2022-02-01')]);
    expect(Array.from(staff!.leaveDay)).toEqual([NaN, day('2023-06-30'), day('2024-01-31')]);
  });
});
