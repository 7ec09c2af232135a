// .xlsx from a table, in the page. write-excel-file (and its zip library, fflate) is imported only
// when the user asks for a workbook; in the single-file build it is inlined but not run until then.
// No eval, no network: it builds the XML parts as strings and zips them in memory.
import type { SheetData } from 'write-excel-file/browser';
import { type Table, xlsxData } from './tables';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (s: string): string =>
  s
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31) || 'Sheet1';

export async function xlsxBlob(table: Table, sheet: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(xlsxData(table) as SheetData, {
    sheet: sheetName(sheet),
    stickyRowsCount: 1,
    columns: table.header.map((h) => ({ width: Math.min(40, Math.max(10, h.length + 2)) })),
  }).toBlob();
}
