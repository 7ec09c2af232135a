import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { causeName } from '../core/causes/taxonomy';
import { translate, type Locale } from '../i18n';
import { CONFIG, GROUP_COLORS } from './theme';

export const groupOf = (controllable: boolean | null): keyof typeof GROUP_COLORS =>
  controllable === true ? 'controllable' : controllable === false ? 'uncontrollable' : 'unclassified';

/** Churned customers per cause, largest first, coloured by controllable / uncontrollable. */
export function causesSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const groups = (['controllable', 'uncontrollable', 'unclassified'] as const).map((g) => t(`group.${g}`));
  const values = a.causes.map((c) => ({
    cause: causeName(c.id, locale),
    customers: c.customers,
    share: c.share,
    revenue: c.revenue,
    group: t(`group.${groupOf(c.controllable)}`),
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('chart.causes.title'),
    width: 'container',
    height: { step: 24 },
    config: CONFIG,
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'cause', type: 'nominal', sort: '-x', title: null },
      x: { field: 'customers', type: 'quantitative', title: t('chart.causes.x') },
      color: {
        field: 'group',
        type: 'nominal',
        title: null,
        scale: { domain: groups, range: [GROUP_COLORS.controllable, GROUP_COLORS.uncontrollable, GROUP_COLORS.unclassified] },
      },
      tooltip: [
        { field: 'cause', title: t('chart.causes.y') },
        { field: 'customers', title: t('chart.causes.x'), format: ',d' },
        { field: 'share', title: t('chart.causes.share'), format: '.1%' },
        { field: 'revenue', title: t('chart.causes.revenue'), format: ',.0f' },
      ],
    },
  };
}
