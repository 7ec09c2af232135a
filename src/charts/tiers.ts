import type { TopLevelSpec } from 'vega-lite';
import type { Analysis, TierRow } from '../core/types';
import { formatPercent, translate, type Locale } from '../i18n';
import { BENCHMARK_COLOR, CONFIG, GROUP_COLORS, rowsHeight } from './theme';

/** "Top 20%" for the first tier, "20% – 50%" for the others. */
export function tierLabel(r: TierRow, locale: Locale): string {
  const pct = (v: number) => formatPercent(locale, v, 0);
  return r.from === 0
    ? translate(locale, 'chart.tiers.top', { to: pct(r.to) })
    : translate(locale, 'chart.tiers.band', { from: pct(r.from), to: pct(r.to) });
}

/** Churn rate per value tier (bars) against the overall rate (rule); revenue lost in the tooltip. */
export function tiersSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const values = a.tiers.map((r, order) => ({
    tier: tierLabel(r, locale),
    order,
    churnRate: r.churnRate,
    customers: r.customers,
    churned: r.churned,
    lostRevenue: r.lostRevenue,
    revenue: r.revenue,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('chart.tiers.title'),
    width: 'container',
    height: rowsHeight(values.length, 28),
    config: CONFIG,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: GROUP_COLORS.controllable },
        encoding: {
          y: { field: 'tier', type: 'nominal', title: t('chart.tiers.tier'), sort: { field: 'order', order: 'ascending' } },
          x: { field: 'churnRate', type: 'quantitative', title: t('tiers.rate'), axis: { format: '.0%' }, scale: { domain: [0, 1] } },
          tooltip: [
            { field: 'tier', title: t('chart.tiers.tier') },
            { field: 'churnRate', title: t('tiers.rate'), format: '.1%' },
            { field: 'churned', title: t('tiers.churned'), format: ',d' },
            { field: 'customers', title: t('tiers.customers'), format: ',d' },
            { field: 'lostRevenue', title: t('tiers.lost'), format: ',.0f' },
            { field: 'revenue', title: t('tiers.revenue'), format: ',.0f' },
          ],
        },
      },
      {
        data: { values: [{ rate: a.customers.churnRate }] },
        mark: { type: 'rule', color: BENCHMARK_COLOR, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'rate', type: 'quantitative' } },
      },
    ],
  };
}
