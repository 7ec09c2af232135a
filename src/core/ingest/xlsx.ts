// .xlsx → rows of cell text, through read-excel-file (MIT), loaded only when a workbook arrives.
// Its "universal" build needs neither the DOM nor workers of its own, so it runs in our worker and
// in Node alike; in the single-file build the dynamic import is inlined (no network).
import { IngestError } from '../types';

export interface Workbook {
  sheets: string[];
  /** The chosen sheet's rows as text: dates as YYYY-MM-DD (with the time when there is one). */
  rows: string[][];
  sheet: string;
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** One cell as the text a CSV export of it would hold. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const day = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours();
    const m = v.getUTCMinutes();
    const s = v.getUTCSeconds();
    return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
  }
  // read-excel-file gives nothing else (string, number, boolean, Date); an object would only
  // print as "[object Object]".
  return typeof v === 'bigint' ? String(v) : '';
}

/** Read a workbook; `sheet` by name, else the first sheet that holds anything. */
export async function readWorkbook(file: string, data: Blob | ArrayBuffer, sheet?: string): Promise<Workbook> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const mod = await import('read-excel-file/universal');
    const buffer = data instanceof ArrayBuffer ? data : await data.arrayBuffer();
    sheets = await mod.default(buffer);
  } catch (e) {
    throw new IngestError('bad-workbook', file, { message: e instanceof Error ? e.message : String(e) });
  }
  if (sheets.length === 0) throw new IngestError('empty-file', file);
  const names = sheets.map((s) => s.sheet);
  let chosen = sheet !== undefined ? sheets.find((s) => s.sheet === sheet) : undefined;
  if (sheet !== undefined && !chosen) throw new IngestError('sheet-not-found', file, { sheet });
  chosen ??= sheets.find((s) => s.data.some((r) => r.some((v) => v !== null && v !== ''))) ?? sheets[0];
  return { sheets: names, sheet: chosen.sheet, rows: chosen.data.map((r) => r.map(cellText)) };
}
