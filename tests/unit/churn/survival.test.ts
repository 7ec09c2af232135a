import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, kaplanMeier, logRank, normalQuantile, upperRegularizedGamma } from '../../../src/core/churn/survival';

const Z = 1.959963984540054;

/**
 * Log-log band written straight from the textbook formula, fed with S and the Greenwood sum
 * worked out by hand below (as fractions), so the check does not go through the code under test.
 */
function band(s: number, greenwoodSum: number, z = Z): [number, number] {
  const k = (z * Math.sqrt(greenwoodSum)) / -Math.log(s);
  return [s ** Math.exp(k), s ** Math.exp(-k)];
}

function expectPoint(
  p: { t: number; survival: number; lower: number; upper: number; atRisk: number; events: number; censored: number },
  want: { t: number; s: number; lower: number; upper: number; n: number; d: number; c: number },
): void {
  expect(p.t).toBe(want.t);
  expect(p.atRisk).toBe(want.n);
  expect(p.events).toBe(want.d);
  expect(p.censored).toBe(want.c);
  expect(p.survival).toBeCloseTo(want.s, 12);
  expect(p.lower).toBeCloseTo(want.lower, 12);
  expect(p.upper).toBeCloseTo(want.upper, 12);
}

describe('kaplanMeier, hand-checked', () => {
  it('ties of events and censorings, censoring at the last time', () => {
    // times  1  2  2  2  3  4  5
    // event  1  1  1  0  0  1  0
    // t=0: synthetic start, n=7, S=1
    // t=1: n=7, d=1       S = 6/7            Σ = 1/(7·6)            = 1/42
    // t=2: n=6, d=2, c=1  S = 6/7 · 4/6 = 4/7 Σ = 1/42 + 2/(6·4)     = 3/28
    //      (the censored 2 is still at risk at 2: events come first)
    // t=3: n=3, c=1       S = 4/7            Σ = 3/28
    // t=4: n=2, d=1       S = 4/7 · 1/2 = 2/7 Σ = 3/28 + 1/(2·1)    = 17/28
    // t=5: n=1, c=1       S = 2/7            Σ = 17/28
    const km = kaplanMeier([1, 2, 2, 2, 3, 4, 5], [1, 1, 1, 0, 0, 1, 0]);
    const [l1, u1] = band(6 / 7, 1 / 42);
    const [l2, u2] = band(4 / 7, 3 / 28);
    const [l4, u4] = band(2 / 7, 17 / 28);
    expect(km.curve).toHaveLength(6);
    expectPoint(km.curve[0], { t: 0, s: 1, lower: 1, upper: 1, n: 7, d: 0, c: 0 });
    expectPoint(km.curve[1], { t: 1, s: 6 / 7, lower: l1, upper: u1, n: 7, d: 1, c: 0 });
    expectPoint(km.curve[2], { t: 2, s: 4 / 7, lower: l2, upper: u2, n: 6, d: 2, c: 1 });
    expectPoint(km.curve[3], { t: 3, s: 4 / 7, lower: l2, upper: u2, n: 3, d: 0, c: 1 });
    expectPoint(km.curve[4], { t: 4, s: 2 / 7, lower: l4, upper: u4, n: 2, d: 1, c: 0 });
    expectPoint(km.curve[5], { t: 5, s: 2 / 7, lower: l4, upper: u4, n: 1, d: 0, c: 1 });
    // Band by hand: at 1, k = 1.96·√(1/42)/ln(7/6) = 1.96·0.15430/0.15415 = 1.9619
    //   → [(6/7)^7.112, (6/7)^0.1406] ≈ [0.334, 0.979];
    // at 2, k = 1.96·√(3/28)/ln(7/4) = 1.1465 → [(4/7)^3.147, (4/7)^0.3178] ≈ [0.172, 0.837];
    // at 4, k = 1.96·√(17/28)/ln(7/2) = 1.2190 → [(2/7)^3.384, (2/7)^0.2955] ≈ [0.0144, 0.691].
    expect([l1, u1, l2, u2, l4, u4].map((x) => +x.toFixed(3))).toEqual([0.334, 0.979, 0.172, 0.837, 0.014, 0.691]);
    // S ≤ 0.5 first at 4; the lower band is already below 0.5 at 1; the upper band never gets there.
    expect(km.median).toBe(4);
    expect(km.medianLower).toBe(1);
    expect(km.medianUpper).toBeNull();
  });

  it('all censored: a flat curve at 1 with a [1, 1] band and no median', () => {
    const km = kaplanMeier([3, 1, 2], [0, 0, 0]);
    expect(km.curve.map((p) => [p.t, p.atRisk, p.censored])).toEqual([
      [0, 3, 0],
      [1, 3, 1],
      [2, 2, 1],
      [3, 1, 1],
    ]);
    for (const p of km.curve) expect([p.survival, p.lower, p.upper, p.events]).toEqual([1, 1, 1, 0]);
    expect([km.median, km.medianLower, km.medianUpper]).toEqual([null, null, null]);
  });

  it('everybody dies: the band collapses to 0 when the last ones die together', () => {
    // times 2 1 3 3, all events
    // t=1: n=4, d=1  S = 3/4  Σ = 1/(4·3) = 1/12
    // t=2: n=3, d=1  S = 1/2  Σ = 1/12 + 1/(3·2) = 1/4
    // t=3: n=2, d=2  S = 0    d = n: Greenwood undefined → band [0, 0]
    const km = kaplanMeier([2, 1, 3, 3], [1, 1, 1, 1]);
    const [l1, u1] = band(3 / 4, 1 / 12);
    const [l2, u2] = band(1 / 2, 1 / 4);
    expectPoint(km.curve[0], { t: 0, s: 1, lower: 1, upper: 1, n: 4, d: 0, c: 0 });
    expectPoint(km.curve[1], { t: 1, s: 3 / 4, lower: l1, upper: u1, n: 4, d: 1, c: 0 });
    expectPoint(km.curve[2], { t: 2, s: 1 / 2, lower: l2, upper: u2, n: 3, d: 1, c: 0 });
    expectPoint(km.curve[3], { t: 3, s: 0, lower: 0, upper: 0, n: 2, d: 2, c: 0 });
    // Hand values of the band: at 1, k = 1.96·√(1/12)/ln(4/3) = 1.9667 → [0.75^7.147, 0.75^0.1399] ≈ [0.128, 0.960];
    // at 2, k = 1.96·0.5/ln 2 = 1.4138 → [0.5^4.111, 0.5^0.2432] ≈ [0.058, 0.845].
    expect(l1).toBeCloseTo(0.128, 3);
    expect(u1).toBeCloseTo(0.9605, 3);
    expect(l2).toBeCloseTo(0.0578, 3);
    expect(u2).toBeCloseTo(0.8449, 3);
    // S(2) = 0.5 exactly: the first t with S ≤ 0.5 is 2 (R would interpolate to 2.5 here).
    expect(km.median).toBe(2);
    expect(km.medianLower).toBe(1);
    expect(km.medianUpper).toBe(3);
  });

  it('a single subject', () => {
    const died = kaplanMeier([5], [true]);
    expect(died.curve).toEqual([
      { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 1, events: 0, censored: 0 },
      { t: 5, survival: 0, lower: 0, upper: 0, atRisk: 1, events: 1, censored: 0 },
    ]);
    expect(died.median).toBe(5);
    const left = kaplanMeier([5], [false]);
    expect(left.curve.map((p) => [p.t, p.survival, p.atRisk, p.censored])).toEqual([
      [0, 1, 1, 0],
      [5, 1, 1, 1],
    ]);
    expect(left.median).toBeNull();
  });

  it('no synthetic start when someone is at time 0; NaN durations are skipped', () => {
    // t=0: n=3, d=1, c=1  S = 2/3  Σ = 1/(3·2) = 1/6
    // t=1: n=1, d=1       S = 0
    const km = kaplanMeier([0, NaN, 0, 1], [0, 1, 1, 1]);
    const [l0, u0] = band(2 / 3, 1 / 6);
    expect(km.curve).toHaveLength(2);
    expectPoint(km.curve[0], { t: 0, s: 2 / 3, lower: l0, upper: u0, n: 3, d: 1, c: 1 });
    expectPoint(km.curve[1], { t: 1, s: 0, lower: 0, upper: 0, n: 1, d: 1, c: 0 });
  });

  it('alpha sets the band width', () => {
    const z90 = 1.6448536269514722; // qnorm(0.95)
    expect(normalQuantile(0.95)).toBeCloseTo(z90, 13);
    const km = kaplanMeier([1, 2, 2, 2, 3, 4, 5], [1, 1, 1, 0, 0, 1, 0], { alpha: 0.1 });
    const [l, u] = band(4 / 7, 3 / 28, z90);
    expect(km.curve[2].lower).toBeCloseTo(l, 12);
    expect(km.curve[2].upper).toBeCloseTo(u, 12);
  });

  it('empty input and mismatched lengths', () => {
    expect(kaplanMeier([], [])).toEqual({ curve: [], median: null, medianLower: null, medianUpper: null });
    expect(() => kaplanMeier([1, 2], [1])).toThrow(RangeError);
  });
});

