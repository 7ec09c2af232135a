// The customer-summary SQL: order rows → one row per customer, the cohort matrix, and the run's
// figures, written once here and printed in each dialect (dialects.ts). It follows the core's
// definitions step by step (model/customers.ts, churn/activity.ts, churn/cohorts.ts):
//
//   src ─1─► cells ─2─► parts ─3─► fields ─4─► ymd ─5─► civil ─6─► dated ─┬─► stats, not_sale_values, bounds (asOf)
//   (text)   (trimmed)  (date form) (y, parts,  (valid    (era      (day,   │
//                                   numbers)   date)     terms)    value,  ├─7─► purchases ─8─► flagged ─9─► customers ─► indexed
//                                                                  kind)   │                                            │
//                                                                          └─10─► starts ─► cohort_of ─► activity ─► cells, last_seen, sizes ─► matrix
//   ─11─► one result: meta rows, customer rows, cohort rows
//
// Sums of amounts are added in the core's order (by day, then input row; cohort cells by customer,
// then day, then row) where the engine can be told the order (DuckDB, PostgreSQL), so the
// floating-point results are the core's to the last bit; elsewhere they may differ in the last digits.
// Rows whose status says they are not sales (spec.notSales: values found in the sample, or given)
// are left out before returns are, as the core leaves them out.
import { monthIndexOfDay } from '../churn/periods';
import { parseIsoDay } from '../dates';
import type { CohortPeriod } from '../types';
import { categoryColumn, META, NOT_SALE_VALUES, summaryColumns } from './columns';
import { type Dialect, dialect as dialectOf, type DialectName } from './dialects';
import { ATTRIBUTE_ROLES, type DateForm, GENERATOR, NUMBER_ROLES, type NumberRole, type OrderRole, type SummarySpec } from './spec';

type Form = DateForm | 'iso';
/** Anchored patterns, no backslashes (see dialects.ts). 'iso' is ymd's fixed-width fast path. */
const PATTERN: Record<Form, string> = {
  iso: '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?$',
  ymd: '^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})([T ].*)?$',
  aby: '^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4}|[0-9]{2})([T ].*)?$',
  cn: '^([0-9]{4}) *年 *([0-9]{1,2}) *月 *([0-9]{1,2})?.*$',
  compact: '^([0-9]{4})([0-9]{2})([0-9]{2})$',
  ym: '^([0-9]{4})[-/]([0-9]{1,2})$',
};
/** Capture groups of year, first and second number per form (0: a constant 1). */
const GROUPS: Record<Form, [number, number, number]> = {
  iso: [1, 2, 3],
  ymd: [1, 2, 3],
  aby: [3, 1, 2],
  cn: [1, 2, 3],
  compact: [1, 2, 3],
  ym: [1, 2, 0],
};
const PLAIN = '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)$';
const INTEGER = '^[-+]?[0-9]+$';
const MONEY = '^-?[¥￥$€£]?-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?$';
const MONEY_DC = '^-?[¥￥$€£]?-?([0-9]{1,3}([.][0-9]{3})+|[0-9]+)(,[0-9]+)?$';
const PAREN = '^[(][¥￥$€£]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)([.][0-9]+)?[)]$';
/** Placeholders for "no value" (the core's isMissing), on lower-cased text of at most 4 characters. */
const MISSING = '^(-+|—+|–+|/|n/?a|null|none|nil|nan|#n/a|无|無|空|暂无|暫無)$';

const RAW: Record<OrderRole, string> = {
  customerId: 'id',
  orderDate: 'date',
  amount: 'amount',
  quantity: 'quantity',
  unitPrice: 'unit_price',
  orderId: 'order',
  customerName: 'customer_name',
  rep: 'rep',
  region: 'region',
  segment: 'segment',
  status: 'status',
};

const indent = (lines: string[], n = 4) => lines.map((l) => ' '.repeat(n) + l);

