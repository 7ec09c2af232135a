// CSV for spreadsheets, built in the page: UTF-8 with a BOM (so Excel reads Chinese correctly),
// CRLF line ends, every cell quoted when it needs to be. Cells that a spreadsheet would run as a
// formula (starting with = + - @, tab or carriage return) get a leading single quote (OWASP CSV injection).
import { neutralise } from '../export/tables';

export type Cell = string | number | boolean | null | undefined;

export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  // Numbers stay numbers (a negative amount is data, not a formula); text is neutralised.
  // The same rule as the .xlsx export (src/export/tables.ts).
  if (typeof v !== 'number') s = neutralise(s);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text, BOM first. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const csvBlob = (header: string[], rows: Cell[][]): Blob => new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
