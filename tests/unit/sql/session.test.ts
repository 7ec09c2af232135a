// The page's side: the SQL for the open session (sql/session.ts, the "Too big for the browser?"
// panel), and the summary file as the ingest recognises it (ingest/summary.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analyze';
import { ingestText } from '../../../src/core/ingest/index';
import { asSummaryFile, isSummaryHeader, readSummary } from '../../../src/core/ingest/summary';
import { checkedSettings } from '../../../src/core/settings';
import { summaryColumns } from '../../../src/core/sql/columns';
import { summarySql } from '../../../src/core/sql/generate';
import { type SessionFile, sessionSpec } from '../../../src/core/sql/session';
import { GENERATOR } from '../../../src/core/sql/spec';
import { IngestError, type ParsedFile } from '../../../src/core/types';
import { translate } from '../../../src/i18n';

const ORDERS: SessionFile = {
  file: 'orders.csv',
  kind: 'orders',
  header: ['Order', 'Client', 'Day', 'Total', 'Sales'],
  roles: { orderId: 0, customerId: 1, orderDate: 2, amount: 3 },
  preview: [
    ['1', 'A', '13/01/2024', '10', 'Ann'],
    ['2', 'B', '02/02/2024', '5', 'Bob'],
  ],
};
const LIST: SessionFile = {
  file: 'customers.csv',
  kind: 'customers',
  header: ['ID', 'Name'],
  roles: { customerId: 0, customerName: 1 },
  preview: [['A', 'x']],
};

describe('the SQL for the open session', () => {
  it('is made from the order log, its first rows and the session’s settings', () => {
    const s = sessionSpec([LIST, ORDERS], checkedSettings({ asOf: '2024-06-30', inactiveDays: 120, period: 'quarter' }), 'sales.orders');
    expect(s).toEqual({
      ok: true,
      file: 'orders.csv',
      spec: {
        generator: GENERATOR,
        table: 'sales.orders',
        source: 'orders.csv',
        roles: { orderId: 'Order', customerId: 'Client', orderDate: 'Day', amount: 'Total' },
        categories: ['Sales'],
        dates: { forms: ['ymd', 'aby'], order: 'dmy' },
        decimalComma: [],
        asOf: '2024-06-30',
        inactiveDays: 120,
        period: 'quarter',
        windowDays: 90,
      },
    });
  });

  it('follows the user’s kind and role choices over the guesses', () => {
    const settings = checkedSettings({
      kindOverrides: { 'orders.csv': 'orders' },
      roleOverrides: { 'orders.csv': { rep: 4, amount: null } },
    });
    const s = sessionSpec([{ ...ORDERS, kind: 'customers' }], settings);
    expect(s.ok && s.spec.roles).toEqual({ orderId: 'Order', customerId: 'Client', orderDate: 'Day', rep: 'Sales' });
    expect(s.ok && summarySql(s.spec, 'postgres')).toMatch(/"Sales"/);
  });

  it.each([
    ['no order log', [LIST], {}, 'no-order-log'],
    ['no customer id once the user unassigns it', [ORDERS], { roleOverrides: { 'orders.csv': { customerId: null } } }, 'no-customer-id'],
    ['no order date', [{ ...ORDERS, roles: { customerId: 1, orderId: 0 } }], {}, 'no-order-date'],
    ['a summary only (it is not an order log)', [{ ...ORDERS, header: summaryColumns(0) }], {}, 'no-order-log'],
  ] as const)('says why there is none: %s', (_, files, settings, reason) => {
    expect(sessionSpec(files as unknown as SessionFile[], checkedSettings(settings))).toEqual({ ok: false, reason });
  });
});

