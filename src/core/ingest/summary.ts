// A customer summary (the result of the SQL in core/sql, saved as CSV or Parquet with its own
// column names) stands in for the order log it was made from: it is recognised by its header,
// read into per-customer activity and the cohort matrix it carries, and the analysis treats it as
// that order log (inputs list its source's roles and row count). The model merge follows the
// customer model's own treatment of an order log (model/customers.ts, addOrderLog): join on the
// customer id (join only when a customer list is present), rep / region / segment / name from the
// latest order unless the list gave them, first and latest purchase, the order log's issues.
import type { Activity } from '../churn/activity';
import { lastDayOfPeriod, monthIndexOfDay, periodLabel, periodOfMonth } from '../churn/periods';
import { isoDay, parseIsoDay } from '../dates';
import type { CustomerModel, TextColumn } from '../model/customers';
import { ACTIVITY_COLUMNS, COHORT_COLUMNS, CUSTOMER_COLUMNS, META, META_COLUMNS, NOT_SALE_VALUES, RECORD_COLUMN } from '../sql/columns';
import { type DialectName, isDialect } from '../sql/dialects';
import { summarySql } from '../sql/generate';
import { ATTRIBUTE_ROLES, NUMBER_ROLES, type NumberRole, parseSpec, type SummarySpec } from '../sql/spec';
import { type CohortPeriod, type CohortTableRow, IngestError, type Issue, type ParsedFile, type Role } from '../types';
import { textColumns } from './columns';

export interface SummaryCustomers {
  n: number;
  ids: string[];
  /** customerName, rep, region, segment: '' where no order named them. */
  attrs: Record<(typeof ATTRIBUTE_ROLES)[number], string[]>;
  /** One array per spec category. */
  categories: string[][];
  /** Epoch days (NaN = none): first and latest purchase (any date), last purchase on or before asOf. */
  firstDay: Float64Array;
  latestDay: Float64Array;
  lastDay: Float64Array;
  purchaseRows: Float64Array;
  revenue: Float64Array;
  recent: Float64Array;
  prior: Float64Array;
}

export interface CohortCell {
  /** Period index of the cohort (month or quarter index). */
  cohort: number;
  k: number;
  size: number;
  active: number;
  revenue: number;
  lastActive: number;
}

export interface CustomerSummary {
  spec: SummarySpec;
  dialect: DialectName;
  /** Epoch days. */
  asOf: number;
  maxDay: number;
  sourceRows: number;
  returns: number;
  /** Rows whose status says they are not sales, and their status values (most rows first, at most six). */
  notSales: number;
  notSaleValues: string[];
  unattributed: number;
  badDates: number;
  badNumbers: Partial<Record<NumberRole, number>>;
  customers: SummaryCustomers;
  cohorts: CohortCell[];
}

const REQUIRED = [RECORD_COLUMN, ...META_COLUMNS, ...CUSTOMER_COLUMNS, ...ACTIVITY_COLUMNS, ...COHORT_COLUMNS];
const norm = (h: string) => h.trim().toLowerCase();
const OWN = new Set<string>(REQUIRED);

/** Whether a header is the customer summary's own (every column of it, category columns aside). */
export function isSummaryHeader(header: readonly string[]): boolean {
  const have = new Set(header.map(norm));
  return REQUIRED.every((c) => have.has(c));
}

const META_NUMBER_KEY: Record<NumberRole, string> = { amount: META.badAmount, quantity: META.badQuantity, unitPrice: META.badUnitPrice };

/** Cohort label (YYYY-MM or YYYY-Qn) → period index, or NaN. */
function periodIndex(label: string, period: CohortPeriod): number {
  const m = /^(\d{4})-(?:(\d{2})|Q([1-4]))$/.exec(label.trim());
  if (!m) return NaN;
  if (period === 'month') return m[2] ? +m[1] * 12 + +m[2] - 1 : NaN;
  return m[3] ? +m[1] * 4 + +m[3] - 1 : NaN;
}

