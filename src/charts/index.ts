import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import type { Locale } from '../i18n';
import { causesRevenueSpec, causesSpec } from './causes';
import { causeBySpec } from './causeBy';
import { controllableSpec } from './controllable';
import { churnByMonthSpec, lostByMonthSpec } from './churnByMonth';
import { cohortCurvesSpec, cohortRevenueSpec, cohortsSpec } from './cohorts';
import { survivalSpec } from './survival';
import { tiersSpec } from './tiers';

export type ChartId =
  | 'causes'
  | 'causesRevenue'
  | 'controllable'
  | 'causeBySegment'
  | 'causeByRegion'
  | 'causeByRep'
  | 'churnByMonth'
  | 'lostByMonth'
  | 'cohorts'
  | 'cohortRevenue'
  | 'cohortCurves'
  | 'survival'
  | 'tiers';

/** The dashboard's sections, in the order of the section bar. */
export type SectionId = 'overview' | 'causes' | 'time' | 'where' | 'risk' | 'data';
export const SECTIONS: readonly SectionId[] = ['overview', 'causes', 'time', 'where', 'risk', 'data'];

/**
 * Why a chart (or a table) is not drawn: what the data lacks. Each has a message (`gap.<code>`)
 * that names what is missing and the fix, and a place where the fix is made (GAP_FIX).
 */
export type Gap =
  | 'no-churn'
  | 'no-reasons'
  | 'unclassified-reasons'
  | 'no-revenue'
  | 'no-churn-dates'
  | 'no-cohorts'
  | 'one-period'
  | 'no-orders'
  | 'no-survival'
  | 'no-groups'
  | 'no-activity'
  | 'no-reps';

/** Where the fix of a gap is made: a panel of the dashboard (Data › mapping or settings, Causes › reasons), or nowhere in the page. */
export type Fix = 'mapping' | 'settings' | 'reasons';
export const GAP_FIX: Record<Gap, Fix | null> = {
  'no-churn': 'settings',
  'no-reasons': 'mapping',
  'unclassified-reasons': 'reasons',
  'no-revenue': 'mapping',
  'no-churn-dates': 'mapping',
  'no-cohorts': 'mapping',
  'one-period': 'settings',
  'no-orders': null,
  'no-survival': 'mapping',
  'no-groups': 'mapping',
  'no-activity': 'mapping',
  'no-reps': 'mapping',
};

/**
 * A chart's state for an analysis: null = drawn; a Gap = not drawn, and the page says why;
 * 'skip' = not drawn and nothing to say (the data has no such column, and a sibling chart covers it).
 */
export type ChartState = Gap | 'skip' | null;

const DIMENSIONS = ['segment', 'region', 'rep'] as const;

/** Groups with churned customers in the cause crosstab of a dimension. */
const causeGroups = (a: Analysis, d: (typeof DIMENSIONS)[number]) =>
  new Set(a.causeBy?.find((c) => c.dimension === d)?.rows.map((r) => r.group) ?? []).size;

/** At least one churned customer has a cause other than "unclassified" that was not only inferred. */
export const hasStatedCauses = (a: Analysis): boolean =>
  a.causes.some((c) => c.id !== 'unclassified' && c.customers > (c.inferred ?? 0));

export const hasRevenue = (a: Analysis): boolean => a.revenue.total > 0;

/** Why the cause charts cannot be drawn, or null. */
export function causeGap(a: Analysis): Gap | null {
  if (a.customers.churned === 0) return 'no-churn';
  if (hasStatedCauses(a)) return null;
  return a.reasons.some((r) => r.text.trim() !== '') ? 'unclassified-reasons' : 'no-reasons';
}

function causeByState(a: Analysis, d: (typeof DIMENSIONS)[number]): ChartState {
  const gap = causeGap(a);
  if (gap) return gap;
  if (causeGroups(a, d) >= 2) return null;
  // Only say so once, when no dimension can be compared at all.
  return DIMENSIONS.some((o) => causeGroups(a, o) >= 2) ? 'skip' : 'no-groups';
}

function monthState(a: Analysis): Gap | null {
  if (a.customers.churned === 0) return 'no-churn';
  return a.churnByMonth.length > 0 ? null : 'no-churn-dates';
}

function cohortState(a: Analysis): Gap | null {
  if (a.cohorts.rows.length === 0) return 'no-cohorts';
  return a.cohorts.rows.some((r) => r.retention.length > 1) ? null : 'one-period';
}

function cohortRevenueState(a: Analysis): Gap | null {
  const gap = cohortState(a);
  if (gap) return gap;
  if (a.cohorts.basis !== 'orders') return 'no-orders';
  return a.cohorts.rows.some((r) => r.revenueRetention !== null && r.revenueBase > 0) ? null : 'no-revenue';
}

export interface ChartDef {
  id: ChartId;
  section: SectionId;
  spec: (a: Analysis, l: Locale) => TopLevelSpec;
  state: (a: Analysis) => ChartState;
  /** Drawn for this analysis (state null). */
  hasData: (a: Analysis) => boolean;
}

/** The dashboard's charts, in order, each with its section; each is a pure function of the analysis. */
export const CHARTS: ChartDef[] = (
  [
    { id: 'causes', section: 'overview', spec: causesSpec, state: causeGap },
    { id: 'controllable', section: 'overview', spec: controllableSpec, state: (a) => causeGap(a) ?? (a.controllableShare === null ? 'no-reasons' : null) },
    { id: 'causesRevenue', section: 'causes', spec: causesRevenueSpec, state: (a) => causeGap(a) ?? (a.causes.some((c) => c.revenue > 0) ? null : 'no-revenue') },
    { id: 'causeBySegment', section: 'causes', spec: (a, l) => causeBySpec(a, l, 'segment'), state: (a) => causeByState(a, 'segment') },
    { id: 'causeByRegion', section: 'causes', spec: (a, l) => causeBySpec(a, l, 'region'), state: (a) => causeByState(a, 'region') },
    { id: 'causeByRep', section: 'causes', spec: (a, l) => causeBySpec(a, l, 'rep'), state: (a) => causeByState(a, 'rep') },
    { id: 'churnByMonth', section: 'time', spec: churnByMonthSpec, state: monthState },
    { id: 'lostByMonth', section: 'time', spec: lostByMonthSpec, state: (a) => monthState(a) ?? (a.churnByMonth.some((m) => m.revenue > 0) ? null : 'no-revenue') },
    { id: 'cohorts', section: 'time', spec: cohortsSpec, state: cohortState },
    { id: 'cohortRevenue', section: 'time', spec: cohortRevenueSpec, state: cohortRevenueState },
    { id: 'cohortCurves', section: 'time', spec: cohortCurvesSpec, state: cohortState },
    { id: 'survival', section: 'time', spec: survivalSpec, state: (a) => (a.survival.curve.length > 1 ? null : 'no-survival') },
    { id: 'tiers', section: 'where', spec: tiersSpec, state: (a) => (!a.tiers.some((r) => r.customers > 0) ? 'skip' : hasRevenue(a) ? null : 'no-revenue') },
  ] satisfies Omit<ChartDef, 'hasData'>[]
).map((c): ChartDef => ({ ...c, hasData: (a: Analysis) => c.state(a) === null }));

/** The section each chart is in (findings link to their chart through it). */
export const CHART_SECTION: Record<ChartId, SectionId> = Object.fromEntries(CHARTS.map((c) => [c.id, c.section])) as Record<ChartId, SectionId>;

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
export const breakdownDrawn = (a: Analysis): number[] =>
  a.breakdowns.items.flatMap((item, index) => (item.groups.length >= 2 ? [index] : []));
