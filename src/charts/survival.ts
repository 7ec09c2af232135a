import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { translate, type Locale } from '../i18n';
import { CONFIG, GROUP_COLORS } from './theme';

/** Kaplan–Meier step curve with its 95% Greenwood (log-log) band. */
export function survivalSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const xTitle = t(a.survival.unit === 'day' ? 'chart.survival.xDay' : 'chart.survival.xMonth');
  const x = { field: 't', type: 'quantitative' as const, title: xTitle };
  const yScale = { domain: [0, 1] };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('chart.survival.title'),
    width: 'container',
    height: 240,
    config: CONFIG,
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