const day = (s: string) => {
  const d = s.trim() ? parseIsoDay(s) : null;
  return d === null ? NaN : d;
};
const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** Read a summary file; null when the header is not a summary's. Throws IngestError('summary-unreadable') for a damaged one. */
export function readSummary(f: ParsedFile): CustomerSummary | null {
  if (!isSummaryHeader(f.header)) return null;
  const at = new Map<string, number>();
  f.header.forEach((h, c) => {
    if (!at.has(norm(h))) at.set(norm(h), c);
  });
  const cell = (name: string) => {
    const c = at.get(name);
    const col = c === undefined ? null : f.columns[c];
    return (r: number) => (col ? col.get(r) : '');
  };
  const kind = cell(RECORD_COLUMN);
  const meta = new Map<string, string>();
  const key = cell('meta_key');
  const val = cell('meta_value');
  const customerRows: number[] = [];
  const cohortRows: number[] = [];
  for (let r = 0; r < f.rowCount; r++) {
    const k = kind(r).trim();
    if (k === 'meta') meta.set(key(r).trim(), val(r));
    else if (k === 'customer') customerRows.push(r);
    else if (k === 'cohort') cohortRows.push(r);
  }
  const spec = parseSpec(meta.get(META.spec) ?? '');
  const dialect = (meta.get(META.dialect) ?? '').trim();
  const asOf = day(meta.get(META.asOf) ?? '');
  const unreadable = (why: string) => new IngestError('summary-unreadable', f.file, { why });
  if (!spec) throw unreadable('spec');
  if (!isDialect(dialect)) throw unreadable('dialect');
  const count = (k: string) => {
    const x = num(meta.get(k) ?? '');
    if (!Number.isInteger(x) || x < 0) throw unreadable(k);
    return x;
  };

  const index = cell('customer_index');
  customerRows.sort((a, b) => num(index(a)) - num(index(b)) || a - b);
  const n = customerRows.length;
  const texts = (name: string) => {
    const get = cell(name);
    return customerRows.map((r) => get(r).trim());
  };
  const floats = (name: string, parse: (s: string) => number) => {
    const get = cell(name);
    return Float64Array.from(customerRows, (r) => parse(get(r)));
  };
  const ids = texts('customer_id');
  if (ids.some((id) => id === '')) throw unreadable('customer_id');
  const customers: SummaryCustomers = {
    n,
    ids,
    attrs: {
      customerName: texts('customer_name'),
      rep: texts('rep'),
      region: texts('region'),
      segment: texts('segment'),
    },
    categories: spec.categories.map((_, k) => texts(`category_${k + 1}`)),
    firstDay: floats('first_purchase', day),
    latestDay: floats('latest_purchase', day),
    lastDay: floats('last_purchase', day),
    purchaseRows: floats('purchase_rows', num),
    revenue: floats('revenue', num),
    recent: floats('recent_revenue', num),
    prior: floats('prior_revenue', num),
  };
  const get = Object.fromEntries(COHORT_COLUMNS.map((c) => [c, cell(c)])) as Record<(typeof COHORT_COLUMNS)[number], (r: number) => string>;
  const cohorts = cohortRows.map((r) => ({
    cohort: periodIndex(get.cohort(r), spec.period),
    k: num(get.period_offset(r)),
    size: num(get.cohort_size(r)),
    active: num(get.active(r)),
    revenue: num(get.period_revenue(r)),
    lastActive: num(get.last_active(r)),
  }));
  if (cohorts.some((c) => Object.values(c).some((v) => !Number.isFinite(v)))) throw unreadable('cohort');
  const badNumbers: Partial<Record<NumberRole, number>> = {};
  for (const role of NUMBER_ROLES) if (spec.roles[role] !== undefined) badNumbers[role] = count(META_NUMBER_KEY[role]);
  return {
    spec,
    dialect,
    asOf,
    maxDay: day(meta.get(META.maxDate) ?? ''),
    sourceRows: count(META.rows),
    returns: count(META.returns),
    // A summary made before the SQL read the status column has neither.
    notSales: meta.has(META.notSales) ? count(META.notSales) : 0,
    notSaleValues: Array.from({ length: NOT_SALE_VALUES }, (_, k) => (meta.get(`${META.notSaleValue}${k + 1}`) ?? '').trim()).filter(Boolean),
    unattributed: count(META.unattributed),
    badDates: count(META.badDates),
    badNumbers,
    customers,
    cohorts,
  };
}

