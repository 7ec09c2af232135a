import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { translate, type Locale } from '../i18n';
import { CATEGORY_COLORS, CONFIG, GROUP_COLORS } from './theme';
import { survivalAxisKey } from './labels';

/** p-value as text: 3 significant digits, "< 0.0001" below that. */
export const formatP = (p: number): string => (p < 1e-4 ? '< 0.0001' : p.toPrecision(3));

/**
 * Kaplan–Meier step curve with its 95% Greenwood (log-log) band; with a grouping, one curve per
 * group (no bands, to stay readable) and the log-rank test in the subtitle.
 */
export function survivalSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const xTitle = t(survivalAxisKey(a.survival.unit));
  const x = { field: 't', type: 'quantitative' as const, title: xTitle };
  const yScale = { domain: [0, 1] };
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json' as const,
    width: 'container' as const,
    height: 240,
    config: CONFIG,
  };
  const by = a.survival.by;
  if (by && by.groups.length > 1) {
    const values = by.groups.flatMap((g) =>
      g.curve.map((p) => ({ group: g.group || t('chart.notStated'), t: p.t, survival: p.survival, atRisk: p.atRisk })),
    );
    const lr = by.logRank;
    return {
      ...base,
      title: {
        text: `${t('chart.survival.title')} · ${by.label}`,
        subtitle: t('chart.survival.logRank', { chi: lr.chiSquare.toFixed(2), df: lr.df, p: formatP(lr.pValue) }),
      },
      data: { values },
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x,
        y: { field: 'survival', type: 'quantitative', scale: yScale, title: t('chart.survival.y'), axis: { format: '.0%' } },
        color: { field: 'group', type: 'nominal', title: by.label, scale: { range: CATEGORY_COLORS }, legend: { columns: 4 } },
        tooltip: [
          { field: 'group', title: by.label },
          { field: 't', title: xTitle },
          { field: 'survival', title: t('chart.survival.y'), format: '.1%' },
          { field: 'atRisk', title: t('chart.survival.atRisk'), format: ',d' },
        ],
      },
    };
  }
  return {
    ...base,
    title: t('chart.survival.title'),
    data: { values: a.survival.curve },
    layer: [
      {
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.2, color: GROUP_COLORS.controllable },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative', scale: yScale, title: t('chart.survival.y'), axis: { format: '.0%' } },
          y2: { field: 'upper' },
        },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', color: GROUP_COLORS.controllable, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative', scale: yScale },
          tooltip: [
            { field: 't', title: xTitle },
            { field: 'survival', title: t('chart.survival.y'), format: '.1%' },
            { field: 'atRisk', title: t('chart.survival.atRisk'), format: ',d' },
          ],
        },
      },
    ],
  };
}