// Freireich et al. (1963) 6-MP leukaemia remission times in weeks; negative = censored.
const SIX_MP = [6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35];
const PLACEBO = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];

describe('Freireich 6-MP data', () => {
  const km = kaplanMeier(
    SIX_MP.map(Math.abs),
    SIX_MP.map((t) => (t > 0 ? 1 : 0)),
  );
  const at = (t: number) => km.curve.find((p) => p.t === t)!;

  it('matches the textbook product-limit values', () => {
    const textbook: [number, number, number][] = [
      // t, S(t), at risk
      [6, 0.857143, 21],
      [7, 0.806723, 17],
      [10, 0.752941, 15],
      [13, 0.690196, 12],
      [16, 0.627451, 11],
      [22, 0.537815, 7],
      [23, 0.448179, 6],
    ];
    for (const [t, s, n] of textbook) {
      expect(at(t).survival).toBeCloseTo(s, 6);
      expect(at(t).atRisk).toBe(n);
    }
    expect(km.median).toBe(23);
  });

  it('has the log-log Greenwood band', () => {
    // Greenwood terms d/(n(n−d)): 6: 3/(21·18) = 1/126, 7: 1/(17·16), 10: 1/(15·14), 13: 1/(12·11),
    // 16: 1/(11·10), 22: 1/(7·6), 23: 1/(6·5). Exact S: 6/7, ·16/17, ·14/15, ·11/12, ·10/11, ·6/7, ·5/6.
    const steps: [number, number, number][] = [
      [6, 18 / 21, 1 / 126],
      [7, 16 / 17, 1 / 272],
      [10, 14 / 15, 1 / 210],
      [13, 11 / 12, 1 / 132],
      [16, 10 / 11, 1 / 110],
      [22, 6 / 7, 1 / 42],
      [23, 5 / 6, 1 / 30],
    ];
    let s = 1;
    let sum = 0;
    for (const [t, factor, term] of steps) {
      s *= factor;
      sum += term;
      const [lower, upper] = band(s, sum);
      expect(at(t).survival).toBeCloseTo(s, 12);
      expect(at(t).lower).toBeCloseTo(lower, 12);
      expect(at(t).upper).toBeCloseTo(upper, 12);
    }
    // R: survfit(Surv(time, status) ~ 1, conf.type = "log-log") prints 0.620, 0.952 at t = 6
    // and a median of 23 with 0.95LCL 13, UCL NA.
    expect(at(6).lower).toBeCloseTo(0.62, 3);
    expect(at(6).upper).toBeCloseTo(0.952, 3);
    expect(km.medianLower).toBe(13);
    expect(km.medianUpper).toBeNull();
  });

  it('log-rank 6-MP vs placebo: χ² ≈ 16.79, p ≈ 4.17e-5', () => {
    // O − E for 6-MP = 9 − 19.2505 = −10.2505, V = 6.25696, χ² = 10.2505² / 6.25696.
    const groups = [...SIX_MP.map(() => 0), ...PLACEBO.map(() => 1)];
    const durations = [...SIX_MP.map(Math.abs), ...PLACEBO];
    const events = [...SIX_MP.map((t) => t > 0), ...PLACEBO.map(() => true)];
    const r = logRank(groups, durations, events);
    expect(r.df).toBe(1);
    expect(r.chiSquare).toBeCloseTo(16.79, 2);
    expect(r.chiSquare).toBeCloseTo(16.79294098921654, 9); // numpy, independently
    expect(r.pValue).toBeCloseTo(4.17e-5, 7);
    expect(r.pValue / 4.168809109334532e-5).toBeCloseTo(1, 9); // scipy chi2.sf
  });
});

