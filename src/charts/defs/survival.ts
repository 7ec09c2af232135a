// Customer survival: the Kaplan–Meier curve with its 95% band, or one curve per group.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import { formatNumber, formatPercent, type Locale, translate } from '../../i18n';
import { defineChart, type Localized } from '../chart';
import { survivalAxisKey } from '../labels';
import { CATEGORY_COLORS, chartHeader, emptyScale, GROUP_COLORS } from '../theme';

const TITLE: Localized = {
  en: 'Customer survival (Kaplan–Meier, 95% band)',
  'zh-Hans': '客户生存曲线（Kaplan–Meier，95% 置信带）',
  'zh-Hant': '客戶存活曲線（Kaplan–Meier，95% 信賴帶）',
};

/** p-value as text: 3 significant digits, "< 0.0001" below that. */
export const formatP = (p: number): string => (p < 1e-4 ? '< 0.0001' : p.toPrecision(3));

/**
 * Kaplan–Meier step curve with its 95% Greenwood (log-log) band; with a grouping, one curve per
 * group (no bands, to stay readable) and the log-rank test in the subtitle.
 */
export function survivalSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const xTitle = t(survivalAxisKey(a.survival.unit));
  const xOf = (rows: readonly unknown[]) => ({ field: 't', type: 'quantitative' as const, title: xTitle, ...emptyScale(rows) });
  const yScale = { domain: [0, 1] };
  const height = 240;
  const by = a.survival.by;
  if (by && by.groups.length > 1) {
    const values = by.groups.flatMap((g) =>
      g.curve.map((p) => ({ group: g.group || t('chart.notStated'), t: p.t, survival: p.survival, atRisk: p.atRisk })),
    );
    const lr = by.logRank;
    const title = {
      text: `${TITLE[locale]} · ${by.label}`,
      subtitle: t('chart.survival.logRank', { chi: lr.chiSquare.toFixed(2), df: lr.df, p: formatP(lr.pValue) }),
    };
    return {
      ...chartHeader(title, height),
      data: { values },
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
      encoding: {
        x: xOf(values),
        y: { field: 'survival', type: 'quantitative', scale: yScale, title: t('chart.survival.y'), axis: { format: '.0%' } },
        color: { field: 'group', type: 'nominal', title: by.label, scale: { range: CATEGORY_COLORS }, legend: { columns: 4 } },
        tooltip: [
          { field: 'group', title: by.label },
          { field: 't', title: xTitle },
          { field: 'survival', title: t('chart.survival.y'), format: '.1%' },
          { field: 'atRisk', title: t('chart.survival.atRisk'), format: ',d' },
        ],
      },
    };
  }
  const x = xOf(a.survival.curve);
  return {
    ...chartHeader(TITLE[locale], height),
    data: { values: a.survival.curve },
    layer: [
      {
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.2, color: GROUP_COLORS.controllable },
        encoding: {
          x,
          y: { field: 'lower', type: 'quantitative', scale: yScale, title: t('chart.survival.y'), axis: { format: '.0%' } },
          y2: { field: 'upper' },
        },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', color: GROUP_COLORS.controllable, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'survival', type: 'quantitative', scale: yScale },
          tooltip: [
            { field: 't', title: xTitle },
            { field: 'survival', title: t('chart.survival.y'), format: '.1%' },
            { field: 'atRisk', title: t('chart.survival.atRisk'), format: ',d' },
          ],
        },
      },
    ],
  };
}

export const survival = defineChart({
  id: 'survival',
  section: 'time',
  title: TITLE,
  state: (a) => (a.survival.curve.length > 1 ? null : 'no-survival'),
  spec: survivalSpec,
  summary: (a, locale, title) => {
    const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
    const s = a.survival;
    const median =
      s.median === null
        ? t('chart.survival.noMedian')
        : t('chart.survival.medianCi', { value: s.median, lower: s.medianLower ?? '–', upper: s.medianUpper ?? '–' });
    const logRank = s.by && s.by.groups.length > 1 ? ` ${s.by.label}: p = ${formatP(s.by.logRank.pValue)}` : '';
    return `${title}. ${median}.${logRank}`;
  },
  table: (a, locale) => {
    const t = (k: string) => translate(locale, k);
    const n = (v: number) => formatNumber(locale, v);
    const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatPercent(locale, v));
    const s = a.survival;
    const timeTitle = t(survivalAxisKey(s.unit));
    if (s.by && s.by.groups.length > 1) {
      return {
        header: [s.by.label, timeTitle, t('chart.survival.y'), t('chart.survival.atRisk')],
        rows: s.by.groups.flatMap((g) => g.curve.map((p) => [g.group || t('chart.notStated'), n(p.t), pct(p.survival), n(p.atRisk)])),
      };
    }
    return {
      header: [timeTitle, t('chart.survival.y'), t('table.lower'), t('table.upper'), t('chart.survival.atRisk')],
      rows: s.curve.map((p) => [n(p.t), pct(p.survival), pct(p.lower), pct(p.upper), n(p.atRisk)]),
    };
  },
});
