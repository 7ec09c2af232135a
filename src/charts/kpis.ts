import type { Analysis } from '../core/types';
import { formatNumber, formatPercent, translate, type Locale } from '../i18n';

/** The key figures as shown: the dashboard's cards and the report's boxes read the same list. */
export function kpiItems(a: Analysis, locale: Locale): { id: string; label: string; value: string }[] {
  const t = (k: string) => translate(locale, k);
  return [
    { id: 'customers', label: t('kpi.customers'), value: formatNumber(locale, a.customers.total) },
    { id: 'churned', label: t('kpi.churned'), value: formatNumber(locale, a.customers.churned) },
    { id: 'rate', label: t('kpi.churnRate'), value: formatPercent(locale, a.customers.churnRate) },
    { id: 'lost', label: t('kpi.revenueLost'), value: formatNumber(locale, a.revenue.lost) },
    { id: 'controllable', label: t('kpi.controllable'), value: a.controllableShare === null ? '–' : formatPercent(locale, a.controllableShare) },
  ];
}
