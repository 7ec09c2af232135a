// Rows → header + data. Client exports put titles, "Exported on …" lines and blank lines above
// the header, and totals, repeated headers and notes among or below the data; find the real
// header and keep only the data rows.
import { IngestError, type Issue } from '../types';
import { CellColumn } from './columns';
import { knownHeaderCount } from './roles';
import type { Cut } from './split';
import { isSpace } from './values';

export interface Skipped {
  title: number;
  blank: number;
  totals: number;
  repeatedHeader: number;
}

export interface Shaped {
  header: string[];
  /** Data rows, each padded to header.length. */
  data: string[][];
  /** 1-based source line of each data row. */
  lineOf: number[];
  skipped: Skipped;
  issues: Issue[];
}

/** The header is looked for among this many rows... */
const HEADER_SCAN = 30;
/** ...by comparing it with the widths of up to this many rows below it. */
const WIDTH_SAMPLE = 200;

function isBlankCell(s: string): boolean {
  if (s.length === 0) return true;
  if (!isSpace(s.charCodeAt(0)) || !isSpace(s.charCodeAt(s.length - 1))) return false;
  return s.trim().length === 0; // trim() also strips U+3000 and U+FEFF
}

function nonEmpty(row: string[]): number {
  let n = 0;
  for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) n++;
  return n;
}

function isBlankRow(row: string[]): boolean {
  for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) return false;
  return true;
}

