// Kaplan–Meier survival curves and the k-group log-rank test.
// Hot paths sort typed arrays natively and walk them with plain loops: this runs on up to ~1M
// customers inside a worker, where an index sort with a JS comparator would dominate the run time.

import type { SurvivalGroup, SurvivalPoint } from '../types';

export interface KaplanMeierResult {
  curve: SurvivalPoint[];
  /** Smallest t with S(t) ≤ 0.5, or null when the curve never gets there. */
  median: number | null;
  /** Confidence interval of the median: where the lower / upper band first reaches 0.5. */
  medianLower: number | null;
  medianUpper: number | null;
}

export interface LogRankResult {
  chiSquare: number;
  df: number;
  pValue: number;
}

/** Standard normal quantile (z for a two-sided band: p = 1 − alpha/2). */
export function normalQuantile(p: number): number {
  // The default is pinned so alpha = 0.05 gives R's z bit for bit on every JS engine.
  if (p === 0.975) return 1.959963984540054;
  return inverseNormalCdf(p);
}

/**
 * Product-limit estimate with Greenwood variance and a log-log confidence band
 * (R survival `conf.type = "log-log"`). NaN durations are skipped; an event is any truthy value.
 */
export function kaplanMeier(durations: ArrayLike<number>, events: ArrayLike<number | boolean>, opts: { alpha?: number } = {}): KaplanMeierResult {
  checkLengths(durations.length, events.length);
  const { eventTimes, censorTimes } = splitTimes(durations, events);
  return kaplanMeierOfTimes(eventTimes, censorTimes, opts.alpha);
}

/** kaplanMeier of the sorted event and censoring times. */
function kaplanMeierOfTimes(eventTimes: Float64Array, censorTimes: Float64Array, alpha = 0.05): KaplanMeierResult {
  const z = normalQuantile(1 - alpha / 2);
  const curve = productLimit(eventTimes, censorTimes, z);
  return {
    curve,
    median: firstTimeAtOrBelowHalf(curve, 'survival'),
    medianLower: firstTimeAtOrBelowHalf(curve, 'lower'),
    medianUpper: firstTimeAtOrBelowHalf(curve, 'upper'),
  };
}

function checkLengths(a: number, b: number, c = a): void {
  if (a !== b || a !== c) throw new RangeError(`survival: input lengths differ (${a}, ${b}, ${c})`);
}

/**
 * Sort ascending in place. Whole-number times over a range not much wider than their count (days,
 * months) take a counting sort, several times faster than the native sort at 100k values.
 */
export function sortTimes(a: Float64Array): Float64Array {
  const n = a.length;
  if (n < 64) return a.sort();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (x !== Math.floor(x)) return a.sort(); // fractions (or NaN): native sort
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const range = max - min + 1;
  if (range > 4 * n + 1024) return a.sort();
  const counts = new Int32Array(range);
  for (let i = 0; i < n; i++) counts[a[i] - min]++;
  let k = 0;
  for (let v = 0; v < range; v++) for (let c = counts[v]; c > 0; c--) a[k++] = v + min;
  return a;
}

/** Sorted event times and sorted censoring times, NaN durations dropped. */
function splitTimes(durations: ArrayLike<number>, events: ArrayLike<number | boolean>): { eventTimes: Float64Array; censorTimes: Float64Array } {
  const n = durations.length;
  let nEvents = 0;
  let nCensored = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(durations[i])) continue;
    if (events[i]) nEvents++;
    else nCensored++;
  }
  const eventTimes = new Float64Array(nEvents);
  const censorTimes = new Float64Array(nCensored);
  let e = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const t = durations[i];
    if (Number.isNaN(t)) continue;
    if (events[i]) eventTimes[e++] = t;
    else censorTimes[c++] = t;
  }
  sortTimes(eventTimes);
  sortTimes(censorTimes);
  return { eventTimes, censorTimes };
}

