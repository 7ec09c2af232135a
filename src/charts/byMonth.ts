// Churn month by month, stacked by cause: the drawing, state and table the two charts
// defs/churnByMonth (customers) and defs/lostByMonth (revenue) share.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { formatNumber, type Locale, translate } from '../i18n';
import type { ChartModule, Gap } from './chart';
import { causeLabel, thinLabels } from './labels';
import { groupOf } from './pareto';
import { CAUSE_RAMPS, chartHeader, emptyScale } from './theme';

export type MonthMeasure = 'churned' | 'revenue';

/** Why the charts over months cannot be drawn, or null. */
export function monthState(a: Analysis): Gap | null {
  if (a.customers.churned === 0) return 'no-churn';
  return a.churnByMonth.length > 0 ? null : 'no-churn-dates';
}

/**
 * One row per (month, cause): the data of both churn-over-time charts; `rank` is the cause's
 * place in the colour order (causeColors), which stacks the bars.
 */
export function monthCauseRows(a: Analysis, locale: Locale, order: string[] = causeColors(a, locale).domain) {
  const rank = new Map(order.map((name, k) => [name, k]));
  return a.churnByMonth.flatMap((m) =>
    m.byCause.map((c) => {
      const cause = causeLabel(a, c.cause, locale);
      return { month: m.month, cause, churned: c.churned, revenue: c.revenue, rank: rank.get(cause) ?? rank.size };
    }),
  );
}

/**
 * Each cause's colour: controllable causes first (largest first), then uncontrollable, then
 * unclassified, each group from its own ramp (see CAUSE_RAMPS). The same order stacks the bars,
 * so the controllable share sits at the bottom of every month.
 */
export function causeColors(a: Analysis, locale: Locale): { domain: string[]; range: string[] } {
  const domain: string[] = [];
  const range: string[] = [];
  for (const group of ['controllable', 'uncontrollable', 'unclassified'] as const) {
    const ramp = CAUSE_RAMPS[group];
    a.causes
      .filter((c) => groupOf(c.controllable) === group)
      .forEach((c, k) => {
        domain.push(causeLabel(a, c.id, locale));
        range.push(ramp[k % ramp.length]);
      });
  }
  return { domain, range };
}

/** Churned customers or revenue lost per month, stacked by cause. */
export function stackedByCause(a: Analysis, locale: Locale, measure: MonthMeasure, title: string): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const yTitle = measure === 'churned' ? t('chart.month.y') : t('chart.causes.revenue');
  const colors = causeColors(a, locale);
  const months = a.churnByMonth.map((m) => m.month);
  // One cause only (no reasons in the data): one colour, and no legend naming it.
  const legend = colors.domain.length > 1 ? { columns: 3 } : null;
  return {
    ...chartHeader(title, 220),
    data: { values: monthCauseRows(a, locale, colors.domain) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: t('chart.month.x'), axis: { labelAngle: -45, values: thinLabels(months, 24) } },
      y: { field: measure, type: 'quantitative', aggregate: 'sum', title: yTitle, stack: 'zero', ...emptyScale(months) },
      // Up to 13 causes: wrap the legend into columns so none is cut off at the chart's edge.
      color: { field: 'cause', type: 'nominal', title: t('chart.month.cause'), scale: colors, sort: null, legend },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: 'month', title: t('chart.month.x') },
        { field: 'cause', title: t('chart.month.cause') },
        { field: 'churned', title: t('chart.month.y'), format: ',d' },
        { field: 'revenue', title: t('chart.causes.revenue'), format: ',.0f' },
      ],
    },
  };
}

/** The month chart's peak: the month with the most of `measure`, and how much. */
export function monthSummary(a: Analysis, locale: Locale, title: string, measure: MonthMeasure): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const peak = a.churnByMonth.reduce((m, r) => (r[measure] > m[measure] ? r : m), { month: '', churned: 0, revenue: 0 });
  return `${title}: ${t('chart.summary.months', { count: a.churnByMonth.length })}; ${t('chart.summary.peak', { month: peak.month, value: formatNumber(locale, peak[measure]) })}`;
}

/** One row per (month, cause) with the month's `measure`. */
export const monthTable =
  (measure: MonthMeasure): ChartModule['table'] =>
  (a, locale) => {
    const t = (k: string) => translate(locale, k);
    return {
      header: [t('chart.month.x'), t('chart.month.cause'), measure === 'revenue' ? t('chart.causes.revenue') : t('chart.month.y')],
      rows: a.churnByMonth.flatMap((m) => m.byCause.map((c) => [m.month, causeLabel(a, c.cause, locale), formatNumber(locale, c[measure])])),
    };
  };
