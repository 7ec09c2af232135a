import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { type Locale, translate } from '../i18n';
import { causeLabel } from './labels';
import { chartHeader, emptyScale, GROUP_COLORS } from './theme';

/** Outlines of the cause groups (controllable, uncontrollable, unclassified): told apart without colour. */
export const GROUP_DASHES: number[][] = [
  [1, 0],
  [6, 3],
  [2, 3],
];

export const groupOf = (controllable: boolean | null): keyof typeof GROUP_COLORS =>
  controllable === true ? 'controllable' : controllable === false ? 'uncontrollable' : 'unclassified';

export type ParetoMetric = 'customers' | 'revenue';

/**
 * Pareto chart of causes (the drawing of defs/causes and defs/causesRevenue): bars largest first,
 * coloured (and outlined) by controllable group, with the cumulative share as a line on its own
 * axis and the 80% line.
 */
export function paretoSpec(a: Analysis, locale: Locale, metric: ParetoMetric, title: string): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const groups = (['controllable', 'uncontrollable', 'unclassified'] as const).map((g) => t(`group.${g}`));
  const sorted = [...a.causes].sort((x, y) => y[metric] - x[metric] || x.id.localeCompare(y.id));
  const total = sorted.reduce((s, c) => s + c[metric], 0);
  let running = 0;
  const values = sorted.map((c, rank) => {
    running += c[metric];
    return {
      rank,
      cause: causeLabel(a, c.id, locale),
      customers: c.customers,
      share: c.share,
      revenue: c.revenue,
      cumulative: total ? running / total : 0,
      group: t(`group.${groupOf(c.controllable)}`),
    };
  });
  const metricTitle = t(metric === 'customers' ? 'chart.causes.x' : 'chart.causes.revenue');
  // An explicit order: sort-by-field is dropped when layers union their domains.
  const x = {
    field: 'cause',
    type: 'nominal' as const,
    sort: values.map((v) => v.cause),
    title: null,
    axis: { labelAngle: -40 },
  };
  return {
    ...chartHeader(title, 260),
    data: { values },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2, stroke: '#222', strokeWidth: 2 },
        encoding: {
          x,
          y: { field: metric, type: 'quantitative', title: metricTitle, axis: { format: metric === 'revenue' ? '~s' : ',d' }, ...emptyScale(values) },
          color: {
            field: 'group',
            type: 'nominal',
            title: null,
            scale: { domain: groups, range: [GROUP_COLORS.controllable, GROUP_COLORS.uncontrollable, GROUP_COLORS.unclassified] },
            legend: { symbolSize: 220, symbolStrokeWidth: 2 },
          },
          // Not by colour alone: each group also has its own outline (solid, dashed, dotted), shown
          // in the same legend, and uncontrollable bars are lighter (Vega-Lite has no patterns).
          strokeDash: {
            field: 'group',
            type: 'nominal',
            title: null,
            scale: { domain: groups, range: GROUP_DASHES },
          },
          opacity: { condition: { test: `datum.group === ${JSON.stringify(groups[0])}`, value: 1 }, value: 0.75 },
          tooltip: [
            { field: 'cause', title: t('chart.causes.y') },
            { field: 'group', title: t('chart.controllable.series') },
            { field: 'customers', title: t('chart.causes.x'), format: ',d' },
            { field: 'share', title: t('chart.causes.share'), format: '.1%' },
            { field: 'revenue', title: t('chart.causes.revenue'), format: ',.0f' },
            { field: 'cumulative', title: t('chart.pareto.cumulative'), format: '.0%' },
          ],
        },
      },
      {
        layer: [
          {
            mark: { type: 'line', color: '#222', point: { color: '#222', size: 25 } },
            encoding: {
              x,
              y: {
                field: 'cumulative',
                type: 'quantitative',
                title: t('chart.pareto.cumulative'),
                scale: { domain: [0, 1] },
                axis: { format: '.0%', orient: 'right' },
              },
            },
          },
          {
            // The 80% reference line is named in the data table and summary; hidden from screen readers.
            mark: { type: 'rule', strokeDash: [4, 3], color: '#777', aria: false },
            encoding: { y: { datum: 0.8, type: 'quantitative' } },
          },
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
