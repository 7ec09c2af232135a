// Monthly cohort retention tables. Months are month indexes (year * 12 + month − 1, see dates.ts);
// −1 means unknown and is ignored everywhere.
//
// retention[0] is 1 by definition: a customer's cohort month is their first order month. When the
// first month came from a signup date and that month has no order, the customer still counts as
// retained at k = 0, so every row starts at 1 whatever the order log says.

import type { CohortRow } from '../types';
import { monthLabel } from '../dates';

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

function toRows(t: CohortCounts): CohortRow[] {
  return t.months.map((month, r) => {
    const size = t.sizes[r];
    const retention = Array.from(t.counts[r], (n) => n / size);
    retention[0] = 1;
    return { cohort: monthLabel(month), size, retention };
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
  return toRows(t);
}

/** Sorted customer * (asOf + 1) + month for every usable order, so duplicates sit side by side. */
function customerMonthKeys(
  firstMonth: Int32Array,
  orderCustomer: Int32Array,
  orderMonth: Int32Array,
  asOfMonth: number,
): Float64Array {
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
export function cohortsFromSpan(firstMonth: Int32Array, lastMonth: Int32Array, asOfMonth: number): CohortRow[] {
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
  return toRows(t);
}
