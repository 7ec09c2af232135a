// Value tiers: customers ranked by revenue (largest first) and cut at cumulative shares of the
// customer count, e.g. [0.2] → top 20% and the rest. Tier j holds ranks [ceil(c_{j−1}·N), ceil(c_j·N)).
// Equal revenues straddling a cut are ranked in input order, so the split is reproducible.
import type { TierRow } from '../types';

/** Cuts in (0, 1), ascending, without duplicates; [0.2] when none are usable. */
export function normalizeTiers(cuts: readonly number[] | undefined): number[] {
  const ok = [...new Set((cuts ?? []).filter((c) => Number.isFinite(c) && c > 0 && c < 1))].sort((a, b) => a - b);
  return ok.length ? ok : [0.2];
}

/** Number of values > x in an ascending array. */
function countAbove(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return a.length - lo;
}

export function valueTiers(included: Uint8Array, churned: Uint8Array, revenue: Float64Array, cutsIn: readonly number[] | undefined): TierRow[] {
  const cuts = normalizeTiers(cutsIn);
  let n = 0;
  for (let i = 0; i < included.length; i++) if (included[i]) n++;
  const sorted = new Float64Array(n);
  for (let i = 0, j = 0; i < included.length; i++) if (included[i]) sorted[j++] = revenue[i];
  sorted.sort(); // ascending, native: no comparator over 100k customers
  // Per cut: how many customers are in the top (ceil, guarded against 0.3 × 10 = 3.0000000000000004),
  // the revenue of the last of them (v), how many earn more than v, and so how many earning exactly v fit.
  const J = cuts.length;
  const top = cuts.map((c) => Math.ceil(c * n - 1e-9));
  const v = top.map((b) => (b > 0 ? sorted[n - b] : Infinity));
  const quota = top.map((b, j) => b - (b > 0 ? countAbove(sorted, v[j]) : 0));
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