export function summarySql(spec: SummarySpec, name: DialectName): string {
  const D = dialectOf(name);
  // The status column is read only when some of its values say a row is not a sale.
  const notSales = spec.roles.status !== undefined ? (spec.notSales ?? []) : [];
  const has = (r: OrderRole) => spec.roles[r] !== undefined && (r !== 'status' || notSales.length > 0);
  const column = (r: OrderRole) => D.ident(spec.roles[r]!);
  const used = (Object.keys(RAW) as OrderRole[]).filter(has);
  const cats = spec.categories.map((_, k) => categoryColumn(k));
  const attrs = ATTRIBUTE_ROLES.filter(has);
  const numbers = NUMBER_ROLES.filter(has);
  const global = spec.orderColumn !== undefined || D.fileOrder !== null;
  const given = spec.dates.forms.length ? spec.dates.forms : (['ymd'] as DateForm[]);
  const forms: Form[] = given.includes('ymd') ? ['iso', ...given] : given;
  const formCode = (f: Form) => forms.indexOf(f) + 1;
  const asOfDay = spec.asOf !== undefined ? parseIsoDay(spec.asOf) : null;
  if (spec.asOf !== undefined && asOfDay === null) throw new RangeError(`bad asOf: ${spec.asOf}`);
  const W = spec.windowDays;
  const nul = (type: string) => `CAST(NULL AS ${type})`;
  const int = (s: string) => D.cast(s, D.int);
  const fence = D.fence ? [D.fence] : [];
  const period = (month: string, p: CohortPeriod = spec.period) => (p === 'month' ? month : D.idiv(month, '3'));
  const cte = (name: string, body: string[], materialize = false) =>
    `${name} ${materialize ? D.materialized : 'AS'} (\n${indent(body, 2).join('\n')}\n)`;
  const select = (cols: string[], rest: string[]) => [
    'SELECT',
    ...indent(
      cols.map((c, i) => (i < cols.length - 1 ? `${c},` : c)),
      2,
    ),
    ...rest,
  ];

  // 1. Every column used, as text ('' for NULL), and the rows' input order.
  const order = spec.orderColumn !== undefined ? `CAST(${D.ident(spec.orderColumn)} AS ${D.big})` : D.fileOrder;
  const src = [
    ...(global ? [`${order} AS row_no`] : []),
    ...used.map((r) => `coalesce(CAST(${column(r)} AS ${D.text}), '') AS ${RAW[r]}_raw`),
    ...spec.categories.map((c, k) => `coalesce(CAST(${D.ident(c)} AS ${D.text}), '') AS ${cats[k]}_raw`),
  ];

  // 2. Trimmed cells (the order id is read as written: its first character marks a cancellation).
  const trimmed = (r: OrderRole) => `${D.trim(`${RAW[r]}_raw`)} AS ${r === 'customerId' ? 'customer_id' : `${RAW[r]}_text`}`;
  const cells = [
    ...(global ? ['row_no'] : []),
    ...used.filter((r) => r !== 'orderId' && !(ATTRIBUTE_ROLES as readonly string[]).includes(r)).map(trimmed),
    ...(has('orderId') ? ['order_raw'] : []),
    ...ATTRIBUTE_ROLES.map((r) => (has(r) ? `${D.trim(`${RAW[r]}_raw`)} AS ${RAW[r]}` : `${nul(D.text)} AS ${RAW[r]}`)),
    ...cats.map((c) => `${D.trim(`${c}_raw`)} AS ${c}`),
  ];

  // 3. Which date form each cell is written in (the core reads 6–64 characters).
  const formCase = forms.map((f) => `WHEN ${D.matches('date_text', PATTERN[f])} THEN ${formCode(f)}`).join(' ');
  const parts = [`CASE WHEN length(date_text) BETWEEN 6 AND 64 THEN CASE ${formCase} END END AS date_form`];

  // 4. Year and the two other numbers of each form; amounts, quantities and prices as numbers.
  const ISO_PART = [
    [1, 4],
    [6, 2],
    [9, 2],
  ];
  const group = (f: Form, g: number) =>
    g === 0 ? '1' : f === 'iso' ? int(`substr(date_text, ${ISO_PART[g - 1][0]}, ${ISO_PART[g - 1][1]})`) : int(D.extract('date_text', PATTERN[f], g));
  const byForm = (pick: (f: Form) => string) => `CASE date_form ${forms.map((f) => `WHEN ${formCode(f)} THEN ${pick(f)}`).join(' ')} END`;
  const yearOf = (f: Form) => {
    if (f !== 'aby') return group(f, GROUPS[f][0]);
    const y = D.extract('date_text', PATTERN.aby, 3);
    // Two-digit years: below 70 in the 2000s, else the 1900s (the core's fullYear).
    return `CASE WHEN length(${y}) = 2 THEN CASE WHEN ${int(y)} < 70 THEN 2000 + ${int(y)} ELSE 1900 + ${int(y)} END ELSE ${int(y)} END`;
  };
  const fields = [
    `${byForm(yearOf)} AS y`,
    `${byForm((f) => group(f, GROUPS[f][1]))} AS p1`,
    `${byForm((f) => (f === 'cn' ? `coalesce(${group(f, 3)}, 1)` : group(f, GROUPS[f][2])))} AS p2`,
    ...numbers.map((r) => `${numberOf(D, `${RAW[r]}_text`, spec.decimalComma.includes(r))} AS ${RAW[r]}_value`),
  ];

  // 5. Month and day: a/b/yyyy day-first or month-first, the other reading when the first is impossible.
  const valid = (y: string, m: string, d: string) => {
    const leap = `(${D.mod(y, '4')} = 0 AND ${D.mod(y, '100')} <> 0) OR ${D.mod(y, '400')} = 0`;
    return (
      `(${y} BETWEEN 1000 AND 9999 AND ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ` +
      `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`
    );
  };
  const [m1, d1] = spec.dates.order === 'dmy' ? ['p2', 'p1'] : ['p1', 'p2'];
  const aby = forms.includes('aby') ? `date_form = ${formCode('aby')}` : null;
  const compact = forms.includes('compact') ? `date_form = ${formCode('compact')} AND NOT (y BETWEEN 1900 AND 2099)` : null;
  const resolve = (want: 'm' | 'd') => {
    const a = want === 'm' ? 'p1' : 'p2';
    const whens = [
      ...(compact ? [`WHEN ${compact} THEN NULL`] : []),
      ...(aby
        ? [
            `WHEN ${aby} AND ${valid('y', m1, d1)} THEN ${want === 'm' ? m1 : d1}`,
            `WHEN ${aby} AND ${valid('y', d1, m1)} THEN ${want === 'm' ? d1 : m1}`,
            `WHEN ${aby} THEN NULL`,
          ]
        : []),
      `WHEN ${valid('y', 'p1', 'p2')} THEN ${a}`,
    ];
    return `CASE ${whens.join(' ')} END AS ${want}`;
  };

  // 6. Epoch day (H. Hinnant's days_from_civil; years ≥ 1000, so every division is of non-negatives),
  // month index, the row's value, and whether it is a return or a cancellation.
  const civil = [`y - CASE WHEN m <= 2 THEN 1 ELSE 0 END AS yy`, `m + CASE WHEN m > 2 THEN -3 ELSE 9 END AS mp`];
  const yoe = D.mod('yy', '400');
  const dayExpr =
    `${D.idiv('yy', '400')} * 146097 + ${yoe} * 365 + ${D.idiv(yoe, '4')} - ${D.idiv(yoe, '100')} + ` + `${D.idiv('153 * mp + 2', '5')} + d - 719469`;
  const value = has('amount') ? 'amount_value' : has('quantity') && has('unitPrice') ? 'quantity_value * unit_price_value' : nul(D.float);
  // The row's kind, as the core's order-log rule: 2 when its status says it is not a sale (read
  // first), 1 for a return or cancellation, 0 for a purchase.
  const returns = [
    ...(notSales.length ? [`WHEN lower(status_text) IN (${notSales.map((v) => D.str(v)).join(', ')}) THEN 2`] : []),
    `WHEN ${value} < 0 THEN 1`,
    ...(has('quantity') ? ['WHEN quantity_value < 0 THEN 1'] : []),
    ...(has('orderId') ? [`WHEN ${D.first('order_raw')} IN ('c', 'C') THEN 1`] : []),
  ];
  const missing = (t: string) => `(${t} = '' OR (length(${t}) <= 4 AND ${D.matches(`lower(${t})`, MISSING)}))`;
  const bad = (t: string, v: string) => `CASE WHEN ${v} IS NULL AND NOT ${missing(t)} THEN 1 ELSE 0 END`;
  const dated = [
    `CASE WHEN y IS NOT NULL AND m IS NOT NULL AND d IS NOT NULL THEN ${dayExpr} END AS order_day`,
    `y * 12 + m - 1 AS order_month`,
    `coalesce(${value}, 0) AS amount`,
    `CASE ${returns.join(' ')} ELSE 0 END AS excluded`,
    `${bad('date_text', 'm')} AS bad_date`,
    ...numbers.map((r) => `${bad(`${RAW[r]}_text`, `${RAW[r]}_value`)} AS bad_${RAW[r]}`),
  ];

  // Only what the later steps read is kept (dated is computed once where the engine allows).
  const carried = [
    ...(global ? ['row_no'] : []),
    'customer_id',
    ...(has('orderId') && !global ? ['order_raw'] : []),
    ...(has('status') ? ['status_text'] : []),
    ...attrs.map((r) => RAW[r]),
    ...cats,
  ];

  // 7. Purchases: rows with a date, a sale, not a return, with a customer id (the core's order rows).
  const keep = ['customer_id', 'order_day', 'order_month', 'amount', ...attrs.map((r) => RAW[r]), ...cats];
  const rowNo = global ? 'row_no' : `ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_day${has('orderId') ? ', order_raw' : ''}) AS row_no`;

  // 8. A row is the customer's latest so far when no earlier row has a later date: the core takes
  // rep, region, segment and name from the last such row that names them, categories from the last.
  const latest = attrs.length + cats.length > 0;
  // (No earlier row later ⇔ the row's date is the running maximum, the row included.)
  const flag =
    'CASE WHEN order_day = max(order_day) OVER (PARTITION BY customer_id ORDER BY row_no ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) THEN 1 ELSE 0 END AS latest';

  // Sums of purchases per customer, added in the core's order (by day, then row) where the engine
  // can be told (a window over the customer's rows: DuckDB's and PostgreSQL's windows spill to
  // disk), else in the engine's own order. Each its own pass, over only the rows it adds.
  const byDay = 'order_day, row_no';
  const grouped = spec.sums === 'group' ? D.groupedOrderedSum : undefined;
  const perCustomer = (sums: [string, string][], where: string) => {
    const ordered = grouped ? null : D.orderedSum;
    return ordered
      ? select(
          ['customer_id', ...sums.map(([name, x]) => `${ordered(x, 'customer_id', byDay)} AS ${name}`)],
          ['FROM purchases CROSS JOIN bounds', `WHERE ${where}`],
        ).map((l, i) => (i === 0 ? 'SELECT DISTINCT' : l))
      : select(
          ['customer_id', ...sums.map(([name, x]) => `${grouped ? grouped(x, byDay) : `sum(${x})`} AS ${name}`)],
          ['FROM purchases CROSS JOIN bounds', `WHERE ${where}`, 'GROUP BY customer_id'],
        );
  };
  const revenueSums = perCustomer([['revenue', 'amount']], 'order_day <= as_of');
  const windowSums = perCustomer(
    [
      ['recent_revenue', `CASE WHEN order_day > as_of - ${W} THEN amount ELSE 0 END`],
      ['prior_revenue', `CASE WHEN order_day <= as_of - ${W} THEN amount ELSE 0 END`],
    ],
    `order_day > as_of - ${2 * W} AND order_day <= as_of`,
  );
  const upTo = (cond: string, x: string) => `CASE WHEN ${cond} THEN ${x} ELSE 0 END`;

  // 9. One row per customer.
  const customers = [
    'customer_id',
    'min(row_no) AS first_row',
    'min(order_day) AS first_day',
    'min(order_month) AS first_month',
    'max(order_day) AS latest_day',
    'count(*) AS purchase_rows',
    'max(CASE WHEN order_day <= as_of THEN order_day END) AS last_day',
    'max(CASE WHEN order_day <= as_of THEN order_month END) AS last_month',
    `sum(${upTo('order_day <= as_of', '1')}) AS orders`,
    ...attrs.map((r) => `${D.lastBy(RAW[r], 'row_no', `latest = 1 AND ${RAW[r]} <> ''`)} AS ${RAW[r]}`),
    ...cats.map((c) => `${D.lastBy(c, 'row_no', 'latest = 1')} AS ${c}`),
  ];
  const customerOrder = global ? 'first_row' : 'first_day, customer_id';

  // 10. Cohorts: each customer's start (first purchase, or a customer list's start), period by period.
  const starts = spec.starts
    ? [
        'SELECT s.customer_id, s.customer_index,',
        '    coalesce(s.start_day, c.first_day) AS start_day, coalesce(s.start_month, c.first_month) AS start_month',
        `FROM ${D.table(spec.starts)} s LEFT JOIN customers c ON c.customer_id = s.customer_id`,
      ]
    : ['SELECT customer_id, customer_index, first_day AS start_day, first_month AS start_month FROM indexed'];

  // Cohort cells: customers active in period k, purchases in it (in the core's order), and the
  // customers whose last active period it is (from their last purchase on or before asOf).
  const cellSum = grouped ? null : D.orderedSum;
  const cellOrder = 'customer_index, order_day, row_no';
  const matrixCells = cellSum
    ? select(
        ['cohort', 'k', 'count(DISTINCT customer_index) AS active', 'max(cell_revenue) AS revenue'],
        [
          `FROM (SELECT cohort, k, customer_index, ${cellSum('amount', 'cohort, k', cellOrder)} AS cell_revenue FROM activity) a`,
          'GROUP BY cohort, k',
        ],
      )
    : select(
        ['cohort', 'k', 'count(DISTINCT customer_index) AS active', `${grouped ? grouped('amount', cellOrder) : 'sum(amount)'} AS revenue`],
        ['FROM activity', 'GROUP BY cohort, k'],
      );

  const asOfMonth = asOfDay === null ? 'max_month' : String(monthIndexOfDay(asOfDay));
  const bounds = [
    `${asOfDay === null ? 'max_day' : String(asOfDay)} AS as_of`,
    `${asOfMonth} AS as_of_month`,
    `${period(asOfMonth)} AS as_of_period`,
  ];
  const stats = [
    'count(*) AS source_rows',
    'max(order_day) AS max_day',
    'max(order_month) AS max_month',
    'coalesce(sum(bad_date), 0) AS bad_dates',
    ...numbers.map((r) => `coalesce(sum(bad_${RAW[r]}), 0) AS bad_${RAW[r]}`),
    'coalesce(sum(CASE WHEN order_day IS NOT NULL AND excluded = 1 THEN 1 ELSE 0 END), 0) AS returns',
    "coalesce(sum(CASE WHEN order_day IS NOT NULL AND excluded = 0 AND customer_id = '' THEN 1 ELSE 0 END), 0) AS unattributed",
    'coalesce(sum(CASE WHEN order_day IS NOT NULL AND excluded = 2 THEN 1 ELSE 0 END), 0) AS not_sales',
  ];
  // The status values of rows that are not sales, most rows first, then first met (the core's
  // issue names six).
  const notSaleTop = notSales.length
    ? [
        cte(
          'not_sale_values',
          select(
            ['value', `ROW_NUMBER() OVER (ORDER BY n DESC, ${global ? 'first_row' : 'value'}) AS k`],
            [
              'FROM (',
              `  SELECT status_text AS value, count(*) AS n${global ? ', min(row_no) AS first_row' : ''}`,
              '  FROM dated',
              '  WHERE order_day IS NOT NULL AND excluded = 2',
              '  GROUP BY status_text',
              ') v',
            ],
          ),
        ),
      ]
    : [];

  // 11. The result: every row has every column; the first says which kind of row it is.
  const columns = summaryColumns(cats.length);
  const types: Record<string, string> = {};
  for (const c of columns) types[c] = D.text;
  for (const c of ['customer_index', 'orders', 'purchase_rows', 'cohort_size', 'active', 'last_active']) types[c] = D.big;
  for (const c of ['period_offset', 'inactive']) types[c] = D.int;
  for (const c of ['revenue', 'recent_revenue', 'prior_revenue', 'period_revenue']) types[c] = D.float;
  const row = (kind: string, given: Record<string, string>) =>
    columns.map((c, i) => {
      const v = i === 0 ? D.str(kind) : (given[c] ?? nul(types[c]));
      return `${i === 0 ? v : `CAST(${v} AS ${types[c]})`} AS ${c}`;
    });
  const specJson = JSON.stringify(spec);
  const asText = (x: string) => `CAST(${x} AS ${D.text})`;
  const meta: [string, string][] = [
    [META.generator, D.str(GENERATOR)],
    [META.dialect, D.str(name)],
    [META.spec, D.str(specJson)],
    [META.asOf, D.dayText('as_of')],
    [META.maxDate, D.dayText('max_day')],
    [META.rows, asText('source_rows')],
    [META.returns, asText('returns')],
    [META.unattributed, asText('unattributed')],
    [META.badDates, asText('bad_dates')],
    [META.notSales, asText('not_sales')],
    ...numbers.map((r): [string, string] => [META[BAD_KEY[r]], asText(`bad_${RAW[r]}`)]),
    [META.customers, asText('(SELECT count(*) FROM indexed)')],
  ];
  const metaSelects = meta.map(([k, v]) => [
    `SELECT ${row('meta', { meta_key: D.str(k), meta_value: v }).join(', ')}`,
    'FROM stats CROSS JOIN bounds',
  ]);
  if (notSales.length) {
    metaSelects.push([
      `SELECT ${row('meta', { meta_key: D.concat(D.str(META.notSaleValue), asText('k')), meta_value: 'value' }).join(', ')}`,
      `FROM not_sale_values WHERE k <= ${NOT_SALE_VALUES}`,
    ]);
  }
  const label =
    spec.period === 'month'
      ? D.concat(asText(D.idiv('cohort', '12')), "'-'", D.lpad(asText(`${D.mod('cohort', '12')} + 1`), 2, '0'))
      : D.concat(asText(D.idiv('cohort', '4')), "'-Q'", asText(`${D.mod('cohort', '4')} + 1`));
  const customerRow = row('customer', {
    customer_index: 'customer_index',
    customer_id: 'customer_id',
    ...Object.fromEntries(attrs.map((r) => [RAW[r], RAW[r]])),
    ...Object.fromEntries(cats.map((c) => [c, c])),
    first_purchase: D.dayText('first_day'),
    latest_purchase: D.dayText('latest_day'),
    last_purchase: D.dayText('last_day'),
    orders: 'orders',
    purchase_rows: 'purchase_rows',
    revenue: 'revenue',
    recent_revenue: 'recent_revenue',
    prior_revenue: 'prior_revenue',
    inactive: `CASE WHEN last_day IS NOT NULL AND as_of - last_day > ${spec.inactiveDays} THEN 1 ELSE 0 END`,
  });
  const cohortRow = row('cohort', {
    cohort: label,
    period_offset: 'k',
    cohort_size: 'size',
    active: 'active',
    period_revenue: 'revenue',
    last_active: 'last_active',
  });

  const ctes = [
    cte('src', select(src, [`FROM ${D.table(spec.table)}`])),
    cte('cells', select(cells, ['FROM src'])),
    cte('parts', select(['*', ...parts], ['FROM cells', ...fence])),
    cte('fields', select(['*', ...fields], ['FROM parts', ...fence])),
    cte('ymd', select(['*', resolve('m'), resolve('d')], ['FROM fields', ...fence])),
    cte('civil', select(['*', ...civil], ['FROM ymd'])),
    cte('dated', select([...carried, ...dated], ['FROM civil']), true),
    cte('stats', select(stats, ['FROM dated'])),
    ...notSaleTop,
    cte('bounds', select(bounds, ['FROM stats'])),
    cte('purchases', select([rowNo, ...keep], ['FROM dated', "WHERE order_day IS NOT NULL AND excluded = 0 AND customer_id <> ''"])),
    ...(latest ? [cte('flagged', select(['*', flag], ['FROM purchases']))] : []),
    cte('customers', select(customers, [`FROM ${latest ? 'flagged' : 'purchases'} CROSS JOIN bounds`, 'GROUP BY customer_id'])),
    cte('revenue_sums', revenueSums),
    cte('window_sums', windowSums),
    cte(
      'indexed',
      select(
        [
          'c.*',
          'coalesce(r.revenue, 0) AS revenue',
          'coalesce(w.recent_revenue, 0) AS recent_revenue',
          'coalesce(w.prior_revenue, 0) AS prior_revenue',
          `ROW_NUMBER() OVER (ORDER BY ${customerOrder}) AS customer_index`,
        ],
        ['FROM customers c', 'LEFT JOIN revenue_sums r ON r.customer_id = c.customer_id', 'LEFT JOIN window_sums w ON w.customer_id = c.customer_id'],
      ),
    ),
    cte('starts', starts),
    cte(
      'cohort_of',
      select(
        ['s.customer_id', 's.customer_index', `${period('s.start_month')} AS cohort`],
        ['FROM starts s CROSS JOIN bounds b', 'WHERE s.start_day <= b.as_of'],
      ),
    ),
    cte(
      'activity',
      select(
        ['c.customer_index', 'c.cohort', `${period('p.order_month')} - c.cohort AS k`, 'p.amount', 'p.order_day', 'p.row_no'],
        [
          'FROM purchases p JOIN cohort_of c ON c.customer_id = p.customer_id CROSS JOIN bounds b',
          `WHERE p.order_day <= b.as_of AND ${period('p.order_month')} >= c.cohort`,
        ],
      ),
    ),
    cte('matrix_cells', matrixCells),
    cte(
      'last_seen',
      select(
        ['cohort', 'k', 'count(*) AS customers'],
        [
          'FROM (',
          `  SELECT c.cohort, CASE WHEN ${period('i.last_month')} >= c.cohort THEN ${period('i.last_month')} - c.cohort ELSE 0 END AS k`,
          '  FROM cohort_of c LEFT JOIN indexed i ON i.customer_id = c.customer_id',
          ') t',
          'GROUP BY cohort, k',
        ],
      ),
    ),
    cte('sizes', select(['cohort', 'count(*) AS size'], ['FROM cohort_of', 'GROUP BY cohort'])),
    cte(
      'matrix',
      select(
        [
          's.cohort',
          'g.k',
          's.size',
          'coalesce(c.active, 0) AS active',
          'coalesce(c.revenue, 0) AS revenue',
          'coalesce(l.customers, 0) AS last_active',
        ],
        [
          'FROM sizes s',
          'JOIN (SELECT DISTINCT cohort, k FROM (SELECT cohort, k FROM matrix_cells UNION ALL SELECT cohort, k FROM last_seen) u) g ON g.cohort = s.cohort',
          'LEFT JOIN matrix_cells c ON c.cohort = g.cohort AND c.k = g.k',
          'LEFT JOIN last_seen l ON l.cohort = g.cohort AND l.k = g.k',
        ],
      ),
    ),
  ];

  const settingsLine =
    `-- As of ${spec.asOf ?? 'the latest order date'}; inactive after ${spec.inactiveDays} days without a purchase; ` +
    `cohorts by ${spec.period}; recent/prior windows of ${W} days.`;
  const header = [
    `-- churnlens customer summary (${GENERATOR}), ${name}: one row per customer, the cohort matrix, and the run's figures.`,
    `-- Reads ${spec.table} (columns as in ${spec.source}); save the result as CSV with these column names and open it in churnlens (the command line also reads Parquet).`,
    settingsLine,
    ...(D.orderedSum
      ? []
      : ['-- This engine adds sums in its own order: revenue figures may differ from the in-browser analysis in the last digits.']),
  ];
  const body = [
    ...metaSelects.flatMap((s) => [...s, 'UNION ALL']),
    ...select(customerRow, ['FROM indexed CROSS JOIN bounds', 'UNION ALL']),
    ...select(cohortRow, ['FROM matrix']),
    'ORDER BY churnlens, customer_index, cohort, period_offset',
  ];
  return `${header.join('\n')}\nWITH\n${ctes.join(',\n')}\n${body.join('\n')}\n`;
}