/** Merges the two sorted time lists into one curve point per distinct time. */
function productLimit(eventTimes: Float64Array, censorTimes: Float64Array, z: number): SurvivalPoint[] {
  const nE = eventTimes.length;
  const nC = censorTimes.length;
  let atRisk = nE + nC;
  const curve: SurvivalPoint[] = [];
  if (atRisk === 0) return curve;

  const firstTime = Math.min(nE ? eventTimes[0] : Infinity, nC ? censorTimes[0] : Infinity);
  if (firstTime > 0) {
    curve.push({ t: 0, survival: 1, lower: 1, upper: 1, atRisk, events: 0, censored: 0 });
  }

  let s = 1;
  let greenwood = 0; // Σ d / (n (n − d))
  let i = 0;
  let j = 0;
  while (i < nE || j < nC) {
    const t = Math.min(i < nE ? eventTimes[i] : Infinity, j < nC ? censorTimes[j] : Infinity);
    let d = 0;
    while (i < nE && eventTimes[i] === t) {
      d++;
      i++;
    }
    let c = 0;
    while (j < nC && censorTimes[j] === t) {
      c++;
      j++;
    }
    // Those censored at t were still at risk at t: events are taken to happen first.
    s *= 1 - d / atRisk;
    if (d < atRisk) greenwood += d / (atRisk * (atRisk - d));
    const [lower, upper] = logLogBand(s, greenwood, d === atRisk, z);
    curve.push({ t, survival: s, lower, upper, atRisk, events: d, censored: c });
    atRisk -= d + c;
  }
  return curve;
}

/** Log-log band S^exp(±z·√v), v = greenwood / (ln S)². */
function logLogBand(s: number, greenwood: number, wipedOut: boolean, z: number): [number, number] {
  if (s >= 1) return [1, 1];
  // With everyone left dying at once Greenwood's sum divides by zero: the band collapses to 0.
  if (s <= 0 || wipedOut) return [0, 0];
  const logS = Math.log(s);
  const k = (z * Math.sqrt(greenwood)) / Math.abs(logS);
  return [Math.pow(s, Math.exp(k)), Math.pow(s, Math.exp(-k))];
}

function firstTimeAtOrBelowHalf(curve: SurvivalPoint[], key: 'survival' | 'lower' | 'upper'): number | null {
  // R interpolates when S sits exactly at 0.5 over a flat stretch; we report the first time.
  for (const p of curve) if (p[key] <= 0.5) return p.t;
  return null;
}

/**
 * Mantel–Haenszel log-rank test over k groups (R `survdiff` with rho = 0).
 * Group labels are arbitrary numbers; NaN labels or durations are skipped, so groups without
 * members never enter. df is the rank of the variance matrix: k − 1 unless a group carries no
 * information (e.g. it leaves before the first event).
 */
export function logRank(groups: ArrayLike<number>, durations: ArrayLike<number>, events: ArrayLike<number | boolean>): LogRankResult {
  checkLengths(groups.length, durations.length, events.length);
  return logRankOf(groupTimes(groups, durations, events));
}

/** The log-rank test over groups already apart and sorted, in the order they first appear. */
function logRankOf(byGroup: GroupTimes[]): LogRankResult {
  const k = byGroup.length;
  if (k < 2) return { chiSquare: 0, df: 0, pValue: 1 };
  const { observedMinusExpected, variance } = logRankSums(byGroup);
  // The k sums add to zero, so the last group is redundant.
  const { chiSquare, rank } = quadraticForm(variance, observedMinusExpected, k - 1, k);
  return { chiSquare, df: rank, pValue: rank > 0 ? chiSquareSurvival(chiSquare, rank) : 1 };
}

interface GroupTimes {
  /** All durations of the group, sorted. */
  all: Float64Array;
  /** Event durations of the group, sorted. */
  eventTimes: Float64Array;
}

function groupTimes(groups: ArrayLike<number>, durations: ArrayLike<number>, events: ArrayLike<number | boolean>): GroupTimes[] {
  const n = groups.length;
  const slotOf = new Map<number, number>();
  const gid = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const eventCounts: number[] = [];
  // Small whole-number labels (the usual dictionary codes) skip the Map.
  const direct = new Int32Array(1024).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (Number.isNaN(g) || Number.isNaN(durations[i])) continue;
    const small = g >= 0 && g < 1024 && g === Math.floor(g);
    let slot = small ? direct[g] : slotOf.get(g);
    if (slot === undefined || slot < 0) slot = slotOf.get(g);
    if (slot === undefined) {
      slot = sizes.length;
      slotOf.set(g, slot);
      if (small) direct[g] = slot;
      sizes.push(0);
      eventCounts.push(0);
    }
    gid[i] = slot;
    sizes[slot]++;
    if (events[i]) eventCounts[slot]++;
  }
  const out: GroupTimes[] = sizes.map((size, g) => ({
    all: new Float64Array(size),
    eventTimes: new Float64Array(eventCounts[g]),
  }));
  const fillAll = new Int32Array(sizes.length);
  const fillEvents = new Int32Array(sizes.length);
  for (let i = 0; i < n; i++) {
    const g = gid[i];
    if (g < 0) continue;
    out[g].all[fillAll[g]++] = durations[i];
    if (events[i]) out[g].eventTimes[fillEvents[g]++] = durations[i];
  }
  for (const g of out) {
    sortTimes(g.all);
    sortTimes(g.eventTimes);
  }
  return out;
}

