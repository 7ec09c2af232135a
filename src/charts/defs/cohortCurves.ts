// Retention curves of the latest cohorts: the share of each cohort active in period k, as lines.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import { type Locale, translate } from '../../i18n';
import { defineChart, type Localized } from '../chart';
import { cohortCells, cohortState, cohortSummary, cohortTable } from '../cohortGrid';
import { chartHeader, emptyScale } from '../theme';

const TITLE: Localized = {
  en: 'Retention curves: share of each cohort active in period k',
  'zh-Hans': '留存曲线：各同期群在第 k 期仍活跃的比例',
  'zh-Hant': '留存曲線：各同期群在第 k 期仍活躍的比例',
};

/** Retention curves of the latest cohorts (at most 12); unfinished periods are left off the lines. */
export function cohortCurvesSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const quarter = a.cohorts.period === 'quarter';
  const values = cohortCells(a, locale)
    .filter((c) => !c.incomplete)
    .filter((c) => a.cohorts.rows.slice(-12).some((r) => c.cohort.startsWith(`${r.cohort} `)));
  return {
    ...chartHeader(TITLE[locale], 240),
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'k',
        type: 'quantitative',
        title: t(quarter ? 'chart.cohorts.xQuarter' : 'chart.cohorts.x'),
        axis: { tickMinStep: 1 },
        ...emptyScale(values),
      },
      y: { field: 'value', type: 'quantitative', title: t('chart.cohorts.value'), scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      // Up to 12 cohorts: the legend wraps into columns rather than running off the chart.
      color: { field: 'cohort', type: 'nominal', title: t('chart.cohorts.y'), scale: { scheme: 'viridis' }, legend: { columns: 4 } },
      tooltip: [
        { field: 'cohort', title: t('chart.cohorts.y') },
        { field: 'k', title: t(quarter ? 'chart.cohorts.xQuarter' : 'chart.cohorts.x') },
        { field: 'value', title: t('chart.cohorts.value'), format: '.1%' },
        { field: 'unbounded', title: t('chart.cohorts.unbounded'), format: '.1%' },
      ],
    },
  };
}

export const cohortCurves = defineChart({
  id: 'cohortCurves',
  section: 'time',
  title: TITLE,
  state: cohortState,
  spec: cohortCurvesSpec,
  summary: cohortSummary,
  table: cohortTable('retention'),
});
