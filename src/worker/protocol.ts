// Messages between the page and the analysis worker: discriminated unions, no exceptions cross.
import type { Analysis, FileKind, ParsedFile, Role, Settings } from '../core/types';

export interface InputFile {
  name: string;
  bytes: ArrayBuffer;
  /** WHATWG encoding label chosen by the user; detected when absent. */
  encoding?: string;
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
}

export type Request =
  | { id: number; type: 'load'; files: InputFile[]; settings: Settings }
  | { id: number; type: 'analyze'; settings: Settings };

export interface WorkerError {
  code: string;
  file?: string;
  params?: Record<string, string | number>;
}

export type Response =
  | { id: number; type: 'progress'; stage: 'decode' | 'parse' | 'analyze'; done: number; total: number; file?: string }
  | { id: number; type: 'result'; ok: true; analysis: Analysis; files: FileInfo[] }
  | { id: number; type: 'result'; ok: false; error: WorkerError };

export function fileInfo(f: ParsedFile): FileInfo {
  const preview: string[][] = [];
  for (let r = 0; r < Math.min(5, f.rowCount); r++) preview.push(f.columns.map((c) => c[r]));
  return {
    file: f.file,
    kind: f.kind,
    encoding: f.encoding,
    delimiter: f.delimiter,
    header: f.header,
    roles: f.roles,
    rowCount: f.rowCount,
    preview,
  };
}
