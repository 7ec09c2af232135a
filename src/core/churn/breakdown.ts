// Churn rate, churned count and lost revenue per value of a categorical column. Groups smaller than
// minGroupSize are shown but flagged and not ranked: a 1-of-2 churn rate says nothing.
import type { GroupRow } from '../types';

/** Dictionary-encoded text column: codes[i] indexes labels ('' = not stated). */
export interface Categorical {
  codes: Int32Array;
  labels: string[];
}

export const MIN_GROUP_SIZE = 20;

export function encode(values: readonly string[]): Categorical {
  const index = new Map<string, number>();
  const labels: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i].trim();
    let c = index.get(v);
    if (c === undefined) {
      c = labels.length;
      index.set(v, c);
      labels.push(v);
    }
    codes[i] = c;
  }
  return { codes, labels };
}

/**
 * One row per group with at least one included customer. Ranked groups first, by churn rate
 * (highest first), then churned count, then name; small groups after them, largest first.
 */
export function breakdown(
  cat: Categorical,
  included: Uint8Array,
  churned: Uint8Array,
  revenue: Float64Array,
  minGroupSize = MIN_GROUP_SIZE,
): GroupRow[] {
  const k = cat.labels.length;
  const customers = new Float64Array(k);
  const lost = new Float64Array(k);
  const rev = new Float64Array(k);
  const lostRev = new Float64Array(k);
  for (let i = 0; i < cat.codes.length; i++) {
    if (!included[i]) continue;
    const g = cat.codes[i];
    customers[g]++;
    rev[g] += revenue[i];
    if (churned[i]) {
      lost[g]++;
      lostRev[g] += revenue[i];
    }
  }
  const rows: GroupRow[] = [];
  for (let g = 0; g < k; g++) {
    if (customers[g] === 0) continue;
    rows.push({
      group: cat.labels[g],
      customers: customers[g],
      churned: lost[g],
      churnRate: lost[g] / customers[g],
      revenue: rev[g],
      lostRevenue: lostRev[g],
      small: customers[g] < minGroupSize,
      rank: null,
    });
  }
  const byName = (a: GroupRow, b: GroupRow) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
  const ranked = rows.filter((r) => !r.small).sort((a, b) => b.churnRate - a.churnRate || b.churned - a.churned || byName(a, b));
  ranked.forEach((r, i) => (r.rank = i + 1));
  const small = rows.filter((r) => r.small).sort((a, b) => b.customers - a.customers || byName(a, b));
  return [...ranked, ...small];
}
