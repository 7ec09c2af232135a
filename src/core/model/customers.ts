// Build one typed, column-major customer model from the parsed files: customer lists give
// attributes, order logs give activity, both joined on the customer id.
import { monthIndexOfDay } from '../churn/periods';
import { CellColumn, dictionaryOf, firstCharCode } from '../ingest/columns';
import { isFirmographicRevenue, moneyScaleOf, statusFlavourOf, tenureUnitOfHeader } from '../ingest/header';
import { normStatusValue, orderStatusClassOf, statusClassOfKey, type StatusFlavour } from '../ingest/status';
import { isMissing, parseDateColumn, parseNumberColumn } from '../ingest/values';
import type { Column, Issue, ParsedFile, Role, StatusClass, TenureUnit } from '../types';

/**
 * Purchase rows (returns and unattributed rows are left out), sorted by customer, then day, so
 * customer i's purchases are rows start[i] … start[i + 1] − 1 in date order.
 */
export interface OrderColumns {
  n: number;
  customer: Int32Array;
  day: Float64Array;
  amount: Float64Array;
  /** Month index (year * 12 + month − 1) of each row. */
  month: Int32Array;
  /** n customers + 1 offsets into the rows. */
  start: Int32Array;
}

/** A text column kept for breakdowns, one value per customer ('' = not stated). */
export interface TextColumn {
  /** Header text. */
  label: string;
  file: string;
  /** The role it carries, if any. */
  role?: Role;
  values: string[];
}

/** A staff roster: one row per rep (kind 'staff'). */
export interface StaffRoster {
  rep: string[];
  joinDay: Float64Array;
  /** NaN: still employed. */
  leaveDay: Float64Array;
}

/** A customer list's status column: its distinct values (by normStatusValue key) and their row counts. */
export interface StatusSource {
  file: string;
  column: string;
  index: number;
  flavour: StatusFlavour;
  /** normStatusValue keys, the first spelling of each, and rows holding it (rows with a customer id). */
  keys: string[];
  values: string[];
  counts: number[];
  /** Index of this source's first key among all sources' keys (see CustomerModel.statusRef). */
  offset: number;
}

/** The tenure column: where it is, the unit its header names, and its range. */
export interface TenureSource {
  file: string;
  column: string;
  index: number;
  headerUnit: TenureUnit | null;
  min: number;
  max: number;
  /** All values whole numbers. */
  integers: boolean;
}

/** Status class → the code CustomerModel.status uses. */
export const STATUS_CODE: Record<StatusClass, number> = { lost: 1, active: 0, prospect: 2, ignore: 3 };

export interface CustomerModel {
  n: number;
  ids: string[];
  name: string[];
  rep: string[];
  region: string[];
  segment: string[];
  reason: string[];
  /** Start of the relationship: signup / first cooperation, else first order (epoch days, NaN = unknown). */
  startDay: Float64Array;
  firstOrderDay: Float64Array;
  lastOrderDay: Float64Array;
  churnDay: Float64Array;
  /** By the status lexicon: 1 churned, 0 active, 2 not yet a customer, 3 ignore, -2 a value not recognised, -1 none. */
  status: Int8Array;
  /** Each customer's status value: an index into the keys of all statusSources, -1 for none. */
  statusRef?: Int32Array;
  statusSources?: StatusSource[];
  /** The coarse category of the customer's churn reason (reasonCategory role), '' when none. */
  reasonCategory?: string[];
  tenureSource?: TenureSource | null;
  revenue: Float64Array;
  tenure: Float64Array;
  has: { status: boolean; churnDate: boolean; tenure: boolean; revenue: boolean; orders: boolean; lastOrder: boolean };
  orders: OrderColumns | null;
  /** Revenue is the sum of purchases (no revenue column in a customer list). */
  revenueFromOrders: boolean;
  /** Text columns of customer lists (every column) and categorical columns of order logs (value of the latest order). */
  columns: TextColumn[];
  staff: StaffRoster | null;
  /** Rows without a customer id, left out of every customer analysis. */
  unattributed: { customerRows: number; orderRows: number };
  /** Latest date seen anywhere in the inputs (epoch day), NaN if none. */
  maxDay: number;
  issues: Issue[];
}

const text = (f: ParsedFile, role: Role): Column | null => {
  const c = f.roles[role];
  return c === undefined ? null : f.columns[c];
};

/** A column's distinct texts trimmed, and each row's code into them: one trim per distinct text. */
function trimmedCodes(col: Column): { codes: Int32Array; values: string[]; distinct: boolean } {
  const d = dictionaryOf(col);
  let distinct = true;
  const values = d.values.map((v) => {
    const t = v.trim();
    if (t.length !== v.length) distinct = false;
    return t;
  });
  // The texts of a dictionary are distinct: so are they trimmed when trimming changed none.
  return { codes: d.codes, values, distinct };
}

function dates(f: ParsedFile, role: Role, issues: Issue[]): Float64Array | null {
  const col = text(f, role);
  if (!col) return null;
  const parsed = parseDateColumn(col, true);
  if (parsed.bad > 0) {
    issues.push({ code: 'bad-dates', file: f.file, column: f.header[f.roles[role]!], params: { count: parsed.bad } });
  }
  return parsed.days;
}

const MONEY_ROLES = new Set<Role>(['revenue', 'amount', 'unitPrice']);

function numbers(f: ParsedFile, role: Role, issues: Issue[]): Float64Array | null {
  const col = text(f, role);
  if (!col) return null;
  const header = f.header[f.roles[role]!];
  // "金额（万元）": each value is ten-thousands; a value with its own multiplier (1.2万) is not scaled again.
  const scale = MONEY_ROLES.has(role) ? moneyScaleOf(header) : 1;
  const parsed = parseNumberColumn(col, scale === 1 ? undefined : { scale });
  if (parsed.bad > 0) {
    issues.push({ code: 'bad-numbers', file: f.file, column: header, params: { count: parsed.bad } });
  }
  return parsed.values;
}

