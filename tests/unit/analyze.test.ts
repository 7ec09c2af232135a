// analyze() end to end on tiny, hand-checked inputs. Every expected number is worked out in the
// comments from the rows above it.
import { describe, expect, it } from 'vitest';
import { analyze, applyRoleOverrides } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import type { ParsedFile } from '../../src/core/types';

const file = (name: string, lines: string[]): ParsedFile => ingestBytes(name, new TextEncoder().encode(lines.join('\n')));

const customers = () =>
  file('customers.csv', [
    'Customer ID,Status,First Order,Last Order,Churn Date,Churn Reason,Revenue',
    'A,Active,2024-01-05,2024-03-20,,,100',
    'B,Churned,2024-01-10,2024-02-01,2024-02-15,too expensive,200',
    'C,Lost,2024-02-03,2024-02-03,2024-03-01,moved to another city,50',
    'D,Active,2024-02-20,2024-03-31,,,300',
    'E,Churned,2024-03-01,2024-03-02,,,10',
  ]);

describe('analyze: a customer list with status, dates, reasons and revenue', () => {
  const a = analyze([customers()], { inactiveDays: 90 });

  it('takes asOf from the latest date and the status column as the definition', () => {
    expect(a.asOf).toBe('2024-03-31');
    expect(a.definition).toEqual({
      mode: 'status',
      inactiveDays: 90,
      reason: 'definition-status',
      requested: 'auto',
      asOfSource: 'data',
      available: { status: true, churnDate: true, activity: true },
    });
    expect(a.inputs).toEqual([
      {
        file: 'customers.csv',
        kind: 'customers',
        rows: 5,
        encoding: 'utf-8',
        delimiter: ',',
        roles: {
          customerId: 'Customer ID',
          status: 'Status',
          firstOrderDate: 'First Order',
          lastOrderDate: 'Last Order',
          churnDate: 'Churn Date',
          reason: 'Churn Reason',
          revenue: 'Revenue',
        },
        skipped: { title: 0, blank: 0, totals: 0, repeatedHeader: 0 },
      },
    ]);
  });

  it('counts churned customers and lost revenue', () => {
    // B, C, E churned; lost revenue 200 + 50 + 10; total 660.
    expect(a.customers).toEqual({ total: 5, churned: 3, active: 2, churnRate: 0.6 });
    expect(a.revenue).toEqual({ total: 660, lost: 260 });
  });

  it('breaks churn down by cause, ties ordered by revenue', () => {
    expect(a.causes).toEqual([
      { id: 'price', controllable: true, customers: 1, share: 1 / 3, revenue: 200, inferred: 0 },
      { id: 'customer-circumstances', controllable: false, customers: 1, share: 1 / 3, revenue: 50, inferred: 0 },
      { id: 'unclassified', controllable: null, customers: 1, share: 1 / 3, revenue: 10, inferred: 0 },
    ]);
    // One controllable, one uncontrollable; unclassified left out.
    expect(a.controllableShare).toBe(0.5);
    expect(a.benchmark).toEqual({ controllable: 0.9, uncontrollable: 0.1 });
    expect(a.reasons.map((r) => [r.text, r.cause, r.customers])).toEqual([
      ['moved to another city', 'customer-circumstances', 1],
      ['too expensive', 'price', 1],
    ]);
  });

  it('applies the user reassignment of a reason', () => {
    const b = analyze([customers()], { inactiveDays: 90, reasonOverrides: { 'too expensive': 'competitor' } });
    expect(b.causes[0]).toEqual({ id: 'competitor', controllable: true, customers: 1, share: 1 / 3, revenue: 200, inferred: 0 });
    expect(b.reasons.find((r) => r.text === 'too expensive')).toMatchObject({ cause: 'competitor', overridden: true });
  });

  it('lists each churned customer with its cause and where it came from', () => {
    expect(a.lost?.map((c) => [c.id, c.cause, c.source, c.churnDate])).toEqual([
      ['B', 'price', 'stated', '2024-02-15'],
      ['C', 'customer-circumstances', 'stated', '2024-03-01'],
      ['E', 'unclassified', 'none', '2024-03-02'],
    ]);
    const b = analyze([customers()], { inactiveDays: 90, customerOverrides: { E: 'no-contact' } });
    expect(b.lost?.find((c) => c.id === 'E')).toMatchObject({ cause: 'no-contact', source: 'customer' });
    expect(b.controllableShare).toBe(2 / 3);
  });

  it('dates churn by the churn date, else the last order', () => {
    // B churned 2024-02-15; C 2024-03-01; E has no churn date: last order 2024-03-02.
    expect(a.churnByMonth).toEqual([
      { month: '2024-02', churned: 1, revenue: 200, byCause: [{ cause: 'price', churned: 1, revenue: 200 }] },
      {
        month: '2024-03',
        churned: 2,
        revenue: 60,
        byCause: [
          { cause: 'customer-circumstances', churned: 1, revenue: 50 },
          { cause: 'unclassified', churned: 1, revenue: 10 },
        ],
      },
    ]);
  });

  it('builds cohorts from first and last order dates when there is no order log', () => {
    // 2024-01: A (last 03), B (last 02) → [1, 1, 1/2]; 2024-02: C (02), D (03) → [1, 1/2]; 2024-03: E.
    // "Still active k months later" is itself the k-or-later measure; asOf is a month end: complete.
    const span = { revenueRetention: null, revenueBase: 0, incompleteFrom: null };
    expect(a.cohorts).toEqual({
      period: 'month',
      basis: 'lastOrder',
      incompletePeriod: null,
      rows: [
        { cohort: '2024-01', size: 2, retention: [1, 1, 0.5], unbounded: [1, 1, 0.5], ...span },
        { cohort: '2024-02', size: 2, retention: [1, 0.5], unbounded: [1, 0.5], ...span },
        { cohort: '2024-03', size: 1, retention: [1], unbounded: [1], ...span },
      ],
    });
  });

  it('estimates survival in days from start to churn, censoring the active at asOf', () => {
    // E event at 1 day, C at 27 (2024-02-03 → 03-01), B at 36 (01-10 → 02-15);
    // D censored at 40 (02-20 → 03-31), A censored at 86 (01-05 → 03-31).
    expect(a.survival.unit).toBe('day');
    const pts = a.survival.curve.map((p) => [p.t, p.survival, p.atRisk]);
    expect(pts).toEqual([
      [0, 1, 5],
      [1, 0.8, 5],
      [27, 0.6000000000000001, 4],
      [36, 0.4000000000000001, 3],
      [40, 0.4000000000000001, 2],
      [86, 0.4000000000000001, 1],
    ]);
    expect(a.survival.median).toBe(36);
  });

  it('honours --as-of: later customers are left out, later churn does not count', () => {
    // On 2024-02-10: A, B, C exist (D starts 02-20, E 03-01); B has not churned yet (02-15),
    // C's churn date (03-01) is after asOf but its status says Lost.
    const b = analyze([customers()], { inactiveDays: 90, asOf: '2024-02-10' });
    expect(b.customers).toEqual({ total: 3, churned: 2, active: 1, churnRate: 2 / 3 });
  });

  it('lets the user take a role away from a column', () => {
    const f = applyRoleOverrides(customers(), { status: null, churnDate: null });
    expect(f.roles.status).toBeUndefined();
    const b = analyze([customers()], { inactiveDays: 20, roleOverrides: { 'customers.csv': { status: null, churnDate: null } } });
    // Inactivity, 20 days before 2024-03-31: B (last 02-01) and C (02-03) are churned; E (03-02) is 29 days.
    expect(b.definition.mode).toBe('inactivity');
    expect(b.customers.churned).toBe(3);
  });
});

