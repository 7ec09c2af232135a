// Cohort retention tables. Periods are month indexes (year * 12 + month − 1, see dates.ts) or
// quarter indexes (year * 4 + quarter − 1, see periods.ts); −1 means unknown and is ignored everywhere.
// `label` turns a period index into its name (monthLabel by default).
//
// retention[0] is 1 by definition: a customer's cohort month is their first order month. When the
// first month came from a signup date and that month has no order, the customer still counts as
// retained at k = 0, so every row starts at 1 whatever the order log says.

import { monthLabel } from '../dates';
import type { CohortRow } from '../types';

type Label = (period: number) => string;

/** Dense per-cohort counters: row r covers cohort month first + r (only non-empty rows are kept). */
interface CohortCounts {
  first: number;
  asOf: number;
  /** Cohort month − first → row index, −1 for an empty cohort. */
  rowOf: Int32Array;
  months: number[];
  sizes: number[];
  /** counts[row][k]: customers of the cohort counted at month cohort + k. */
  counts: Float64Array[];
}

/** Cohort sizes of customers whose first month is known and not after asOfMonth. */
function countCohorts(firstMonth: Int32Array, asOfMonth: number): CohortCounts {
  let first = Infinity;
  for (let c = 0; c < firstMonth.length; c++) {
    const f = firstMonth[c];
    if (f >= 0 && f <= asOfMonth && f < first) first = f;
  }
  if (first === Infinity) {
    return { first: 0, asOf: asOfMonth, rowOf: new Int32Array(0), months: [], sizes: [], counts: [] };
  }

  const span = asOfMonth - first + 1;
  const perMonth = new Float64Array(span);
  for (let c = 0; c < firstMonth.length; c++) {
    const f = firstMonth[c];
    if (f >= 0 && f <= asOfMonth) perMonth[f - first]++;
  }
  const rowOf = new Int32Array(span).fill(-1);
  const months: number[] = [];
  const sizes: number[] = [];
  const counts: Float64Array[] = [];
  for (let i = 0; i < span; i++) {
    if (perMonth[i] === 0) continue;
    rowOf[i] = months.length;
    months.push(first + i);
    sizes.push(perMonth[i]);
    counts.push(new Float64Array(asOfMonth - (first + i) + 1));
  }
  return { first, asOf: asOfMonth, rowOf, months, sizes, counts };
}

function toRows(t: CohortCounts, label: Label = monthLabel): CohortRow[] {
  return t.months.map((month, r) => {
    const size = t.sizes[r];
    const retention = Array.from(t.counts[r], (n) => n / size);
    retention[0] = 1;
    return { cohort: label(month), size, retention };
  });
}

/**
 * Retention from an order log: retention[k] = share of the cohort with at least one order in
 * month cohort + k. Orders in unknown months, after asOfMonth, before the customer's first month,
 * or of customers with an unknown first month are ignored.
 */
export function cohortsFromOrders(
  firstMonth: Int32Array,
  orderCustomer: Int32Array,
  orderMonth: Int32Array,
  asOfMonth: number,
  label?: Label,
): CohortRow[] {
  const t = countCohorts(firstMonth, asOfMonth);
  if (t.months.length === 0) return [];
  const keys = customerMonthKeys(firstMonth, orderCustomer, orderMonth, asOfMonth);
  const width = asOfMonth + 1;
  let prev = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === prev) continue; // several orders in one month count once
    prev = key;
    const customer = Math.floor(key / width);
    const month = key - customer * width;
    const f = firstMonth[customer];
    t.counts[t.rowOf[f - t.first]][month - f]++;
  }
  return toRows(t, label);
}

/** Sorted customer * (asOf + 1) + month for every usable order, so duplicates sit side by side. */
function customerMonthKeys(firstMonth: Int32Array, orderCustomer: Int32Array, orderMonth: Int32Array, asOfMonth: number): Float64Array {
  if (orderCustomer.length !== orderMonth.length) {
    throw new RangeError(`cohorts: order columns differ (${orderCustomer.length}, ${orderMonth.length})`);
  }
  // Float64 keys stay exact up to 2^53, far beyond customers × months.
  const width = asOfMonth + 1;
  const keys = new Float64Array(orderCustomer.length);
  let n = 0;
  for (let r = 0; r < orderCustomer.length; r++) {
    const c = orderCustomer[r];
    const m = orderMonth[r];
    if (c < 0 || c >= firstMonth.length || m < 0 || m > asOfMonth) continue;
    const f = firstMonth[c];
    if (f < 0 || f > asOfMonth || m < f) continue;
    keys[n++] = c * width + m;
  }
  return keys.subarray(0, n).sort();
}

