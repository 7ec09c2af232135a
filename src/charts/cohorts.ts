import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { formatNumber, translate, type Locale } from '../i18n';
import { CONFIG, rowsHeight } from './theme';
import { thinLabels } from './labels';

type Measure = 'retention' | 'revenueRetention';

/** One cell per (cohort, k); the cohort's label carries its size; cells of an unfinished period are flagged. */
export function cohortCells(a: Analysis, locale: Locale, measure: Measure = 'retention') {
  return a.cohorts.rows.flatMap((r) => {
    const values = measure === 'retention' ? r.retention : (r.revenueRetention ?? []);
    return values.map((v, k) => ({
      cohort: `${r.cohort} (n=${formatNumber(locale, r.size)})`,
      k,
      value: v,
      size: r.size,
      unbounded: r.unbounded[k],
      incomplete: r.incompleteFrom !== null && k >= r.incompleteFrom,
    }));
  });
}

/** Most labels a cohort axis shows: every label when they fit, else every n-th (thinLabels). */
export const MAX_COHORT_LABELS = 24;
export const MAX_PERIOD_LABELS = 26;

function heatmap(a: Analysis, locale: Locale, measure: Measure): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const quarter = a.cohorts.period === 'quarter';
  const title =
    measure === 'revenueRetention'
      ? t('chart.cohorts.revenueTitle')
      : t(quarter ? 'chart.cohorts.titleQuarter' : 'chart.cohorts.title');
  const values = cohortCells(a, locale, measure);
  const cohorts = [...new Set(values.map((v) => v.cohort))];
  const periods = [...new Set(values.map((v) => v.k))].sort((p, q) => p - q);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 'container',
    height: rowsHeight(cohorts.length, 14),
    config: CONFIG,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: {
        field: 'k',
        type: 'ordinal',
        title: t(quarter ? 'chart.cohorts.xQuarter' : 'chart.cohorts.x'),
        axis: { labelAngle: 0, values: thinLabels(periods, MAX_PERIOD_LABELS) },
      },
      y: { field: 'cohort', type: 'ordinal', title: t('chart.cohorts.y'), axis: { values: thinLabels(cohorts, MAX_COHORT_LABELS) } },
      color: {
        field: 'value',
        type: 'quantitative',
        title: t('chart.cohorts.value'),
        scale: { scheme: 'viridis', domain: [0, 1], clamp: true },
        legend: { format: '.0%' },
      },
      // The period containing asOf is not over: faded, so it does not read as a drop.
      opacity: { condition: { test: 'datum.incomplete', value: 0.35 }, value: 1 },
      tooltip: [
        { field: 'cohort', title: t('chart.cohorts.y') },
        { field: 'size', title: t('chart.cohorts.size'), format: ',d' },
        { field: 'k', title: t(quarter ? 'chart.cohorts.xQuarter' : 'chart.cohorts.x') },
        { field: 'value', title: t('chart.cohorts.value'), format: '.1%' },
        { field: 'unbounded', title: t('chart.cohorts.unbounded'), format: '.1%' },
        { field: 'incomplete', title: t('chart.cohorts.incompleteCell') },
      ],
    },
  };
}

/** Heatmap of cohort (period of first order, with its size) × periods since start, coloured by logo retention. */
export const cohortsSpec = (a: Analysis, locale: Locale): TopLevelSpec => heatmap(a, locale, 'retention');

/** The same heatmap for revenue retention (revenue in period k ÷ the cohort's period-0 revenue). */
export const cohortRevenueSpec = (a: Analysis, locale: Locale): TopLevelSpec => heatmap(a, locale, 'revenueRetention');

/** Retention curves of the latest cohorts (at most 12); unfinished periods are left off the lines. */
export function cohortCurvesSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const quarter = a.cohorts.period === 'quarter';
  const values = cohortCells(a, locale)
    .filter((c) => !c.incomplete)
    .filter((c) => a.cohorts.rows.slice(-12).some((r) => c.cohort.startsWith(`${r.cohort} `)));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('chart.cohorts.curvesTitle'),
    width: 'container',
    height: 240,
    config: CONFIG,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'k', type: 'quantitative', title: t(quarter ? 'chart.cohorts.xQuarter' : 'chart.cohorts.x'), axis: { tickMinStep: 1 } },
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
