import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { translate, type Locale } from '../i18n';
import { BENCHMARK_COLOR, CONFIG, GROUP_COLORS, rowsHeight } from './theme';
import { GROUP_DASHES } from './causes';

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
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: t('chart.controllable.title'),
    width: 'container',
    height: rowsHeight(values.length, 40),
    config: CONFIG,
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
