// The summary SQL per dialect: golden files (tests/fixtures/sql/<dialect>.sql for the UCI log,
// tests/fixtures/sql/woocommerce/<dialect>.sql for an order export with a row status; UPDATE_GOLDEN=1
// rewrites them), parsed by node-sql-parser in each engine's grammar (Spark SQL by its Hive
// grammar, the nearest it has; DuckDB's is run instead, below and in duckdb.test.ts), the same
// columns in every dialect, and the date and number reading checked cell by cell against the
// core's own parsers by running the DuckDB SQL.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pkg from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../src/core/dates';
import { parseDateValue, parseNumberValue } from '../../../src/core/ingest/values';
import { summaryColumns } from '../../../src/core/sql/columns';
import { dialect, type DialectName, DIALECTS, onlyGroup } from '../../../src/core/sql/dialects';
import { summarySql } from '../../../src/core/sql/generate';
import { dateForms, GENERATOR, notSaleValues, parseSpec, SpecError, specFromSample, type SummarySpec } from '../../../src/core/sql/spec';

const { Parser } = pkg as unknown as { Parser: new () => { astify(sql: string, o: { database: string }): unknown } };
const FIXTURES = resolve(import.meta.dirname, '../../fixtures/sql');
const GRAMMAR: Record<Exclude<DialectName, 'duckdb'>, string> = {
  postgres: 'PostgresQL',
  bigquery: 'BigQuery',
  spark: 'Hive',
  snowflake: 'Snowflake',
};

/** The UCI Online Retail log, as the core reads its sample, with a category column added. */
const RETAIL: SummarySpec = {
  generator: GENERATOR,
  table: 'shop.orders',
  source: 'online-retail.csv',
  roles: {
    customerId: 'CustomerID',
    orderId: 'InvoiceNo',
    orderDate: 'InvoiceDate',
    quantity: 'Quantity',
    unitPrice: 'UnitPrice',
    region: 'Country',
  },
  categories: ['Channel'],
  dates: { forms: ['ymd', 'aby'], order: 'mdy' },
  decimalComma: [],
  asOf: '2011-12-09',
  inactiveDays: 90,
  period: 'month',
  windowDays: 90,
};

/** A WooCommerce order export (tests/fixtures/exports): its row status says which rows are sales. */
const WOOCOMMERCE: SummarySpec = {
  generator: GENERATOR,
  table: 'shop.wc_orders',
  source: 'woocommerce-orders.csv',
  roles: { orderId: 'Order ID', orderDate: 'Order Date', amount: 'Order Total', status: 'Order Status', customerId: 'Customer User ID' },
  categories: [],
  dates: { forms: ['ymd'], order: 'dmy' },
  decimalComma: [],
  notSales: ['cancelled', 'failed', 'on-hold', 'pending', 'refunded'],
  inactiveDays: 90,
  period: 'month',
  windowDays: 90,
};

/** Every branch: an amount column with a decimal comma, every date form, quarters, an order column, cohort starts, a row status. */
const EVERYTHING: SummarySpec = {
  ...RETAIL,
  table: 'sales',
  source: 'sales.csv',
  roles: {
    orderId: 'Order No',
    customerId: '客户编号',
    customerName: 'Name',
    orderDate: '下单日期',
    amount: 'Betrag',
    rep: 'Rep',
    segment: 'Segment',
    status: '订单状态',
  },
  notSales: ["it's void", '已取消', '已退款'],
  categories: ['Kanal', "It's"],
  dates: { forms: ['ymd', 'aby', 'cn', 'compact', 'ym'], order: 'dmy' },
  decimalComma: ['amount'],
  orderColumn: 'line',
  starts: 'cohort_starts',
  period: 'quarter',
  asOf: undefined,
};
delete EVERYTHING.asOf;

/** The least: an id and a date. */
const BARE: SummarySpec = { ...RETAIL, roles: { customerId: 'id', orderDate: 'day' }, categories: [], dates: { forms: ['ymd'], order: 'dmy' } };

