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

export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 14, fontWeight: 600, offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom' },
};
