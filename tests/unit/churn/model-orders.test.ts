// Joining an order log into the customer model (src/core/model/customers.ts): the fast paths
// (every id text new; attributes read once per customer when no attribute cell is blank; months
// from a table) against the rule they stand for, written out row by row.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ingestText } from '../../../src/core/ingest/index';
import { buildCustomerModel, monthsOf } from '../../../src/core/model/customers';
import { monthIndexOfDay } from '../../../src/core/churn/periods';
import { dayOf } from '../../../src/core/dates';

type Row = [id: string, date: string, amount: string, rep: string, region: string];

const HEADER = 'order_id,customer_id,order_date,amount,rep,region';
const csv = (rows: Row[]) => [HEADER, ...rows.map(([id, date, amount, rep, region], k) => `O${k + 1},${id},${date},${amount},${rep},${region}`)].join('\n');

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
