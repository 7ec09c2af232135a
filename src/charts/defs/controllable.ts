// Controllable vs uncontrollable churn, against the benchmark of the seed documents.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import { formatPercent, type Locale, translate } from '../../i18n';
import { defineChart, type Localized } from '../chart';
import { causeGap } from '../gaps';
import { GROUP_DASHES } from '../pareto';
import { BENCHMARK_COLOR, chartHeader, GROUP_COLORS, rowsHeight } from '../theme';

const TITLE: Localized = {
  en: 'Controllable vs uncontrollable, against the ~90% / ~10% benchmark',
  'zh-Hans': '可控与不可控原因，对照约 90% / 10% 的经验值',
  'zh-Hant': '可控與不可控原因，對照約 90% / 10% 的參考基準',
};

/**
 * Controllable vs uncontrollable share of classified churn (unclassified left out), with the
 * benchmark from the seed documents (~90% / ~10%) drawn as a black tick on each bar.
 */
export function controllableSpec(a: Analysis, locale: Locale): TopLevelSpec {
  const t = (k: string) => translate(locale, k);
  const share = a.controllableShare ?? 0;
  const values = [
    { group: t('group.controllable'), actual: share, benchmark: a.benchmark.controllable },
    { group: t('group.uncontrollable'), actual: a.controllableShare === null ? 0 : 1 - share, benchmark: a.benchmark.uncontrollable },
  ];
  const names = values.map((v) => v.group);
  const y = { field: 'group', type: 'nominal' as const, title: null, sort: null };
  return {
    ...chartHeader(TITLE[locale], rowsHeight(values.length, 40)),
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', height: 24, stroke: '#222', strokeWidth: 2 },
        encoding: {
          x: { field: 'actual', type: 'quantitative', title: t('chart.controllable.share'), axis: { format: '.0%' }, scale: { domain: [0, 1] } },
          color: {
            field: 'group',
            type: 'nominal',
            title: null,
            // An explicit domain: sorted names would swap the colours in Chinese (不可控 < 可控).
            scale: { domain: names, range: [GROUP_COLORS.controllable, GROUP_COLORS.uncontrollable] },
            legend: null,
          },
          // The y axis names each bar in words; the outline matches the cause charts' legend.
          strokeDash: { field: 'group', type: 'nominal', scale: { domain: names, range: GROUP_DASHES.slice(0, 2) }, legend: null },
          tooltip: [
            { field: 'group', title: t('chart.controllable.series') },
            { field: 'actual', title: t('chart.controllable.actual'), format: '.1%' },
            { field: 'benchmark', title: t('chart.controllable.benchmark'), format: '.0%' },
          ],
        },
      },
      {
        mark: { type: 'tick', color: BENCHMARK_COLOR, thickness: 3, size: 34 },
        encoding: { x: { field: 'benchmark', type: 'quantitative' } },
      },
      // The share is written inside the end of a long bar (white), after a short one: never on top
      // of the benchmark tick, which sits near the end of the bars when the data meets it.
      {
        transform: [{ filter: 'datum.actual >= 0.2' }],
        mark: { type: 'text', align: 'right', dx: -6, fontWeight: 600, color: 'white' },
        encoding: {
          x: { field: 'actual', type: 'quantitative' },
          text: { field: 'actual', type: 'quantitative', format: '.0%' },
        },
      },
      {
        transform: [{ filter: 'datum.actual < 0.2' }],
        mark: { type: 'text', align: 'left', dx: 6, fontWeight: 600 },
        encoding: {
          x: { field: 'actual', type: 'quantitative' },
          text: { field: 'actual', type: 'quantitative', format: '.0%' },
        },
      },
      {
        mark: { type: 'text', align: 'center', dy: -22, fontSize: 10 },
        encoding: {
          x: { field: 'benchmark', type: 'quantitative' },
          text: { value: `${t('chart.controllable.benchmark')}` },
        },
      },
    ],
  };
}

export const controllable = defineChart({
  id: 'controllable',
  section: 'overview',
  title: TITLE,
  state: (a) => causeGap(a) ?? (a.controllableShare === null ? 'no-reasons' : null),
  spec: controllableSpec,
  summary: (a, locale, title) => {
    const t = (k: string) => translate(locale, k);
    const pct = (v: number, digits?: number) => formatPercent(locale, v, digits);
    return a.controllableShare === null
      ? title
      : `${title}: ${t('group.controllable')} ${pct(a.controllableShare)}, ${t('group.uncontrollable')} ${pct(1 - a.controllableShare)}; ${t('chart.controllable.benchmark')} ${pct(a.benchmark.controllable, 0)} / ${pct(a.benchmark.uncontrollable, 0)}`;
  },
  table: (a, locale) => {
    const t = (k: string) => translate(locale, k);
    const share = a.controllableShare;
    const pct = (v: number | null) => (v === null ? '–' : formatPercent(locale, v));
    return {
      header: [t('chart.controllable.series'), t('chart.controllable.actual'), t('chart.controllable.benchmark')],
      rows: [
        [t('group.controllable'), pct(share), formatPercent(locale, a.benchmark.controllable, 0)],
        [t('group.uncontrollable'), pct(share === null ? null : 1 - share), formatPercent(locale, a.benchmark.uncontrollable, 0)],
      ],
    };
  },
});
