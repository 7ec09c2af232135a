// What the customer-summary SQL is generated from: the order log's columns by role (as the core's
// role guesser read them from a sample of the export), the forms its dates and numbers are
// written in (read from the same sample with the core's own parsers), and the settings the core
// uses (asOf, inactiveDays, period). The spec travels inside the summary it produces, so the page
// can say by which SQL a summary was made.
import { RISK_WINDOW_DAYS } from '../churn/risk';
import { parseIsoDay } from '../dates';
import { asColumn, type ColumnInput } from '../ingest/columns';
import { orderStatusClassOf } from '../ingest/status';
import { detectDateOrder, parseNumberColumn } from '../ingest/values';
import type { CohortPeriod, Role, RoleMap } from '../types';

export const GENERATOR = 'churnlens-sql/1';

/** The roles of an order log the summary reads. */
export const ORDER_ROLES = [
  'customerId',
  'orderDate',
  'amount',
  'quantity',
  'unitPrice',
  'orderId',
  'customerName',
  'rep',
  'region',
  'segment',
  'status',
] as const satisfies readonly Role[];
export type OrderRole = (typeof ORDER_ROLES)[number];

/** Attributes taken from each customer's latest order (as the core's customer model does). */
export const ATTRIBUTE_ROLES = ['customerName', 'rep', 'region', 'segment'] as const satisfies readonly OrderRole[];
export const NUMBER_ROLES = ['amount', 'quantity', 'unitPrice'] as const satisfies readonly OrderRole[];
export type NumberRole = (typeof NUMBER_ROLES)[number];

/**
 * Date forms the SQL reads, the core's own (ingest/values.ts) less month names and Excel serials:
 *   ymd      2024-03-05, 2024/3/5, 2024.3.5, with or without a time after it
 *   aby      5/3/2024, 3-5-24 (day or month first, see `order`), with or without a time
 *   cn       2024年3月5日, 2024年3月
 *   compact  20240305
 *   ym       2024-03 (the first of the month)
 */
export const DATE_FORMS = ['ymd', 'aby', 'cn', 'compact', 'ym'] as const;
export type DateForm = (typeof DATE_FORMS)[number];

export interface SummarySpec {
  generator: typeof GENERATOR;
  /** The table (or view) of order rows the SQL reads; dotted names allowed. */
  table: string;
  /** The file or table the roles were read from, for the inputs list. */
  source: string;
  /** Role → column name, in the order the roles were read (every role of the file, not only those used). */
  roles: Partial<Record<Role, string>>;
  /** Columns without a role kept per customer, each the value of the latest order (2–100 distinct values). */
  categories: string[];
  dates: { forms: DateForm[]; order: 'dmy' | 'mdy' };
  /** Number roles whose column writes a decimal comma (1.234,56). */
  decimalComma: NumberRole[];
  /**
   * Values of the status column whose rows are not sales (cancelled, refunded, pending, failed…:
   * the core's orderStatusClassOf), trimmed and lower-cased, sorted; a value not listed is a sale,
   * as a value the core does not know is. Absent without a status column or such a value.
   */
  notSales?: string[];
  /** A column giving the rows' input order; without one, DuckDB uses the file's order, other engines the date. */
  orderColumn?: string;
  /** A table of cohort starts (customer_id, customer_index, start_day, start_month) from a customer list. */
  starts?: string;
  /** YYYY-MM-DD; default: the latest date in the order rows. */
  asOf?: string;
  inactiveDays: number;
  period: CohortPeriod;
  /** Window of the at-risk measures (recent / prior purchases), in days. */
  windowDays: number;
  /**
   * DuckDB only: 'group' adds the ordered sums in GROUP BY (about 3× faster, but DuckDB holds those
   * rows in memory, about 150 bytes each); by default over windows, which spill to disk.
   */
  sums?: 'group';
}

/** A sample of an order log: its header, the roles read from it, and its first rows by column. */
export interface Sample {
  source: string;
  header: string[];
  roles: RoleMap;
  columns: readonly ColumnInput[];
  rowCount: number;
}

export interface SpecOptions {
  table?: string;
  asOf?: string;
  inactiveDays: number;
  period?: CohortPeriod;
  orderColumn?: string;
  starts?: string;
  /** Categories decided by the caller (e.g. from distinct counts over the whole file). */
  categories?: string[];
  /** Values of the status column beyond the sample's (e.g. every distinct value of the whole table). */
  statusValues?: readonly string[];
  sums?: 'group';
}

/** Most distinct values of a category column (the core's order-log rule). */
export const MAX_CATEGORY_VALUES = 100;

const RE_FORM: [DateForm, RegExp][] = [
  ['ymd', /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?=$|[T\s])/],
  ['aby', /^\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?=$|[T\s])/],
  ['cn', /^\d{4}\s*年\s*\d{1,2}\s*月/],
  ['compact', /^\d{8}$/],
  ['ym', /^\d{4}[-/]\d{1,2}$/],
];

/** The date forms written in a column (ymd always: typed date columns read as text are ISO). */
export function dateForms(values: readonly string[]): DateForm[] {
  const seen = new Set<DateForm>(['ymd']);
  for (const v of values) {
    const t = v.trim();
    const f = RE_FORM.find(([, re]) => re.test(t));
    if (f) seen.add(f[0]);
  }
  return DATE_FORMS.filter((f) => seen.has(f));
}

