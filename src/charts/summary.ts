// One-sentence text alternatives for the charts (screen readers, and the report).
import type { Analysis } from '../core/types';
import { causeLabel } from './labels';
import { formatNumber, formatPercent, translate, type Locale } from '../i18n';
import type { ChartId } from './index';
import { formatP } from './survival';
import { tierLabel } from './tiers';

/** The chart's title in the reader's language (also the caption of its data table). */
export function chartTitle(id: ChartId, a: Analysis, locale: Locale): string {
  const TITLES: Record<ChartId, string> = {
    causes: 'chart.causes.title',
    causesRevenue: 'chart.pareto.revenueTitle',
    controllable: 'chart.controllable.title',
    causeBySegment: 'chart.causeBy.segment',
    causeByRegion: 'chart.causeBy.region',
    causeByRep: 'chart.causeBy.rep',
    churnByMonth: 'chart.month.title',
    lostByMonth: 'chart.month.revenueTitle',
    cohorts: a.cohorts.period === 'quarter' ? 'chart.cohorts.titleQuarter' : 'chart.cohorts.title',
    cohortRevenue: 'chart.cohorts.revenueTitle',
    cohortCurves: 'chart.cohorts.curvesTitle',
    survival: 'chart.survival.title',
    tiers: 'chart.tiers.title',
  };
  return translate(locale, TITLES[id]);
}

export function chartSummary(id: ChartId, a: Analysis, locale: Locale): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const title = chartTitle(id, a, locale);
  switch (id) {
    case 'causes': {
      const top = a.causes.slice(0, 3).map((c) => `${causeLabel(a, c.id, locale)} ${formatNumber(locale, c.customers)} (${formatPercent(locale, c.share)})`);
      return `${title}: ${top.join('; ')}`;
    }
    case 'causesRevenue': {
      const top = [...a.causes].sort((x, y) => y.revenue - x.revenue).slice(0, 3);
      return `${title}: ${top.map((c) => `${causeLabel(a, c.id, locale)} ${formatNumber(locale, c.revenue)}`).join('; ')}`;
    }
    case 'causeBySegment':
    case 'causeByRegion':
    case 'causeByRep': {
      const dim = id === 'causeBySegment' ? 'segment' : id === 'causeByRegion' ? 'region' : 'rep';
      const rows = a.causeBy?.find((c) => c.dimension === dim)?.rows ?? [];
      return `${title}: ${t('chart.summary.groups', { count: new Set(rows.map((r) => r.group)).size })}`;
    }
    case 'controllable':
      return a.controllableShare === null
        ? title
        : `${title}: ${t('group.controllable')} ${formatPercent(locale, a.controllableShare)}, ${t('group.uncontrollable')} ${formatPercent(locale, 1 - a.controllableShare)}; ${t('chart.controllable.benchmark')} ${formatPercent(locale, a.benchmark.controllable, 0)} / ${formatPercent(locale, a.benchmark.uncontrollable, 0)}`;
    case 'churnByMonth': {
      const peak = a.churnByMonth.reduce((m, r) => (r.churned > m.churned ? r : m), { month: '', churned: 0, revenue: 0 });
      return `${title}: ${t('chart.summary.months', { count: a.churnByMonth.length })}; ${t('chart.summary.peak', { month: peak.month, value: formatNumber(locale, peak.churned) })}`;
    }
    case 'lostByMonth': {
      const peak = a.churnByMonth.reduce((m, r) => (r.revenue > m.revenue ? r : m), { month: '', revenue: 0 });
      return `${title}: ${t('chart.summary.months', { count: a.churnByMonth.length })}; ${t('chart.summary.peak', { month: peak.month, value: formatNumber(locale, peak.revenue) })}`;
    }
    case 'cohorts':
    case 'cohortRevenue':
    case 'cohortCurves':
      return `${title}: ${t('chart.summary.cohorts', { count: a.cohorts.rows.length })}${a.cohorts.incompletePeriod ? `. ${t('chart.cohorts.incomplete', { period: a.cohorts.incompletePeriod })}` : ''}`;
    case 'survival': {
      const s = a.survival;
      const median =
        s.median === null
          ? t('chart.survival.noMedian')
          : t('chart.survival.medianCi', { value: s.median, lower: s.medianLower ?? '–', upper: s.medianUpper ?? '–' });
      const lr = s.by && s.by.groups.length > 1 ? ` ${s.by.label}: p = ${formatP(s.by.logRank.pValue)}` : '';
      return `${title}. ${median}.${lr}`;
    }
    case 'tiers':
      return `${title}: ${a.tiers.map((r) => `${tierLabel(r, locale)} ${formatPercent(locale, r.churnRate)}`).join('; ')}`;
  }
}