describe('analyze: an order log alone', () => {
  const orders = () =>
    file('orders.csv', [
      'Order ID,Customer ID,Order Date,Amount',
      '1,A,2024-01-05,10',
      '2,A,2024-03-10,20',
      '3,B,2024-01-20,30',
      '4,B,2024-02-05,-5',
      '5,,2024-02-07,40',
      '6,C,2024-02-10,15',
      '7,Z,2024-03-01,5',
    ]);
  const a = analyze([orders()], { inactiveDays: 60, asOf: '2024-05-01' });

  it('uses inactivity and keeps returns and unattributed rows out', () => {
    expect(a.inputs[0].kind).toBe('orders');
    expect(a.definition.mode).toBe('inactivity');
    // Last purchases: A 03-10 (52 days), B 01-20 (102), C 02-10 (81), Z 03-01 (61): B, C, Z churned.
    expect(a.customers).toEqual({ total: 4, churned: 3, active: 1, churnRate: 0.75 });
    // Revenue is the sum of purchases: A 30, B 30 (the -5 return is not a purchase), C 15, Z 5.
    expect(a.revenue).toEqual({ total: 80, lost: 50 });
    expect(a.issues.map((i) => [i.code, i.params?.count])).toEqual(
      expect.arrayContaining([
        ['orders-without-customer', 1],
        ['orders-returns', 1],
      ]),
    );
  });

  it('builds cohorts from order months', () => {
    // 2024-01: A (Jan, Mar), B (Jan; its Feb row is a return) → [1, 0, 1/2, 0, 0]
    expect(a.cohorts.basis).toBe('orders');
    // Unbounded: A's last purchase is in March (k = 2), B's in January → [1, 1/2, 1/2, 0, 0].
    // Revenue: January 10 + 30 = 40, February nothing (the -5 is a return), March A's 20 → 0.5.
    // asOf 2024-05-01 is inside May: the May column (the last of each row) is incomplete.
    expect(a.cohorts.incompletePeriod).toBe('2024-05');
    expect(a.cohorts.rows).toEqual([
      {
        cohort: '2024-01',
        size: 2,
        retention: [1, 0, 0.5, 0, 0],
        unbounded: [1, 0.5, 0.5, 0, 0],
        revenueRetention: [1, 0, 0.5, 0, 0],
        revenueBase: 40,
        incompleteFrom: 4,
      },
      {
        cohort: '2024-02',
        size: 1,
        retention: [1, 0, 0, 0],
        unbounded: [1, 0, 0, 0],
        revenueRetention: [1, 0, 0, 0],
        revenueBase: 15,
        incompleteFrom: 3,
      },
      { cohort: '2024-03', size: 1, retention: [1, 0, 0], unbounded: [1, 0, 0], revenueRetention: [1, 0, 0], revenueBase: 5, incompleteFrom: 2 },
    ]);
  });

  it('joins an order log to a customer list and counts the rows that do not match', () => {
    const b = analyze([customers(), orders()], { inactiveDays: 90 });
    expect(b.customers.total).toBe(5);
    expect(b.issues).toContainEqual({ code: 'orders-unmatched', file: 'orders.csv', params: { count: 1 } });
  });
});
