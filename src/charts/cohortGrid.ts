// Cohorts × periods since their start: the cells, drawing, state, summary and table the charts
// defs/cohorts (logo retention), defs/cohortRevenue (revenue retention) and defs/cohortCurves share.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { formatNumber, formatPercent, type Locale, translate } from '../i18n';
import type { ChartModule, Gap } from './chart';
import { thinLabels } from './labels';
import { chartHeader, rowsHeight } from './theme';

export type Measure = 'retention' | 'revenueRetention';

/** Why the cohort charts cannot be drawn, or null. */
export function cohortState(a: Analysis): Gap | null {
  if (a.cohorts.rows.length === 0) return 'no-cohorts';
  return a.cohorts.rows.some((r) => r.retention.length > 1) ? null : 'one-period';
}

/** How many cohorts, and which period is not over yet. */
export function cohortSummary(a: Analysis, locale: Locale, title: string): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  return `${title}: ${t('chart.summary.cohorts', { count: a.cohorts.rows.length })}${a.cohorts.incompletePeriod ? `. ${t('chart.cohorts.incomplete', { period: a.cohorts.incompletePeriod })}` : ''}`;
}

/** One row per cohort, one column per period; a cell of an unfinished period says so in words. */
export const cohortTable =
  (measure: Measure): ChartModule['table'] =>
  (a, locale) => {
    const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
    const quarter = a.cohorts.period === 'quarter';
    const width = Math.max(0, ...a.cohorts.rows.map((r) => r.retention.length));
    const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatPercent(locale, v));
    return {
      header: [
        t('chart.cohorts.y'),
        t('chart.cohorts.size'),
        ...Array.from({ length: width }, (_, k) => t(quarter ? 'table.quarterK' : 'table.monthK', { k })),
      ],
      rows: a.cohorts.rows.map((r) => {
        const v = measure === 'revenueRetention' ? (r.revenueRetention ?? []) : r.retention;
        return [
          r.cohort,
          formatNumber(locale, r.size),
          ...Array.from({ length: width }, (_, k) =>
            k >= v.length ? '' : `${pct(v[k])}${r.incompleteFrom !== null && k >= r.incompleteFrom ? ` (${t('table.incomplete')})` : ''}`,
          ),
        ];
      }),
    };
  };

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

/** Heatmap of cohort (period of first order, with its size) × periods since start, coloured by `measure`. */
export function cohortHeatmap(a: Analysis, locale: Locale, measure: Measure, title: string): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const quarter = a.cohorts.period === 'quarter';
  const values = cohortCells(a, locale, measure);
  const cohorts = [...new Set(values.map((v) => v.cohort))];
  const periods = [...new Set(values.map((v) => v.k))].sort((p, q) => p - q);
  return {
    ...chartHeader(title, rowsHeight(cohorts.length, 14)),
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
