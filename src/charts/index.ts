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

const hasCauseBy = (a: Analysis, d: 'segment' | 'region' | 'rep') =>
  (a.causeBy?.find((c) => c.dimension === d)?.rows.length ?? 0) > 0;

/** The dashboard's charts, in order; each is a pure function of the analysis. */
export const CHARTS: { id: ChartId; spec: (a: Analysis, l: Locale) => TopLevelSpec; hasData: (a: Analysis) => boolean }[] = [
  { id: 'causes', spec: causesSpec, hasData: (a) => a.causes.length > 0 },
  { id: 'causesRevenue', spec: causesRevenueSpec, hasData: (a) => a.causes.some((c) => c.revenue > 0) },
  { id: 'controllable', spec: controllableSpec, hasData: (a) => a.controllableShare !== null },
  { id: 'causeBySegment', spec: (a, l) => causeBySpec(a, l, 'segment'), hasData: (a) => hasCauseBy(a, 'segment') },
  { id: 'causeByRegion', spec: (a, l) => causeBySpec(a, l, 'region'), hasData: (a) => hasCauseBy(a, 'region') },
  { id: 'causeByRep', spec: (a, l) => causeBySpec(a, l, 'rep'), hasData: (a) => hasCauseBy(a, 'rep') },
  { id: 'churnByMonth', spec: churnByMonthSpec, hasData: (a) => a.churnByMonth.length > 0 },
  { id: 'lostByMonth', spec: lostByMonthSpec, hasData: (a) => a.churnByMonth.some((m) => m.revenue > 0) },
  { id: 'cohorts', spec: cohortsSpec, hasData: (a) => a.cohorts.rows.length > 0 },
  { id: 'cohortRevenue', spec: cohortRevenueSpec, hasData: (a) => a.cohorts.rows.some((r) => r.revenueRetention !== null) },
  { id: 'cohortCurves', spec: cohortCurvesSpec, hasData: (a) => a.cohorts.rows.some((r) => r.retention.length > 1) },
  { id: 'survival', spec: survivalSpec, hasData: (a) => a.survival.curve.length > 1 },
  { id: 'tiers', spec: tiersSpec, hasData: (a) => a.tiers.some((r) => r.customers > 0) },
];