describe('golden files', () => {
  it.each(DIALECTS.flatMap((d) => [[d, 'UCI log', RETAIL, `${d}.sql`] as const, [d, 'WooCommerce', WOOCOMMERCE, `woocommerce/${d}.sql`] as const]))(
    '%s: %s',
    (d, _name, spec, file) => {
      const sql = summarySql(spec, d);
      const path = resolve(FIXTURES, file);
      if (process.env.UPDATE_GOLDEN) writeFileSync(path, sql);
      expect(sql).toBe(readFileSync(path, 'utf8'));
    },
  );

  it('reads the row status only when some of its values are not sales, in every dialect', () => {
    for (const d of DIALECTS) {
      const sql = summarySql(WOOCOMMERCE, d);
      expect(sql).toContain(`WHEN lower(status_text) IN ('cancelled', 'failed', 'on-hold', 'pending', 'refunded') THEN 2`);
      expect(sql).toContain("'not_sales'");
      expect(sql).toContain('FROM not_sale_values WHERE k <= 6');
      // The UCI log has no status column: no status read, the count still stated (0).
      expect(summarySql(RETAIL, d)).not.toContain('status_text');
      expect(summarySql(RETAIL, d)).toContain("'not_sales'");
      const { notSales: _n, ...noValues } = WOOCOMMERCE;
      void _n;
      expect(summarySql(noValues, d)).not.toContain('status_text');
    }
  });
});

describe('parsed in each engine’s grammar', () => {
  const cases = (Object.keys(GRAMMAR) as (keyof typeof GRAMMAR)[]).flatMap((d) =>
    (
      [
        ['retail', RETAIL],
        ['everything', EVERYTHING],
        ['bare', BARE],
        ['woocommerce', WOOCOMMERCE],
      ] as const
    ).map(([name, spec]) => [d, name, spec] as const),
  );
  it.each(cases)('%s: %s', (d, _name, spec) => {
    const ast = new Parser().astify(summarySql(spec, d), { database: GRAMMAR[d] }) as { type: string; with: unknown[] };
    expect(ast.type).toBe('select');
    expect(ast.with.length).toBeGreaterThan(15);
  });

  it('the result has the summary’s columns, in order, in every dialect', () => {
    const ast = new Parser().astify(summarySql(EVERYTHING, 'postgres'), { database: 'PostgresQL' }) as { columns: { as: string }[] };
    expect(ast.columns.map((c) => c.as)).toEqual(summaryColumns(2));
    for (const d of DIALECTS) {
      // Each dialect names the same columns in the first row of the result (after the CTEs).
      const first = summarySql(EVERYTHING, d)
        .split('\n')
        .find((l) => l.startsWith("SELECT 'meta'"))!;
      expect([...first.matchAll(/ AS (\w+)(?:, |$)/g)].map((m) => m[1])).toEqual(summaryColumns(2));
    }
  });
});

describe('dialect details', () => {
  it.each([
    ['^(a)(b)(c)$', 2, '^(?:a)(b)(?:c)$'],
    ['^([0-9]{4})[(]x[)]([0-9])$', 1, '^([0-9]{4})[(]x[)](?:[0-9])$'],
    ['^[]()]+(x)$', 1, '^[]()]+(x)$'],
  ])('onlyGroup(%s, %i)', (pattern, group, expected) => expect(onlyGroup(pattern, group)).toBe(expected));

  it.each([
    ['duckdb', "it's", "'it''s'"],
    ['postgres', "it's \\d", "'it''s \\d'"],
    ['bigquery', "it's \\d", "'it\\'s \\\\d'"],
    ['spark', "it's", "'it\\'s'"],
    ['snowflake', "it's \\d", "'it''s \\\\d'"],
  ] as const)('%s string literal of %s', (d, s, expected) => expect(dialect(d).str(s)).toBe(expected));

  it.each([
    ['duckdb', 'order date', '"order date"'],
    ['snowflake', 'CustomerID', 'CustomerID'],
    ['snowflake', '客户编号', '"客户编号"'],
    ['bigquery', 'a`b', '`a\\`b`'],
  ] as const)('%s quotes %s as %s', (d, name, expected) => expect(dialect(d).ident(name)).toBe(expected));

  it('says where sums may differ in the last digits', () => {
    for (const d of ['bigquery', 'spark', 'snowflake'] as const) expect(summarySql(RETAIL, d)).toMatch(/may differ .* in the last digits/);
    for (const d of ['duckdb', 'postgres'] as const) expect(summarySql(RETAIL, d)).not.toMatch(/last digits/);
  });
});

