// PDF building blocks: a jsPDF document with the bundled font, charts drawn as vector (Vega SVG →
// svg2pdf, text kept as text), and a small page writer (headings, paragraphs, tables, page breaks).
// DOM is used here (off-screen SVG, font registration); no analysis: every number comes in.
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import { formatLocale, parse, timeFormatLocale, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import { vegaLocale } from '../charts/locale';
import type { Locale } from '../i18n';
import { fontBase64, PDF_FAMILY, registerFont } from './font';
import { type Paper, specTitle } from './meta';

export { type Paper, paperFor, specTitle } from './meta';

export const COLORS = {
  text: '#1d232b',
  muted: '#5b6572',
  line: '#d9dee5',
  accent: '#0b5cad',
  fill: '#eef1f5',
} as const;

/** CSS pixels to PDF points (96 px = 72 pt). */
export const PX = 0.75;

/** A new document whose one font is the bundled TTF (jsPDF embeds only the glyphs used). */
export function newPdf(format: Paper | [number, number], orientation: 'portrait' | 'landscape' = 'portrait'): jsPDF {
  const doc = new jsPDF({ unit: 'pt', format, orientation, compress: true, putOnlyUsedFonts: true });
  doc.addFileToVFS('churnlens-cjk.ttf', fontBase64());
  doc.addFont('churnlens-cjk.ttf', PDF_FAMILY, 'normal', 'normal', 'Identity-H');
  doc.setFont(PDF_FAMILY, 'normal');
  doc.setTextColor(COLORS.text);
  doc.setProperties({ creator: 'churnlens' });
  return doc;
}

export interface ChartSvg {
  svg: string;
  /** CSS pixels. */
  width: number;
  height: number;
}

/**
 * Render a chart spec off-screen to SVG at a given width, without its title (the PDF draws the
 * title as a heading) and in the PDF font, so Vega lays the labels out with the widths the PDF
 * will have.
 */
export async function chartSvg(spec: TopLevelSpec, width: number, locale: Locale): Promise<ChartSvg> {
  await registerFont(PDF_FAMILY);
  // Vega's number and date formats are global defaults, as vega-embed sets them for the page.
  const formats = vegaLocale(locale);
  formatLocale(formats.formatLocale);
  timeFormatLocale(formats.timeFormatLocale);
  const base = spec as unknown as Record<string, unknown>;
  const own = (base.config as Record<string, unknown> | undefined) ?? {};
  // A long horizontal legend (causes by month) would run off the page: wrap it into columns.
  const legend = { ...((own.legend as object | undefined) ?? {}), columns: Math.max(3, Math.floor(width / 150)) };
  const config = { ...own, font: PDF_FAMILY, legend };
  const fixed = { ...base, width, config, autosize: { type: 'fit-x', contains: 'padding' } } as Record<string, unknown>;
  delete fixed.title;
  const vg = compile(fixed as unknown as TopLevelSpec).spec;
  const view = new View(parse(vg, undefined, { ast: true }), { expr: expressionInterpreter, renderer: 'none' });
  try {
    await view.runAsync();
    const svg = await view.toSVG();
    const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return { svg, width: m ? Number(m[1]) : width, height: m ? Number(m[2]) : view.height() };
  } finally {
    view.finalize();
  }
}

/**
 * Vega SVG → an element svg2pdf can draw with our font: every font-family becomes the PDF family
 * (svg2pdf would otherwise map "sans-serif" to Helvetica, which has no Chinese), and every weight
 * "normal" (one face is embedded; svg2pdf falls back to Times for a weight it does not have).
 */
function pdfReadySvg(svg: string): SVGSVGElement {
  const xml = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = xml.documentElement;
  if (root.nodeName !== 'svg' || xml.getElementsByTagName('parsererror').length) throw new Error('chart SVG did not parse');
  root.setAttribute('font-family', PDF_FAMILY);
  for (const el of Array.from(root.querySelectorAll('[font-family], [font-weight], text'))) {
    if (el.hasAttribute('font-family')) el.setAttribute('font-family', PDF_FAMILY);
    if (el.hasAttribute('font-weight')) el.setAttribute('font-weight', 'normal');
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}

/** Draw a chart's SVG at (x, y), `width` points wide; returns the height drawn. */
export async function drawSvg(doc: jsPDF, chart: ChartSvg, x: number, y: number, width: number): Promise<number> {
  const el = pdfReadySvg(chart.svg);
  const height = (chart.height * width) / chart.width;
  // svg2pdf reads computed geometry from the element: give it a home, out of sight.
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;visibility:hidden';
  host.appendChild(el);
  document.body.appendChild(host);
  try {
    await svg2pdf(el, doc, { x, y, width, height });
  } finally {
    host.remove();
    // svg2pdf leaves the font it used last: back to ours for the writer's own text.
    doc.setFont(PDF_FAMILY, 'normal');
  }
  return height;
}

/** Text that reads as bold: one embedded face, so the glyphs are filled and thinly stroked. */
export function strongText(doc: jsPDF, text: string | string[], x: number, y: number, options: { align?: 'left' | 'right' | 'center' } = {}) {
  const color = doc.getTextColor();
  doc.setDrawColor(color);
  doc.setLineWidth(doc.getFontSize() * 0.035);
  // jsPDF writes "0 Tr" before the next plain text, so the mode does not leak.
  doc.text(text, x, y, { ...options, renderingMode: 'fillThenStroke', lineHeightFactor: 1.4 });
}

/** A column of a PDF table (not the core's Column of cell texts). */
export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'right';
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Writes top to bottom with a cursor, starting a new page when a block does not fit. Blocks that
 * must stay whole (a chart, a table row, a heading with its first line) are measured first.
 */
export class PdfWriter {
  y: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly contentWidth: number;

  constructor(
    readonly doc: jsPDF,
    readonly margin: Margins = { top: 56, right: 54, bottom: 60, left: 54 },
  ) {
    this.pageWidth = doc.internal.pageSize.getWidth();
    this.pageHeight = doc.internal.pageSize.getHeight();
    this.contentWidth = this.pageWidth - margin.left - margin.right;
    this.y = margin.top;
  }

  get bottom(): number {
    return this.pageHeight - this.margin.bottom;
  }

  get left(): number {
    return this.margin.left;
  }

  /** Room left on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  newPage() {
    this.doc.addPage();
    this.y = this.margin.top;
  }

  /** Start a new page unless `height` fits below the cursor (a block never taller than a page). */
  ensure(height: number) {
    if (this.y + height > this.bottom && this.y > this.margin.top) this.newPage();
  }

  gap(h: number) {
    this.y = Math.min(this.y + h, this.bottom);
  }

  /** Lines of `text` wrapped to `width` at `size`. */
  lines(text: string, size: number, width = this.contentWidth): string[] {
    this.doc.setFontSize(size);
    return this.doc.splitTextToSize(text, width) as string[];
  }

  static lineHeight(size: number) {
    return size * 1.4;
  }

  /** A section heading, kept with `keep` points of what follows. */
  heading(text: string, level: 1 | 2 | 3 = 1, keep = 60) {
    const size = level === 1 ? 17 : level === 2 ? 13 : 11;
    const lines = this.lines(text, size);
    const h = lines.length * PdfWriter.lineHeight(size);
    this.ensure(h + keep);
    if (this.y > this.margin.top) this.gap(level === 1 ? 10 : 6);
    this.doc.setFontSize(size);
    this.doc.setTextColor(level === 1 ? COLORS.accent : COLORS.text);
    strongText(this.doc, lines, this.left, this.y + size * 0.9);
    this.y += h;
    if (level === 1) {
      this.doc.setDrawColor(COLORS.accent);
      this.doc.setLineWidth(0.8);
      this.doc.line(this.left, this.y + 1, this.left + this.contentWidth, this.y + 1);
      this.y += 8;
    } else {
      this.y += 3;
    }
    this.doc.setTextColor(COLORS.text);
  }

  /** A paragraph, wrapped; breaks across pages between lines. */
  paragraph(text: string, opts: { size?: number; color?: string; indent?: number; after?: number; bullet?: string } = {}) {
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    const lh = PdfWriter.lineHeight(size);
    const lines = this.lines(text, size, this.contentWidth - indent);
    this.doc.setTextColor(opts.color ?? COLORS.text);
    lines.forEach((line, i) => {
      this.ensure(lh);
      this.doc.setFontSize(size);
      if (i === 0 && opts.bullet) this.doc.text(opts.bullet, this.left + indent - size * 0.9, this.y + size * 0.9);
      this.doc.text(line, this.left + indent, this.y + size * 0.9);
      this.y += lh;
    });
    this.doc.setTextColor(COLORS.text);
    this.y += opts.after ?? 4;
  }

  /**
   * A table: wrapped cells, a shaded header repeated on every page it spans, hairlines between rows.
   * A row is never split.
   */
  table(columns: TableColumn[], rows: string[][], opts: { size?: number } = {}) {
    const size = opts.size ?? 9;
    const lh = PdfWriter.lineHeight(size);
    const pad = 4;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const wrap = (cells: string[]) => cells.map((c, i) => this.lines(c, size, widths[i] - 2 * pad));
    const header = wrap(columns.map((c) => c.header));
    const headerH = Math.max(...header.map((l) => l.length)) * lh + 2 * pad;
    const drawRow = (cells: string[][], h: number, isHeader: boolean) => {
      const doc = this.doc;
      if (isHeader) {
        doc.setFillColor(COLORS.fill);
        doc.rect(this.left, this.y, this.contentWidth, h, 'F');
      }
      doc.setFontSize(size);
      // Column names are labels: muted, as the key-figure labels and 'Prepared for' are; the values in the text colour.
      doc.setTextColor(isHeader ? COLORS.muted : COLORS.text);
      cells.forEach((lines, i) => {
        const right = columns[i].align === 'right';
        const x = right ? xs[i] + widths[i] - pad : xs[i] + pad;
        const y = this.y + pad + size * 0.9;
        if (isHeader) strongText(doc, lines, x, y, { align: right ? 'right' : 'left' });
        else doc.text(lines, x, y, { align: right ? 'right' : 'left', lineHeightFactor: 1.4 });
      });
      this.y += h;
      doc.setDrawColor(COLORS.line);
      doc.setLineWidth(0.5);
      doc.line(this.left, this.y, this.left + this.contentWidth, this.y);
    };
    const body = rows.map(wrap);
    const firstH = body.length ? Math.max(...body[0].map((l) => l.length)) * lh + 2 * pad : 0;
    this.ensure(headerH + firstH);
    drawRow(header, headerH, true);
    for (const cells of body) {
      const h = Math.max(...cells.map((l) => l.length)) * lh + 2 * pad;
      if (this.y + h > this.bottom) {
        this.newPage();
        drawRow(header, headerH, true);
      }
      drawRow(cells, h, false);
    }
    this.y += 10;
  }

  /**
   * A chart with its heading and a note under it, never split: a new page when it does not fit,
   * and scaled down when it is taller than a whole page.
   */
  async chart(chart: ChartSvg, title: string, note?: string) {
    const titleSize = 12;
    const titleLines = this.lines(title, titleSize);
    const titleH = titleLines.length * PdfWriter.lineHeight(titleSize) + 4;
    const noteLines = note ? this.lines(note, 8.5) : [];
    const noteH = noteLines.length ? noteLines.length * PdfWriter.lineHeight(8.5) + 4 : 0;
    const full = this.bottom - this.margin.top;
    let width = this.contentWidth;
    let height = (chart.height * width) / chart.width;
    if (titleH + height + noteH > full) {
      height = full - titleH - noteH;
      width = (chart.width * height) / chart.height;
    }
    this.ensure(titleH + height + noteH + 6);
    if (this.y > this.margin.top) this.gap(8);
    this.doc.setFontSize(titleSize);
    this.doc.setTextColor(COLORS.text);
    strongText(this.doc, titleLines, this.left, this.y + titleSize * 0.9);
    this.y += titleH;
    await drawSvg(this.doc, chart, this.left, this.y, width);
    this.y += height + 4;
    if (noteLines.length) {
      this.doc.setFontSize(8.5);
      this.doc.setTextColor(COLORS.muted);
      this.doc.text(noteLines, this.left, this.y + 8.5 * 0.9, { lineHeightFactor: 1.4 });
      this.doc.setTextColor(COLORS.text);
      this.y += noteH;
    }
    this.y += 6;
  }

  /** Page furniture on every page, drawn once all pages exist ("n / N" needs N). */
  decorate(draw: (page: number, pages: number) => void) {
    const pages = this.doc.getNumberOfPages();
    for (let p = 1; p <= pages; p++) {
      this.doc.setPage(p);
      draw(p, pages);
    }
  }
}

export const pdfBlob = (doc: jsPDF): Blob => doc.output('blob');

/**
 * One chart as a PDF page of its own size (for slides and documents): the title, the chart in
 * vector form with its text as text, and the source line.
 */
export async function chartPdf(spec: TopLevelSpec, widthPx: number, source: string, locale: Locale): Promise<Blob> {
  const chart = await chartSvg(spec, widthPx, locale);
  const margin = 30;
  const w = chart.width * PX;
  const h = chart.height * PX;
  const title = specTitle(spec);
  const probe = newPdf('a4');
  probe.setFontSize(13);
  const titleLines = probe.splitTextToSize(title, w) as string[];
  probe.setFontSize(8);
  const sourceLines = probe.splitTextToSize(source, w) as string[];
  const titleH = titleLines.length * PdfWriter.lineHeight(13) + 8;
  const sourceH = sourceLines.length * PdfWriter.lineHeight(8) + 6;
  const pageW = w + 2 * margin;
  const pageH = margin + titleH + h + sourceH + margin;
  const doc = newPdf([pageW, pageH], pageW > pageH ? 'landscape' : 'portrait');
  doc.setDocumentProperties({ title });
  doc.setFontSize(13);
  strongText(doc, titleLines, margin, margin + 13 * 0.9);
  await drawSvg(doc, chart, margin, margin + titleH, w);
  doc.setFontSize(8);
  doc.setTextColor(COLORS.muted);
  doc.text(sourceLines, margin, margin + titleH + h + 6 + 8 * 0.9, { lineHeightFactor: 1.4 });
  return pdfBlob(doc);
}
