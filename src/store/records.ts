// What the session store writes, version by version, and one reader per version. Readers are
// pure and strict: a record that is not what its version promises is "unreadable" with a reason
// and the path of the first bad field, and never stops the other sessions from being read.
//
// Version 1 (churnlens ≤ 0.1): `session:<id>` → { version: 1, id, name, created, updated,
//   files: [{ name, bytes, encoding?, sheet?, delimiter? }], settings } and `meta:<id>` (a summary).
// Version 2: the files live apart, once per content (`blob:<key>`); a session is a small record
//   `rec:<id>:<nonce>` found through its pointer `head:<id>` → { rev, rec: nonce }. Saving writes a
//   new record and then flips the pointer, so a save cut short leaves the previous version whole.
//   With a passphrase, records and files are sealed (AES-GCM); the record keeps in clear only its
//   id, revision, size and the keys of its files (HMACs, not hashes of the content).
import { normalizeSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { isSealed, type Sealed } from './crypto';

export const RECORD_VERSION = 2;

export interface FileRef {
  name: string;
  /** `s:<sha-256 hex>`, or `h:<keyring id>:<hmac hex>` in an encrypted store. */
  key: string;
  size: number;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
}

/** The key figures of the session's last analysis, for the Sessions list. */
export interface Figures {
  customers: number;
  churned: number;
  controllableShare: number | null;
}

/** What a session is, without its file bytes. */
export interface RecordBody {
  name: string;
  created: number;
  updated: number;
  files: FileRef[];
  settings: Settings;
  figures?: Figures;
}

export interface PlainRecord extends RecordBody {
  version: 2;
  id: string;
  rev: number;
}

export interface SealedRecord {
  version: 2;
  id: string;
  rev: number;
  /** Keys of the files, in clear so unused files can be removed while the store is locked. */
  blobs: string[];
  /** Bytes of the session's files. */
  size: number;
  sealed: Sealed;
}

export interface Head {
  rev: number;
  rec: string;
}

export interface BlobRecord {
  version: 2;
  size: number;
  /** A Blob since the page stopped reading dropped files whole; an ArrayBuffer before. */
  bytes?: ArrayBuffer | Blob;
  sealed?: Sealed;
}

export interface LegacyFile {
  name: string;
  bytes: ArrayBuffer;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
}

export interface LegacySession {
  id: string;
  name: string;
  created: number;
  updated: number;
  files: LegacyFile[];
  settings: Settings;
}

export type UnreadableReason =
  | 'version' // written by a newer churnlens (detail: the version)
  | 'damaged' // missing or wrong fields (detail: the first one)
  | 'settings' // settings that do not pass normalizeSettings (detail: the field)
  | 'missing-file' // a file the session needs is not in the store (detail: its name)
  | 'decrypt' // sealed data that the key does not open: damaged or from another passphrase
  | 'locked'; // encrypted, and the passphrase has not been given

export class UnreadableError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly detail?: string,
  ) {
    super(`unreadable session: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'UnreadableError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const damaged = (path: string) => new UnreadableError('damaged', path);

function settingsOf(v: unknown): Settings {
  const r = normalizeSettings(v);
  if (!r.ok) throw new UnreadableError('settings', r.problems[0].path);
  return r.settings;
}

function fileOptions(f: Record<string, unknown>, path: string) {
  if (!optString(f.encoding) || !optString(f.sheet) || !optString(f.delimiter)) throw damaged(path);
  return {
    ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
    ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
    ...(f.delimiter !== undefined ? { delimiter: f.delimiter } : {}),
  };
}

function figuresOf(v: unknown): Figures | undefined {
  if (v === undefined) return undefined;
  if (!isObject(v) || !isCount(v.customers) || !isCount(v.churned)) throw damaged('figures');
  const share = v.controllableShare;
  if (!(share === null || (typeof share === 'number' && share >= 0 && share <= 1))) throw damaged('figures.controllableShare');
  return { customers: v.customers, churned: v.churned, controllableShare: share };
}

/** The body of a version-2 record (in clear, or once unsealed). */
export function readBody(v: unknown): RecordBody {
  if (!isObject(v)) throw damaged('record');
  if (typeof v.name !== 'string') throw damaged('name');
  if (!isTime(v.created)) throw damaged('created');
  if (!isTime(v.updated)) throw damaged('updated');
  if (!Array.isArray(v.files) || v.files.length === 0) throw damaged('files');
  const files = v.files.map((f: unknown, k: number): FileRef => {
    const path = `files[${k}]`;
    if (!isObject(f) || typeof f.name !== 'string' || f.name === '') throw damaged(path);
    if (typeof f.key !== 'string' || !/^(s|h:[0-9a-f]+):[0-9a-f]{64}$/.test(f.key)) throw damaged(`${path}.key`);
    if (!isCount(f.size)) throw damaged(`${path}.size`);
    return { name: f.name, key: f.key, size: f.size, ...fileOptions(f, path) };
  });
  const figures = figuresOf(v.figures);
  return { name: v.name, created: v.created, updated: v.updated, files, settings: settingsOf(v.settings), ...(figures ? { figures } : {}) };
}

export type Envelope =
  | { kind: 'plain'; id: string; rev: number; body: RecordBody }
  | { kind: 'sealed'; id: string; rev: number; blobs: string[]; size: number; sealed: Sealed };

/** A record as stored (`rec:…`): version 2, in clear or sealed. */
export function readRecord(raw: unknown, id: string): Envelope {
  if (!isObject(raw)) throw damaged('record');
  if (raw.version !== RECORD_VERSION) throw new UnreadableError('version', String(raw.version));
  if (raw.id !== id) throw damaged('id');
  if (!isCount(raw.rev) || raw.rev < 1) throw damaged('rev');
  if (raw.sealed !== undefined) {
    if (!isSealed(raw.sealed)) throw damaged('sealed');
    if (!Array.isArray(raw.blobs) || !raw.blobs.every((b) => typeof b === 'string')) throw damaged('blobs');
    if (!isCount(raw.size)) throw damaged('size');
    return { kind: 'sealed', id, rev: raw.rev, blobs: raw.blobs, size: raw.size, sealed: raw.sealed };
  }
  return { kind: 'plain', id, rev: raw.rev, body: readBody(raw) };
}

export function readHead(raw: unknown): Head {
  if (!isObject(raw) || !isCount(raw.rev) || raw.rev < 1 || typeof raw.rec !== 'string' || !/^[0-9a-z]+$/.test(raw.rec)) throw damaged('head');
  return { rev: raw.rev, rec: raw.rec };
}

/**
 * The files a record uses, read leniently (a record whose settings are damaged still names its
 * files); null when that cannot be told (another version, no file list).
 */
export function fileKeysOf(raw: unknown): string[] | null {
  if (!isObject(raw) || raw.version !== RECORD_VERSION) return null;
  if (raw.sealed !== undefined) return Array.isArray(raw.blobs) && raw.blobs.every((b) => typeof b === 'string') ? raw.blobs : null;
  if (!Array.isArray(raw.files)) return null;
  const keys = raw.files.map((f: unknown) => (isObject(f) && typeof f.key === 'string' ? f.key : null));
  return keys.every((k) => k !== null) ? keys : null;
}

/** A stored file (`blob:…`). */
export function readBlob(raw: unknown): BlobRecord {
  if (raw instanceof ArrayBuffer) return { version: 2, size: raw.byteLength, bytes: raw };
  if (!isObject(raw) || raw.version !== RECORD_VERSION || !isCount(raw.size)) throw damaged('file');
  if (raw.bytes instanceof ArrayBuffer || raw.bytes instanceof Blob) return { version: 2, size: raw.size, bytes: raw.bytes };
  if (isSealed(raw.sealed)) return { version: 2, size: raw.size, sealed: raw.sealed };
  throw damaged('file');
}

/** Version 1: one record with everything, the file bytes included. */
export function readLegacy(raw: unknown, id: string): LegacySession {
  if (!isObject(raw)) throw damaged('record');
  if (raw.version !== 1) throw new UnreadableError('version', String(raw.version));
  if (raw.id !== id) throw damaged('id');
  if (typeof raw.name !== 'string') throw damaged('name');
  if (!isTime(raw.created)) throw damaged('created');
  if (!isTime(raw.updated)) throw damaged('updated');
  if (!Array.isArray(raw.files) || raw.files.length === 0) throw damaged('files');
  const files = raw.files.map((f: unknown, k: number): LegacyFile => {
    const path = `files[${k}]`;
    if (!isObject(f) || typeof f.name !== 'string' || f.name === '') throw damaged(path);
    if (!(f.bytes instanceof ArrayBuffer)) throw damaged(`${path}.bytes`);
    return { name: f.name, bytes: f.bytes, ...fileOptions(f, path) };
  });
  return { id, name: raw.name, created: raw.created, updated: raw.updated, files, settings: settingsOf(raw.settings) };
}