describe('the spec', () => {
  it('reads date forms as the core does', () => {
    expect(dateForms(['2024-01-05 10:00', '1/5/2024', ' 2024年3月5日 ', '20240306', '2024-03', 'Mar 5, 2024'])).toEqual([
      'ymd',
      'aby',
      'cn',
      'compact',
      'ym',
    ]);
    expect(dateForms([])).toEqual(['ymd']);
  });

  it('is read from a sample: roles by header, day- or month-first, decimal commas, categories', () => {
    const header = ['Order', 'Customer', 'Date', 'Amount', 'Channel', 'Country', 'Note'];
    const rows = [
      ['1', 'A', '13/01/2024', '1.234,50', 'web', 'DE', 'x1'],
      ['2', 'B', '02/02/2024', '12,00', 'shop', 'DE', 'x2'],
      ['3', 'A', '03/02/2024', '7,5', 'web', 'DE', 'x3'],
    ];
    const columns = header.map((_, c) => rows.map((r) => r[c]));
    const spec = specFromSample(
      { source: 'o.csv', header, roles: { orderId: 0, customerId: 1, orderDate: 2, amount: 3 }, columns, rowCount: 3 },
      { inactiveDays: 60, period: 'quarter', asOf: '2024-06-30' },
    );
    expect(spec).toEqual({
      generator: GENERATOR,
      table: 'orders',
      source: 'o.csv',
      roles: { orderId: 'Order', customerId: 'Customer', orderDate: 'Date', amount: 'Amount' },
      // Country has one value (says nothing); Note three of three rows (it has 2–100, so it counts here).
      categories: ['Channel', 'Note'],
      dates: { forms: ['ymd', 'aby'], order: 'dmy' },
      decimalComma: ['amount'],
      asOf: '2024-06-30',
      inactiveDays: 60,
      period: 'quarter',
      windowDays: 90,
    });
    expect(parseSpec(JSON.stringify(spec))).toEqual(spec);
  });

  it('reads the row status as the core does: the values whose rows are not sales, from the sample and given', () => {
    expect(
      notSaleValues(['completed', ' Refunded ', 'processing', 'CANCELLED', 'cancelled', 'on-hold', 'backordered', 'failed', '已退款', '']),
    ).toEqual(['cancelled', 'failed', 'on-hold', 'refunded', '已退款']);
    const header = ['Order ID', 'Order Date', 'Order Status', 'Order Total', 'Customer User ID'];
    const rows = [
      ['1', '2024-01-02', 'completed', '5', '7'],
      ['2', '2024-01-03', 'Refunded', '5', '7'],
      ['3', '2024-01-04', 'processing', '5', '8'],
    ];
    const sample = {
      source: 'wc.csv',
      header,
      roles: { orderId: 0, orderDate: 1, status: 2, amount: 3, customerId: 4 },
      columns: header.map((_, c) => rows.map((r) => r[c])),
      rowCount: 3,
    };
    expect(specFromSample(sample, { inactiveDays: 90 }).notSales).toEqual(['refunded']);
    // Values of the whole table (SELECT DISTINCT): the sales among them stay sales.
    expect(specFromSample(sample, { inactiveDays: 90, statusValues: ['pending', 'completed', 'shipped'] }).notSales).toEqual(['pending', 'refunded']);
    // Only sales: no list, the status column is not read.
    expect(specFromSample({ ...sample, rowCount: 1 }, { inactiveDays: 90 })).not.toHaveProperty('notSales');
    const spec = specFromSample(sample, { inactiveDays: 90 });
    expect(parseSpec(JSON.stringify(spec))).toEqual(spec);
    expect(parseSpec(JSON.stringify({ ...spec, roles: { ...spec.roles, status: undefined } }))).toBeNull();
    expect(parseSpec(JSON.stringify({ ...spec, notSales: [1] }))).toBeNull();
  });

  it.each([
    [{ orderDate: 1 }, 'sql-no-customerId'],
    [{ customerId: 0 }, 'sql-no-orderDate'],
  ])('refuses a sample without an id or a date (%o → %s)', (roles, code) => {
    const s = { source: 'x', header: ['id', 'day'], roles, columns: [[], []], rowCount: 0 };
    expect(() => specFromSample(s, { inactiveDays: 90 })).toThrow(SpecError);
    try {
      specFromSample(s, { inactiveDays: 90 });
    } catch (e) {
      expect((e as SpecError).code).toBe(code);
    }
  });

  it.each([
    ['another generator', { generator: 'churnlens-sql/0' }],
    ['a bad asOf', { asOf: '2024-02-30' }],
    ['an unknown date form', { dates: { forms: ['ymd', 'julian'], order: 'dmy' } }],
    ['no order date role', { roles: { customerId: 'id' } }],
    ['an unknown period', { period: 'week' }],
  ])('refuses a spec with %s', (_, patch) => {
    expect(parseSpec(JSON.stringify({ ...RETAIL, ...patch }))).toBeNull();
  });
  it('refuses text that is not JSON', () => expect(parseSpec('{nope')).toBeNull());
});