/** Summary-backed files, and their summaries. */
const SUMMARY = new WeakMap<ParsedFile, CustomerSummary>();
const RECOGNISED = new WeakMap<ParsedFile, ParsedFile | null>();

/**
 * The file as the order log its summary stands for (kind 'orders', the source's columns and
 * roles, its row count), or null when it is not a summary. Read once per file.
 */
export function asSummaryFile(f: ParsedFile): ParsedFile | null {
  if (SUMMARY.has(f)) return f;
  const known = RECOGNISED.get(f);
  if (known !== undefined) return known;
  const s = readSummary(f);
  let out: ParsedFile | null = null;
  if (s) {
    const header: string[] = [];
    const roles: Partial<Record<Role, number>> = {};
    const place = (name: string) => {
      const c = header.indexOf(name);
      if (c >= 0) return c;
      header.push(name);
      return header.length - 1;
    };
    for (const [role, name] of Object.entries(s.spec.roles) as [Role, string][]) roles[role] = place(name);
    for (const c of s.spec.categories) place(c);
    out = {
      file: f.file,
      kind: 'orders',
      encoding: f.encoding,
      delimiter: f.delimiter,
      header,
      columns: textColumns(header.map(() => [])),
      rowCount: s.sourceRows,
      roles,
      skipped: f.skipped,
      // Ingest's notes on the summary's own columns say nothing about the order log.
      issues: f.issues.filter((i) => !i.column || !OWN.has(norm(i.column))),
    };
    SUMMARY.set(out, s);
  }
  RECOGNISED.set(f, out);
  return out;
}

export const summaryOf = (f: ParsedFile): CustomerSummary | undefined => SUMMARY.get(f);

/** What the analysis reads of the summaries beside the model. */
interface SummaryState {
  asOf: number;
  lastDay: Float64Array;
  revenue: Float64Array;
  recent: Float64Array;
  prior: Float64Array;
  /** The cohort matrix, when exactly one summary made the model. */
  cohorts: { period: CohortPeriod; cells: CohortCell[] } | null;
  /** Purchase rows joined to a customer (the core's order rows). */
  purchases: number;
}
const STATE = new WeakMap<CustomerModel, SummaryState>();

