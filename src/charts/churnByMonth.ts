import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { translate, type Locale } from '../i18n';
import { CONFIG, GROUP_COLORS } from './theme';

export function churnByMonthSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('chart.month.title'),
    width: 'container',
    height: 220,
    config: CONFIG,
    data: { values: a.churnByMonth },
    mark: { type: 'bar', color: GROUP_COLORS.controllable },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: t('chart.month.x'), axis: { labelAngle: -45, labelOverlap: true } },
      y: { field: 'churned', type: 'quantitative', title: t('chart.month.y') },
      tooltip: [
        { field: 'month', title: t('chart.month.x') },
        { field: 'churned', title: t('chart.month.y'), format: ',d' },
        { field: 'revenue', title: t('chart.causes.revenue'), format: ',.0f' },
      ],
    },
  };
}
