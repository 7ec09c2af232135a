// The ingest stage: bytes → text → rows → header + data → roles → kind, as one ParsedFile.
import { IngestError, type ParsedFile } from '../types';
import { decodeBytes } from './decode';
import { parseDelimited } from './parse';
import { shapeRows } from './shape';
import { guessKind, guessRoles } from './roles';

/** Parse decoded text. Throws IngestError ('empty-file', 'no-header'). */
export function ingestText(file: string, text: string, encoding: string): ParsedFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) throw new IngestError('empty-file', file);
  const parsed = parseDelimited(text);
  const shaped = shapeRows(parsed.rows, file, parsed.rowLine);
  const { header, data } = shaped;

  // Column-major, as the analysis reads it.
  const n = data.length;
  const columns: string[][] = new Array(header.length);
  for (let c = 0; c < header.length; c++) {
    const col = new Array<string>(n);
    for (let r = 0; r < n; r++) col[r] = data[r][c];
    columns[c] = col;
  }

  const issues = shaped.issues;
  if (parsed.malformedQuotes > 0) {
    const r = parsed.firstMalformedRow;
    const row = r < 0 ? undefined : parsed.rowLine ? parsed.rowLine[r] : r + 1;
    issues.push({ code: 'malformed-quotes', file, row, params: { count: parsed.malformedQuotes } });
  }

  const roles = guessRoles(header, columns);
  return {
    file,
    kind: guessKind(roles, columns),
    encoding,
    delimiter: parsed.delimiter,
    header,
    columns,
    rowCount: n,
    lineOf: shaped.lineOf,
    roles,
    skipped: shaped.skipped,
    issues,
  };
}

/** Decode (detecting the encoding unless given) and parse one file. Throws only IngestError. */
export function ingestBytes(file: string, bytes: Uint8Array, opts?: { encoding?: string }): ParsedFile {
  const { text, encoding } = decodeBytes(bytes, opts?.encoding, file);
  return ingestText(file, text, encoding);
}