/** The model with every summary-backed file's customers and activity merged in (addOrderLog's rules). */
export function withSummaries(m: CustomerModel, files: readonly ParsedFile[]): CustomerModel {
  const summaries = files.flatMap((f) => {
    const s = SUMMARY.get(f);
    return s ? [{ f, s }] : [];
  });
  if (summaries.length === 0) return m;
  const joinOnly = files.some((f) => f.kind === 'customers');
  const ids = [...m.ids];
  const name = [...m.name];
  const rep = [...m.rep];
  const region = [...m.region];
  const segment = [...m.segment];
  const out = { name, rep, region, segment } as const;
  const first = Array.from(m.firstOrderDay);
  const last = Array.from(m.lastOrderDay);
  const start = Array.from(m.startDay);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  // A customer list that gave rep, region or segment keeps them all (the core's attrDay = Infinity).
  const listed = Uint8Array.from(ids, (_, i) => (rep[i] || region[i] || segment[i] ? 1 : 0));
  const columns = new Map<string, TextColumn>();
  for (const c of m.columns) columns.set(c.label.trim().toLowerCase(), { ...c, values: [...c.values] });
  const lastDay = Array<number>(ids.length).fill(NaN);
  const revenue = Array<number>(ids.length).fill(0);
  const recent = Array<number>(ids.length).fill(0);
  const prior = Array<number>(ids.length).fill(0);
  const issues: Issue[] = [...m.issues];
  let maxDay = m.maxDay;
  let unattributed = m.unattributed.orderRows;
  let purchases = 0;
  let asOf = NaN;
  for (const { f, s } of summaries) {
    asOf = s.asOf;
    const c = s.customers;
    const attrs = ATTRIBUTE_ROLES.filter((r) => s.spec.roles[r] !== undefined);
    const field = { customerName: 'name', rep: 'rep', region: 'region', segment: 'segment' } as const;
    const cats = s.spec.categories.map((h) => {
      const k = h.trim().toLowerCase();
      let col = columns.get(k);
      if (!col) columns.set(k, (col = { label: h.trim(), file: f.file, values: [] }));
      return col;
    });
    let unmatched = 0;
    for (let j = 0; j < c.n; j++) {
      let i = index.get(c.ids[j]);
      if (i === undefined) {
        if (joinOnly) {
          unmatched += c.purchaseRows[j];
          continue;
        }
        i = ids.length;
        index.set(c.ids[j], i);
        ids.push(c.ids[j]);
        for (const a of [name, rep, region, segment]) a.push('');
        first.push(NaN);
        last.push(NaN);
        start.push(NaN);
        lastDay.push(NaN);
        revenue.push(0);
        recent.push(0);
        prior.push(0);
      }
      purchases += c.purchaseRows[j];
      if (!listed[i]) {
        for (const r of attrs) {
          const v = c.attrs[r][j];
          if (v) out[field[r]][i] = v;
        }
      }
      cats.forEach((col, k) => {
        const v = c.categories[k][j];
        if (v && !col.values[i]) col.values[i] = v;
      });
      const fd = c.firstDay[j];
      const ld = c.latestDay[j];
      if (!Number.isNaN(fd) && !(first[i] <= fd)) first[i] = fd;
      if (!Number.isNaN(ld) && !(last[i] >= ld)) last[i] = ld;
      if (!Number.isNaN(c.lastDay[j]) && !(lastDay[i] >= c.lastDay[j])) lastDay[i] = c.lastDay[j];
      revenue[i] += c.revenue[j];
      recent[i] += c.recent[j];
      prior[i] += c.prior[j];
    }
    // The order log's issues, in the order the core reports them.
    const column = (r: Role) => s.spec.roles[r]!;
    if (s.badDates) issues.push({ code: 'bad-dates', file: f.file, column: column('orderDate'), params: { count: s.badDates } });
    for (const r of NUMBER_ROLES) {
      const bad = s.badNumbers[r];
      if (bad) issues.push({ code: 'bad-numbers', file: f.file, column: column(r), params: { count: bad } });
    }
    if (s.unattributed) issues.push({ code: 'orders-without-customer', file: f.file, params: { count: s.unattributed } });
    if (unmatched) issues.push({ code: 'orders-unmatched', file: f.file, params: { count: unmatched } });
    if (s.returns) issues.push({ code: 'orders-returns', file: f.file, params: { count: s.returns } });
    if (s.notSales) {
      issues.push({
        code: 'orders-not-sales',
        file: f.file,
        column: column('status'),
        params: { count: s.notSales, values: s.notSaleValues.join(', ') },
      });
    }
    unattributed += s.unattributed;
    if (!(maxDay >= s.maxDay)) maxDay = Number.isNaN(s.maxDay) ? maxDay : s.maxDay;
  }
  const n = ids.length;
  const grow = <T>(a: readonly T[], fill: T): T[] => Array.from({ length: n }, (_, i) => (i < a.length ? a[i] : fill));
  const revenueFromOrders = !m.has.revenue;
  const startDay = Float64Array.from(start, (d, i) => (Number.isNaN(d) ? first[i] : d));
  const model: CustomerModel = {
    ...m,
    n,
    ids,
    name,
    rep,
    region,
    segment,
    reason: grow(m.reason, ''),
    ...(m.reasonCategory ? { reasonCategory: grow(m.reasonCategory, '') } : {}),
    ...(m.statusRef ? { statusRef: Int32Array.from(grow(Array.from(m.statusRef), -1)) } : {}),
    startDay,
    firstOrderDay: Float64Array.from(first),
    lastOrderDay: Float64Array.from(last),
    churnDay: Float64Array.from(grow(Array.from(m.churnDay), NaN)),
    status: Int8Array.from(grow(Array.from(m.status), -1)),
    revenue: revenueFromOrders ? Float64Array.from(revenue) : Float64Array.from(grow(Array.from(m.revenue), NaN)),
    tenure: Float64Array.from(grow(Array.from(m.tenure), NaN)),
    has: { ...m.has, orders: true, lastOrder: true, revenue: true },
    orders: null,
    revenueFromOrders,
    columns: [...columns.values()].map((c) => ({ ...c, values: Array.from({ length: n }, (_, i) => c.values[i] ?? '') })),
    unattributed: { ...m.unattributed, orderRows: unattributed },
    maxDay,
    issues,
  };
  STATE.set(model, {
    asOf,
    lastDay: Float64Array.from(lastDay),
    revenue: Float64Array.from(revenue),
    recent: Float64Array.from(recent),
    prior: Float64Array.from(prior),
    cohorts: summaries.length === 1 ? { period: summaries[0].s.spec.period, cells: summaries[0].s.cohorts } : null,
    purchases,
  });
  return model;
}

