// Messages between the page and the analysis worker: discriminated unions, no exceptions cross.
import type { IngestTimings } from '../core/ingest/source';
import type { Analysis, FileKind, LostCustomer, ParsedFile, Role, Settings } from '../core/types';

export interface InputFile {
  name: string;
  /** A dropped File (streamed by the worker, never copied whole) or bytes (a saved session, a paste). */
  bytes: ArrayBuffer | Blob;
  /** WHATWG encoding label chosen by the user; detected when absent. */
  encoding?: string;
  /** Workbook sheet chosen by the user; the first sheet with data when absent. */
  sheet?: string;
  /** Delimiter fixed by the caller (text pasted from Excel is tab-separated). */
  delimiter?: string;
}

/** What the page needs to show a file's mapping, without the whole data. */
export interface FileInfo {
  file: string;
  kind: FileKind;
  encoding: string;
  delimiter: string;
  header: string[];
  roles: Partial<Record<Role, number>>;
  rowCount: number;
  /** First rows, for the mapping panel. */
  preview: string[][];
  /** Sheets of a workbook, and the one read. */
  sheets?: string[];
  sheet?: string;
}

export type Request =
  | { id: number; type: 'load'; files: InputFile[]; settings: Settings }
  /** `full`: include the churned-customer list (for the JSON export). */
  | { id: number; type: 'analyze'; settings: Settings; full?: boolean }
  /** Churned customers whose id, name, reason or cause id contains `query`, the first `limit` of them. */
  | { id: number; type: 'lost'; settings: Settings; query: string; limit: number }
  /** Stop the load request `target` at its next chunk; the open session stays as it was. */
  | { id: number; type: 'cancel'; target: number };

export interface WorkerError {
  code: string;
  file?: string;
  params?: Record<string, string | number>;
}

export type ProgressStage = 'read' | 'decode' | 'parse' | 'analyze';

/**
 * Where a load's time went in the worker, in ms (see IngestTimings), and when the result was
 * posted (`postedAt`: timeOrigin + now, comparable across the worker and the page, so the page can tell
 * how long the result took to reach it: serialising, queueing and deserialising).
 */
export interface LoadTimings extends IngestTimings {
  analyze: number;
  /** Clipping long cells and building the file summaries. */
  pack: number;
  postedAt: number;
}

export type Response =
  /** For 'read': bytes read of all files (done/total); otherwise files done of total. */
  | { id: number; type: 'progress'; stage: ProgressStage; done: number; total: number; file?: string }
  | { id: number; type: 'result'; ok: true; analysis: Analysis; files: FileInfo[]; timings?: LoadTimings }
  | { id: number; type: 'result'; ok: false; error: WorkerError }
  | { id: number; type: 'lost'; rows: LostCustomer[]; total: number };

export function fileInfo(f: ParsedFile & { sheets?: string[]; sheet?: string }): FileInfo {
  const preview: string[][] = [];
  // Cell by cell (get(r)): the first rows' strings only, not a string for every cell of a column.
  for (let r = 0; r < Math.min(5, f.rowCount); r++) preview.push(f.header.map((_, c) => f.columns[c].get(r)));
  return {
    file: f.file,
    kind: f.kind,
    encoding: f.encoding,
    delimiter: f.delimiter,
    header: f.header,
    roles: f.roles,
    rowCount: f.rowCount,
    preview,
    ...(f.sheets ? { sheets: f.sheets, sheet: f.sheet } : {}),
  };
}
