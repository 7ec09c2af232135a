// What the data has: the checks several charts (and the report, and the key figures) share to
// decide whether they can be drawn. A check one chart alone makes lives in that chart's module.
import type { Analysis } from '../core/types';
import type { Gap } from './chart';

/** At least one churned customer has a cause other than "unclassified" that was not only inferred. */
export const hasStatedCauses = (a: Analysis): boolean => a.causes.some((c) => c.id !== 'unclassified' && c.customers > (c.inferred ?? 0));

export const hasRevenue = (a: Analysis): boolean => a.revenue.total > 0;

/** Why the cause charts cannot be drawn, or null. */
export function causeGap(a: Analysis): Gap | null {
  if (a.customers.churned === 0) return 'no-churn';
  if (hasStatedCauses(a)) return null;
  return a.reasons.some((r) => r.text.trim() !== '') ? 'unclassified-reasons' : 'no-reasons';
}