/**
 * Each customer's purchases on asOf, from the summary (activityAsOf with order rows); null when the
 * model has no summary. A summary answers for the asOf it was made for.
 */
export function summaryActivity(m: CustomerModel, asOf: number): Activity | null {
  const s = STATE.get(m);
  if (!s) return null;
  const lastDay = new Float64Array(m.n);
  const revenue = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) {
    const listed = m.lastOrderDay[i];
    const last = s.lastDay[i];
    lastDay[i] = listed <= asOf && !(listed <= last) ? listed : last;
    revenue[i] = m.revenueFromOrders ? s.revenue[i] : Number.isNaN(m.revenue[i]) ? 0 : m.revenue[i];
  }
  return { lastDay, revenue, recent: s.recent.slice(), prior: s.prior.slice() };
}

/**
 * The cohorts the summary carries, as the analysis gives them from order rows; null when the model
 * has none, or the settings ask for another asOf or period than the summary was made for (the
 * analysis then falls back to first and last purchase).
 */
export function summaryCohorts(
  m: CustomerModel,
  asOf: number,
  period: CohortPeriod,
): {
  period: CohortPeriod;
  basis: 'orders';
  rows: CohortTableRow[];
  incompletePeriod: string | null;
} | null {
  const s = STATE.get(m);
  if (!s || !s.cohorts || s.cohorts.period !== period || s.asOf !== asOf || s.purchases === 0) return null;
  const asOfP = periodOfMonth(monthIndexOfDay(asOf), period);
  const incomplete = asOf < lastDayOfPeriod(asOfP, period);
  const byCohort = new Map<number, CohortCell[]>();
  for (const c of s.cohorts.cells) {
    if (c.cohort > asOfP || c.size <= 0) continue;
    let list = byCohort.get(c.cohort);
    if (!list) byCohort.set(c.cohort, (list = []));
    list.push(c);
  }
  const rows = [...byCohort.keys()]
    .sort((a, b) => a - b)
    .map((cohort) => {
      const cells = byCohort.get(cohort)!;
      const size = cells[0].size;
      const length = asOfP - cohort + 1;
      const counts = new Float64Array(length);
      const rev = new Float64Array(length);
      const lastSeen = new Float64Array(length);
      for (const c of cells) {
        if (c.k < 0 || c.k >= length) continue;
        counts[c.k] = c.active;
        rev[c.k] = c.revenue;
        lastSeen[c.k] = c.lastActive;
      }
      const retention = Array.from(counts, (x) => x / size);
      retention[0] = 1;
      for (let k = length - 2; k >= 0; k--) lastSeen[k] += lastSeen[k + 1];
      const revenue = Array.from(rev);
      return {
        cohort: periodLabel(cohort, period),
        size,
        retention,
        unbounded: Array.from(lastSeen, (x) => x / size),
        revenueRetention: revenue[0] > 0 ? revenue.map((v) => v / revenue[0]) : null,
        revenueBase: revenue[0],
        incompleteFrom: incomplete ? length - 1 : null,
      };
    });
  return { period, basis: 'orders', rows, incompletePeriod: incomplete ? periodLabel(asOfP, period) : null };
}

/** The SQL a summary was made by, for the page (Analysis.summary). */
export function summaryNote(files: readonly ParsedFile[]) {
  const f = files.find((x) => SUMMARY.has(x));
  if (!f) return {};
  const s = SUMMARY.get(f)!;
  return {
    summary: {
      file: f.file,
      source: s.spec.source,
      table: s.spec.table,
      dialect: s.dialect,
      generator: s.spec.generator,
      asOf: Number.isNaN(s.asOf) ? '' : isoDay(s.asOf),
      rows: s.sourceRows,
      customers: s.customers.n,
      sql: summarySql(s.spec, s.dialect),
    },
  };
}