/** The distinct texts of a column's first `rows` cells, stopping past `max`. */
function distinctTexts(col: ColumnInput, rows: number, max = Infinity): string[] {
  const c = asColumn(col);
  const seen = new Set<string>();
  for (let r = 0; r < Math.min(rows, c.length) && seen.size <= max; r++) seen.add(c.get(r));
  return [...seen];
}

/** Columns without a role, with a header, and 2–100 distinct values in the sample. */
export function categoryCandidates(s: Sample): string[] {
  const used = new Set(Object.values(s.roles));
  const out: string[] = [];
  s.header.forEach((h, c) => {
    if (used.has(c) || !h) return;
    const k = distinctTexts(s.columns[c] ?? [], s.rowCount, MAX_CATEGORY_VALUES).length;
    if (k > 1 && k <= MAX_CATEGORY_VALUES) out.push(h);
  });
  return out;
}

/** The key the SQL compares a status cell by: lower(trim(cell)). */
export const statusKey = (value: string): string => value.trim().toLowerCase();

/** The status values (trimmed, lower-cased, sorted) whose rows are not sales, as the core's order-log rule says. */
export function notSaleValues(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const as = orderStatusClassOf(v);
    if (as !== null && as !== 'active') out.add(statusKey(v));
  }
  return [...out].sort();
}

/** Thrown for a sample the SQL cannot be made from (no customer id or no order date column). */
export class SpecError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SpecError';
    this.code = code;
  }
}

/** The summary spec for an order log, from a sample of it and the settings. */
export function specFromSample(s: Sample, o: SpecOptions): SummarySpec {
  for (const role of ['customerId', 'orderDate'] as const) {
    if (s.roles[role] === undefined) {
      throw new SpecError(`sql-no-${role}`, `${s.source}: no ${role === 'customerId' ? 'customer id' : 'order date'} column found`);
    }
  }
  if (o.asOf !== undefined && parseIsoDay(o.asOf) === null) throw new SpecError('sql-bad-as-of', `bad as-of date: ${o.asOf}`);
  const roles: Partial<Record<Role, string>> = {};
  for (const [role, c] of Object.entries(s.roles) as [Role, number][]) roles[role] = s.header[c];
  const dateCol = s.columns[s.roles.orderDate!] ?? [];
  const dateValues = distinctTexts(dateCol, s.rowCount);
  const decimalComma = NUMBER_ROLES.filter((r) => {
    const c = s.roles[r];
    return c !== undefined && parseNumberColumn(asColumn(s.columns[c] ?? [])).decimalComma;
  });
  const status = s.roles.status;
  const notSales = status === undefined ? [] : notSaleValues([...distinctTexts(s.columns[status] ?? [], s.rowCount), ...(o.statusValues ?? [])]);
  return {
    generator: GENERATOR,
    table: o.table ?? 'orders',
    source: s.source,
    roles,
    categories: o.categories ?? categoryCandidates(s),
    dates: { forms: dateForms(dateValues), order: detectDateOrder(dateValues) === 'mdy' ? 'mdy' : 'dmy' },
    decimalComma,
    ...(notSales.length ? { notSales } : {}),
    ...(o.orderColumn ? { orderColumn: o.orderColumn } : {}),
    ...(o.starts ? { starts: o.starts } : {}),
    ...(o.asOf ? { asOf: o.asOf } : {}),
    ...(o.sums ? { sums: o.sums } : {}),
    inactiveDays: o.inactiveDays,
    period: o.period ?? 'month',
    windowDays: RISK_WINDOW_DAYS,
  };
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');

/** A spec read back from a summary (JSON), checked; null when it is not one. */
export function parseSpec(json: string): SummarySpec | null {
  let x: unknown;
  try {
    x = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof x !== 'object' || x === null) return null;
  const s = x as Record<string, unknown>;
  const roles = s.roles as Record<string, unknown> | undefined;
  const dates = s.dates as Record<string, unknown> | undefined;
  const ok =
    s.generator === GENERATOR &&
    typeof s.table === 'string' &&
    typeof s.source === 'string' &&
    typeof roles === 'object' &&
    roles !== null &&
    Object.values(roles).every((v) => typeof v === 'string') &&
    typeof roles.customerId === 'string' &&
    typeof roles.orderDate === 'string' &&
    isStringArray(s.categories) &&
    typeof dates === 'object' &&
    dates !== null &&
    isStringArray(dates.forms) &&
    dates.forms.every((f) => (DATE_FORMS as readonly string[]).includes(f)) &&
    (dates.order === 'dmy' || dates.order === 'mdy') &&
    isStringArray(s.decimalComma) &&
    s.decimalComma.every((r) => (NUMBER_ROLES as readonly string[]).includes(r)) &&
    (s.notSales === undefined || (isStringArray(s.notSales) && typeof roles.status === 'string')) &&
    (s.orderColumn === undefined || typeof s.orderColumn === 'string') &&
    (s.starts === undefined || typeof s.starts === 'string') &&
    (s.asOf === undefined || (typeof s.asOf === 'string' && parseIsoDay(s.asOf) !== null)) &&
    (s.sums === undefined || s.sums === 'group') &&
    typeof s.inactiveDays === 'number' &&
    (s.period === 'month' || s.period === 'quarter') &&
    typeof s.windowDays === 'number';
  return ok ? (s as unknown as SummarySpec) : null;
}
