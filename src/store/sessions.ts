// Sessions on IndexedDB (idb-keyval). A session is the user's inputs, not results: the original
// file bytes, settings and role choices; the analysis is derived again on open.
import { createStore, del, get, set, keys, clear, type UseStore } from 'idb-keyval';
import type { Settings } from '../core/types';

export const SESSION_VERSION = 1;

export interface StoredFile {
  name: string;
  bytes: ArrayBuffer;
  encoding?: string;
  /** Workbook sheet chosen by the user. */
  sheet?: string;
  /** Delimiter fixed at import (pasted text is tab-separated). */
  delimiter?: string;
}

export interface Session {
  version: 1;
  id: string;
  name: string;
  created: number;
  updated: number;
  files: StoredFile[];
  settings: Settings;
}

export interface SessionMeta {
  id: string;
  name: string;
  created: number;
  updated: number;
  files: { name: string; size: number }[];
}

/** Chromium shares one IndexedDB among all file:// pages: keep our data under our own name. */
const DB_NAME = 'churnlens.sessions.v1';
let store: UseStore | null = null;
const db = () => (store ??= createStore(DB_NAME, 'kv'));

const SESSION = 'session:';
const META = 'meta:';
const CURRENT = 'current';

export class SessionVersionError extends Error {
  constructor(readonly found: unknown) {
    super(`unsupported session version ${String(found)}`);
  }
}

/** One reader per stored version; unknown versions get a clear error. */
function readSession(raw: unknown): Session {
  const v = (raw as { version?: unknown } | undefined)?.version;
  if (v === 1) return raw as Session;
  throw new SessionVersionError(v);
}

export function metaOf(s: Session): SessionMeta {
  return {
    id: s.id,
    name: s.name,
    created: s.created,
    updated: s.updated,
    files: s.files.map((f) => ({ name: f.name, size: f.bytes.byteLength })),
  };
}

export function newSessionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function saveSession(s: Session): Promise<void> {
  await set(SESSION + s.id, s, db());
  await set(META + s.id, metaOf(s), db());
  await set(CURRENT, s.id, db());
}

export async function loadSession(id: string): Promise<Session | null> {
  const raw = await get(SESSION + id, db());
  return raw === undefined ? null : readSession(raw);
}

export async function currentSessionId(): Promise<string | null> {
  return ((await get(CURRENT, db())) as string | undefined) ?? null;
}

export async function setCurrentSession(id: string | null): Promise<void> {
  if (id === null) await del(CURRENT, db());
  else await set(CURRENT, id, db());
}

export async function listSessions(): Promise<SessionMeta[]> {
  const all = (await keys(db())).filter((k): k is string => typeof k === 'string' && k.startsWith(META));
  const metas = await Promise.all(all.map((k) => get(k, db()) as Promise<SessionMeta>));
  return metas.filter(Boolean).sort((a, b) => b.updated - a.updated);
}

export async function renameSession(id: string, name: string): Promise<void> {
  const s = await loadSession(id);
  if (!s) return;
  await set(SESSION + id, { ...s, name }, db());
  await set(META + id, { ...metaOf(s), name }, db());
}

export async function deleteSession(id: string): Promise<void> {
  await del(SESSION + id, db());
  await del(META + id, db());
  if ((await currentSessionId()) === id) await del(CURRENT, db());
}

/** "Delete all local data": every session and the pointer to the current one. */
export async function deleteAll(): Promise<void> {
  await clear(db());
}