describe('logRank', () => {
  const sixMp = SIX_MP.map(Math.abs);
  const sixMpEvents = SIX_MP.map((t) => (t > 0 ? 1 : 0));

  it('three groups use the full variance–covariance matrix', () => {
    // Third group: placebo shifted by one week. χ² checked with numpy (solve of the 2×2 block).
    const groups = [...sixMp.map(() => 7), ...PLACEBO.map(() => 3), ...PLACEBO.map(() => -1)];
    const durations = [...sixMp, ...PLACEBO, ...PLACEBO.map((t) => t + 1)];
    const events = [...sixMpEvents, ...PLACEBO.map(() => 1), ...PLACEBO.map(() => 1)];
    const r = logRank(groups, durations, events);
    expect(r.df).toBe(2);
    expect(r.chiSquare).toBeCloseTo(20.740058799523208, 9);
    expect(r.pValue / 3.135836815337253e-5).toBeCloseTo(1, 9);
  });

  it('ignores groups without usable members and labels order', () => {
    const base = logRank([...sixMp.map(() => 0), ...PLACEBO.map(() => 1)], [...sixMp, ...PLACEBO], [...sixMpEvents, ...PLACEBO.map(() => 1)]);
    // Group 9 has only a NaN duration; group NaN is no group at all.
    const r = logRank(
      [9, NaN, ...PLACEBO.map(() => 5), ...sixMp.map(() => 2)],
      [NaN, 4, ...PLACEBO, ...sixMp],
      [1, 1, ...PLACEBO.map(() => 1), ...sixMpEvents],
    );
    expect(r.df).toBe(1);
    expect(r.chiSquare).toBeCloseTo(base.chiSquare, 10);
  });

  it('identical groups give χ² = 0, p = 1; one group gives df 0', () => {
    const r = logRank([0, 1, 0, 1], [3, 3, 5, 5], [1, 1, 0, 0]);
    expect(r.chiSquare).toBeCloseTo(0, 12);
    expect(r.pValue).toBeCloseTo(1, 12);
    expect(logRank([0, 0, 0], [1, 2, 3], [1, 1, 1])).toEqual({ chiSquare: 0, df: 0, pValue: 1 });
    expect(logRank([0, 1], [1, 2], [0, 0])).toEqual({ chiSquare: 0, df: 0, pValue: 1 });
  });
});

describe('incomplete gamma', () => {
  it('matches scipy', () => {
    // scipy.stats.chi2.sf / scipy.special.gammaincc
    const cases: [number, number, number][] = [
      [3.84, 1, 0.05004352124870519],
      [100, 3, 1.5541594313896026e-21],
      [0.5, 4, 0.9735009788392561],
      [700, 2, 9.929590396265143e-153],
    ];
    for (const [x, df, p] of cases) expect(chiSquareSurvival(x, df) / p).toBeCloseTo(1, 10);
    expect(upperRegularizedGamma(1, 2)).toBeCloseTo(Math.exp(-2), 14);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
});
