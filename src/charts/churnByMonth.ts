import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { translate, type Locale } from '../i18n';
import { causeLabel, thinLabels } from './labels';
import { groupOf } from './causes';
import { CAUSE_RAMPS, CONFIG } from './theme';

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

function stackedByCause(a: Analysis, locale: Locale, measure: 'churned' | 'revenue'): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const yTitle = measure === 'churned' ? t('chart.month.y') : t('chart.causes.revenue');
  const colors = causeColors(a, locale);
  const months = a.churnByMonth.map((m) => m.month);
  // One cause only (no reasons in the data): one colour, and no legend naming it.
  const legend = colors.domain.length > 1 ? { columns: 3 } : null;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: measure === 'churned' ? t('chart.month.title') : t('chart.month.revenueTitle'),
    width: 'container',
    height: 220,
    config: CONFIG,
    data: { values: monthCauseRows(a, locale, colors.domain) },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: t('chart.month.x'), axis: { labelAngle: -45, values: thinLabels(months, 24) } },
      y: { field: measure, type: 'quantitative', aggregate: 'sum', title: yTitle, stack: 'zero' },
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

/** Churned customers per month, stacked by cause. */
export const churnByMonthSpec = (a: Analysis, locale: Locale): TopLevelSpec => stackedByCause(a, locale, 'churned');

/** Revenue lost per month, stacked by cause. */
export const lostByMonthSpec = (a: Analysis, locale: Locale): TopLevelSpec => stackedByCause(a, locale, 'revenue');
