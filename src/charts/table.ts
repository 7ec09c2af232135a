// Each chart's data as a table: the text alternative a screen reader (or anyone who prefers
// numbers) can read in place of the picture. Pure: (chart, analysis, locale) → caption, header,
// rows of text formatted for the locale. The first cell of a row names it (a row header).
import type { Analysis } from '../core/types';
import { formatNumber, formatPercent, translate, type Locale } from '../i18n';
import type { ChartId } from './index';
import { causeLabel, survivalAxisKey } from './labels';
import { chartTitle } from './summary';
import { tierLabel } from './tiers';
import { groupOf } from './causes';

export interface ChartTable {
  caption: string;
  header: string[];
  rows: string[][];
}

export function chartTable(id: ChartId, a: Analysis, locale: Locale): ChartTable {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const n = (v: number) => formatNumber(locale, v);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatPercent(locale, v));
  const caption = chartTitle(id, a, locale);
  const group = (c: boolean | null) => t(`group.${groupOf(c)}`);
  switch (id) {
    case 'causes':
      return {
        caption,
        header: [t('chart.causes.y'), t('table.controllable'), t('chart.causes.x'), t('chart.causes.share')],
        rows: a.causes.map((c) => [causeLabel(a, c.id, locale), group(c.controllable), n(c.customers), pct(c.share)]),
      };
    case 'causesRevenue': {
      const total = a.causes.reduce((s, c) => s + c.revenue, 0);
      return {
        caption,
        header: [t('chart.causes.y'), t('table.controllable'), t('chart.causes.revenue'), t('table.revenueShare')],
        rows: [...a.causes]
          .sort((x, y) => y.revenue - x.revenue || x.id.localeCompare(y.id))
          .map((c) => [causeLabel(a, c.id, locale), group(c.controllable), n(c.revenue), pct(total ? c.revenue / total : 0)]),
      };
    }
    case 'controllable': {
      const share = a.controllableShare;
      return {
        caption,
        header: [t('chart.controllable.series'), t('chart.controllable.actual'), t('chart.controllable.benchmark')],
        rows: [
          [t('group.controllable'), pct(share), formatPercent(locale, a.benchmark.controllable, 0)],
          [t('group.uncontrollable'), pct(share === null ? null : 1 - share), formatPercent(locale, a.benchmark.uncontrollable, 0)],
        ],
      };
    }
    case 'causeBySegment':
    case 'causeByRegion':
    case 'causeByRep': {
      const dim = id === 'causeBySegment' ? 'segment' : id === 'causeByRegion' ? 'region' : 'rep';
      const rows = a.causeBy?.find((c) => c.dimension === dim)?.rows ?? [];
      const totals = new Map<string, number>();
      for (const r of rows) totals.set(r.group, (totals.get(r.group) ?? 0) + r.customers);
      return {
        caption,
        header: [t(`role.${dim}`), t('chart.causes.y'), t('chart.causes.x'), t('chart.causeBy.share')],
        rows: rows.map((r) => [
          r.group || t('chart.causeBy.none'),
          causeLabel(a, r.cause, locale),
          n(r.customers),
          pct(r.customers / (totals.get(r.group) || 1)),
        ]),
      };
    }
    case 'churnByMonth':
    case 'lostByMonth': {
      const revenue = id === 'lostByMonth';
      return {
        caption,
        header: [t('chart.month.x'), t('chart.month.cause'), revenue ? t('chart.causes.revenue') : t('chart.month.y')],
        rows: a.churnByMonth.flatMap((m) =>
          m.byCause.map((c) => [m.month, causeLabel(a, c.cause, locale), n(revenue ? c.revenue : c.churned)]),
        ),
      };
    }
    case 'cohorts':
    case 'cohortCurves':
    case 'cohortRevenue': {
      const quarter = a.cohorts.period === 'quarter';
      const width = Math.max(0, ...a.cohorts.rows.map((r) => r.retention.length));
      const valuesOf = (r: Analysis['cohorts']['rows'][number]) => (id === 'cohortRevenue' ? (r.revenueRetention ?? []) : r.retention);
      return {
        caption,
        header: [
          t('chart.cohorts.y'),
          t('chart.cohorts.size'),
          ...Array.from({ length: width }, (_, k) => t(quarter ? 'table.quarterK' : 'table.monthK', { k })),
        ],
        rows: a.cohorts.rows.map((r) => {
          const v = valuesOf(r);
          return [
            r.cohort,
            n(r.size),
            ...Array.from({ length: width }, (_, k) =>
              k >= v.length ? '' : `${pct(v[k])}${r.incompleteFrom !== null && k >= r.incompleteFrom ? ` (${t('table.incomplete')})` : ''}`,
            ),
          ];
        }),
      };
    }
    case 'survival': {
      const s = a.survival;
      const tTitle = t(survivalAxisKey(s.unit));
      if (s.by && s.by.groups.length > 1) {
        return {
          caption,
          header: [s.by.label, tTitle, t('chart.survival.y'), t('chart.survival.atRisk')],
          rows: s.by.groups.flatMap((g) =>
            g.curve.map((p) => [g.group || t('chart.notStated'), n(p.t), pct(p.survival), n(p.atRisk)]),
          ),
        };
      }
      return {
        caption,
        header: [tTitle, t('chart.survival.y'), t('table.lower'), t('table.upper'), t('chart.survival.atRisk')],
        rows: s.curve.map((p) => [n(p.t), pct(p.survival), pct(p.lower), pct(p.upper), n(p.atRisk)]),
      };
    }
    case 'tiers':
      return {
        caption,
        header: [t('chart.tiers.tier'), t('tiers.customers'), t('tiers.churned'), t('tiers.rate'), t('tiers.lost')],
        rows: a.tiers.map((r) => [tierLabel(r, locale), n(r.customers), n(r.churned), pct(r.churnRate), n(r.lostRevenue)]),
      };
  }
}
