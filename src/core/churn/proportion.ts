// Two-proportion z-test: is the churn rate of one group different from the rest's?
// Pooled standard error; the two-sided p-value is P(χ²(1) ≥ z²), the same tail function the
// log-rank test uses (survival.ts), so both tests share one implementation of the distribution.
import { chiSquareSurvival } from './survival';

export interface ProportionTest {
  /** (p1 − p2) / pooled standard error; 0 when the pooled rate is 0 or 1. */
  z: number;
  /** Two-sided. */
  pValue: number;
}

/** x1 of n1 against x2 of n2. Throws on counts that cannot be proportions (a caller mistake). */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): ProportionTest {
  for (const [x, n] of [
    [x1, n1],
    [x2, n2],
  ]) {
    if (!(n > 0) || !(x >= 0) || x > n) throw new RangeError(`not a proportion: ${x} of ${n}`);
  }
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: chiSquareSurvival(z * z, 1) };
}