const BAD_KEY: Record<NumberRole, 'badAmount' | 'badQuantity' | 'badUnitPrice'> = {
  amount: 'badAmount',
  quantity: 'badQuantity',
  unitPrice: 'badUnitPrice',
};

/**
 * A number cell as the core reads the usual forms: plain decimals, thousands separators with a
 * currency sign and a minus in front, accounting parentheses; with a decimal comma (1.234,56) when
 * the sample writes one. Other forms are NULL (and counted as bad numbers).
 */
function numberOf(D: Dialect, t: string, decimalComma: boolean): string {
  const sign = `CASE WHEN ${t} LIKE '%-%' THEN -1 ELSE 1 END`;
  const float = (x: string) => D.cast(x, D.float);
  if (decimalComma) {
    return (
      `CASE WHEN ${D.matches(t, INTEGER)} THEN ${float(t)} ` +
      `WHEN ${D.matches(t, MONEY_DC)} THEN ${sign} * ${float(`replace(${D.replaceAll(t, '[^0-9,]', '')}, ',', '.')`)} END`
    );
  }
  return (
    `CASE WHEN ${D.matches(t, PLAIN)} THEN ${float(t)} ` +
    `WHEN ${D.matches(t, MONEY)} THEN ${sign} * ${float(D.replaceAll(t, '[^0-9.]', ''))} ` +
    `WHEN ${D.matches(t, PAREN)} THEN -1 * ${float(D.replaceAll(t, '[^0-9.]', ''))} END`
  );
}
