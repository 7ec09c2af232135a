// One-sentence text alternatives for the charts (screen readers, and the report).
import type { Analysis } from '../core/types';
import { causeName } from '../core/causes/taxonomy';
import { formatNumber, formatPercent, translate, type Locale } from '../i18n';
import type { ChartId } from './index';

export function chartSummary(id: ChartId, a: Analysis, locale: Locale): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const title = t(`chart.${id === 'churnByMonth' ? 'month' : id}.title`);
  switch (id) {
    case 'causes': {
      const top = a.causes.slice(0, 3).map((c) => `${causeName(c.id, locale)} ${formatNumber(locale, c.customers)} (${formatPercent(locale, c.share)})`);
      return `${title}: ${top.join('; ')}`;
    }
    case 'controllable':
      return a.controllableShare === null
        ? title
        : `${title}: ${t('group.controllable')} ${formatPercent(locale, a.controllableShare)}, ${t('group.uncontrollable')} ${formatPercent(locale, 1 - a.controllableShare)}; ${t('chart.controllable.benchmark')} ${formatPercent(locale, a.benchmark.controllable, 0)} / ${formatPercent(locale, a.benchmark.uncontrollable, 0)}`;
    case 'churnByMonth': {
      const peak = a.churnByMonth.reduce((m, r) => (r.churned > m.churned ? r : m), { month: '', churned: 0, revenue: 0 });
      return `${title}: ${a.churnByMonth.length} ${t('chart.month.x')}; max ${peak.month} (${formatNumber(locale, peak.churned)})`;
    }
    case 'cohorts':
      return `${title}: ${a.cohorts.rows.length} ${t('chart.cohorts.y')}`;
    case 'survival':
      return `${title}. ${a.survival.median === null ? t('chart.survival.noMedian') : t('chart.survival.median', { value: a.survival.median })}`;
  }
}