/** O − E per group and the k×k hypergeometric variance matrix (row-major), summed over event times. */
function logRankSums(byGroup: GroupTimes[]): { observedMinusExpected: Float64Array; variance: Float64Array } {
  const k = byGroup.length;
  const oe = new Float64Array(k);
  const v = new Float64Array(k * k);
  const gone = new Int32Array(k); // per group: members with duration < t
  const eventPos = new Int32Array(k); // per group: events with duration < t
  const atRisk = new Float64Array(k);
  const died = new Float64Array(k);
  for (;;) {
    let t = Infinity;
    for (let g = 0; g < k; g++) {
      const et = byGroup[g].eventTimes;
      if (eventPos[g] < et.length && et[eventPos[g]] < t) t = et[eventPos[g]];
    }
    if (t === Infinity) break;

    let n = 0;
    let d = 0;
    for (let g = 0; g < k; g++) {
      const { all, eventTimes } = byGroup[g];
      while (gone[g] < all.length && all[gone[g]] < t) gone[g]++;
      let dg = 0;
      while (eventPos[g] < eventTimes.length && eventTimes[eventPos[g]] === t) {
        dg++;
        eventPos[g]++;
      }
      atRisk[g] = all.length - gone[g];
      died[g] = dg;
      n += atRisk[g];
      d += dg;
    }

    const scale = n > 1 ? (d * (n - d)) / (n * n * (n - 1)) : 0;
    for (let g = 0; g < k; g++) {
      oe[g] += died[g] - (atRisk[g] * d) / n;
      for (let h = 0; h < k; h++) {
        v[g * k + h] += scale * atRisk[g] * ((g === h ? n : 0) - atRisk[h]);
      }
    }
  }
  return { observedMinusExpected: oe, variance: v };
}

/**
 * x' V⁻ x over the leading m×m block of V (row stride `stride`), with a generalised inverse as in
 * R's survdiff (cholesky2): pivots that are numerically zero are dropped and reduce the rank.
 */
function quadraticForm(vFull: Float64Array, x: Float64Array, m: number, stride: number): { chiSquare: number; rank: number } {
  // LDLᵀ in place on a copy of the lower triangle.
  const a = new Float64Array(m * m);
  let maxDiag = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) a[i * m + j] = vFull[i * stride + j];
    maxDiag = Math.max(maxDiag, Math.abs(a[i * m + i]));
  }
  const eps = 1e-9 * maxDiag;
  const usable = new Uint8Array(m);
  let rank = 0;
  for (let i = 0; i < m; i++) {
    const pivot = a[i * m + i];
    if (!(pivot > eps)) continue; // singular direction: this row contributes nothing
    usable[i] = 1;
    rank++;
    for (let r = i + 1; r < m; r++) {
      const f = a[r * m + i] / pivot;
      for (let c = i + 1; c <= r; c++) a[r * m + c] -= f * a[c * m + i];
      a[r * m + i] = f;
    }
  }
  // Forward-solve L y = x, then Σ y_i² / D_i.
  const y = Float64Array.from(x.subarray(0, m));
  let q = 0;
  for (let i = 0; i < m; i++) {
    if (!usable[i]) {
      y[i] = 0;
      continue;
    }
    for (let r = i + 1; r < m; r++) y[r] -= a[r * m + i] * y[i];
    q += (y[i] * y[i]) / a[i * m + i];
  }
  return { chiSquare: q, rank };
}

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return upperRegularizedGamma(df / 2, x / 2);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function upperRegularizedGamma(a: number, x: number): number {
  if (!(a > 0) || Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  // The series converges fast below a + 1, the continued fraction above it (Numerical Recipes §6.2).
  return x < a + 1 ? 1 - lowerGammaSeries(a, x) : upperGammaContinuedFraction(a, x);
}

const GAMMA_EPS = 1e-16;
const GAMMA_MAX_ITER = 10_000;

function lowerGammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < GAMMA_MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * GAMMA_EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function upperGammaContinuedFraction(a: number, x: number): number {
  // Modified Lentz evaluation of Γ(a, x) e^x x^-a.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < GAMMA_MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < GAMMA_EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

// Lanczos approximation, g = 7, n = 9 (accurate to ~1e-15 relative).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const xm = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (xm + i);
  const t = xm + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(sum);
}

// Acklam's rational approximation of the normal quantile (relative error < 1.2e-9).
const ACKLAM_A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const ACKLAM_B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572, 1];
const ACKLAM_C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];
const ACKLAM_TAIL = 0.02425;

