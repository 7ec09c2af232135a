// A small seeded PRNG (mulberry32) with the few helpers the data generators need.
// Deterministic across platforms: only 32-bit integer arithmetic and Math.log/sqrt/cos/exp.

export interface Rng {
  /** Uniform float in [0, 1). */
  rng(): number;
  /** Uniform integer in [a, b], both inclusive. */
  int(a: number, b: number): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(arr: readonly T[]): T;
  /** An element chosen with probability proportional to its (non-negative) weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
  /** exp(mu + sigma · N(0, 1)). */
  lognormal(mu: number, sigma: number): number;
}

/** The raw mulberry32 generator: a function returning uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (a: number, b: number): number => {
    const lo = Math.ceil(Math.min(a, b));
    const hi = Math.floor(Math.max(a, b));
    return lo + Math.floor(next() * (hi - lo + 1));
  };
  const normal = (): number => {
    const u = 1 - next(); // (0, 1]: log is finite
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    rng: next,
    int,
    pick<T>(arr: readonly T[]): T {
      if (arr.length === 0) throw new Error('pick: empty array');
      return arr[Math.floor(next() * arr.length)];
    },
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      if (items.length === 0 || items.length !== weights.length) {
        throw new Error('weighted: items and weights must be non-empty and of equal length');
      }
      let total = 0;
      for (const w of weights) total += w > 0 ? w : 0;
      if (!(total > 0)) throw new Error('weighted: weights sum to zero');
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        const w = weights[i] > 0 ? weights[i] : 0;
        if (r < w) return items[i];
        r -= w;
      }
      // Float rounding: fall back to the last item with a positive weight.
      for (let i = items.length - 1; i >= 0; i--) if (weights[i] > 0) return items[i];
      return items[items.length - 1];
    },
    chance: (p: number) => next() < p,
    normal,
    lognormal: (mu: number, sigma: number) => Math.exp(mu + sigma * normal()),
  };
}
