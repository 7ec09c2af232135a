// The session file (.churnlens): one session — its original files and every setting — as JSON,
// so it can be carried to another machine on a USB stick and opened there. Pure: no DOM, no
// IndexedDB; the page reads and writes the text.
//
//   { "format": "churnlens-session", "version": 1, "name": "…", "savedAt": "2026-…Z",
//     "settings": { …Settings, with cause edits, overrides and the column mapping },
//     "files": [{ "name": "orders.csv", "size": 1234, "encoding"?: "gbk", "sheet"?: "…",
//                 "delimiter"?: "\t", "base64": "…" }] }
//
// Version 2 is the same text sealed with a passphrase (AES-GCM; key from PBKDF2-SHA-256, whose
// salt and iterations travel in the file so another machine can derive it again):
//
//   { "format": "churnlens-session", "version": 2,
//     "encryption": { "cipher": "AES-GCM", "kdf": "PBKDF2", "hash": "SHA-256", "iterations": 600000,
//                     "salt": "<base64>", "iv": "<base64>" },
//     "data": "<base64 of the sealed version-1 text>" }
//
// One reader per version; an unknown version, another format or a damaged file is refused with a
// message code (i18n `error.<code>`), never half-read. Settings pass through normalizeSettings.
import { normalizeSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { DecryptError, deriveKeys, type KdfParams, type Keys, seal, unseal } from '../store/crypto';

export const SESSION_FORMAT = 'churnlens-session';
export const SESSION_FILE_VERSION = 1;
export const SEALED_FILE_VERSION = 2;
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
  | 'session-file-corrupt' // a session file with missing or damaged parts
  | 'session-file-passphrase'; // sealed, and the passphrase given does not open it

/** A sealed (version 2) session file, read as far as it can be without the passphrase. */
export interface SealedFile {
  params: KdfParams;
  iv: Uint8Array;
  data: Uint8Array;
}

export type Decoded =
  | { ok: true; session: SessionContent }
  | { ok: false; code: SessionFileError; detail?: string }
  /** Needs the passphrase: openSealedSession. */
  | { ok: false; code: 'session-file-sealed'; sealed: SealedFile };

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

// A plain character class, not a repeated group: a group quantified over a 100 MB string
// overflows the regular-expression stack ("Maximum call stack size exceeded").
const BASE64_BODY = /^[A-Za-z0-9+/]*$/;
const BASE64_TAIL = /^[A-Za-z0-9+/]{2}(?:==|[A-Za-z0-9+/]=|[A-Za-z0-9+/]{2})$/;

/** Strict: only the standard alphabet with correct padding; anything else is null. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  if (text.length > 0 && (!BASE64_BODY.test(text.slice(0, -4)) || !BASE64_TAIL.test(text.slice(-4)))) return null;
  return base64Bytes(text);
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

const corrupt = (detail: string): Decoded => ({ ok: false, code: 'session-file-corrupt', detail });

/** Version 2: the envelope around a sealed version-1 text. */
function readSealed(raw: Record<string, unknown>): Decoded {
  const e = raw.encryption;
  if (!isObject(e) || e.cipher !== 'AES-GCM' || e.kdf !== 'PBKDF2' || e.hash !== 'SHA-256') return corrupt('encryption');
  if (typeof e.iterations !== 'number' || !Number.isInteger(e.iterations)) return corrupt('encryption.iterations');
  const salt = typeof e.salt === 'string' ? fromBase64(e.salt) : null;
  const iv = typeof e.iv === 'string' ? fromBase64(e.iv) : null;
  const data = typeof raw.data === 'string' ? fromBase64(raw.data) : null;
  if (!salt || salt.length < 16) return corrupt('encryption.salt');
  if (!iv || iv.length !== 12) return corrupt('encryption.iv');
  if (!data || data.length < 16) return corrupt('data');
  return { ok: false, code: 'session-file-sealed', sealed: { params: { kdf: 'PBKDF2', hash: 'SHA-256', iterations: e.iterations, salt }, iv, data } };
}

const AAD = SESSION_FORMAT;

/** The session file sealed with the store's key (its salt and iterations go with it). */
export async function encodeSealedSession(s: SessionContent, keys: Keys): Promise<string> {
  const sealed = await seal(keys.aes, new TextEncoder().encode(encodeSession(s)), AAD);
  return JSON.stringify({
    format: SESSION_FORMAT,
    version: SEALED_FILE_VERSION,
    encryption: {
      cipher: 'AES-GCM',
      kdf: 'PBKDF2',
      hash: 'SHA-256',
      iterations: keys.params.iterations,
      salt: toBase64(keys.params.salt),
      iv: toBase64(sealed.iv),
    },
    data: toBase64(new Uint8Array(sealed.data)),
  });
}

/** Do these keys open the file without asking (same salt and iterations as the store's)? */
export const sameKdf = (sealed: SealedFile, keys: Keys | null): keys is Keys =>
  !!keys &&
  keys.params.iterations === sealed.params.iterations &&
  keys.params.salt.length === sealed.params.salt.length &&
  keys.params.salt.every((b, i) => b === sealed.params.salt[i]);

/** Open a sealed session file with a passphrase (or keys already derived from the same salt). */
export async function openSealedSession(sealed: SealedFile, secret: string | Keys): Promise<Decoded> {
  let keys: Keys;
  try {
    keys = typeof secret === 'string' ? await deriveKeys(secret, sealed.params) : secret;
  } catch {
    return corrupt('encryption.iterations');
  }
  let plain: ArrayBuffer;
  try {
    plain = await unseal(keys.aes, { iv: sealed.iv, data: sealed.data.slice().buffer }, AAD);
  } catch (e) {
    if (e instanceof DecryptError) return { ok: false, code: 'session-file-passphrase' };
    throw e;
  }
  const out = decodeSession(new TextDecoder().decode(plain));
  // A sealed file holds a version-1 text; anything else inside is damage.
  return out.ok || out.code !== 'session-file-sealed' ? out : corrupt('data');
}

export function decodeSession(text: string): Decoded {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, code: 'session-file-json' };
  }
  if (!isObject(raw) || raw.format !== SESSION_FORMAT) return { ok: false, code: 'session-file-format' };
  if (raw.version === SEALED_FILE_VERSION) return readSealed(raw);
  if (raw.version !== SESSION_FILE_VERSION) return { ok: false, code: 'session-file-version', detail: String(raw.version) };
  const checked = normalizeSettings(raw.settings);
  if (!checked.ok) return corrupt(`settings${checked.problems[0].path === 'settings' ? '' : `.${checked.problems[0].path}`}`);
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
      ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(f.delimiter !== undefined ? { delimiter: f.delimiter } : {}),
    });
  }
  return {
    ok: true,
    session: {
      name: typeof raw.name === 'string' && raw.name.trim() ? raw.name : files.map((f) => f.name).join(' + '),
      savedAt: typeof raw.savedAt === 'string' ? raw.savedAt : '',
      settings: checked.settings,
      files,
    },
  };
}

/** Is this dropped or picked file a session file rather than data? */
export const isSessionFileName = (name: string): boolean => name.toLowerCase().endsWith(SESSION_EXTENSION);
