// Value tiers: customers ranked by revenue (largest first) and cut at cumulative shares of the
// customer count, e.g. [0.2] → top 20% and the rest. Tier j holds ranks [ceil(c_{j−1}·N), ceil(c_j·N)).
// Equal revenues straddling a cut are ranked in input order, so the split is reproducible.
import type { TierRow } from '../types';

/** Cuts in (0, 1), ascending, without duplicates; [0.2] when none are usable. */
export function normalizeTiers(cuts: readonly number[] | undefined): number[] {
  const ok = [...new Set((cuts ?? []).filter((c) => Number.isFinite(c) && c > 0 && c < 1))].sort((a, b) => a - b);
  return ok.length ? ok : [0.2];
}

/** Number of values > x. */
function countAbove(a: Float64Array, x: number): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > x) count++;
  return count;
}

/**
 * The value at index k of `a` sorted ascending, by quickselect (the order of `a` changes, its
 * values do not): what sorting the whole array gives, in linear time on average.
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    // Median of three as the pivot: sorted or reversed input stays linear.
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

export function valueTiers(included: Uint8Array, churned: Uint8Array, revenue: Float64Array, cutsIn: readonly number[] | undefined): TierRow[] {
  const cuts = normalizeTiers(cutsIn);
  let n = 0;
  for (let i = 0; i < included.length; i++) if (included[i]) n++;
  const values = new Float64Array(n);
  let noNaN = true;
  for (let i = 0, j = 0; i < included.length; i++) {
    if (!included[i]) continue;
    values[j++] = revenue[i];
    if (Number.isNaN(revenue[i])) noNaN = false;
  }
  // NaN (never in a revenue the analysis makes) sorts last, which quickselect does not know.
  if (!noNaN) values.sort();
  // Per cut: how many customers are in the top (ceil, guarded against 0.3 × 10 = 3.0000000000000004),
  // the revenue of the last of them (v: the value at index n − top of the revenues sorted), how
  // many earn more than v, and so how many earning exactly v fit.
  const J = cuts.length;
  const top = cuts.map((c) => Math.ceil(c * n - 1e-9));
  const v = top.map((b) => (b > 0 ? (noNaN ? select(values, n - b) : values[n - b]) : Infinity));
  const quota = top.map((b, j) => b - (b > 0 ? countAbove(values, v[j]) : 0));
  const seen = new Int32Array(J);
  const rows: TierRow[] = [...cuts, 1].map((to, j) => ({
    from: j === 0 ? 0 : cuts[j - 1],
    to,
    customers: 0,
    churned: 0,
    churnRate: 0,
    revenue: 0,
    lostRevenue: 0,
    minRevenue: 0,
  }));
  const min = rows.map(() => Infinity);
  for (let i = 0; i < included.length; i++) {
    if (!included[i]) continue;
    const x = revenue[i];
    let tier = J;
    for (let j = J - 1; j >= 0; j--) {
      // In the top ceil(c_j·N) when ranked above v_j, or tied with v_j early enough in input order.
      let inTop = x > v[j];
      if (x === v[j]) inTop = seen[j]++ < quota[j];
      if (inTop) tier = j;
    }
    const r = rows[tier];
    r.customers++;
    r.revenue += x;
    if (x < min[tier]) min[tier] = x;
    if (churned[i]) {
      r.churned++;
      r.lostRevenue += x;
    }
  }
  rows.forEach((r, j) => {
    r.churnRate = r.customers ? r.churned / r.customers : 0;
    r.minRevenue = r.customers ? min[j] : 0;
  });
  return rows;
}
