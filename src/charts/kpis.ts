import type { Analysis } from '../core/types';
import { formatNumber, formatPercent, type Locale, translate } from '../i18n';
import { hasRevenue, hasStatedCauses } from './gaps';

/**
 * The key figures as shown: the dashboard's cards and the report's boxes read the same list. A
 * figure the data cannot give is left out, not shown as 0 or "–": revenue lost without revenue,
 * the controllable share without a stated cause.
 */
export function kpiItems(a: Analysis, locale: Locale): { id: string; label: string; value: string }[] {
  const t = (k: string) => translate(locale, k);
  return [
    { id: 'customers', label: t('kpi.customers'), value: formatNumber(locale, a.customers.total) },
    { id: 'churned', label: t('kpi.churned'), value: formatNumber(locale, a.customers.churned) },
    { id: 'rate', label: t('kpi.churnRate'), value: formatPercent(locale, a.customers.churnRate) },
    ...(hasRevenue(a) ? [{ id: 'lost', label: t('kpi.revenueLost'), value: formatNumber(locale, a.revenue.lost) }] : []),
    ...(a.controllableShare !== null && hasStatedCauses(a)
      ? [{ id: 'controllable', label: t('kpi.controllable'), value: formatPercent(locale, a.controllableShare) }]
      : []),
  ];
}