const maxOf = (a: Float64Array | null, m: number): number => {
  if (a) for (let i = 0; i < a.length; i++) if (a[i] > m) m = a[i];
  return m;
};

/** Grows column arrays as customers are discovered. */
class Builder {
  index = new Map<string, number>();
  unattributedCustomerRows = 0;
  unattributedOrderRows = 0;
  ids: string[] = [];
  name: string[] = [];
  rep: string[] = [];
  region: string[] = [];
  segment: string[] = [];
  reason: string[] = [];
  start: number[] = [];
  first: number[] = [];
  last: number[] = [];
  churn: number[] = [];
  status: number[] = [];
  statusRef: number[] = [];
  statusSources: StatusSource[] = [];
  statusKeys = 0;
  reasonCategory: string[] = [];
  /** From order logs: each customer's latest note and its day, the reason when no list gives one. */
  orderNote: string[] = [];
  orderNoteDay: number[] = [];
  revenue: number[] = [];
  tenure: number[] = [];
  /** Day of the order row whose rep / region / segment were taken; Infinity once a customer list set them. */
  attrDay: number[] = [];
  tenureSource: TenureSource | null = null;
  /** Header (lower-cased) → kept text column. */
  columns = new Map<string, TextColumn>();

  /** ids[0, indexed) are in `index`; the rest came through addNew and are indexed when needed. */
  private indexed = 0;

  /** Index of the customer with this id, if any. */
  find(id: string): number | undefined {
    const { ids, index } = this;
    for (let k = this.indexed; k < ids.length; k++) index.set(ids[k], k);
    this.indexed = ids.length;
    return index.get(id);
  }

  add(id: string): number {
    const i = this.find(id);
    if (i !== undefined) return i;
    this.indexed++;
    this.index.set(id, this.ids.length);
    const added = this.addNew(id);
    this.pad();
    return added;
  }

  /**
   * A customer whose id the caller knows is new (no map lookup: see addOrderLog). Only the id is
   * stored: the caller pads the other columns (pad) before it writes to them.
   */
  addNew(id: string): number {
    const i = this.ids.length;
    this.ids.push(id);
    return i;
  }

  /** Every per-customer column as long as ids, the customers added since holding their defaults. */
  pad(): void {
    const n = this.ids.length;
    if (this.attrDay.length === n) return;
    for (const a of [this.name, this.rep, this.region, this.segment, this.reason, this.reasonCategory, this.orderNote]) padTo(a, n, '');
    for (const a of [this.start, this.first, this.last, this.churn, this.revenue, this.tenure]) padTo(a, n, NaN);
    for (const a of [this.statusRef, this.status]) padTo(a, n, -1);
    padTo(this.orderNoteDay, n, -Infinity);
    padTo(this.attrDay, n, -Infinity);
  }

  column(label: string, file: string, role: Role | undefined): TextColumn {
    const key = label.trim().toLowerCase();
    let c = this.columns.get(key);
    if (!c) {
      c = { label: label.trim(), file, values: [] };
      if (role) c.role = role;
      this.columns.set(key, c);
    }
    return c;
  }
}

/** `value` appended to `a` until it holds n items (in one fill: a push per item is several times slower). */
function padTo<T>(a: T[], n: number, value: T): void {
  const from = a.length;
  if (from >= n) return;
  a.length = n;
  a.fill(value, from);
}

function tenureSourceOf(f: ParsedFile, values: Float64Array): TenureSource {
  const index = f.roles.tenure!;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let r = 0; r < values.length; r++) {
    const x = values[r];
    if (Number.isNaN(x)) continue;
    if (x < min) min = x;
    if (x > max) max = x;
    if (integers && !Number.isInteger(x)) integers = false;
  }
  return {
    file: f.file,
    column: f.header[index],
    index,
    headerUnit: tenureUnitOfHeader(f.header[index]),
    min: Number.isFinite(min) ? min : 0,
    max: Number.isFinite(max) ? max : 0,
    integers,
  };
}

const MAX_ORDER_LOG_CATEGORIES = 100;

const roleOfColumn = (f: ParsedFile, c: number): Role | undefined => (Object.keys(f.roles) as Role[]).find((r) => f.roles[r] === c);

/** A status column as codes into its distinct keys, each with its auto class and row count. */
function statusColumn(b: Builder, f: ParsedFile, col: Column): { keyOf: Int32Array; source: StatusSource } {
  const index = f.roles.status!;
  const column = f.header[index];
  const d = dictionaryOf(col);
  const keyOf = new Int32Array(d.values.length).fill(-1);
  const keys: string[] = [];
  const values: string[] = [];
  const at = new Map<string, number>();
  for (let k = 0; k < d.values.length; k++) {
    const v = d.values[k].trim();
    const key = normStatusValue(v);
    if (!key || isMissing(v)) continue;
    let j = at.get(key);
    if (j === undefined) {
      at.set(key, (j = keys.length));
      keys.push(key);
      values.push(v);
    }
    keyOf[k] = j;
  }
  const source: StatusSource = {
    file: f.file,
    column,
    index,
    flavour: statusFlavourOf(column),
    keys,
    values,
    counts: new Array<number>(keys.length).fill(0),
    offset: b.statusKeys,
  };
  b.statusKeys += keys.length;
  b.statusSources.push(source);
  return { keyOf, source };
}

