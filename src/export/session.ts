// The session file (.churnlens): one session — its original files and every setting — as JSON,
// so it can be carried to another machine on a USB stick and opened there. Pure: no DOM, no
// IndexedDB; the page reads and writes the text.
//
//   { "format": "churnlens-session", "version": 1, "name": "…", "savedAt": "2026-…Z",
//     "settings": { …Settings, with cause edits, overrides and the column mapping },
//     "files": [{ "name": "orders.csv", "size": 1234, "encoding"?: "gbk", "sheet"?: "…",
//                 "delimiter"?: "\t", "base64": "…" }] }
//
// One reader per version; an unknown version, another format or a damaged file is refused with a
// message code (i18n `error.<code>`), never half-read.
import type { Settings } from '../core/types';

export const SESSION_FORMAT = 'churnlens-session';
export const SESSION_FILE_VERSION = 1;
export const SESSION_EXTENSION = '.churnlens';

export interface SessionFileInput {
  name: string;
  bytes: ArrayBuffer;
  encoding?: string;
  sheet?: string;
  delimiter?: string;
}

export interface SessionContent {
  name: string;
  /** ISO 8601 time the file was written. */
  savedAt: string;
  settings: Settings;
  files: SessionFileInput[];
}

export type SessionFileError =
  | 'session-file-json' // not JSON at all (or empty)
  | 'session-file-format' // JSON, but not a churnlens session
  | 'session-file-version' // a session file of a version this build cannot read
  | 'session-file-corrupt'; // a session file with missing or damaged parts

export type Decoded = { ok: true; session: SessionContent } | { ok: false; code: SessionFileError; detail?: string };

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict: only the standard alphabet with correct padding; anything else is null. */
export function fromBase64(text: string): Uint8Array | null {
  return BASE64.test(text) ? base64Bytes(text) : null;
}

/** Bytes of base64 the caller trusts (our own bundled assets); see fromBase64 for user files. */
export function base64Bytes(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeSession(s: SessionContent): string {
  return JSON.stringify({
    format: SESSION_FORMAT,
    version: SESSION_FILE_VERSION,
    name: s.name,
    savedAt: s.savedAt,
    settings: s.settings,
    files: s.files.map((f) => ({
      name: f.name,
      size: f.bytes.byteLength,
      ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(f.delimiter !== undefined ? { delimiter: f.delimiter } : {}),
      base64: toBase64(new Uint8Array(f.bytes)),
    })),
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (v: unknown) => v === undefined || typeof v === 'string';

/** The settings keys that hold maps, and those that hold lists: wrong shapes are refused. */
const MAP_KEYS = ['reasonOverrides', 'customerOverrides', 'causeEdits', 'roleOverrides', 'kindOverrides'] as const;
const LIST_KEYS = ['groupBy', 'tiers'] as const;

function settingsProblem(v: unknown): string | null {
  if (!isObject(v)) return 'settings';
  if (typeof v.inactiveDays !== 'number' || !Number.isFinite(v.inactiveDays) || v.inactiveDays < 0) return 'settings.inactiveDays';
  for (const k of MAP_KEYS) if (v[k] !== undefined && !isObject(v[k])) return `settings.${k}`;
  for (const k of LIST_KEYS) if (v[k] !== undefined && !Array.isArray(v[k])) return `settings.${k}`;
  for (const k of ['asOf', 'churnMode', 'period', 'survivalBy'] as const) if (!optString(v[k])) return `settings.${k}`;
  return null;
}

const corrupt = (detail: string): Decoded => ({ ok: false, code: 'session-file-corrupt', detail });

export function decodeSession(text: string): Decoded {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, code: 'session-file-json' };
  }
  if (!isObject(raw) || raw.format !== SESSION_FORMAT) return { ok: false, code: 'session-file-format' };
  if (raw.version !== SESSION_FILE_VERSION) return { ok: false, code: 'session-file-version', detail: String(raw.version) };
  const problem = settingsProblem(raw.settings);
  if (problem) return corrupt(problem);
  if (!Array.isArray(raw.files) || raw.files.length === 0) return corrupt('files');
  const files: SessionFileInput[] = [];
  for (const [k, f] of raw.files.entries()) {
    if (!isObject(f) || typeof f.name !== 'string' || f.name === '' || typeof f.base64 !== 'string') return corrupt(`files[${k}]`);
    if (!optString(f.encoding) || !optString(f.sheet) || !optString(f.delimiter)) return corrupt(`files[${k}]`);
    const bytes = fromBase64(f.base64);
    if (!bytes) return corrupt(`files[${k}].base64`);
    if (f.size !== undefined && f.size !== bytes.byteLength) return corrupt(`files[${k}].size`);
    files.push({
      name: f.name,
      bytes: bytes.buffer as ArrayBuffer,
      ...(f.encoding !== undefined ? { encoding: f.encoding as string } : {}),
      ...(f.sheet !== undefined ? { sheet: f.sheet as string } : {}),
      ...(f.delimiter !== undefined ? { delimiter: f.delimiter as string } : {}),
    });
  }
  return {
    ok: true,
    session: {
      name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : files.map((f) => f.name).join(' + '),
      savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '',
      settings: raw.settings as unknown as Settings,
      files,
    },
  };
}

/** Is this dropped or picked file a session file rather than data? */
export const isSessionFileName = (name: string): boolean => name.toLowerCase().endsWith(SESSION_EXTENSION);
