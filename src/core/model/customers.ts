// Build one typed, column-major customer model from the parsed files: customer lists give
// attributes, order logs give activity, both joined on the customer id.
import type { Issue, ParsedFile, Role } from '../types';
import { parseChurnFlag, parseDateColumn, parseNumberColumn } from '../ingest/values';

export interface OrderColumns {
  n: number;
  /** Customer index per purchase row (returns and unattributed rows are left out). */
  customer: Int32Array;
  day: Float64Array;
  amount: Float64Array;
}

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
  /** 1 churned, 0 active, -1 not stated. */
  status: Int8Array;
  revenue: Float64Array;
  tenure: Float64Array;
  has: { status: boolean; churnDate: boolean; tenure: boolean; revenue: boolean; orders: boolean; lastOrder: boolean };
  orders: OrderColumns | null;
  /** Latest date seen anywhere in the inputs (epoch day), NaN if none. */
  maxDay: number;
  issues: Issue[];
}

const text = (f: ParsedFile, role: Role): string[] | null => {
  const c = f.roles[role];
  return c === undefined ? null : f.columns[c];
};

function dates(f: ParsedFile, role: Role, issues: Issue[]): Float64Array | null {
  const col = text(f, role);
  if (!col) return null;
  const parsed = parseDateColumn(col, true);
  if (parsed.bad > 0) {
    issues.push({ code: 'bad-dates', file: f.file, column: f.header[f.roles[role]!], params: { count: parsed.bad } });
  }
  return parsed.days;
}

