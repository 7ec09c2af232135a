// A file as ingest hands it to the analysis: its columns, the roles guessed for them, and the
// problems met on the way.
import type { FileKind, Role, RoleMap } from './roles';

/**
 * A column of raw cell texts, however it is stored (ingest's dictionary, number and packed-text
 * forms in ingest/columns.ts, or plain strings for a file built by hand: textColumns there).
 */
export interface Column {
  readonly length: number;
  /** Raw text of row r. */
  get(r: number): string;
}

/** A data problem, collected rather than thrown. `code` is a message key in i18n. */
export interface Issue {
  code: string;
  file?: string;
  row?: number; // 1-based line number in the source file, when it applies
  column?: string;
  params?: Record<string, string | number>;
}

/** A caller-facing failure with a message code (see i18n). Thrown by ingest for unusable files. */
export class IngestError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly params?: Record<string, string | number>;
  constructor(code: string, file?: string, params?: Record<string, string | number>) {
    super(`${code}${file ? ` (${file})` : ''}`);
    this.name = 'IngestError';
    this.code = code;
    this.file = file;
    this.params = params;
  }
}

/** One file after decode → parse → shape → roles. Data is column-major, as in the source. */
export interface ParsedFile {
  file: string;
  kind: FileKind;
  encoding: string; // WHATWG label: utf-8, gbk, gb18030, big5, utf-16le, utf-16be
  delimiter: string;
  header: string[];
  /**
   * columns[c].get(r): raw cell text of data row r (title, blank, repeated-header and totals rows
   * removed). Ingest stores them without a string per cell (dictionary codes, typed numbers or
   * packed text: ingest/columns.ts); a file built by hand wraps its strings (textColumns there).
   */
  columns: Column[];
  rowCount: number;
  /** 1-based source line of each data row, for messages. */
  lineOf?: number[];
  roles: RoleMap;
  skipped: { title: number; blank: number; totals: number; repeatedHeader: number };
  issues: Issue[];
}

/** What the analysis says about one input file. */
export interface InputSummary {
  file: string;
  kind: FileKind;
  rows: number;
  encoding: string;
  delimiter: string;
  roles: Partial<Record<Role, string>>; // role → header text
  skipped: ParsedFile['skipped'];
}
