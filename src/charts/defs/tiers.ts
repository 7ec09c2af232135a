// Churn rate and revenue lost by value tier (customers ranked by revenue).
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis, TierRow } from '../../core/types';
import { formatNumber, formatPercent, type Locale, translate } from '../../i18n';
import { defineChart, type Localized } from '../chart';
import { hasRevenue } from '../gaps';
import { BENCHMARK_COLOR, chartHeader, GROUP_COLORS, rowsHeight } from '../theme';

const TITLE: Localized = {
  en: 'Churn rate and revenue lost by value tier',
  'zh-Hans': '各价值层级的流失率与流失营收',
  'zh-Hant': '各價值層級的流失率與流失營收',
};

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
    ...chartHeader(TITLE[locale], rowsHeight(values.length, 28)),
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

export const tiers = defineChart({
  id: 'tiers',
  section: 'where',
  title: TITLE,
  state: (a) => (!a.tiers.some((r) => r.customers > 0) ? 'skip' : hasRevenue(a) ? null : 'no-revenue'),
  spec: tiersSpec,
  summary: (a, locale, title) => `${title}: ${a.tiers.map((r) => `${tierLabel(r, locale)} ${formatPercent(locale, r.churnRate)}`).join('; ')}`,
  table: (a, locale) => {
    const t = (k: string) => translate(locale, k);
    const n = (v: number) => formatNumber(locale, v);
    return {
      header: [t('chart.tiers.tier'), t('tiers.customers'), t('tiers.churned'), t('tiers.rate'), t('tiers.lost')],
      rows: a.tiers.map((r) => [tierLabel(r, locale), n(r.customers), n(r.churned), formatPercent(locale, r.churnRate), n(r.lostRevenue)]),
    };
  },
});