function numbers(f: ParsedFile, role: Role, issues: Issue[]): Float64Array | null {
  const col = text(f, role);
  if (!col) return null;
  const parsed = parseNumberColumn(col);
  if (parsed.bad > 0) {
    issues.push({ code: 'bad-numbers', file: f.file, column: f.header[f.roles[role]!], params: { count: parsed.bad } });
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
  revenue: number[] = [];
  tenure: number[] = [];

  add(id: string): number {
    let i = this.index.get(id);
    if (i !== undefined) return i;
    i = this.ids.length;
    this.index.set(id, i);
    this.ids.push(id);
    for (const a of [this.name, this.rep, this.region, this.segment, this.reason]) a.push('');
    for (const a of [this.start, this.first, this.last, this.churn, this.revenue, this.tenure]) a.push(NaN);
    this.status.push(-1);
    return i;
  }
}

function addCustomerList(b: Builder, f: ParsedFile, issues: Issue[], has: CustomerModel['has']): number {
  const ids = text(f, 'customerId');
  const names = text(f, 'customerName');
  const key = ids ?? names;
  if (!key) {
    issues.push({ code: 'no-customer-id', file: f.file });
    return NaN;
  }
  const strings: [Role, keyof Builder][] = [
    ['customerName', 'name'],
    ['rep', 'rep'],
    ['region', 'region'],
    ['segment', 'segment'],
    ['reason', 'reason'],
  ];
  const signup = dates(f, 'signupDate', issues);
  const first = dates(f, 'firstOrderDate', issues);
  const last = dates(f, 'lastOrderDate', issues);
  const churn = dates(f, 'churnDate', issues);
  const revenue = numbers(f, 'revenue', issues);
  const tenure = numbers(f, 'tenure', issues);
  const status = text(f, 'status');
  if (status) has.status = true;
  if (churn) has.churnDate = true;
  if (tenure) has.tenure = true;
  if (revenue) has.revenue = true;
  if (last) has.lastOrder = true;
  let missing = 0;
  for (let r = 0; r < f.rowCount; r++) {
    const id = key[r].trim();
    if (!id) {
      missing++;
      continue;
    }
    const i = b.add(id);
    for (const [role, field] of strings) {
      const col = text(f, role);
      const v = col ? col[r].trim() : '';
      if (v) (b[field] as string[])[i] = v;
    }
    const s = signup ? signup[r] : NaN;
    const fo = first ? first[r] : NaN;
    b.start[i] = Number.isNaN(s) ? fo : s;
    if (!Number.isNaN(fo)) b.first[i] = fo;
    if (last && !Number.isNaN(last[r])) b.last[i] = last[r];
    if (churn && !Number.isNaN(churn[r])) b.churn[i] = churn[r];
    if (revenue && !Number.isNaN(revenue[r])) b.revenue[i] = revenue[r];
    if (tenure && !Number.isNaN(tenure[r])) b.tenure[i] = tenure[r];
    if (status) {
      const flag = parseChurnFlag(status[r]);
      if (flag !== null) b.status[i] = flag ? 1 : 0;
    }
  }
  if (missing) issues.push({ code: 'rows-without-customer', file: f.file, params: { count: missing } });
  return maxOf(churn, maxOf(last, maxOf(first, maxOf(signup, -Infinity))));
}

interface OrderAcc {
  customer: number[];
  day: number[];
  amount: number[];
}

function addOrderLog(b: Builder, f: ParsedFile, acc: OrderAcc, joinOnly: boolean, issues: Issue[]): number {
  const ids = text(f, 'customerId');
  if (!ids) {
    issues.push({ code: 'no-customer-id', file: f.file });
    return NaN;
  }
  const day = dates(f, 'orderDate', issues);
  if (!day) {
    issues.push({ code: 'no-order-date', file: f.file });
    return NaN;
  }
  const amount = numbers(f, 'amount', issues);
  const qty = numbers(f, 'quantity', issues);
  const price = numbers(f, 'unitPrice', issues);
  const orderIds = text(f, 'orderId');
  let unattributed = 0;
  let unmatched = 0;
  let returns = 0;
  let max = -Infinity;
  for (let r = 0; r < f.rowCount; r++) {
    const d = day[r];
    if (Number.isNaN(d)) continue;
    if (d > max) max = d;
    let value = amount ? amount[r] : qty && price ? qty[r] * price[r] : NaN;
    const cancelled = orderIds !== null && /^c/i.test(orderIds[r]);
    if (value < 0 || (qty && qty[r] < 0) || cancelled) {
      returns++;
      continue;
    }
    const id = ids[r].trim();
    if (!id) {
      unattributed++;
      continue;
    }
    let i = b.index.get(id);
    if (i === undefined) {
      if (joinOnly) {
        unmatched++;
        continue;
      }
      i = b.add(id);
    }
    if (Number.isNaN(value)) value = 0;
    acc.customer.push(i);
    acc.day.push(d);
    acc.amount.push(value);
  }
  if (unattributed) issues.push({ code: 'orders-without-customer', file: f.file, params: { count: unattributed } });
  if (unmatched) issues.push({ code: 'orders-unmatched', file: f.file, params: { count: unmatched } });
  if (returns) issues.push({ code: 'orders-returns', file: f.file, params: { count: returns } });
  return max;
}

/** Join customer lists and order logs into one model. */
export function buildCustomerModel(files: ParsedFile[]): CustomerModel {
  const issues: Issue[] = [];
  const b = new Builder();
  const has: CustomerModel['has'] = {
    status: false,
    churnDate: false,
    tenure: false,
    revenue: false,
    orders: false,
    lastOrder: false,
  };
  let maxDay = -Infinity;
  const lists = files.filter((f) => f.kind === 'customers');
  const logs = files.filter((f) => f.kind === 'orders');
  for (const f of lists) {
    const m = addCustomerList(b, f, issues, has);
    if (m > maxDay) maxDay = m;
  }
  const acc: OrderAcc = { customer: [], day: [], amount: [] };
  for (const f of logs) {
    const m = addOrderLog(b, f, acc, lists.length > 0, issues);
    if (m > maxDay) maxDay = m;
  }
  const n = b.ids.length;
  const firstOrderDay = Float64Array.from(b.first);
  const lastOrderDay = Float64Array.from(b.last);
  const startDay = Float64Array.from(b.start);
  const revenue = Float64Array.from(b.revenue);
  let orders: OrderColumns | null = null;
  if (acc.customer.length > 0 || logs.length > 0) {
    has.orders = true;
    has.lastOrder = true;
    orders = {
      n: acc.customer.length,
      customer: Int32Array.from(acc.customer),
      day: Float64Array.from(acc.day),
      amount: Float64Array.from(acc.amount),
    };
    // Order rows are the truth for activity; revenue falls back to the sum of purchases.
    const sum = new Float64Array(n);
    const oFirst = new Float64Array(n).fill(NaN);
    const oLast = new Float64Array(n).fill(NaN);
    for (let k = 0; k < orders.n; k++) {
      const i = orders.customer[k];
      const d = orders.day[k];
      sum[i] += orders.amount[k];
      if (!(oFirst[i] <= d)) oFirst[i] = d;
      if (!(oLast[i] >= d)) oLast[i] = d;
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(oFirst[i]) && !(firstOrderDay[i] <= oFirst[i])) firstOrderDay[i] = oFirst[i];
      if (!Number.isNaN(oLast[i]) && !(lastOrderDay[i] >= oLast[i])) lastOrderDay[i] = oLast[i];
      if (Number.isNaN(startDay[i])) startDay[i] = firstOrderDay[i];
      if (!has.revenue) revenue[i] = sum[i];
    }
    if (!has.revenue) has.revenue = true;
  }
  for (let i = 0; i < n; i++) if (Number.isNaN(startDay[i])) startDay[i] = firstOrderDay[i];
  return {
    n,
    ids: b.ids,
    name: b.name,
    rep: b.rep,
    region: b.region,
    segment: b.segment,
    reason: b.reason,
    startDay,
    firstOrderDay,
    lastOrderDay,
    churnDay: Float64Array.from(b.churn),
    status: Int8Array.from(b.status),
    revenue,
    tenure: Float64Array.from(b.tenure),
    has,
    orders,
    maxDay: Number.isFinite(maxDay) ? maxDay : NaN,
    issues,
  };
}