/** Horner evaluation, highest-order coefficient first. */
function poly(coefficients: number[], x: number): number {
  let r = 0;
  for (const c of coefficients) r = r * x + c;
  return r;
}

function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  let x: number;
  if (p < ACKLAM_TAIL || p > 1 - ACKLAM_TAIL) {
    const q = Math.sqrt(-2 * Math.log(Math.min(p, 1 - p)));
    const tail = poly(ACKLAM_C, q) / poly(ACKLAM_D, q);
    x = p < ACKLAM_TAIL ? tail : -tail;
  } else {
    const q = p - 0.5;
    x = (q * poly(ACKLAM_A, q * q)) / poly(ACKLAM_B, q * q);
  }
  // One Halley step against an accurate Φ lifts Acklam's 1e-9 to full precision.
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Standard normal CDF via erfc(u) = Q(1/2, u²), accurate to ~1e-14. */
function normalCdf(x: number): number {
  const tail = 0.5 * upperRegularizedGamma(0.5, (x * x) / 2);
  return x < 0 ? tail : 1 - tail;
}

/**
 * Kaplan–Meier per group and the log-rank test across them. codes[i] indexes labels (−1 = left
 * out); NaN durations are skipped. Only the maxGroups largest groups (ties by label) are kept;
 * `omitted` counts the customers of the others, who enter neither the curves nor the test.
 */
export function survivalByGroup(
  codes: Int32Array,
  labels: readonly string[],
  durations: Float64Array,
  events: Uint8Array,
  maxGroups = 8,
): { groups: SurvivalGroup[]; omitted: number; logRank: LogRankResult } {
  checkLengths(codes.length, durations.length, events.length);
  const size = new Float64Array(labels.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0 && !Number.isNaN(durations[i])) size[codes[i]]++;
  const order = labels
    .map((label, g) => ({ label, g, n: size[g] }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const kept = order.slice(0, maxGroups);
  const omitted = order.slice(maxGroups).reduce((s, x) => s + x.n, 0);
  const slot = new Int32Array(labels.length).fill(-1);
  kept.forEach((x, k) => (slot[x.g] = k));
  // Each kept group's members, and the order in which the groups first appear (the log-rank
  // test takes them in that order, as logRank over each customer's group would).
  const parts = kept.map((x) => ({ t: new Float64Array(x.n), e: new Uint8Array(x.n), fill: 0, events: 0 }));
  const appear: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i] >= 0 ? slot[codes[i]] : -1;
    if (k < 0 || Number.isNaN(durations[i])) continue;
    const p = parts[k];
    if (p.fill === 0) appear.push(k);
    const event = events[i];
    p.t[p.fill] = durations[i];
    p.e[p.fill++] = event;
    p.events += event;
  }
  // One split and sort of each group's times serves its curve and the test.
  const times = parts.map((p) => splitTimes(p.t, p.e));
  const groups = kept.map((x, k) => ({
    group: x.label,
    customers: x.n,
    events: parts[k].events,
    ...kaplanMeierOfTimes(times[k].eventTimes, times[k].censorTimes),
  }));
  const byGroup = appear.map((k) => ({ all: mergeSorted(times[k].eventTimes, times[k].censorTimes), eventTimes: times[k].eventTimes }));
  return { groups, omitted, logRank: logRankOf(byGroup) };
}

/** The values of two ascending arrays, in one ascending array. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
