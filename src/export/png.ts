// A chart as a PNG for slides: the rendered chart (with its title) at 2×, on white, with a margin
// and the source line under it.
import type { View } from 'vega';
import { cjkFontReady } from './font';

/** In CSS pixels; the PNG is `scale` times larger. Exported for the e2e test's size check. */
export const PNG_LAYOUT = { scale: 2, pad: 16, source: 22, sourceFont: 11 } as const;

export async function chartPng(view: View, source: string, font: string): Promise<Blob> {
  // Canvas text uses whatever fonts are loaded now: make sure the bundled CJK font is.
  await cjkFontReady();
  const { scale, pad, source: sourceH, sourceFont } = PNG_LAYOUT;
  const chart = await view.toCanvas(scale);
  const canvas = document.createElement('canvas');
  canvas.width = chart.width + 2 * pad * scale;
  canvas.height = chart.height + (2 * pad + sourceH) * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(chart, pad * scale, pad * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#5b6572';
  ctx.font = `${sourceFont}px ${font}`;
  ctx.textBaseline = 'alphabetic';
  const y = pad + chart.height / scale + sourceH - 6;
  ctx.fillText(source, pad, y, chart.width / scale);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
}
