// Rows → header + data. Client exports put titles, "Exported on …" lines and blank lines above
// the header, and totals, repeated headers and notes among or below the data; find the real
// header and keep only the data rows.
import { IngestError, type Issue } from '../types';
import { knownHeaderCount } from './roles';

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

const isWs = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff;

function isBlankCell(s: string): boolean {
  if (s.length === 0) return true;
  if (!isWs(s.charCodeAt(0)) || !isWs(s.charCodeAt(s.length - 1))) return false;
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

function isTotalsRow(row: string[], sparse: number): boolean {
  let seen = 0;
  for (let c = 0; c < row.length && seen < 2; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    seen++;
    const s = isWs(cell.charCodeAt(0)) || isWs(cell.charCodeAt(cell.length - 1)) ? cell.trim() : cell;
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
const NOTE = /^(?:注|备注|備註|说明|說明|数据来源|資料來源|来源|來源|制表|製表|导出|導出|匯出|note|notes|source|prepared\b|generated\b|exported\b|printed\b)/i;

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
    let name = raw[c].replace(/[\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    if (!name) name = `Column ${(position ? position[c] : c) + 1}`;
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name} (${k})`;
    used.add(unique);
    out.push(unique);
  }
  return out;
}

/**
 * Find the header and keep the data rows. Row arrays of `rows` are reused (padded in place).
 * `rowLine` gives the 1-based source line of each row when quoted cells hold line breaks;
 * without it, row index + 1 is the line. Throws IngestError('no-header').
 */
export function shapeRows(rows: string[][], file: string, rowLine?: ArrayLike<number>): Shaped {
  const h = findHeader(rows);
  if (h < 0) throw new IngestError('no-header', file);
  const skipped: Skipped = { title: 0, blank: 0, totals: 0, repeatedHeader: 0 };
  const issues: Issue[] = [];
  for (let i = 0; i < h; i++) {
    if (isBlankRow(rows[i])) skipped.blank++;
    else skipped.title++;
  }
  const rawHeader = rows[h];
  const head = rawHeader.map((x) => x.trim());
  const headerFilled = nonEmpty(rawHeader);
  const sparse = Math.max(2, Math.floor(headerFilled * 0.6));
  const lineAt = (i: number): number => (rowLine ? rowLine[i] : i + 1);

  const data: string[][] = [];
  const lineOf: number[] = [];
  let width = rawHeader.length;
  let long = 0;
  let firstLong = 0;
  for (let i = h + 1; i < rows.length; i++) {
    const row = rows[i];
    if (isBlankRow(row)) {
      skipped.blank++;
      continue;
    }
    if (isRepeatedHeader(row, head)) {
      skipped.repeatedHeader++;
      continue;
    }
    if (isTotalsRow(row, sparse)) {
      skipped.totals++;
      continue;
    }
    if (row.length > rawHeader.length) {
      let extra = false;
      for (let c = rawHeader.length; c < row.length; c++) if (!isBlankCell(row[c])) extra = true;
      if (extra) {
        if (long++ === 0) firstLong = lineAt(i);
        if (row.length > width) width = row.length;
      }
    }
    data.push(row);
    lineOf.push(lineAt(i));
  }

  // Notes below the table: single-cell rows at the very end of a wide table.
  if (headerFilled >= 3) {
    while (data.length > 0) {
      const row = data[data.length - 1];
      const first = row.length > 0 ? row[0].trim() : '';
      if (nonEmpty(row) !== 1 || !NOTE.test(first)) break;
      data.pop();
      lineOf.pop();
      skipped.title++;
    }
  }
  if (long > 0) issues.push({ code: 'ragged-rows', file, row: firstLong, params: { count: long } });

  // Columns with neither a name nor any value are left out (Excel's spacer and trailing columns).
  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    if (c < rawHeader.length && !isBlankCell(rawHeader[c])) {
      keep.push(c);
      continue;
    }
    let used = false;
    for (let r = 0; r < data.length && !used; r++) if (c < data[r].length && !isBlankCell(data[r][c])) used = true;
    if (used) keep.push(c);
  }
  const contiguous = keep.length === 0 || keep[keep.length - 1] === keep.length - 1;
  const n = keep.length;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (contiguous) {
      while (row.length < n) row.push('');
      if (row.length > n) row.length = n;
    } else {
      const out = new Array<string>(n);
      for (let k = 0; k < n; k++) out[k] = keep[k] < row.length ? row[keep[k]] : '';
      data[r] = out;
    }
  }
  const header = cleanHeader(
    keep.map((c) => (c < rawHeader.length ? rawHeader[c] : '')),
    keep,
  );
  return { header, data, lineOf, skipped, issues };
}
