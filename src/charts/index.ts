import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import type { Locale } from '../i18n';
import { causesSpec } from './causes';
import { controllableSpec } from './controllable';
import { churnByMonthSpec } from './churnByMonth';
import { cohortsSpec } from './cohorts';
import { survivalSpec } from './survival';

export type ChartId = 'causes' | 'controllable' | 'churnByMonth' | 'cohorts' | 'survival';

/** The dashboard's charts, in order; each is a pure function of the analysis. */
export const CHARTS: { id: ChartId; spec: (a: Analysis, l: Locale) => TopLevelSpec; hasData: (a: Analysis) => boolean }[] = [
  { id: 'causes', spec: causesSpec, hasData: (a) => a.causes.length > 0 },
  { id: 'controllable', spec: controllableSpec, hasData: (a) => a.controllableShare !== null },
  { id: 'churnByMonth', spec: churnByMonthSpec, hasData: (a) => a.churnByMonth.length > 0 },
  { id: 'cohorts', spec: cohortsSpec, hasData: (a) => a.cohorts.rows.length > 0 },
  { id: 'survival', spec: survivalSpec, hasData: (a) => a.survival.curve.length > 1 },
];
