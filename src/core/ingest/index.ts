// The ingest stage: bytes → text → rows → header + data → roles → kind, as one ParsedFile.
// Everything streams (stream.ts); these are the whole-buffer entry points, and source.ts is the
// asynchronous one for Blobs (progress, cancel, .xlsx).
import type { ParsedFile } from '../types';
import { ByteIngest, RestartDecode, TextIngest } from './stream';

/** Bytes are fed to the streaming ingest in pieces of this size. */
export const CHUNK = 1 << 20;

/** Parse decoded text. Throws IngestError ('empty-file', 'no-header'). */
export function ingestText(file: string, text: string, encoding: string, delimiter?: string): ParsedFile {
  const t = new TextIngest(file, encoding, delimiter);
  for (let at = 0; at < text.length; at += CHUNK) t.push(text.slice(at, at + CHUNK));
  return t.finish();
}

/** Decode (detecting the encoding unless given) and parse one file. Throws only IngestError. */
export function ingestBytes(file: string, bytes: Uint8Array, opts?: { encoding?: string }): ParsedFile {
  try {
    return ingestChunks(file, bytes, opts?.encoding);
  } catch (e) {
    if (e instanceof RestartDecode) return ingestChunks(file, bytes, e.encoding);
    throw e;
  }
}

function ingestChunks(file: string, bytes: Uint8Array, encoding?: string): ParsedFile {
  const b = new ByteIngest(file, { encoding });
  for (let at = 0; at < bytes.length; at += CHUNK) b.push(bytes.subarray(at, at + CHUNK));
  return b.finish();
}
