// Why customers left: causes by churned customers, as a Pareto chart (the dashboard's first chart).
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import { formatNumber, formatPercent, type Locale, translate } from '../../i18n';
import { defineChart, localizedMessage } from '../chart';
import { causeGap } from '../gaps';
import { causeLabel } from '../labels';
import { groupOf, paretoSpec } from '../pareto';

// Kept in the messages: the export's end-to-end test finds the report's chart by it.
const TITLE = localizedMessage('chart.causes.title');

export const causesSpec = (a: Analysis, locale: Locale): TopLevelSpec => paretoSpec(a, locale, 'customers', TITLE[locale]);

export const causes = defineChart({
  id: 'causes',
  section: 'overview',
  title: TITLE,
  state: causeGap,
  spec: causesSpec,
  summary: (a, locale, title) => {
    const top = a.causes
      .slice(0, 3)
      .map((c) => `${causeLabel(a, c.id, locale)} ${formatNumber(locale, c.customers)} (${formatPercent(locale, c.share)})`);
    return `${title}: ${top.join('; ')}`;
  },
  table: (a, locale) => {
    const t = (k: string) => translate(locale, k);
    return {
      header: [t('chart.causes.y'), t('table.controllable'), t('chart.causes.x'), t('chart.causes.share')],
      rows: a.causes.map((c) => [
        causeLabel(a, c.id, locale),
        t(`group.${groupOf(c.controllable)}`),
        formatNumber(locale, c.customers),
        formatPercent(locale, c.share),
      ]),
    };
  },
});