/** A customer list's columns as its rows are read: parsed once, before the rows. */
interface CustomerListColumns {
  /** The customer id, else the name. */
  key: Column;
  /** Text columns by role, each with the model column it fills. */
  texts: { role: Role; col: Column | null; out: string[] }[];
  signup: Float64Array | null;
  first: Float64Array | null;
  last: Float64Array | null;
  churn: Float64Array | null;
  revenue: Float64Array | null;
  tenure: Float64Array | null;
  /** The status column as codes into its distinct keys, and each key's class by the lexicon. */
  status: { keyOf: Int32Array; source: StatusSource; codes: Int32Array; autoClass: (StatusClass | null)[] } | null;
}

/**
 * A customer list's customers into the model, with every column kept as text; returns its latest
 * date, or NaN when it has neither a customer id nor a name.
 */
function addCustomerList(builder: Builder, file: ParsedFile, issues: Issue[], has: CustomerModel['has'], withOrders: boolean): number {
  const list = customerListColumns(builder, file, issues, withOrders);
  if (!list) return NaN;
  if (list.status) has.status = true;
  if (list.churn) has.churnDate = true;
  if (list.tenure) has.tenure = true;
  if (list.revenue) has.revenue = true;
  if (list.last) has.lastOrder = true;
  // Every column is kept as text, so the user can break churn down by any of them.
  const kept = file.header.map((header, c) => ({
    cells: file.columns[c],
    col: builder.column(header || `#${c + 1}`, file.file, roleOfColumn(file, c)),
  }));
  const missing = readCustomerRows(builder, file, list, kept);
  if (missing) issues.push({ code: 'rows-without-customer', file: file.file, params: { count: missing } });
  builder.unattributedCustomerRows += missing;
  const { signup, first, last, churn } = list;
  return maxOf(churn, maxOf(last, maxOf(first, maxOf(signup, -Infinity))));
}

/** The columns a list's rows are read from; null (with its issue) without a customer id or name. */
function customerListColumns(builder: Builder, file: ParsedFile, issues: Issue[], withOrders: boolean): CustomerListColumns | null {
  const key = text(file, 'customerId') ?? text(file, 'customerName');
  if (!key) {
    issues.push({ code: 'no-customer-id', file: file.file });
    return null;
  }
  const texts = (
    [
      ['customerName', 'name'],
      ['rep', 'rep'],
      ['region', 'region'],
      ['segment', 'segment'],
      ['reason', 'reason'],
      ['reasonCategory', 'reasonCategory'],
    ] as [Role, 'name' | 'rep' | 'region' | 'segment' | 'reason' | 'reasonCategory'][]
  ).map(([role, field]) => ({ role, col: text(file, role), out: builder[field] }));
  const signup = dates(file, 'signupDate', issues);
  const first = dates(file, 'firstOrderDate', issues);
  const last = dates(file, 'lastOrderDate', issues);
  const churn = dates(file, 'churnDate', issues);
  // A CRM's "Annual Revenue" is the account's own turnover: with an order log, revenue is what they bought.
  const firmographic = file.roles.revenue !== undefined && isFirmographicRevenue(file.header[file.roles.revenue]);
  const revenue = withOrders && firmographic ? null : numbers(file, 'revenue', issues);
  const tenure = numbers(file, 'tenure', issues);
  if (tenure && !builder.tenureSource) builder.tenureSource = tenureSourceOf(file, tenure);
  const statusCells = text(file, 'status');
  let status: CustomerListColumns['status'] = null;
  if (statusCells) {
    const { keyOf, source } = statusColumn(builder, file, statusCells);
    const autoClass = source.keys.map((key) => statusClassOfKey(key, source.flavour));
    status = { keyOf, source, codes: dictionaryOf(statusCells).codes, autoClass };
  }
  return { key, texts, signup, first, last, churn, revenue, tenure, status };
}

/** Every row of the list into its customer (new or met before); returns the rows without a customer id. */
function readCustomerRows(builder: Builder, file: ParsedFile, list: CustomerListColumns, kept: { cells: Column; col: TextColumn }[]): number {
  const { key, texts, signup, first, last, churn, revenue, tenure, status } = list;
  let missing = 0;
  for (let row = 0; row < file.rowCount; row++) {
    const id = key.get(row).trim();
    if (!id) {
      missing++;
      continue;
    }
    const customer = builder.add(id);
    for (const { role, col, out } of texts) {
      const value = col ? col.get(row).trim() : '';
      if (value) {
        out[customer] = value;
        if (role !== 'customerName' && role !== 'reason') builder.attrDay[customer] = Infinity;
      }
    }
    for (const column of kept) {
      const value = column.cells.get(row).trim();
      if (value) column.col.values[customer] = value;
    }
    const signupDay = signup ? signup[row] : NaN;
    const firstOrderDay = first ? first[row] : NaN;
    builder.start[customer] = Number.isNaN(signupDay) ? firstOrderDay : signupDay;
    if (!Number.isNaN(firstOrderDay)) builder.first[customer] = firstOrderDay;
    if (last && !Number.isNaN(last[row])) builder.last[customer] = last[row];
    if (churn && !Number.isNaN(churn[row])) builder.churn[customer] = churn[row];
    if (revenue && !Number.isNaN(revenue[row])) builder.revenue[customer] = revenue[row];
    if (tenure && !Number.isNaN(tenure[row])) builder.tenure[customer] = tenure[row];
    if (status) {
      const statusKey = status.keyOf[status.codes[row]];
      if (statusKey >= 0) {
        status.source.counts[statusKey]++;
        builder.statusRef[customer] = status.source.offset + statusKey;
        const statusClass = status.autoClass[statusKey];
        builder.status[customer] = statusClass ? STATUS_CODE[statusClass] : -2;
      } else {
        builder.statusRef[customer] = -1;
        builder.status[customer] = -1;
      }
    }
  }
  return missing;
}

