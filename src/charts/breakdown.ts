import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { type Locale, translate } from '../i18n';
import { BENCHMARK_COLOR, chartHeader, GROUP_COLORS, rowsHeight } from './theme';

const MAX_BARS = 30;

/** Churn rate per group of breakdown `index`: ranked groups first, small groups greyed, the overall rate as a rule. */
export function breakdownSpec(a: Analysis, locale: Locale, index: number): TopLevelSpec {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const item = a.breakdowns.items[index];
  const ranked = t('chart.breakdown.ranked');
  const small = t('chart.breakdown.small', { n: a.breakdowns.minGroupSize });
  const values = (item?.groups ?? []).slice(0, MAX_BARS).map((g, order) => ({
    group: g.group || t('chart.notStated'),
    order,
    churnRate: g.churnRate,
    customers: g.customers,
    churned: g.churned,
    lostRevenue: g.lostRevenue,
    kind: g.small ? small : ranked,
  }));
  const y = { field: 'group', type: 'nominal' as const, title: item?.label ?? '', sort: { field: 'order', order: 'ascending' as const } };
  // The legend names only the kinds of bar drawn: "fewer than 20 customers" when there are such groups.
  const kinds = [ranked, small].filter((k) => values.some((v) => v.kind === k));
  return {
    ...chartHeader(t('chart.breakdown.title', { column: item?.label ?? '' }), rowsHeight(values.length, 18)),
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'churnRate', type: 'quantitative', title: t('breakdown.rate'), axis: { format: '.0%' }, scale: { domain: [0, 1] } },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: { domain: [ranked, small], range: [GROUP_COLORS.controllable, GROUP_COLORS.unclassified] },
            legend: kinds.length > 1 ? {} : null,
          },
          tooltip: [
            { field: 'group', title: item?.label ?? '' },
            { field: 'churnRate', title: t('breakdown.rate'), format: '.1%' },
            { field: 'churned', title: t('breakdown.churned'), format: ',d' },
            { field: 'customers', title: t('breakdown.customers'), format: ',d' },
            { field: 'lostRevenue', title: t('breakdown.lost'), format: ',.0f' },
          ],
        },
      },
      {
        data: { values: [{ rate: a.customers.churnRate, label: t('chart.breakdown.overall') }] },
        mark: { type: 'rule', color: BENCHMARK_COLOR, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: {
          x: { field: 'rate', type: 'quantitative' },
          tooltip: [
            { field: 'label', title: ' ' },
            { field: 'rate', title: t('breakdown.rate'), format: '.1%' },
          ],
        },
      },
    ],
  };
}
