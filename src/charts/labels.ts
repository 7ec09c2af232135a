import { causeName } from '../core/causes/taxonomy';
import type { Analysis } from '../core/types';
import type { Locale } from '../i18n';

/** A cause's name as the reader should see it: the user's own name, else the taxonomy's. */
export function causeLabel(a: Pick<Analysis, 'taxonomy'>, id: string, locale: Locale): string {
  return a.taxonomy?.find((e) => e.id === id)?.name ?? causeName(id, locale);
}

/**
 * The labels to show on a crowded band axis: every `step`-th value (the first always), so that at
 * most `max` remain. 53 monthly cohorts at 14 px a row would otherwise overlap.
 */
export function thinLabels<T>(values: readonly T[], max: number): T[] {
  const step = Math.max(1, Math.ceil(values.length / max));
  return values.filter((_, k) => k % step === 0);
}

/** The survival chart's time axis title for the unit the analysis measured tenure in. */
export function survivalAxisKey(unit: Analysis['survival']['unit']): string {
  return unit === 'day' ? 'chart.survival.xDay' : unit === 'year' ? 'chart.survival.xYear' : 'chart.survival.xMonth';
}