/** Order-log columns without a role and with at most MAX_ORDER_LOG_CATEGORIES distinct values (e.g. Country). */
function categoricalColumns(f: ParsedFile): { col: Column; index: number }[] {
  const used = new Set(Object.values(f.roles));
  const out: { col: Column; index: number }[] = [];
  for (let c = 0; c < f.header.length; c++) {
    if (used.has(c) || !f.header[c]) continue;
    const col = f.columns[c];
    const k = distinctUpTo(col, f.rowCount, MAX_ORDER_LOG_CATEGORIES + 1);
    if (k <= MAX_ORDER_LOG_CATEGORIES && k > 1) out.push({ col, index: c });
  }
  return out;
}

/** Distinct texts among the first `rows` cells, counting no further than `max`. */
function distinctUpTo(col: Column, rows: number, max: number): number {
  if (col instanceof CellColumn && col.kind === 'dict') {
    // A dictionary's codes stand for distinct texts: count codes, without a string per row.
    const codes = col.codes;
    let seen = new Uint8Array(256);
    let k = 0;
    for (let r = 0, end = Math.min(rows, col.length); r < end && k < max; r++) {
      const code = codes[r];
      if (code >= seen.length) {
        const grown = new Uint8Array(Math.max(code + 1, seen.length * 2));
        grown.set(seen);
        seen = grown;
      }
      if (seen[code] === 0) {
        seen[code] = 1;
        k++;
      }
    }
    return k;
  }
  const seen = new Set<string>();
  for (let r = 0; r < rows && seen.size < max; r++) seen.add(col.get(r));
  return seen.size;
}

function addStaffRoster(f: ParsedFile, issues: Issue[]): StaffRoster | null {
  const reps = text(f, 'rep');
  if (!reps) return null;
  const join = dates(f, 'repJoinDate', issues);
  const leave = dates(f, 'repLeaveDate', issues);
  const rep: string[] = [];
  const joinDay: number[] = [];
  const leaveDay: number[] = [];
  for (let r = 0; r < f.rowCount; r++) {
    const name = reps.get(r).trim();
    if (!name) continue;
    rep.push(name);
    joinDay.push(join ? join[r] : NaN);
    leaveDay.push(leave ? leave[r] : NaN);
  }
  return { rep, joinDay: Float64Array.from(joinDay), leaveDay: Float64Array.from(leaveDay) };
}

/**
 * Sort purchase rows by customer, then day (ties keep input order), and index them per customer.
 * A counting sort by customer (no comparisons), then each customer's few rows by day: insertion
 * sort, which is stable, or for a long run a sort on (day, place in input).
 */
