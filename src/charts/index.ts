// The charts as the rest of the app sees them: the registry's list, and a chart's title, summary
// sentence and data table by its id (a finding names its chart by id). Each chart itself is one
// module in defs/; see registry.ts to add one.
import type { Analysis } from '../core/types';
import type { Locale } from '../i18n';
import type { ChartDef, ChartTable, Gap, SectionId } from './chart';
import { type ChartId, CHARTS } from './registry';

export { type ChartDef, type ChartState, type ChartTable, type Fix, type Gap, GAP_FIX, type SectionId, SECTIONS } from './chart';
export { causeGap, hasRevenue, hasStatedCauses } from './gaps';
export { type ChartId, CHARTS } from './registry';

const BY_ID = new Map<string, ChartDef<ChartId>>(CHARTS.map((c) => [c.id, c]));

/** A finding's target names a chart (else a panel or a breakdown). */
export const isChartId = (id: string): id is ChartId => BY_ID.has(id);

export function chartDef(id: ChartId): ChartDef<ChartId> {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`no chart ${id}`);
  return def;
}

/** The chart's title in the reader's language (also the caption of its data table). */
export const chartTitle = (id: ChartId, a: Analysis, locale: Locale): string => chartDef(id).title(a, locale);

/** The chart's one-sentence text alternative (screen readers, and the report). */
export const chartSummary = (id: ChartId, a: Analysis, locale: Locale): string => chartDef(id).summary(a, locale);

/** The chart's data as a table, formatted for the locale. */
export const chartTable = (id: ChartId, a: Analysis, locale: Locale): ChartTable => chartDef(id).table(a, locale);

/** The distinct gaps of a section's charts, in chart order: one line each on the page. */
export function sectionGaps(a: Analysis, section: SectionId): Gap[] {
  const gaps: Gap[] = [];
  for (const c of CHARTS) {
    if (c.section !== section) continue;
    const s = c.state(a);
    if (s && s !== 'skip' && !gaps.includes(s)) gaps.push(s);
  }
  return gaps;
}

/** Breakdown columns worth a chart: at least two groups to compare. */
export const breakdownDrawn = (a: Analysis): number[] => a.breakdowns.items.flatMap((item, index) => (item.groups.length >= 2 ? [index] : []));
