// The tables a consultant hands on, as rows: the churned customers with their causes, the
// reasons as written, and the at-risk customers. Pure (analysis + locale → header + rows); the
// page writes them as CSV (src/ui/csv.ts) or .xlsx (src/export/xlsx.ts).
// Cells keep their type: numbers stay numbers (a spreadsheet sums them), text stays text and is
// neutralised against formula injection when written (OWASP: = + - @ tab CR).
import { causeLabel } from '../charts/labels';
import { causeById } from '../core/causes/taxonomy';
import { cleanText, clipText } from '../core/text';
import type { Analysis } from '../core/types';
import { type Locale, translate } from '../i18n';

export type Cell = string | number | null;

export interface Table {
  /** Stable id, used in file names: lost, reasons, at-risk. */
  id: TableId;
  header: string[];
  rows: Cell[][];
}

export type TableId = 'lost' | 'reasons' | 'at-risk';
export const TABLE_IDS: readonly TableId[] = ['lost', 'reasons', 'at-risk'];

const FORMULA = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula gets a leading single quote; anything else is unchanged. */
export const neutralise = (s: string): string => (FORMULA.test(s) ? `'${s}` : s);

/** A cause's controllable flag after the user's edits (the analysis' taxonomy), else the built-in one. */
export function controllableOfCause(a: Pick<Analysis, 'taxonomy' | 'causes'>, id: string): boolean | null {
  const edited = a.taxonomy?.find((e) => e.id === id);
  if (edited) return edited.controllable;
  const row = a.causes.find((c) => c.id === id);
  if (row) return row.controllable;
  return causeById(id)?.controllable ?? null;
}

/** The flag as a word ("Controllable"), so it reads without colour and in any spreadsheet. */
export function controllableWord(flag: boolean | null, locale: Locale): string {
  return translate(locale, `group.${flag === true ? 'controllable' : flag === false ? 'uncontrollable' : 'unclassified'}`);
}

/** Drop the columns whose every row is empty (a list without regions gets no region column). */
function withoutEmptyColumns(header: string[], rows: Cell[][], optional: ReadonlySet<number>): Pick<Table, 'header' | 'rows'> {
  const keep = header.map((_, c) => !optional.has(c) || rows.some((r) => r[c] !== '' && r[c] !== null));
  return { header: header.filter((_, c) => keep[c]), rows: rows.map((r) => r.filter((_, c) => keep[c])) };
}

/** Every churned customer with the cause they were given (needs the full analysis: `lost`). */
export function lostTable(a: Analysis, locale: Locale): Table {
  const t = (k: string) => translate(locale, k);
  const header = [
    t('lost.id'),
    t('lost.name'),
    t('role.segment'),
    t('role.region'),
    t('role.rep'),
    t('lost.churnDate'),
    t('reasons.revenue'),
    t('lost.reason'),
    t('lost.cause'),
    t('table.controllable'),
    t('lost.source'),
  ];
  const rows: Cell[][] = (a.lost ?? []).map((c) => [
    c.id,
    c.name,
    c.segment,
    c.region,
    c.rep,
    c.churnDate,
    c.revenue,
    c.reason,
    causeLabel(a, c.cause, locale),
    controllableWord(controllableOfCause(a, c.cause), locale),
    t(`source.${c.source}`),
  ]);
  return { id: 'lost', ...withoutEmptyColumns(header, rows, new Set([1, 2, 3, 4])) };
}

/** One row per reason text (and cause), as the reasons table shows it. */
export function reasonsTable(a: Analysis, locale: Locale): Table {
  const t = (k: string) => translate(locale, k);
  const header = [
    t('reasons.text'),
    t('reasons.customers'),
    t('reasons.cause'),
    t('table.controllable'),
    t('reasons.confidence'),
    t('reasons.revenue'),
    t('table.setByYou'),
    t('table.repLeft'),
  ];
  const rows: Cell[][] = a.reasons.map((r) => [
    r.text,
    r.customers,
    causeLabel(a, r.cause, locale),
    controllableWord(controllableOfCause(a, r.cause), locale),
    r.confidence,
    r.revenue,
    r.overridden ? t('table.yes') : t('table.no'),
    r.repLeft,
  ]);
  return { id: 'reasons', header, rows };
}

/** The at-risk customers (the full analysis has every one of them). */
export function atRiskTable(a: Analysis, locale: Locale): Table {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const w = { window: a.atRisk.windowDays };
  const yesNo = (b: boolean) => (b ? t('table.yes') : t('table.no'));
  const header = [
    t('risk.id'),
    t('risk.name'),
    t('risk.rep'),
    t('risk.region'),
    t('risk.segment'),
    t('risk.lastOrder'),
    t('risk.daysSilent'),
    t('risk.silent'),
    t('risk.declining'),
    t('risk.recent', w),
    t('risk.prior', w),
    t('risk.revenue'),
  ];
  const rows: Cell[][] = a.atRisk.list.map((c) => [
    c.id,
    c.name,
    c.rep,
    c.region,
    c.segment,
    c.lastOrder,
    c.daysSilent,
    yesNo(c.silent),
    yesNo(c.declining),
    c.recent,
    c.prior,
    c.revenue,
  ]);
  return { id: 'at-risk', ...withoutEmptyColumns(header, rows, new Set([1, 2, 3, 4])) };
}

export function exportTable(id: TableId, a: Analysis, locale: Locale): Table {
  return id === 'lost' ? lostTable(a, locale) : id === 'reasons' ? reasonsTable(a, locale) : atRiskTable(a, locale);
}

/** A worksheet cell as write-excel-file takes it: text always typed String (never a formula), numbers Number. */
export type XlsxCell = { type: StringConstructor; value: string; fontWeight?: 'bold' } | { type: NumberConstructor; value: number } | null;

/** Excel's limit on the characters of one cell; a longer text makes a workbook Excel must repair. */
export const XLSX_MAX_CHARS = 32_767;

/**
 * Text as a worksheet can hold it: characters XML refuses become U+FFFD, and a text longer than
 * Excel's cell limit is cut there with "…" (the CSV keeps it whole).
 */
export function xlsxText(s: string): string {
  const clean = cleanText(s);
  return clean.length <= XLSX_MAX_CHARS ? clean : clipText(clean, XLSX_MAX_CHARS - 1);
}

/** Header (bold) and rows as worksheet cells; text neutralised as in the CSV. */
export function xlsxData(table: Pick<Table, 'header' | 'rows'>): XlsxCell[][] {
  const text = (s: string): XlsxCell => ({ type: String, value: xlsxText(neutralise(s)) });
  return [
    table.header.map((h) => ({ type: String, value: neutralise(h), fontWeight: 'bold' as const })),
    ...table.rows.map((r) =>
      r.map((v): XlsxCell =>
        v === null || v === '' ? null : typeof v === 'number' ? (Number.isFinite(v) ? { type: Number, value: v } : null) : text(v),
      ),
    ),
  ];
}