describe('dates and numbers read as the core reads them (the DuckDB SQL, run)', () => {
  const DATES = [
    '2024-01-05',
    '2024-01-05 23:59:59',
    '2024-01-05T08:00:00Z',
    '2024/1/5',
    '2024.1.5',
    '2024-02-29',
    '2023-02-29',
    '2024-13-01',
    '2024-04-31',
    '1/5/2024',
    '13/5/2024',
    '5/13/2024',
    '31/12/1999',
    '1-5-24',
    '1/5/69',
    '1/5/70',
    '2024年3月5日',
    '2024 年 3 月 5 号',
    '2024年3月',
    '2024年13月1日',
    '20240306',
    '18991231',
    '21000101',
    '2024-03',
    '2024/3',
    '0999-01-01',
    '9999-12-31',
    '  2024-01-05  ',
    '\u30002024-01-06',
    'N/A',
    '-',
    '',
    'soon',
    '2024-1-5x',
  ];
  const NUMBERS = ['12', '-3', '+4.5', '5.', '.25', '1,234.50', '-1,234', '¥66,035.05', '$-12', '(1,234.00)', '1e3', 'abc', '12 345', '', 'N/A', '—'];

  async function run(given: SummarySpec, rows: string[][]): Promise<Record<string, unknown>[]> {
    const spec = { ...given, table: 'orders' };
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const cols = Object.values(spec.roles);
    await c.run(`CREATE TABLE orders (${cols.map((n) => `"${n}" VARCHAR`).join(', ')})`);
    const a = await c.createAppender('orders');
    for (const r of rows) {
      for (const v of r) a.appendVarchar(v);
      a.endRow();
    }
    a.closeSync();
    const out = (await c.runAndReadAll(summarySql(spec, 'duckdb'))).getRowObjectsJS();
    c.closeSync();
    db.closeSync();
    return out;
  }
  /** `column` of the summary's customer rows, by customer id. */
  const byCustomer = (out: Record<string, unknown>[], column: string) =>
    Object.fromEntries(out.filter((r) => r.churnlens === 'customer').map((r) => [r.customer_id as string, r[column]]));
  /** The summary's meta rows as key → value. */
  const metaOf = (out: Record<string, unknown>[]) =>
    Object.fromEntries(out.filter((r) => r.churnlens === 'meta').map((r) => [r.meta_key as string, r.meta_value]));

  for (const order of ['dmy', 'mdy'] as const) {
    it(`every date form, ${order === 'dmy' ? 'day' : 'month'} first: the day the core reads, or none`, async () => {
      const spec: SummarySpec = {
        ...BARE,
        roles: { customerId: 'id', orderDate: 'day', amount: 'amount' },
        dates: { forms: dateForms(DATES), order },
        asOf: '2099-12-31',
      };
      const out = await run(
        spec,
        DATES.map((d, i) => [`c${i}`, d, '1']),
      );
      const got = byCustomer(out, 'first_purchase');
      const expected = Object.fromEntries(
        DATES.flatMap((d, i): [string, string][] => {
          const day = parseDateValue(d, order);
          return day === null ? [] : [[`c${i}`, isoDay(day)]];
        }),
      );
      expect(got).toEqual(expected);
      // Written out: 22 of the 34 cells are dates; 9 are not (30 February, month 13, years 1899,
      // 2100 and 999, words); 3 are placeholders for none.
      expect(Object.keys(got)).toHaveLength(22);
      const meta = metaOf(out);
      const missing = DATES.filter((d) => ['N/A', '-', ''].includes(d.trim())).length;
      expect(missing).toBe(3);
      expect(meta.bad_dates).toBe('9');
    });
  }

  it('every number form: the value the core reads, a return when negative, or a bad number', async () => {
    const spec: SummarySpec = { ...BARE, roles: { customerId: 'id', orderDate: 'day', amount: 'amount' }, asOf: '2024-12-31' };
    const out = await run(
      spec,
      NUMBERS.map((n, i) => [`c${i}`, '2024-01-01', n]),
    );
    const got = byCustomer(out, 'revenue');
    const expected = Object.fromEntries(
      NUMBERS.flatMap((n, i): [string, number][] => {
        const x = parseNumberValue(n);
        return x !== null && x < 0 ? [] : [[`c${i}`, x ?? 0]];
      }),
    );
    // The SQL reads the usual forms only: scientific notation and space-grouped numbers are bad numbers there.
    expect(got).toEqual({ ...expected, c10: 0, c12: 0 });
    const meta = metaOf(out);
    expect(meta).toMatchObject({ returns: '4', bad_amount: '3' });
  });
});