function sortOrders(acc: OrderAcc, n: number): OrderColumns {
  const rows = acc.n;
  const { customer: accCustomer, day: accDay, amount: accAmount } = acc;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < rows; k++) start[accCustomer[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const customer = new Int32Array(rows);
  const day = new Float64Array(rows);
  const amount = new Float64Array(rows);
  for (let i = 0; i < n; i++) for (let k = start[i], end = start[i + 1]; k < end; k++) customer[k] = i;
  for (let k = 0; k < rows; k++) {
    const at = fill[accCustomer[k]]++;
    day[at] = accDay[k];
    amount[at] = accAmount[k];
  }
  for (let i = 0; i < n; i++) sortByDay(day, amount, start[i], start[i + 1]);
  return { n: rows, customer, day, amount, month: monthsOf(day, rows), start };
}

/** Widest span of days (about 180 years) whose months are looked up in a table. */
const MONTH_TABLE_MAX = 1 << 16;

/** monthIndexOfDay of day[0, rows): from a table of the whole days spanned when it is small. */
export function monthsOf(day: Float64Array, rows: number): Int32Array {
  const month = new Int32Array(rows);
  let lo = Infinity;
  let hi = -Infinity;
  for (let at = 0; at < rows; at++) {
    const d = day[at];
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const first = Math.floor(lo);
  const span = Math.floor(hi) - first + 1;
  if (span > 0 && span <= MONTH_TABLE_MAX) {
    // monthIndexOfDay depends on the whole day only.
    const table = new Int32Array(span);
    for (let k = 0; k < span; k++) table[k] = monthIndexOfDay(first + k);
    for (let at = 0; at < rows; at++) month[at] = table[Math.floor(day[at]) - first];
    return month;
  }
  let lastDay = NaN;
  let lastMonth = 0;
  for (let at = 0; at < rows; at++) {
    if (day[at] !== lastDay) {
      lastDay = day[at];
      lastMonth = monthIndexOfDay(lastDay);
    }
    month[at] = lastMonth;
  }
  return month;
}

/** Longest run sorted by insertion (quadratic); longer ones are sorted with a comparator. */
const INSERTION_MAX = 64;

/** Sort rows [from, to) by day, stably, moving their amounts along. */
function sortByDay(day: Float64Array, amount: Float64Array, from: number, to: number): void {
  if (to - from <= INSERTION_MAX) {
    for (let j = from + 1; j < to; j++) {
      const d = day[j];
      if (day[j - 1] <= d) continue;
      const x = amount[j];
      let k = j - 1;
      while (k >= from && day[k] > d) {
        day[k + 1] = day[k];
        amount[k + 1] = amount[k];
        k--;
      }
      day[k + 1] = d;
      amount[k + 1] = x;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, j) => from + j);
  order.sort((a, b) => day[a] - day[b] || a - b);
  const d = order.map((k) => day[k]);
  const x = order.map((k) => amount[k]);
  day.set(d, from);
  amount.set(x, from);
}

/** Purchase rows of every order log, in input order; typed arrays sized once per log. */
class OrderAcc {
  n = 0;
  customer = new Int32Array(0);
  day = new Float64Array(0);
  amount = new Float64Array(0);

  /** Room for `more` rows after the n kept. */
  reserve(more: number): void {
    const size = this.n + more;
    if (size <= this.customer.length) return;
    const customer = new Int32Array(size);
    const day = new Float64Array(size);
    const amount = new Float64Array(size);
    customer.set(this.customer.subarray(0, this.n));
    day.set(this.day.subarray(0, this.n));
    amount.set(this.amount.subarray(0, this.n));
    this.customer = customer;
    this.day = day;
    this.amount = amount;
  }
}

/** customerOf[code] of an id text not met yet, of a blank id, of an id no customer list holds. */
const UNSEEN = -1;
const NO_ID = -2;
const UNMATCHED = -3;

/** A column's distinct texts trimmed (trimmedCodes). */
type TrimmedCodes = ReturnType<typeof trimmedCodes>;

/** An order log's columns as its rows are read: parsed and dictionary-coded once, before the rows. */
interface OrderLogColumns {
  day: Float64Array;
  amount: Float64Array | null;
  quantity: Float64Array | null;
  unitPrice: Float64Array | null;
  orderIds: Column | null;
  /** The status of each row, and per distinct status whether it marks a row that is not a sale (1). */
  rowStatus: Column | null;
  statusCodes: Int32Array | null;
  notSale: Uint8Array | null;
  /** Per-order notes: a customer's reason only when no customer list offers one. */
  notes: TrimmedCodes | null;
  ids: TrimmedCodes;
  /** Rep, region, segment and name, each with the model column it fills. */
  attrs: (TrimmedCodes & { out: string[] })[];
  /** Columns without a role and with few distinct values (Country), kept as of each customer's latest order. */
  categories: { col: Column; index: number }[];
}

/** What the rows of one order log came to besides the purchases kept. */
interface OrderRowTally {
  /** Rows without a customer id; with an id no customer list holds (when joining only); returns and cancellations. */
  unattributed: number;
  unmatched: number;
  returns: number;
  /** Rows whose status is not a sale, and how many of each status text. */
  notSales: number;
  notSaleValues: Map<string, number>;
  /** Latest order day of any dated row, -Infinity when none. */
  maxDay: number;
}

/**
 * Each customer's latest order row in the log, for what is read from it after the rows: the note
 * (noteRow, noteDay), the attributes (attrRow, only when no attribute cell is blank) and the
 * categories (catRow, catDay). Typed, indexed by customer and sized up front for every customer the
 * log can add (one per distinct id text), as scattered writes to a growing plain array would turn
 * it into a slow dictionary.
 */
interface LatestRows {
  attrRow: Int32Array | null;
  catRow: Int32Array;
  catDay: Float64Array;
  noteRow: Int32Array;
  noteDay: Float64Array;
  /** Customers catRow and catDay have room for (0 without categories). */
  bound: number;
}

/**
 * Purchases of an order log into `acc`, its customers into the model (only those a customer list
 * holds when `joinOnly`); returns the latest order day, or NaN when the log has no customer id or
 * no order date.
 */
function addOrderLog(builder: Builder, file: ParsedFile, acc: OrderAcc, joinOnly: boolean, issues: Issue[]): number {
  const log = orderLogColumns(builder, file, issues);
  if (!log) return NaN;
  const latest = latestRows(builder, log);
  const { tally, rowCustomer } = readOrderRows(builder, file, log, latest, acc, joinOnly);
  builder.pad();
  trackLatestRows(builder, log, latest, rowCustomer);
  applyLatestNotes(builder, log, latest);
  applyLatestAttributes(builder, log, latest);
  builder.unattributedOrderRows += tally.unattributed;
  applyLatestCategories(builder, file, log, latest);
  reportOrderRows(file, tally, issues);
  return tally.maxDay;
}

/** The columns an order log's rows are read from; null (with its issue) without a customer id or an order date. */
function orderLogColumns(builder: Builder, file: ParsedFile, issues: Issue[]): OrderLogColumns | null {
  const ids = text(file, 'customerId');
  if (!ids) {
    issues.push({ code: 'no-customer-id', file: file.file });
    return null;
  }
  const day = dates(file, 'orderDate', issues);
  if (!day) {
    issues.push({ code: 'no-order-date', file: file.file });
    return null;
  }
  const amount = numbers(file, 'amount', issues);
  const quantity = numbers(file, 'quantity', issues);
  const unitPrice = numbers(file, 'unitPrice', issues);
  const orderIds = text(file, 'orderId');
  // The state of each row (completed / cancelled / refunded, Closed Won / Closed Lost / open):
  // rows that are not sales count neither as revenue nor as activity, as returns do.
  const rowStatus = text(file, 'status');
  let notSale: Uint8Array | null = null;
  let statusCodes: Int32Array | null = null;
  if (rowStatus) {
    const dictionary = dictionaryOf(rowStatus);
    statusCodes = dictionary.codes;
    const marks = (notSale = new Uint8Array(dictionary.values.length));
    dictionary.values.forEach((value, code) => {
      const statusClass = orderStatusClassOf(value);
      if (statusClass !== null && statusClass !== 'active') marks[code] = 1;
    });
  }
  const notes = text(file, 'reason');
  const noteCodes = notes ? trimmedCodes(notes) : null;
  const attrs = (
    [
      ['rep', 'rep'],
      ['region', 'region'],
      ['segment', 'segment'],
      ['customerName', 'name'],
    ] as [Role, 'rep' | 'region' | 'segment' | 'name'][]
  )
    .map(([role, field]) => ({ col: text(file, role), out: builder[field] }))
    .filter((attr): attr is { col: Column; out: string[] } => attr.col !== null)
    .map((attr) => ({ ...trimmedCodes(attr.col), out: attr.out }));
  return {
    day,
    amount,
    quantity,
    unitPrice,
    orderIds,
    rowStatus,
    statusCodes,
    notSale,
    notes: noteCodes,
    ids: trimmedCodes(ids),
    attrs,
    categories: categoricalColumns(file),
  };
}

function latestRows(builder: Builder, log: OrderLogColumns): LatestRows {
  const room = builder.ids.length + log.ids.values.length;
  const bound = log.categories.length ? room : 0;
  const notes = log.notes ? room : 0;
  // When no attribute cell is blank, every row that is a customer's latest so far overwrites all
  // of them: the last such row gives them all, read once per customer after the loop (attrRow)
  // rather than written on every such row. Blank cells do not overwrite: the per-row path.
  const noBlankAttr = log.attrs.length > 0 && log.attrs.every((attr) => !attr.values.includes(''));
  return {
    attrRow: noBlankAttr ? new Int32Array(room).fill(-1) : null,
    catRow: new Int32Array(bound).fill(-1),
    catDay: new Float64Array(bound).fill(-Infinity),
    noteRow: new Int32Array(notes).fill(-1),
    noteDay: new Float64Array(notes).fill(-Infinity),
    bound,
  };
}

/**
 * Row `row` of `day` as a customer's latest so far: the latest day wins, and of rows on the same
 * day the last one (as rows read in order, each taking over from those before it on the same day).
 */
function keepLatest(latestRow: Int32Array, latestDay: Float64Array, customer: number, row: number, day: number): void {
  if (day > latestDay[customer] || (day === latestDay[customer] && row > latestRow[customer])) {
    latestDay[customer] = day;
    latestRow[customer] = row;
  }
}

/** 1 for c or C (the first character of a cancelled invoice's number in UCI Online Retail), else 0. */
const isCancel = (c: number): number => (c === 99 || c === 67 ? 1 : 0);

/** 1 for each row whose order id starts with c or C, a cancelled invoice (UCI Online Retail); null without order ids. */
function cancelledRows(orderIds: Column | null, rows: number): Uint8Array | null {
  if (!orderIds) return null;
  const out = new Uint8Array(rows);
  if (orderIds instanceof CellColumn && orderIds.kind === 'dict') {
    // Once per distinct id.
    const { codes, values } = dictionaryOf(orderIds);
    const marks = Uint8Array.from(values, (v) => isCancel(v.charCodeAt(0)));
    for (let row = 0; row < rows; row++) out[row] = marks[codes[row]];
  } else if (orderIds instanceof CellColumn) {
    for (let row = 0; row < rows; row++) out[row] = isCancel(orderIds.firstCharCode(row));
  } else for (let row = 0; row < rows; row++) out[row] = isCancel(firstCharCode(orderIds, row));
  return out;
}

/**
 * Every row of the log: a purchase (with its customer, day and amount) into `acc`; a row that is
 * not a sale, a return, a row without a customer or with one no list holds, only counted. Also
 * each row's customer when it is a purchase (-1 otherwise), for trackLatestRows.
 */
function readOrderRows(
  builder: Builder,
  file: ParsedFile,
  log: OrderLogColumns,
  latest: LatestRows,
  acc: OrderAcc,
  joinOnly: boolean,
): { tally: OrderRowTally; rowCustomer: Int32Array } {
  const { day, amount, quantity, unitPrice, notSale, statusCodes, ids } = log;
  const rows = file.rowCount;
  // Customer ids are joined once per distinct id text, not once per row: the model index of
  // each code, or UNSEEN / NO_ID / UNMATCHED.
  const customerOf = new Int32Array(ids.values.length).fill(UNSEEN);
  const idCodes = ids.codes;
  const cancelled = cancelledRows(log.orderIds, rows);
  const rowCustomer = new Int32Array(rows).fill(-1);
  acc.reserve(rows);
  const { customer: accCustomer, day: accDay, amount: accAmount } = acc;
  // No customer yet and no two id texts that trim alike: each id text met is a new customer.
  const allNew = !joinOnly && builder.ids.length === 0 && ids.distinct;
  const tally: OrderRowTally = { unattributed: 0, unmatched: 0, returns: 0, notSales: 0, notSaleValues: new Map(), maxDay: -Infinity };
  let maxDay = -Infinity;
  let returns = 0;
  let kept = acc.n;
  for (let row = 0; row < rows; row++) {
    const orderDay = day[row];
    if (Number.isNaN(orderDay)) continue;
    if (orderDay > maxDay) maxDay = orderDay;
    if (notSale !== null && notSale[statusCodes![row]]) {
      notASale(builder, log, latest, tally, row, orderDay);
      continue;
    }
    let value = amount ? amount[row] : quantity && unitPrice ? quantity[row] * unitPrice[row] : NaN;
    if (value < 0 || (quantity && quantity[row] < 0) || (cancelled !== null && cancelled[row] === 1)) {
      returns++;
      continue;
    }
    const code = idCodes[row];
    let customer = customerOf[code];
    if (customer === UNSEEN) {
      // The first row of this id text: join it as a row-by-row join would at this point (so
      // customers are numbered in the same order).
      const id = ids.values[code];
      customer = !id ? NO_ID : allNew ? builder.addNew(id) : (builder.find(id) ?? (joinOnly ? UNMATCHED : builder.add(id)));
      customerOf[code] = customer;
    }
    if (customer < 0) {
      if (customer === NO_ID) tally.unattributed++;
      else tally.unmatched++;
      continue;
    }
    if (Number.isNaN(value)) value = 0;
    accCustomer[kept] = customer;
    accDay[kept] = orderDay;
    accAmount[kept] = value;
    rowCustomer[row] = customer;
    kept++;
  }
  acc.n = kept;
  tally.returns = returns;
  tally.maxDay = maxDay;
  return { tally, rowCustomer };
}

/** A row that is not a sale: counted by status; its note may still say why a known customer left (a lost deal's loss reason). */
function notASale(builder: Builder, log: OrderLogColumns, latest: LatestRows, tally: OrderRowTally, row: number, orderDay: number): void {
  const { rowStatus, notes, ids } = log;
  tally.notSales++;
  const status = rowStatus!.get(row).trim();
  tally.notSaleValues.set(status, (tally.notSaleValues.get(status) ?? 0) + 1);
  if (!notes) return;
  const note = notes.values[notes.codes[row]];
  const id = ids.values[ids.codes[row]];
  // A customer known at this row: of a list, an earlier log, or an earlier row of this log.
  const customer = note && id ? builder.find(id) : undefined;
  if (customer !== undefined) keepLatest(latest.noteRow, latest.noteDay, customer, row, orderDay);
}

/**
 * Each customer's latest purchase row with a note, latest purchase row (for the attributes and
 * categories), over the rows readOrderRows kept (rowCustomer); one tight loop each.
 */
function trackLatestRows(builder: Builder, log: OrderLogColumns, latest: LatestRows, rowCustomer: Int32Array): void {
  const { day, notes, attrs } = log;
  const rows = rowCustomer.length;
  const { attrRow, catRow, catDay, bound, noteRow, noteDay } = latest;
  const { attrDay } = builder;
  // Rep, region and segment from the customer's latest order, unless a customer list gave them.
  // With blank attribute cells each latest row writes its own (the per-row path, apart below).
  const perRowAttrs = !attrRow && attrs.length > 0;
  const hasNote = notes ? Uint8Array.from(notes.values, (v) => (v ? 1 : 0)) : null;
  const noteCodes = notes ? notes.codes : null;
  // One pass for the note, the attribute row and the category row: each keeps its own latest.
  for (let row = 0; row < rows; row++) {
    const customer = rowCustomer[row];
    if (customer < 0) continue;
    const orderDay = day[row];
    if (hasNote !== null && hasNote[noteCodes![row]] === 1) keepLatest(noteRow, noteDay, customer, row, orderDay);
    if (attrRow !== null && orderDay >= attrDay[customer]) {
      attrDay[customer] = orderDay;
      attrRow[customer] = row;
    }
    if (bound > 0 && orderDay >= catDay[customer]) {
      catDay[customer] = orderDay;
      catRow[customer] = row;
    }
  }
  if (perRowAttrs) {
    for (let row = 0; row < rows; row++) {
      const customer = rowCustomer[row];
      if (customer < 0) continue;
      const orderDay = day[row];
      if (orderDay >= attrDay[customer]) {
        attrDay[customer] = orderDay;
        for (const attr of attrs) {
          const attrValue = attr.values[attr.codes[row]];
          if (attrValue) attr.out[customer] = attrValue;
        }
      }
    }
  }
}

/** Each customer's latest note of this log, unless an earlier file gave them a later one. */
function applyLatestNotes(builder: Builder, { notes }: OrderLogColumns, { noteRow, noteDay }: LatestRows): void {
  if (!notes) return;
  const { orderNote, orderNoteDay } = builder;
  for (let customer = 0, n = builder.ids.length; customer < n; customer++) {
    const row = noteRow[customer];
    if (row >= 0 && noteDay[customer] >= orderNoteDay[customer]) {
      orderNote[customer] = notes.values[notes.codes[row]];
      orderNoteDay[customer] = noteDay[customer];
    }
  }
}

/** The attributes of each customer's latest order, when they were left to be read after the rows (attrRow). */
function applyLatestAttributes(builder: Builder, { attrs }: OrderLogColumns, { attrRow }: LatestRows): void {
  if (!attrRow) return;
  for (let customer = 0, n = builder.ids.length; customer < n; customer++) {
    const row = attrRow[customer];
    if (row >= 0) for (const attr of attrs) attr.out[customer] = attr.values[attr.codes[row]];
  }
}

/** Each category column's value in the customer's latest order, where no earlier file gave one. */
function applyLatestCategories(builder: Builder, file: ParsedFile, { categories }: OrderLogColumns, { catRow, bound }: LatestRows): void {
  for (const category of categories) {
    const kept = builder.column(file.header[category.index], file.file, undefined);
    // A dictionary column (as ingest stores one of few values): each distinct text trimmed once.
    const coded = category.col instanceof CellColumn && category.col.kind === 'dict' ? trimmedCodes(category.col) : null;
    for (let customer = 0; customer < bound; customer++) {
      const row = catRow[customer];
      if (row < 0) continue;
      const value = coded ? coded.values[coded.codes[row]] : category.col.get(row).trim();
      if (value && !kept.values[customer]) kept.values[customer] = value;
    }
  }
}

/** The issues of the rows left out: without a customer, of no listed customer, returns, not sales (with their most frequent statuses). */
function reportOrderRows(file: ParsedFile, tally: OrderRowTally, issues: Issue[]): void {
  const { unattributed, unmatched, returns, notSales } = tally;
  if (unattributed) issues.push({ code: 'orders-without-customer', file: file.file, params: { count: unattributed } });
  if (unmatched) issues.push({ code: 'orders-unmatched', file: file.file, params: { count: unmatched } });
  if (returns) issues.push({ code: 'orders-returns', file: file.file, params: { count: returns } });
  if (notSales) {
    const values = [...tally.notSaleValues]
      .sort((a, b) => b[1] - a[1])
      .map(([value]) => value)
      .slice(0, 6)
      .join(', ');
    issues.push({ code: 'orders-not-sales', file: file.file, column: file.header[file.roles.status!], params: { count: notSales, values } });
  }
}

/** Whether a customer list has a reason column: then per-order notes are not reasons. */
const listReasons = (files: ParsedFile[]): boolean => files.some((f) => f.kind === 'customers' && f.roles.reason !== undefined);

/** Join customer lists and order logs into one model. */
export function buildCustomerModel(files: ParsedFile[]): CustomerModel {
  const issues: Issue[] = [];
  const builder = new Builder();
  const has: CustomerModel['has'] = {
    status: false,
    churnDate: false,
    tenure: false,
    revenue: false,
    orders: false,
    lastOrder: false,
  };
  let maxDay = -Infinity;
  const lists = files.filter((file) => file.kind === 'customers');
  const logs = files.filter((file) => file.kind === 'orders');
  const rosters = files.filter((file) => file.kind === 'staff');
  const staff = staffRoster(rosters, issues);
  for (const file of lists) {
    const latest = addCustomerList(builder, file, issues, has, logs.length > 0);
    if (latest > maxDay) maxDay = latest;
  }
  const acc = new OrderAcc();
  for (const file of logs) {
    const latest = addOrderLog(builder, file, acc, lists.length > 0, issues);
    if (latest > maxDay) maxDay = latest;
  }
  const activity = customerActivity(builder, acc, logs.length > 0, has);
  const n = builder.ids.length;
  return {
    n,
    ids: builder.ids,
    name: builder.name,
    rep: builder.rep,
    region: builder.region,
    segment: builder.segment,
    reason: listReasons(files) ? builder.reason : withOrderNotes(builder.reason, builder.orderNote),
    reasonCategory: builder.reasonCategory,
    startDay: activity.startDay,
    firstOrderDay: activity.firstOrderDay,
    lastOrderDay: activity.lastOrderDay,
    churnDay: Float64Array.from(builder.churn),
    status: Int8Array.from(builder.status),
    statusRef: Int32Array.from(builder.statusRef),
    statusSources: builder.statusSources,
    tenureSource: builder.tenureSource,
    revenue: activity.revenue,
    tenure: Float64Array.from(builder.tenure),
    has,
    orders: activity.orders,
    revenueFromOrders: activity.revenueFromOrders,
    columns: [...builder.columns.values()].map((column) => ({ ...column, values: filledTo(column.values, n) })),
    staff,
    unattributed: { customerRows: builder.unattributedCustomerRows, orderRows: builder.unattributedOrderRows },
    maxDay: Number.isFinite(maxDay) ? maxDay : NaN,
    issues,
  };
}

/** Each customer's reason, else their latest order note. */
function withOrderNotes(reason: readonly string[], orderNote: readonly string[]): string[] {
  const out = new Array<string>(reason.length);
  for (let i = 0; i < reason.length; i++) out[i] = reason[i] || orderNote[i];
  return out;
}

/** The first n values, '' where there is none. */
function filledTo(values: readonly (string | undefined)[], n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = values[i] ?? '';
  return out;
}

/** The reps of every staff file, one roster (null when no file has a rep column). */
function staffRoster(files: ParsedFile[], issues: Issue[]): StaffRoster | null {
  let staff: StaffRoster | null = null;
  for (const file of files) {
    const roster = addStaffRoster(file, issues);
    if (!roster) continue;
    staff = staff
      ? {
          rep: [...staff.rep, ...roster.rep],
          joinDay: Float64Array.from([...staff.joinDay, ...roster.joinDay]),
          leaveDay: Float64Array.from([...staff.leaveDay, ...roster.leaveDay]),
        }
      : roster;
  }
  return staff;
}

/** Each customer's days and revenue, and the sorted purchases when an order log was read. */
interface CustomerActivity {
  startDay: Float64Array;
  firstOrderDay: Float64Array;
  lastOrderDay: Float64Array;
  revenue: Float64Array;
  orders: OrderColumns | null;
  revenueFromOrders: boolean;
}

/**
 * The days and revenue the customer lists gave, corrected by the purchases when there are order
 * logs (then `has` gains orders, lastOrder and revenue); a start day falls back to the first order.
 */
function customerActivity(builder: Builder, acc: OrderAcc, hasLogs: boolean, has: CustomerModel['has']): CustomerActivity {
  const n = builder.ids.length;
  const activity: CustomerActivity = {
    firstOrderDay: Float64Array.from(builder.first),
    lastOrderDay: Float64Array.from(builder.last),
    startDay: Float64Array.from(builder.start),
    revenue: Float64Array.from(builder.revenue),
    orders: null,
    revenueFromOrders: !has.revenue && (acc.n > 0 || hasLogs),
  };
  if (acc.n > 0 || hasLogs) {
    has.orders = true;
    has.lastOrder = true;
    activity.orders = sortOrders(acc, n);
    widenByOrders(activity, activity.orders, n, !has.revenue);
    if (!has.revenue) has.revenue = true;
  }
  const { startDay, firstOrderDay } = activity;
  for (let i = 0; i < n; i++) if (Number.isNaN(startDay[i])) startDay[i] = firstOrderDay[i];
  return activity;
}

/**
 * Order rows are the truth for activity: a customer's first and last order widen the days the
 * lists gave; with `revenueFromOrders`, revenue is the sum of purchases.
 */
function widenByOrders(activity: CustomerActivity, orders: OrderColumns, n: number, revenueFromOrders: boolean): void {
  const { firstOrderDay, lastOrderDay, startDay, revenue } = activity;
  const sum = new Float64Array(n);
  const firstOrder = new Float64Array(n).fill(NaN);
  const lastOrder = new Float64Array(n).fill(NaN);
  for (let k = 0; k < orders.n; k++) {
    const customer = orders.customer[k];
    const day = orders.day[k];
    sum[customer] += orders.amount[k];
    if (!(firstOrder[customer] <= day)) firstOrder[customer] = day;
    if (!(lastOrder[customer] >= day)) lastOrder[customer] = day;
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(firstOrder[i]) && !(firstOrderDay[i] <= firstOrder[i])) firstOrderDay[i] = firstOrder[i];
    if (!Number.isNaN(lastOrder[i]) && !(lastOrderDay[i] >= lastOrder[i])) lastOrderDay[i] = lastOrder[i];
    if (Number.isNaN(startDay[i])) startDay[i] = firstOrderDay[i];
    if (revenueFromOrders) revenue[i] = sum[i];
  }
}
