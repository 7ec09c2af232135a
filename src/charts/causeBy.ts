import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { translate, type Locale } from '../i18n';
import { causeLabel } from './labels';
import { CONFIG, rowsHeight } from './theme';

export type CauseDimension = 'segment' | 'region' | 'rep';

/**
 * Causes within each group (segment, region or rep): a heatmap of each cause's share of the
 * group's churned customers, with the count written in the cell. One hue, so it reads without
 * telling 13 colours apart.
 */
export function causeBySpec(a: Analysis, locale: Locale, dimension: CauseDimension): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const rows = a.causeBy?.find((c) => c.dimension === dimension)?.rows ?? [];
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.group, (totals.get(r.group) ?? 0) + r.customers);
  const order = new Map(a.causes.map((c, k) => [c.id, k]));
  const blank = t('chart.causeBy.none');
  const values = rows.map((r) => ({
    group: r.group || blank,
    cause: causeLabel(a, r.cause, locale),
    rank: order.get(r.cause) ?? 99,
    customers: r.customers,
    revenue: r.revenue,
    share: r.customers / (totals.get(r.group) ?? 1),
    groupTotal: totals.get(r.group) ?? 0,
  }));
  // The colour scale runs from 0 to the largest share, so the cells are not all pale; the count
  // turns white on the darker half of it.
  const maxShare = values.reduce((m, v) => Math.max(m, v.share), 0);
  const causes = [...new Set([...values].sort((p, q) => p.rank - q.rank).map((v) => v.cause))];
  const groups = [...new Set([...values].sort((p, q) => q.groupTotal - p.groupTotal || p.group.localeCompare(q.group)).map((v) => v.group))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t(`chart.causeBy.${dimension}`),
    width: 'container',
    height: rowsHeight(groups.length, 22),
    config: CONFIG,
    data: { values },
    encoding: {
      // Explicit orders: sort-by-field is dropped when layers union their domains.
      x: { field: 'cause', type: 'nominal', sort: causes, title: null, axis: { labelAngle: -40 } },
      y: { field: 'group', type: 'nominal', sort: groups, title: t(`role.${dimension}`) },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'share', type: 'quantitative', title: t('chart.causeBy.share'), scale: { scheme: 'blues', domainMin: 0 }, legend: { format: '.0%' } },
          tooltip: [
            { field: 'group', title: t(`role.${dimension}`) },
            { field: 'cause', title: t('chart.causes.y') },
            { field: 'customers', title: t('chart.causes.x'), format: ',d' },
            { field: 'share', title: t('chart.causeBy.share'), format: '.0%' },
            { field: 'revenue', title: t('chart.causes.revenue'), format: ',.0f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'customers', type: 'quantitative' },
          color: { condition: { test: `datum.share > ${maxShare / 2}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  };
}
