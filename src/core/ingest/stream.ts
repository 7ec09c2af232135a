// Bytes in, one chunk at a time → ParsedFile, holding no full copy of the text: the head is kept
// until the encoding (64 KB) and the delimiter (64 K characters) are known, then every chunk is
// decoded by one streaming TextDecoder, split into records and poured into columns.
import { IngestError, type Issue, type ParsedFile } from '../types';
import { detectHead, guessLegacy } from './decode';
import { sniffDelimiter } from './parse';
import { guessKind, guessRoles } from './roles';
import { type ShapedColumns, Shaper } from './shape';
import { type Cut, Splitter } from './split';

/** Bytes looked at to detect the encoding. */
const HEAD_BYTES = 64 * 1024;
/** Characters looked at to sniff the delimiter. */
const HEAD_CHARS = 64 * 1024;

/**
 * The file was detected as UTF-8 from its head but is not UTF-8 further on: start again with
 * `encoding` (guessed from the bytes that failed).
 */
export class RestartDecode extends Error {
  constructor(readonly encoding: string) {
    super(`restart with ${encoding}`);
    this.name = 'RestartDecode';
  }
}

/** Turn shaped columns into a ParsedFile: roles, kind and the issues of the whole ingest. */
export function finishParsed(
  file: string,
  shaped: ShapedColumns,
  encoding: string,
  delimiter: string,
  quotes: { malformed: number; firstRow: number } | null,
  extra: Issue[] = [],
): ParsedFile {
  const issues = [...extra, ...shaped.issues];
  if (quotes && quotes.malformed > 0) {
    issues.push({ code: 'malformed-quotes', file, row: quotes.firstRow, params: { count: quotes.malformed } });
  }
  const roles = guessRoles(shaped.header, shaped.columns, { file, issues, lineOf: shaped.lineOf });
  return {
    file,
    kind: guessKind(roles, shaped.columns),
    encoding,
    delimiter,
    header: shaped.header,
    columns: shaped.columns,
    rowCount: shaped.rowCount,
    lineOf: shaped.lineOf,
    roles,
    skipped: shaped.skipped,
    issues,
  };
}

/** Text in, chunk by chunk (already decoded). */
export class TextIngest {
  private head = '';
  private splitter: Splitter | null = null;
  private readonly shaper: Shaper;
  private content = false;
  private first = true;
  /** The delimiter in use, once known. */
  private d = ',';
  private readonly emit = (cells: string[], line: number) => this.shaper.row(cells, line);
  private readonly emitRange = (text: string, start: number, end: number, line: number) => this.shaper.line(text, start, end, line, this.d);
  private readonly emitCut = (text: string, cut: Cut, line: number) => this.shaper.cut(text, cut, line);

  constructor(
    readonly file: string,
    readonly encoding: string,
    /** A delimiter chosen by the caller (a paste from Excel is tab-separated); sniffed when absent. */
    private delimiter?: string,
  ) {
    this.shaper = new Shaper(file);
  }

  push(text: string): void {
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!this.content && /\S/.test(text)) this.content = true;
    if (this.splitter) {
      this.splitter.push(text, this.emit, this.emitRange, this.emitCut);
      return;
    }
    this.head += text;
    if (this.head.length >= HEAD_CHARS) this.start();
  }

  private start(): void {
    const head = this.head;
    this.head = '';
    this.splitter = new Splitter(this.delimiter ?? sniffDelimiter(head));
    this.d = this.splitter.delimiter;
    this.splitter.push(head, this.emit, this.emitRange, this.emitCut);
  }

  finish(): ParsedFile {
    if (!this.content) throw new IngestError('empty-file', this.file);
    if (!this.splitter) this.start();
    const s = this.splitter!;
    s.end(this.emit, this.emitRange, this.emitCut);
    const shaped = this.shaper.finish();
    const quotes = { malformed: s.malformedQuotes, firstRow: s.firstMalformedLine };
    return finishParsed(this.file, shaped, this.encoding, s.delimiter, quotes);
  }
}

/** Bytes in, chunk by chunk. Throws IngestError for unusable files, RestartDecode (see above). */
export class ByteIngest {
  private head: Uint8Array[] = [];
  private headSize = 0;
  private decoder: TextDecoder | null = null;
  private text: TextIngest | null = null;
  private strict = false;
  bytes = 0;
  /** Time spent in the TextDecoder, ms. */
  decodeMs = 0;

  constructor(
    readonly file: string,
    private readonly opts: { encoding?: string; delimiter?: string } = {},
  ) {}

  push(bytes: Uint8Array): void {
    this.bytes += bytes.length;
    if (this.decoder) {
      this.decode(bytes, true);
      return;
    }
    this.head.push(bytes);
    this.headSize += bytes.length;
    if (this.headSize >= HEAD_BYTES) this.start(false);
  }

  private start(complete: boolean): void {
    const head = concat(this.head, this.headSize);
    this.head = [];
    let encoding = this.opts.encoding?.trim().toLowerCase();
    if (encoding) {
      if (head.length === 0) throw new IngestError('empty-file', this.file);
      detectHead(head.subarray(0, 16), true, this.file); // magic numbers only matter here
    } else {
      const d = detectHead(head, complete, this.file);
      encoding = d.encoding;
      this.strict = d.strict;
    }
    try {
      this.decoder = new TextDecoder(encoding, { fatal: this.strict });
    } catch {
      throw new IngestError('unknown-encoding', this.file, { encoding });
    }
    this.text = new TextIngest(this.file, encoding, this.opts.delimiter);
    this.decode(head, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): void {
    let s: string;
    const t0 = performance.now();
    try {
      s = this.decoder!.decode(bytes, { stream });
    } catch {
      throw new RestartDecode(guessLegacy(bytes));
    }
    this.decodeMs += performance.now() - t0;
    if (s.length) this.text!.push(s);
  }

  finish(): ParsedFile {
    if (!this.decoder) {
      if (this.headSize === 0) throw new IngestError('empty-file', this.file);
      this.start(true);
    }
    this.decode(new Uint8Array(0), false);
    return this.text!.finish();
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