/**
 * Retention when only first and last order months exist: retention[k] = share of the cohort whose
 * last month is at least cohort + k ("still active k months later"). An unknown last month counts
 * as not active after the cohort month.
 */
export function cohortsFromSpan(firstMonth: Int32Array, lastMonth: Int32Array, asOfMonth: number, label?: Label): CohortRow[] {
  if (firstMonth.length !== lastMonth.length) {
    throw new RangeError(`cohorts: month columns differ (${firstMonth.length}, ${lastMonth.length})`);
  }
  const t = countCohorts(firstMonth, asOfMonth);
  // Histogram of how many months each customer stayed, then a suffix sum: O(customers + cells).
  for (let c = 0; c < firstMonth.length; c++) {
    const f = firstMonth[c];
    const l = lastMonth[c];
    if (f < 0 || f > asOfMonth || l < f) continue;
    t.counts[t.rowOf[f - t.first]][Math.min(l, asOfMonth) - f]++;
  }
  for (const row of t.counts) {
    for (let k = row.length - 2; k >= 0; k--) row[k] += row[k + 1];
  }
  return toRows(t, label);
}

/** Purchase rows grouped by customer: customer c's rows are start[c] … start[c + 1] − 1, periods non-decreasing. */
export interface PeriodOrders {
  start: Int32Array;
  /** Period index of each row; −1 is ignored. */
  period: Int32Array;
  amount: Float64Array;
  /** With `until`: each row's day; a customer's rows after `until` (e.g. asOf) are ignored. */
  day?: Float64Array;
  until?: number;
}

export interface CohortTable {
  rows: CohortRow[];
  /** Share of the cohort with a purchase in period k or later (unbounded retention). */
  unbounded: number[][];
  /** Purchases of the cohort in period k (revenue[0] is the base of revenue retention). */
  revenue: number[][];
}

/**
 * Logo retention (exactly period k: the same numbers as cohortsFromOrders), unbounded retention
 * (period k or later) and revenue per period, in one pass over orders grouped by customer.
 * O(orders + cells): no sort, so it can run on every settings change.
 */
export function cohortTable(firstPeriod: Int32Array, orders: PeriodOrders, asOfPeriod: number, label?: Label): CohortTable {
  if (orders.start.length !== firstPeriod.length + 1) {
    throw new RangeError(`cohorts: ${orders.start.length} offsets for ${firstPeriod.length} customers`);
  }
  const t = countCohorts(firstPeriod, asOfPeriod);
  const revenue = t.counts.map((row) => new Float64Array(row.length));
  const lastSeen = t.counts.map((row) => new Float64Array(row.length)); // histogram of last active period
  for (let c = 0; c < firstPeriod.length; c++) {
    const f = firstPeriod[c];
    if (f < 0 || f > asOfPeriod) continue;
    const r = t.rowOf[f - t.first];
    const counts = t.counts[r];
    const rev = revenue[r];
    let prev = -1;
    const day = orders.day;
    const until = orders.until ?? Infinity;
    for (let k = orders.start[c], end = orders.start[c + 1]; k < end; k++) {
      if (day && day[k] > until) break; // rows are in date order
      const p = orders.period[k];
      if (p < f || p > asOfPeriod) continue;
      rev[p - f] += orders.amount[k];
      if (p === prev) continue; // several orders in one period count once
      prev = p;
      counts[p - f]++;
    }
    lastSeen[r][prev < 0 ? 0 : prev - f]++; // no usable purchase: active in the cohort period only
  }
  const unbounded = lastSeen.map((row, r) => {
    for (let k = row.length - 2; k >= 0; k--) row[k] += row[k + 1];
    return Array.from(row, (n) => n / t.sizes[r]);
  });
  return { rows: toRows(t, label), unbounded, revenue: revenue.map((row) => Array.from(row)) };
}