// Numbers, dates, money, percentages: cells a header row does not consist of.
const NUMERIC_LIKE = /^[\s\d.,:;\-/+%$¥￥€£()'年月日号]+$/;
const YEAR = /^(?:19|20)\d\d\s*年?$/;

/** Mostly distinct, non-numeric, short text: what a row of column names looks like. */
function looksLikeHeader(row: string[], filled: number): boolean {
  let numeric = 0;
  let long = 0;
  const seen = new Set<string>();
  for (let c = 0; c < row.length; c++) {
    const s = row[c].trim();
    if (s.length === 0) continue;
    if (NUMERIC_LIKE.test(s) && !YEAR.test(s)) numeric++; // years name columns in yearly sheets
    if (s.length > 80) long++;
    seen.add(s);
  }
  return numeric * 2 < filled && long * 2 < filled && seen.size >= filled * 0.6;
}

/** Most frequent non-empty count among the non-blank rows below `i` (ties: the wider). */
function modalWidthBelow(counts: number[], i: number): number {
  const freq = new Map<number, number>();
  let taken = 0;
  for (let j = i + 1; j < counts.length && taken < WIDTH_SAMPLE; j++) {
    if (counts[j] === 0) continue;
    freq.set(counts[j], (freq.get(counts[j]) ?? 0) + 1);
    taken++;
  }
  let mode = 0;
  let best = 0;
  for (const [w, f] of freq) {
    if (f > best || (f === best && w > mode)) {
      mode = w;
      best = f;
    }
  }
  return mode;
}

/**
 * Index of the header row: the first row (of the first 30) whose filled-cell count is close to the
 * modal count of the rows below and which looks like column names; -1 if there is none. When the
 * next row also qualifies and holds more known column names, the first was a title ("Report,2024").
 */
export function findHeader(rows: string[][]): number {
  const limit = Math.min(rows.length, HEADER_SCAN + WIDTH_SAMPLE + 1);
  const counts = new Array<number>(limit);
  for (let i = 0; i < limit; i++) counts[i] = nonEmpty(rows[i]);
  const qualifies = (i: number): boolean => {
    const filled = counts[i];
    if (filled === 0) return false;
    const w = modalWidthBelow(counts, i);
    if (w === 0) return false; // nothing below: a lone row is no header
    // Title and "Exported on" lines fill one or two cells; a header fills most of the width.
    const need = w <= 1 ? 1 : Math.max(2, Math.ceil(w * 0.6));
    return filled >= need && looksLikeHeader(rows[i], filled);
  };
  const scan = Math.min(limit, HEADER_SCAN);
  for (let i = 0; i < scan; i++) {
    if (!qualifies(i)) continue;
    let known = knownHeaderCount(rows[i]);
    for (;;) {
      let j = i + 1;
      while (j < scan && counts[j] === 0) j++;
      if (j >= scan || !qualifies(j)) return i;
      const next = knownHeaderCount(rows[j]);
      if (next <= known) return i;
      i = j;
      known = next;
    }
  }
  return -1;
}

// Totals and subtotals: the label alone, or the label starting (or, as Excel's Subtotal writes
// it, "华东 汇总" / "East Total", ending) a sparse row.
const TOTAL_WORDS = '合计|总计|小计|合計|總計|小計|总和|總和|汇总|彙總|匯總';
const TOTAL_EXACT = new RegExp(`^(?:${TOTAL_WORDS}|total|totals|grand\\s*total|sub-?\\s*total|sum)\\s*[:：]?$`, 'i');
const TOTAL_PREFIX = new RegExp(`^(?:${TOTAL_WORDS}|(?:grand\\s*total|sub-?\\s*total|totals?|sum)\\b)`, 'i');
const TOTAL_SUFFIX = new RegExp(`(?:${TOTAL_WORDS}|\\stotal)$`, 'i');
// First and last characters of those words: a cheap filter before the regexes.
const TOTAL_FIRST = new Set(Array.from('合总小總汇彙匯tTgGsS', (ch) => ch.charCodeAt(0)));
const TOTAL_LAST = new Set(Array.from('计計总總和lL', (ch) => ch.charCodeAt(0)));

/** By UTF-16 code, for plainRow: EDGE_WS whitespace (isSpace), EDGE_FIRST in TOTAL_FIRST, EDGE_LAST in TOTAL_LAST. */
const EDGE = new Uint8Array(0x10000);
const EDGE_WS = 1;
const EDGE_FIRST = 2;
const EDGE_LAST = 4;
for (let c = 0; c < 0x10000; c++) if (isSpace(c)) EDGE[c] |= EDGE_WS;
for (const c of TOTAL_FIRST) EDGE[c] |= EDGE_FIRST;
for (const c of TOTAL_LAST) EDGE[c] |= EDGE_LAST;

function isTotalsRow(row: string[], sparse: number): boolean {
  let seen = 0;
  for (let c = 0; c < row.length && seen < 2; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    seen++;
    const s = isSpace(cell.charCodeAt(0)) || isSpace(cell.charCodeAt(cell.length - 1)) ? cell.trim() : cell;
    const first = TOTAL_FIRST.has(s.charCodeAt(0));
    if (first && TOTAL_EXACT.test(s)) return true;
    // Only in a sparse row, so "Total Fitness Ltd" and "Acme Grand Total Ltd" survive.
    if (seen === 1 && (first || TOTAL_LAST.has(s.charCodeAt(s.length - 1)))) {
      if ((TOTAL_PREFIX.test(s) || TOTAL_SUFFIX.test(s)) && nonEmpty(row) <= sparse) return true;
    }
  }
  return false;
}

// Notes under the table: "注：…", "Source: …", "Exported on …" in a row of their own.
const NOTE =
  /^(?:注|备注|備註|说明|說明|数据来源|資料來源|来源|來源|制表|製表|导出|導出|匯出|note|notes|source|prepared\b|generated\b|exported\b|printed\b|confidential\b|copyright\b|©|\(c\)\s)/i;

/** Same cells as the header (compared trimmed; `head` is the trimmed header). */
function isRepeatedHeader(row: string[], head: string[]): boolean {
  // Most rows differ in the first cell: compare it before trimming anything else.
  if (row.length === 0 || (head.length > 0 && row[0] !== head[0] && row[0].trim() !== head[0])) return false;
  let matched = 0;
  const n = Math.max(row.length, head.length);
  for (let c = 0; c < n; c++) {
    const a = c < row.length ? row[c].trim() : '';
    const b = c < head.length ? head[c] : '';
    if (a !== b) return false;
    if (a) matched++;
  }
  return matched > 0;
}

/**
 * Column names: trimmed, one line, 'Column N' when empty (N = 1-based place in the file, from
 * `position` when columns were dropped), ' (2)' on duplicates.
 */
export function cleanHeader(raw: string[], position?: number[]): string[] {
  const out: string[] = [];
  const used = new Set<string>();
  for (let c = 0; c < raw.length; c++) {
    let name = raw[c]
      .replace(/[\u200b\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!name) name = `Column ${(position ? position[c] : c) + 1}`;
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name} (${k})`;
    used.add(unique);
    out.push(unique);
  }
  return out;
}

function hasValue(col: CellColumn): boolean {
  for (let r = 0; r < col.length; r++) if (!isBlankCell(col.get(r))) return true;
  return false;
}

/** Rows looked at before the header is chosen: what findHeader reads. */
const HEAD_ROWS = HEADER_SCAN + WIDTH_SAMPLE + 1;

export interface ShapedColumns {
  header: string[];
  /** columns[c].get(r): raw text of data row r (see columns.ts for how they are stored). */
  columns: CellColumn[];
  rowCount: number;
  lineOf: number[];
  skipped: Skipped;
  issues: Issue[];
}

/**
 * Rows in, one at a time (from the splitter or a workbook); columns out. The first rows are held
 * until the header is found, then every row goes straight into its columns: no row-major copy.
 * A line without quotes can come in uncut (line()): when it is plainly a data row of the header's
 * width, its cells go from the text into the columns without a string per cell; anything else
 * (blank, totals, repeated header, ragged) is cut into cells and takes the general path.
 */
export class Shaper {
  private head: string[][] = [];
  private headLines: number[] = [];
  private decided = false;
  private rawHeader: string[] = [];
  private trimmedHeader: string[] = [];
  private sparse = 2;
  private cols: CellColumn[] = [];
  /** Where each cell of the line being read starts and ends (line()). */
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private lineOf: number[] = [];
  private n = 0;
  private long = 0;
  private firstLong = 0;
  private readonly skipped: Skipped = { title: 0, blank: 0, totals: 0, repeatedHeader: 0 };
  private readonly issues: Issue[] = [];

  constructor(private readonly file: string) {}

  row(cells: string[], line: number): void {
    if (this.decided) {
      this.take(cells, line);
      return;
    }
    this.head.push(cells);
    this.headLines.push(line);
    if (this.head.length >= HEAD_ROWS) this.decide();
  }

  private decide(): void {
    this.decided = true;
    const rows = this.head;
    const lines = this.headLines;
    this.head = [];
    this.headLines = [];
    const h = findHeader(rows);
    if (h < 0) throw new IngestError('no-header', this.file);
    for (let i = 0; i < h; i++) {
      if (isBlankRow(rows[i])) this.skipped.blank++;
      else this.skipped.title++;
    }
    this.rawHeader = rows[h];
    this.trimmedHeader = rows[h].map((x) => x.trim());
    this.sparse = Math.max(2, Math.floor(nonEmpty(rows[h]) * 0.6));
    for (let c = 0; c < this.rawHeader.length; c++) this.addColumn();
    for (let i = h + 1; i < rows.length; i++) this.take(rows[i], lines[i]);
  }

  /** A record without quotes, uncut: text[start, end) split by `delimiter`. */
  line(text: string, start: number, end: number, line: number, delimiter: string): void {
    if (this.decided && this.plainRow(text, start, end, delimiter)) {
      const cols = this.cols;
      for (let c = 0; c < cols.length; c++) cols[c].pushRange(text, this.starts[c], this.ends[c]);
      this.lineOf.push(line);
      this.n++;
      return;
    }
    this.row(end === start ? [''] : text.slice(start, end).split(delimiter), line);
  }

  /** A record with quotes, cut by the splitter into ranges of `text` (see Cut). */
  cut(text: string, cut: Cut, line: number): void {
    const w = this.cols.length;
    if (this.decided && cut.n === w && this.plainCells(text, cut.starts, cut.ends, w)) {
      const { cols } = this;
      const { starts, ends } = cut;
      for (let c = 0; c < w; c++) {
        const a = starts[c];
        if (a >= 0) cols[c].pushRange(text, a, ends[c]);
        else cols[c].push(cut.special[c]);
      }
      this.lineOf.push(line);
      this.n++;
      return;
    }
    this.row(cut.cells(text), line);
  }

  /**
   * Cuts the line into this.starts / this.ends and tells whether take() would keep it as a data row
   * as it is: exactly one cell per column, and plainCells. False sends the line to the general path.
   */
  private plainRow(text: string, start: number, end: number, d: string): boolean {
    const w = this.cols.length;
    if (this.starts.length < w) {
      this.starts = new Int32Array(w);
      this.ends = new Int32Array(w);
    }
    const { starts, ends } = this;
    let a = start;
    for (let c = 0; c < w - 1; c++) {
      const b = text.indexOf(d, a);
      if (b < 0 || b >= end) return false; // fewer cells than columns
      starts[c] = a;
      ends[c] = b;
      a = b + 1;
    }
    const b = text.indexOf(d, a);
    if (b >= 0 && b < end) return false; // more cells than columns
    starts[w - 1] = a;
    ends[w - 1] = end;
    return this.plainCells(text, starts, ends, w);
  }

  /**
   * Whether take() would keep the w cells text[starts[c], ends[c]) as a data row as they are: a
   * first cell (and the next non-empty one) that cannot make the row blank, a repeated header or a
   * totals row. Only cells whose first or last character could start or end a totals word are
   * read as strings, and then tested as isTotalsRow tests them (a row it might count is left to
   * the general path, which also counts its cells). A cell given as a string (starts[c] < 0) there
   * is left to the general path too.
   */
  private plainCells(text: string, starts: Int32Array, ends: Int32Array, w: number): boolean {
    const start = starts[0];
    const e0 = ends[0];
    if (start < 0 || e0 === start) return false;
    const first = EDGE[text.charCodeAt(start)];
    const last = EDGE[text.charCodeAt(e0 - 1)];
    if ((first | last) & EDGE_WS) return false;
    const h0 = this.trimmedHeader[0];
    if (h0.length === e0 - start && text.startsWith(h0, start)) return false;
    if (first & EDGE_FIRST || last & EDGE_LAST) {
      const s = text.slice(start, e0);
      if ((first & EDGE_FIRST && TOTAL_EXACT.test(s)) || TOTAL_PREFIX.test(s) || TOTAL_SUFFIX.test(s)) return false;
    }
    for (let c = 1; c < w; c++) {
      const a = starts[c];
      if (a < 0) return false;
      const b = ends[c];
      if (b === a) continue;
      const f = EDGE[text.charCodeAt(a)];
      if (f & EDGE_WS) return false;
      return (f & EDGE_FIRST) === 0 || !TOTAL_EXACT.test(text.slice(a, b).trim());
    }
    return true;
  }

  private addColumn(): void {
    const col = new CellColumn();
    for (let r = 0; r < this.n; r++) col.push('');
    this.cols.push(col);
  }

  private take(row: string[], line: number): void {
    if (row.length === 1 ? isBlankCell(row[0]) : isBlankRow(row)) {
      this.skipped.blank++;
      return;
    }
    if (isRepeatedHeader(row, this.trimmedHeader)) {
      this.skipped.repeatedHeader++;
      return;
    }
    if (isTotalsRow(row, this.sparse)) {
      this.skipped.totals++;
      return;
    }
    const cols = this.cols;
    if (row.length > cols.length) {
      let last = -1;
      for (let c = this.rawHeader.length; c < row.length; c++) if (!isBlankCell(row[c])) last = c;
      if (last >= this.rawHeader.length) {
        if (this.long++ === 0) this.firstLong = line;
        while (cols.length <= last) this.addColumn();
      }
    }
    const w = row.length < cols.length ? row.length : cols.length;
    for (let c = 0; c < w; c++) cols[c].push(row[c]);
    for (let c = w; c < cols.length; c++) cols[c].push('');
    this.lineOf.push(line);
    this.n++;
  }

  finish(): ShapedColumns {
    if (!this.decided) this.decide();
    const { rawHeader, lineOf, skipped, issues } = this;
    let cols = this.cols;
    // Notes below the table: single-cell rows at the very end of a wide table.
    if (nonEmpty(rawHeader) >= 3) {
      while (this.n > 0) {
        const r = this.n - 1;
        let filled = 0;
        for (let c = 0; c < cols.length && filled < 2; c++) if (!isBlankCell(cols[c].get(r))) filled++;
        if (filled !== 1 || !NOTE.test(cols[0].get(r).trim())) break;
        for (const col of cols) col.pop();
        lineOf.pop();
        this.n--;
        skipped.title++;
      }
    }
    if (this.long > 0) issues.push({ code: 'ragged-rows', file: this.file, row: this.firstLong, params: { count: this.long } });
    // Columns with neither a name nor any value are left out (Excel's spacer and trailing columns).
    const keep: number[] = [];
    for (let c = 0; c < cols.length; c++) {
      if (c < rawHeader.length && !isBlankCell(rawHeader[c])) keep.push(c);
      else if (hasValue(cols[c])) keep.push(c);
    }
    if (keep.length !== cols.length) cols = keep.map((c) => cols[c]);
    const header = cleanHeader(
      keep.map((c) => (c < rawHeader.length ? rawHeader[c] : '')),
      keep,
    );
    return { header, columns: cols, rowCount: this.n, lineOf, skipped, issues };
  }
}

/**
 * Find the header and keep the data rows, row-major (for tests and small inputs; ingest streams
 * through Shaper). `rowLine` gives the 1-based source line of each row when quoted cells hold
 * line breaks; without it, row index + 1 is the line. Throws IngestError('no-header').
 */
export function shapeRows(rows: string[][], file: string, rowLine?: ArrayLike<number>): Shaped {
  const s = new Shaper(file);
  for (let i = 0; i < rows.length; i++) s.row(rows[i], rowLine ? rowLine[i] : i + 1);
  const out = s.finish();
  const data: string[][] = [];
  for (let r = 0; r < out.rowCount; r++) data.push(out.columns.map((c) => c.get(r)));
  return { header: out.header, data, lineOf: out.lineOf, skipped: out.skipped, issues: out.issues };
}
