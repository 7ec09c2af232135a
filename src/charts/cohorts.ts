import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { translate, type Locale } from '../i18n';
import { CONFIG } from './theme';

/** Heatmap of cohort (month of first order) × months since start, coloured by retention. */
export function cohortsSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const values = a.cohorts.rows.flatMap((r) =>
    r.retention.map((v, k) => ({ cohort: r.cohort, k, retention: v, size: r.size })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('chart.cohorts.title'),
    width: 'container',
    height: { step: 14 },
    config: CONFIG,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 'k', type: 'ordinal', title: t('chart.cohorts.x') },
      y: { field: 'cohort', type: 'ordinal', title: t('chart.cohorts.y') },
      color: {
        field: 'retention',
        type: 'quantitative',
        title: t('chart.cohorts.value'),
        scale: { scheme: 'viridis', domain: [0, 1] },
        legend: { format: '.0%' },
      },
      tooltip: [
        { field: 'cohort', title: t('chart.cohorts.y') },
        { field: 'size', title: t('chart.cohorts.size'), format: ',d' },
        { field: 'k', title: t('chart.cohorts.x') },
        { field: 'retention', title: t('chart.cohorts.value'), format: '.1%' },
      ],
    },
  };
}