/** A summary as a CSV file the core ingests (only the columns' names matter to the recogniser). */
function summaryFile(rows: Record<string, string>[], name = 'summary.csv'): ParsedFile {
  const header = summaryColumns(0);
  const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const csv = [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\n');
  return ingestText(name, csv, 'utf-8', ',');
}
const SPEC = {
  generator: GENERATOR,
  table: 'orders',
  source: 'orders.csv',
  roles: { customerId: 'Client', orderDate: 'Day', amount: 'Total' },
  categories: [],
  dates: { forms: ['ymd'], order: 'dmy' },
  decimalComma: [],
  inactiveDays: 90,
  period: 'month',
  windowDays: 90,
};
const meta = (k: string, v: string) => ({ churnlens: 'meta', meta_key: k, meta_value: v });
const META = [
  meta('generator', GENERATOR),
  meta('dialect', 'bigquery'),
  meta('spec', JSON.stringify(SPEC)),
  meta('as_of', '2024-06-30'),
  meta('max_date', '2024-06-30'),
  meta('rows', '5'),
  meta('returns', '1'),
  meta('unattributed', '0'),
  meta('bad_dates', '0'),
  meta('bad_amount', '0'),
  meta('customers', '2'),
];
const customer = (i: number, id: string, first: string, last: string, revenue: string, recent: string) => ({
  churnlens: 'customer',
  customer_index: String(i),
  customer_id: id,
  first_purchase: first,
  latest_purchase: last,
  last_purchase: last,
  orders: '2',
  purchase_rows: '2',
  revenue,
  recent_revenue: recent,
  prior_revenue: '0',
});
const CUSTOMERS = [customer(2, 'B', '2024-01-10', '2024-02-01', '7.5', '0'), customer(1, 'A', '2024-01-05', '2024-06-30', '12', '4')];
const COHORTS = [
  { churnlens: 'cohort', cohort: '2024-01', period_offset: '0', cohort_size: '2', active: '2', period_revenue: '10.5', last_active: '0' },
  { churnlens: 'cohort', cohort: '2024-01', period_offset: '1', cohort_size: '2', active: '1', period_revenue: '1', last_active: '1' },
  { churnlens: 'cohort', cohort: '2024-01', period_offset: '5', cohort_size: '2', active: '1', period_revenue: '4', last_active: '1' },
];

describe('a summary file', () => {
  it('is recognised by its own column names, whatever the file is called', () => {
    expect(isSummaryHeader(summaryColumns(2))).toBe(true);
    expect(isSummaryHeader(summaryColumns(0).slice(1))).toBe(false);
    expect(readSummary(ingestText('orders.csv', 'Client,Day,Total\nA,2024-01-01,3\n', 'utf-8', ','))).toBeNull();
  });

  it('stands in for its order log: customers in index order, its figures, its cohort matrix, the SQL it was made by', () => {
    const a = analyze([summaryFile([...META, ...CUSTOMERS, ...COHORTS])], checkedSettings({}));
    expect(a.asOf).toBe('2024-06-30');
    expect(a.inputs).toEqual([
      {
        file: 'summary.csv',
        kind: 'orders',
        rows: 5,
        encoding: 'utf-8',
        delimiter: ',',
        roles: { customerId: 'Client', orderDate: 'Day', amount: 'Total' },
        skipped: { title: 0, blank: 0, totals: 0, repeatedHeader: 0 },
      },
    ]);
    // B: last purchase 1 February, 150 days before asOf: churned; A bought on asOf.
    expect(a.customers).toEqual({ total: 2, churned: 1, active: 1, churnRate: 0.5 });
    expect(a.revenue).toEqual({ total: 19.5, lost: 7.5 });
    expect(a.issues).toEqual([{ code: 'orders-returns', file: 'summary.csv', params: { count: 1 } }]);
    expect(a.cohorts).toEqual({
      period: 'month',
      basis: 'orders',
      incompletePeriod: null,
      rows: [
        {
          cohort: '2024-01',
          size: 2,
          retention: [1, 0.5, 0, 0, 0, 0.5],
          unbounded: [1, 1, 0.5, 0.5, 0.5, 0.5],
          revenueRetention: [1, 1 / 10.5, 0, 0, 0, 4 / 10.5],
          revenueBase: 10.5,
          incompleteFrom: null,
        },
      ],
    });
    expect(a.summary).toEqual({
      file: 'summary.csv',
      source: 'orders.csv',
      table: 'orders',
      dialect: 'bigquery',
      generator: GENERATOR,
      asOf: '2024-06-30',
      rows: 5,
      customers: 2,
      sql: summarySql(SPEC as Parameters<typeof summarySql>[0], 'bigquery'),
    });
  });

  it('joins a customer list: only its customers, their purchase rows counted as unmatched otherwise', () => {
    const list = ingestText('customers.csv', 'Customer ID,Name\nA,Alpha\nC,Gamma\n', 'utf-8', ',');
    const a = analyze([list, summaryFile([...META, ...CUSTOMERS, ...COHORTS])], checkedSettings({}));
    expect(a.customers.total).toBe(2); // A and C, as with any customer list; B is not on it
    expect(a.issues).toContainEqual({ code: 'orders-unmatched', file: 'summary.csv', params: { count: 2 } });
  });

  it('answers for the asOf and period it was made for: another asOf falls back to first and last purchase', () => {
    const a = analyze([summaryFile([...META, ...CUSTOMERS, ...COHORTS])], checkedSettings({ period: 'quarter' }));
    expect(a.cohorts.basis).toBe('lastOrder');
  });

  it.each([
    ['its spec is not JSON', [...META.filter((m) => m.meta_key !== 'spec'), meta('spec', '{')], 'spec'],
    ['its engine is unknown', [...META.filter((m) => m.meta_key !== 'dialect'), meta('dialect', 'oracle')], 'dialect'],
    ['a count is missing', META.filter((m) => m.meta_key !== 'rows'), 'rows'],
  ])('is refused with a message when %s', (_, metaRows, why) => {
    const f = summaryFile([...metaRows, ...CUSTOMERS]);
    expect(() => asSummaryFile(f)).toThrow(IngestError);
    try {
      asSummaryFile(f);
    } catch (e) {
      expect(e).toMatchObject({ code: 'summary-unreadable', file: 'summary.csv', params: { why } });
      for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) {
        expect(translate(l, 'error.summary-unreadable', { file: 'summary.csv', why })).toContain(`summary.csv`);
      }
    }
  });
});
