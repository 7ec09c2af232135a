// The asynchronous ingest: a Blob (a dropped File) or an ArrayBuffer, read in chunks with
// progress and a cooperative cancel between chunks. CSV/TSV/TXT stream (stream.ts); .xlsx goes
// through xlsx.ts; a password-protected or old .xls workbook gets its own message.
import { IngestError, type ParsedFile } from '../types';
import { checkMagic, isOle2, isZip } from './decode';
import { Shaper } from './shape';
import { ByteIngest, finishParsed, RestartDecode } from './stream';
import { readWorkbook } from './xlsx';

export type Source = Blob | ArrayBuffer;

export interface SourceOptions {
  encoding?: string;
  /** Delimiter chosen by the caller (pasted text is tab-separated). */
  delimiter?: string;
  /** Workbook sheet by name. */
  sheet?: string;
  /** Bytes read so far of this file. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; true stops the ingest with IngestError('cancelled'). */
  cancelled?: () => boolean;
  /** Added to, in ms, when given: where the time of a text file went (for the bench). */
  timings?: IngestTimings;
}

/**
 * `read`: waiting for the next chunk of bytes; `parse`: decoding, splitting and pouring each chunk
 * into columns (interleaved, chunk by chunk), of which `decode` is the TextDecoder's part;
 * `finish`: closing the columns and guessing the roles.
 */
export interface IngestTimings {
  read: number;
  decode: number;
  parse: number;
  finish: number;
}

/** A ParsedFile read from a workbook also names its sheets. */
export type SourceParsed = ParsedFile & { sheets?: string[]; sheet?: string };

const CHUNK = 1 << 20;

const sizeOf = (s: Source): number => (s instanceof ArrayBuffer ? s.byteLength : s.size);

async function headOf(s: Source, n: number): Promise<Uint8Array> {
  if (s instanceof ArrayBuffer) return new Uint8Array(s, 0, Math.min(n, s.byteLength));
  return new Uint8Array(await s.slice(0, n).arrayBuffer());
}

const tick = (): Promise<void> => new Promise((ok) => setTimeout(ok, 0));

/** Chunks of the source: a Blob's own stream, or slices of the buffer (with a pause now and then). */
async function* chunks(s: Source): AsyncGenerator<Uint8Array> {
  if (s instanceof ArrayBuffer) {
    for (let at = 0; at < s.byteLength; at += CHUNK) {
      yield new Uint8Array(s, at, Math.min(CHUNK, s.byteLength - at));
      await tick(); // lets a cancel message in
    }
    return;
  }
  const reader = s.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function streamText(file: string, s: Source, opts: SourceOptions, encoding?: string): Promise<ParsedFile> {
  const total = sizeOf(s);
  const b = new ByteIngest(file, { encoding, delimiter: opts.delimiter });
  let reported = 0;
  let since = 0;
  const clock = opts.timings;
  let mark = performance.now();
  const lap = (stage: 'read' | 'parse' | 'finish') => {
    if (!clock) return;
    const now = performance.now();
    clock[stage] += now - mark;
    mark = now;
  };
  for await (const bytes of chunks(s)) {
    lap('read');
    if (opts.cancelled?.()) throw new IngestError('cancelled', file);
    b.push(bytes);
    lap('parse');
    since += bytes.length;
    if (since >= CHUNK || b.bytes === total) {
      since = 0;
      reported = b.bytes;
      opts.onProgress?.(reported, total);
      await tick();
    }
  }
  if (opts.cancelled?.()) throw new IngestError('cancelled', file);
  if (reported !== total) opts.onProgress?.(total, total);
  mark = performance.now();
  const parsed = b.finish();
  lap('finish');
  if (clock) clock.decode += b.decodeMs;
  return parsed;
}

/** Read one file. Throws IngestError only (cancel included). */
export async function ingestSource(file: string, s: Source, opts: SourceOptions = {}): Promise<SourceParsed> {
  const total = sizeOf(s);
  if (total === 0) throw new IngestError('empty-file', file);
  const head = await headOf(s, 16);
  if (isZip(head)) {
    const wb = await readWorkbook(file, s, opts.sheet);
    const shaper = new Shaper(file);
    let any = false;
    wb.rows.forEach((r, i) => {
      if (!any && r.some((v) => v.trim() !== '')) any = true;
      shaper.row(r, i + 1);
    });
    if (!any) throw new IngestError('empty-file', file);
    opts.onProgress?.(total, total);
    const parsed = finishParsed(file, shaper.finish(), 'xlsx', '', null);
    return { ...parsed, sheets: wb.sheets, sheet: wb.sheet };
  }
  if (isOle2(head)) {
    // Tell a password-protected workbook from an old .xls: both are OLE2 containers.
    checkMagic(new Uint8Array(s instanceof ArrayBuffer ? s : await s.arrayBuffer()), file);
  }
  try {
    return await streamText(file, s, opts, opts.encoding);
  } catch (e) {
    if (e instanceof RestartDecode) return streamText(file, s, opts, e.encoding);
    if (e instanceof IngestError) throw e;
    throw new IngestError('read-failed', file, { message: e instanceof Error ? e.message : String(e) });
  }
}
