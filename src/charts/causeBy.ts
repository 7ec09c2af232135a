// Causes within each group of a dimension (segment, region or rep): the drawing, state, summary
// and table the three charts defs/causeBySegment, defs/causeByRegion and defs/causeByRep share.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { formatNumber, formatPercent, type Locale, translate } from '../i18n';
import type { ChartModule, ChartState } from './chart';
import { causeGap } from './gaps';
import { causeLabel } from './labels';
import { chartHeader, rowsHeight } from './theme';

export type CauseDimension = 'segment' | 'region' | 'rep';
const DIMENSIONS: readonly CauseDimension[] = ['segment', 'region', 'rep'];

/** The crosstab rows (group × cause) of a dimension; none when the data has no such column. */
const crosstab = (a: Analysis, d: CauseDimension) => a.causeBy?.find((c) => c.dimension === d)?.rows ?? [];

/** Groups with churned customers in the cause crosstab of a dimension. */
const causeGroups = (a: Analysis, d: CauseDimension) => new Set(crosstab(a, d).map((r) => r.group)).size;

/** Churned customers per group of a dimension. */
function groupTotals(rows: ReturnType<typeof crosstab>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.group, (totals.get(r.group) ?? 0) + r.customers);
  return totals;
}

function causeByState(a: Analysis, d: CauseDimension): ChartState {
  const gap = causeGap(a);
  if (gap) return gap;
  if (causeGroups(a, d) >= 2) return null;
  // Only say so once, when no dimension can be compared at all.
  return DIMENSIONS.some((o) => causeGroups(a, o) >= 2) ? 'skip' : 'no-groups';
}

/** A causes-by-group chart's state, summary and table for one dimension (its module adds id, title and spec). */
export const causeByParts = (d: CauseDimension): Pick<ChartModule, 'state' | 'summary' | 'table'> => ({
  state: (a) => causeByState(a, d),
  summary: (a, locale, title) => `${title}: ${translate(locale, 'chart.summary.groups', { count: causeGroups(a, d) })}`,
  table: (a, locale) => {
    const t = (k: string) => translate(locale, k);
    const rows = crosstab(a, d);
    const totals = groupTotals(rows);
    return {
      header: [t(`role.${d}`), t('chart.causes.y'), t('chart.causes.x'), t('chart.causeBy.share')],
      rows: rows.map((r) => [
        r.group || t('chart.causeBy.none'),
        causeLabel(a, r.cause, locale),
        formatNumber(locale, r.customers),
        formatPercent(locale, r.customers / (totals.get(r.group) || 1)),
      ]),
    };
  },
});

/**
 * Causes within each group (segment, region or rep): a heatmap of each cause's share of the
 * group's churned customers, with the count written in the cell. One hue, so it reads without
 * telling 13 colours apart.
 */
export function causeBySpec(a: Analysis, locale: Locale, dimension: CauseDimension, title: string): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const rows = crosstab(a, dimension);
  const totals = groupTotals(rows);
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
  // The colour scale runs from 0 to the largest share, so the cells are not all pale (0–1 with no
  // cell at all: see emptyScale); the count turns white on the darker half of it.
  const maxShare = values.reduce((m, v) => Math.max(m, v.share), 0);
  const causes = [...new Set([...values].sort((p, q) => p.rank - q.rank).map((v) => v.cause))];
  const groups = [...new Set([...values].sort((p, q) => q.groupTotal - p.groupTotal || p.group.localeCompare(q.group)).map((v) => v.group))];
  return {
    ...chartHeader(title, rowsHeight(groups.length, 22)),
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
          color: {
            field: 'share',
            type: 'quantitative',
            title: t('chart.causeBy.share'),
            scale: { scheme: 'blues', ...(values.length ? { domainMin: 0 } : { domain: [0, 1] }) },
            legend: { format: '.0%' },
          },
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
