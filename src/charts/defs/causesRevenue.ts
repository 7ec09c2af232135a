// Revenue lost by cause, as a Pareto chart: the causes that cost the most first.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import { formatNumber, formatPercent, type Locale, translate } from '../../i18n';
import { defineChart, type Localized } from '../chart';
import { causeGap } from '../gaps';
import { causeLabel } from '../labels';
import { groupOf, paretoSpec } from '../pareto';

const TITLE: Localized = {
  en: 'Revenue lost by cause',
  'zh-Hans': '各原因造成的流失营收',
  'zh-Hant': '各原因造成的流失營收',
};

export const causesRevenueSpec = (a: Analysis, locale: Locale): TopLevelSpec => paretoSpec(a, locale, 'revenue', TITLE[locale]);

/** Causes largest revenue first, ties by id (the order of the chart's bars). */
const byRevenue = (a: Analysis) => [...a.causes].sort((x, y) => y.revenue - x.revenue || x.id.localeCompare(y.id));

export const causesRevenue = defineChart({
  id: 'causesRevenue',
  section: 'causes',
  title: TITLE,
  state: (a) => causeGap(a) ?? (a.causes.some((c) => c.revenue > 0) ? null : 'no-revenue'),
  spec: causesRevenueSpec,
  summary: (a, locale, title) => {
    const top = [...a.causes].sort((x, y) => y.revenue - x.revenue).slice(0, 3);
    return `${title}: ${top.map((c) => `${causeLabel(a, c.id, locale)} ${formatNumber(locale, c.revenue)}`).join('; ')}`;
  },
  table: (a, locale) => {
    const t = (k: string) => translate(locale, k);
    const total = a.causes.reduce((s, c) => s + c.revenue, 0);
    return {
      header: [t('chart.causes.y'), t('table.controllable'), t('chart.causes.revenue'), t('table.revenueShare')],
      rows: byRevenue(a).map((c) => [
        causeLabel(a, c.id, locale),
        t(`group.${groupOf(c.controllable)}`),
        formatNumber(locale, c.revenue),
        formatPercent(locale, total ? c.revenue / total : 0),
      ]),
    };
  },
});
