// Shared look of every chart: system fonts only (no remote fonts), a colour-blind-safe palette
// (Okabe–Ito), and the colour of each cause group.
import type { Config } from 'vega-lite';

export const FONT = 'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif, "churnlens-cjk"';

export const GROUP_COLORS = {
  controllable: '#0072B2',
  uncontrollable: '#E69F00',
  unclassified: '#999999',
} as const;

export const BENCHMARK_COLOR = '#000000';

/** Okabe–Ito, for series with no meaning of their own (survival by group). */
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/**
 * Colours of individual causes, when a chart shows each one (churn per month): the controllable
 * causes in cool blues and greens, the uncontrollable in warm oranges, unclassified grey. No
 * palette keeps a dozen hues apart for colour-blind readers, so the one distinction that matters
 * (controllable or not) is carried by hue family, the causes within it by lightness.
 */
export const CAUSE_RAMPS = {
  controllable: ['#08306B', '#2171B5', '#6BAED6', '#006D2C', '#41AB5D', '#A1D99B', '#08519C', '#4292C6', '#9ECAE1', '#238B45', '#74C476', '#C6DBEF'],
  uncontrollable: ['#A63603', '#E6550D', '#FD8D3C', '#FDAE6B', '#7F2704', '#F16913', '#FDD0A2'],
  unclassified: ['#969696', '#BDBDBD', '#737373'],
} as const;

/**
 * Every chart is as wide as its box ('container') and as tall as its content: fit the width only.
 * A height given as a step per row (`{ step: 22 }`) makes Vega-Lite log "Dropping fit-y because
 * spec has discrete height" whatever the autosize, so charts with a row per group give their
 * height as a number: `rowsHeight(rows, step)`.
 */
export const AUTOSIZE = { type: 'fit-x', contains: 'padding' } as const;

/** The height of a chart with one band per row, `step` pixels each (at least one row). */
export const rowsHeight = (rows: number, step: number): number => Math.max(1, rows) * step;

export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  autosize: AUTOSIZE,
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 14, fontWeight: 600, offset: 10 },
  // No label is ever cut short (labelLimit 0 = no limit): cause names and legend entries are
  // shown whole, wrapped into legend columns or angled, never "Small customers negle…".
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', labelLimit: 0 },
};

/**
 * A quantitative scale over no rows has an infinite extent, and Vega warns. The page draws a chart
 * only when it has data, but its spec stays valid without: empty, the axis spans 0–1. (With rows,
 * nothing is added.)
 */
export const emptyScale = (rows: readonly unknown[]): { scale?: { domain: number[] } } => (rows.length ? {} : { scale: { domain: [0, 1] } });

/** A chart's title: a line, or a line with a subtitle under it. */
export type ChartTitle = string | { text: string; subtitle: string };

/**
 * The start of every chart's spec: the schema, the title, as wide as its box, `height` pixels
 * tall, the shared config. A chart adds its data, marks and encodings after it.
 */
export const chartHeader = (title: ChartTitle, height: number) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json' as const,
  title,
  width: 'container' as const,
  height,
  config: CONFIG,
});
