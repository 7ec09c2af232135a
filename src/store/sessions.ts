// Sessions on IndexedDB. A session is the user's inputs, not results: the original files, the
// settings and role choices; the analysis is derived again on open. Layout and readers per
// version: records.ts. In short:
//
//   blob:<key>        one file's bytes, stored once however many sessions use it
//   rec:<id>:<nonce>  a session record: name, settings, files (by key), key figures
//   head:<id>         the pointer to the session's record in force { rev, rec }
//   current           the session open last
//   keyring           with a passphrase: KDF salt and iterations, and a check value
//
// A save writes the new files, then a new record, then flips the pointer in one transaction
// (only if it still points where this tab read it: another tab's save is never overwritten),
// then removes the old record. A save cut short leaves the previous version whole; what it left
// behind is removed by gc().
import type { Settings } from '../core/types';
import * as c from './crypto';
import { idbKv, type Kv } from './kv';
import {
  type BlobRecord,
  type Envelope,
  type Figures,
  fileKeysOf,
  type FileRef,
  type Head,
  readBlob,
  readBody,
  readHead,
  readLegacy,
  readRecord,
  RECORD_VERSION,
  type RecordBody,
  UnreadableError,
  type UnreadableReason,
} from './records';

export { type Figures, type FileRef, UnreadableError, type UnreadableReason } from './records';

/** Chromium shares one IndexedDB among all file:// pages: keep our data under our own name. */
export const DB_NAME = 'churnlens.sessions.v1';

/**
 * A file's bytes: in memory, or a Blob (a dropped File, or one read back from IndexedDB), which
 * the page never has to read whole: IndexedDB copies it off the main thread and the worker streams it.
 */
export type FileBytes = ArrayBuffer | Blob;

export const sizeOf = (b: FileBytes): number => (b instanceof ArrayBuffer ? b.byteLength : b.size);
export const bufferOf = async (b: FileBytes): Promise<ArrayBuffer> => (b instanceof ArrayBuffer ? b : b.arrayBuffer());

/** SHA-256 of the bytes, or HMAC-SHA-256 under `mac`, in hex; the page does it in a worker. */
export type HashFn = (bytes: FileBytes, mac?: CryptoKey) => Promise<string>;
const hashHere: HashFn = async (bytes, mac) => c.contentHash(await bufferOf(bytes), mac);

export interface StoredFile {
  name: string;
  bytes: FileBytes;
  /** Content key (see contentKey); recomputed on save when the store's mode changed. */
  key?: string;
  encoding?: string;
  /** Workbook sheet chosen by the user. */
  sheet?: string;
  /** Delimiter fixed at import (pasted text is tab-separated). */
  delimiter?: string;
}

export interface Session {
  id: string;
  /** The stored revision this copy was read from or last saved as; null: never saved. */
  rev: number | null;
  name: string;
  created: number;
  updated: number;
  files: StoredFile[];
  settings: Settings;
  figures?: Figures;
}

export type SessionEntry =
  | {
      ok: true;
      id: string;
      rev: number;
      name: string;
      created: number;
      updated: number;
      files: FileRef[];
      /** Bytes of the session's files. */
      size: number;
      figures?: Figures;
      encrypted: boolean;
    }
  | { ok: false; id: string; reason: UnreadableReason; detail?: string; size?: number; encrypted: boolean };

/** The session changed in another tab since this one read it: nothing was written over it. */
export class ConflictError extends Error {
  constructor() {
    super('the session was saved by another tab');
    this.name = 'ConflictError';
  }
}

/** The browser refused the space: nothing already saved was changed. */
export class QuotaError extends Error {
  constructor(override readonly cause?: unknown) {
    super('storage quota exceeded');
    this.name = 'QuotaError';
  }
}

/** The store is encrypted and the passphrase has not been given in this tab. */
export class LockedError extends Error {
  constructor() {
    super('sessions are locked');
    this.name = 'LockedError';
  }
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

export interface Keyring {
  version: 1;
  /** Names this passphrase's file keys (h:<id>:…), so keys made under another one are never reused. */
  id: string;
  kdf: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  salt: Uint8Array;
  /** A known value sealed with the key: a wrong passphrase fails to open it. */
  check: c.Sealed;
}

/** Runs `fn` holding the store lock (Web Locks across tabs; saves share it, gc takes it alone). */
export type LockFn = <T>(mode: 'shared' | 'exclusive', fn: () => Promise<T>) => Promise<T>;
const noLock: LockFn = (_mode, fn) => fn();

export const webLock: LockFn = (mode, fn) =>
  typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request('churnlens.store', { mode }, fn) : fn();

const HEAD = 'head:';
const REC = 'rec:';
const BLOB = 'blob:';
const LEGACY = 'session:';
const LEGACY_META = 'meta:';
const CURRENT = 'current';
const KEYRING = 'keyring';
const CHECK = 'churnlens keyring check';

const isQuota = (e: unknown) =>
  e instanceof Error && (e.name === 'QuotaExceededError' || (e as DOMException).code === 22 || /quota/i.test(e.message));

export function newSessionId(): string {
  return `${Date.now().toString(36)}-${c.toHex(c.randomBytes(4))}`;
}

function readKeyring(raw: unknown): Keyring {
  const r = raw as Keyring;
  if (
    typeof raw !== 'object' ||
    raw === null ||
    r.version !== 1 ||
    typeof r.id !== 'string' ||
    r.kdf !== 'PBKDF2' ||
    r.hash !== 'SHA-256' ||
    !Number.isInteger(r.iterations) ||
    !(r.salt instanceof Uint8Array) ||
    !c.isSealed(r.check)
  )
    throw new UnreadableError('damaged', 'keyring');
  return r;
}

const refOf = (f: StoredFile, key: string): FileRef => ({
  name: f.name,
  key,
  size: sizeOf(f.bytes),
  ...(f.encoding !== undefined ? { encoding: f.encoding } : {}),
  ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
  ...(f.delimiter !== undefined ? { delimiter: f.delimiter } : {}),
});

export class SessionStore {
  private keys: c.Keys | null = null;
  /** While encryption is being removed, saves write in clear although the keyring still exists. */
  private clearing = false;

  constructor(
    private kv: Kv,
    private lock: LockFn = noLock,
    private hash: HashFn = hashHere,
  ) {}

  // ── Encryption ────────────────────────────────────────────────────────────────────────────

  async keyring(): Promise<Keyring | null> {
    const raw = await this.kv.get(KEYRING);
    return raw === undefined ? null : readKeyring(raw);
  }

  async encryption(): Promise<'off' | 'locked' | 'unlocked'> {
    const ring = await this.keyring();
    return !ring ? 'off' : this.keys ? 'unlocked' : 'locked';
  }

  /**
   * Encrypt every stored session under a new passphrase (its key is kept in memory only). The
   * caller chooses the iteration count (crypto.chooseIterations measures this machine).
   */
  async setPassphrase(passphrase: string, iterations: number): Promise<void> {
    if (await this.keyring()) throw new Error('a passphrase is already set');
    const params = c.newParams(iterations);
    const keys = await c.deriveKeys(passphrase, params);
    const ring: Keyring = {
      version: 1,
      id: c.toHex(c.randomBytes(4)),
      kdf: 'PBKDF2',
      hash: 'SHA-256',
      iterations,
      salt: params.salt,
      check: await c.sealJson(keys.aes, CHECK, KEYRING),
    };
    await this.write(KEYRING, ring);
    this.keys = keys;
    await this.convertAll();
  }

  /** Open the store with its passphrase; a wrong one changes nothing. */
  async unlock(passphrase: string): Promise<void> {
    const ring = await this.keyring();
    if (!ring) return;
    const keys = await c.deriveKeys(passphrase, { kdf: ring.kdf, hash: ring.hash, iterations: ring.iterations, salt: ring.salt });
    try {
      if ((await c.unsealJson(keys.aes, ring.check, KEYRING)) !== CHECK) throw new WrongPassphraseError();
    } catch {
      throw new WrongPassphraseError();
    }
    this.keys = keys;
    await this.convertAll(); // finish a conversion a closed tab left half done
  }

  /** Forget the key in this tab. */
  lockNow(): void {
    this.keys = null;
  }

  /** The key of the unlocked store (the page seals .churnlens files with it). */
  unlockedKeys(): c.Keys | null {
    return this.keys;
  }

  /** Back to files in clear (needs the store unlocked). */
  async removePassphrase(): Promise<void> {
    if (!(await this.keyring())) return;
    if (!this.keys) throw new LockedError();
    this.clearing = true;
    try {
      await this.convertAll();
      await this.kv.del([KEYRING]);
      this.keys = null;
    } finally {
      this.clearing = false;
    }
    await this.gc();
  }

  /** Re-save every readable session whose encryption differs from the store's. */
  private async convertAll(): Promise<void> {
    const sealed = !!(await this.keyring()) && !this.clearing;
    for (const e of await this.list()) {
      if (!e.ok || e.encrypted === sealed) continue;
      const s = await this.load(e.id);
      await this.save(s, s.rev);
    }
    await this.migrate();
    await this.gc();
  }

  // ── Sessions ──────────────────────────────────────────────────────────────────────────────

  /** The key a file is stored under in this store (SHA-256, or HMAC with a passphrase). */
  async contentKey(bytes: FileBytes): Promise<string> {
    const ring = await this.keyring();
    if (!ring || this.clearing) return `s:${await this.hash(bytes)}`;
    if (!this.keys) throw new LockedError();
    return `h:${ring.id}:${await this.hash(bytes, this.keys.mac)}`;
  }

  private async write(key: string, value: unknown): Promise<void> {
    try {
      await this.kv.set(key, value);
    } catch (e) {
      throw isQuota(e) ? new QuotaError(e) : e;
    }
  }

  private async head(id: string): Promise<Head | null> {
    const raw = await this.kv.get(HEAD + id);
    return raw === undefined ? null : readHead(raw);
  }

  /** Whether new writes are sealed, and the prefix of file keys in this mode. */
  private async mode(): Promise<{ sealed: boolean; prefix: string }> {
    const ring = await this.keyring();
    const sealed = !!ring && !this.clearing;
    if (sealed && !this.keys) throw new LockedError();
    return { sealed, prefix: sealed ? `h:${ring.id}:` : 's:' };
  }

  /**
   * Save a session as a new revision. `expectedRev` is the revision this tab read (null for a
   * new session): if the stored one moved on, nothing is written and ConflictError is thrown.
   * Files already stored (same content) are not written again. Returns the new revision and
   * the files' keys.
   */
  async save(s: Session, expectedRev: number | null): Promise<{ rev: number; keys: string[] }> {
    return this.lock('shared', async () => {
      const { sealed, prefix } = await this.mode();
      const existing = new Set(await this.kv.keys());
      if (((await this.head(s.id))?.rev ?? null) !== expectedRev) throw new ConflictError();
      const files: FileRef[] = [];
      for (const f of s.files) {
        const key = f.key?.startsWith(prefix) ? f.key : await this.contentKey(f.bytes);
        if (!existing.has(BLOB + key)) {
          const size = sizeOf(f.bytes);
          const blob: BlobRecord = sealed
            ? { version: RECORD_VERSION, size, sealed: await c.seal(this.keys!.aes, await bufferOf(f.bytes), BLOB + key) }
            : { version: RECORD_VERSION, size, bytes: f.bytes };
          await this.write(BLOB + key, blob);
          existing.add(BLOB + key);
        }
        files.push(refOf(f, key));
      }
      const body: RecordBody = {
        name: s.name,
        created: s.created,
        updated: s.updated,
        files,
        settings: s.settings,
        ...(s.figures ? { figures: s.figures } : {}),
      };
      const rev = await this.commit(s.id, expectedRev, body);
      const legacy = [LEGACY + s.id, LEGACY_META + s.id].filter((k) => existing.has(k));
      if (legacy.length) await this.kv.del(legacy);
      return { rev, keys: files.map((f) => f.key) };
    });
  }

  /** Write a new record, then flip the pointer to it if it still points at `expectedRev`. */
  private async commit(id: string, expectedRev: number | null, body: RecordBody): Promise<number> {
    const { sealed } = await this.mode();
    const head = await this.head(id);
    if ((head?.rev ?? null) !== expectedRev) throw new ConflictError();
    const rev = (head?.rev ?? 0) + 1;
    const nonce = c.toHex(c.randomBytes(6));
    const recKey = `${REC}${id}:${nonce}`;
    const record = sealed
      ? {
          version: RECORD_VERSION,
          id,
          rev,
          blobs: body.files.map((f) => f.key),
          size: body.files.reduce((n, f) => n + f.size, 0),
          sealed: await c.sealJson(this.keys!.aes, body, recKey),
        }
      : { version: RECORD_VERSION, id, rev, ...body };
    await this.write(recKey, record);
    let flipped = false;
    try {
      await this.kv.update(HEAD + id, (old) => {
        let cur: number | null;
        try {
          cur = old === undefined ? null : readHead(old).rev;
        } catch {
          return old;
        }
        if (cur !== expectedRev) return old;
        flipped = true;
        return { rev, rec: nonce } satisfies Head;
      });
    } catch (e) {
      await this.kv.del([recKey]).catch(() => undefined);
      throw isQuota(e) ? new QuotaError(e) : e;
    }
    if (!flipped) {
      await this.kv.del([recKey]);
      throw new ConflictError();
    }
    if (head) await this.kv.del([`${REC}${id}:${head.rec}`]);
    return rev;
  }

  private async envelope(id: string): Promise<{ env: Envelope; recKey: string }> {
    const head = await this.head(id);
    if (!head) throw new UnreadableError('damaged', 'head');
    const recKey = `${REC}${id}:${head.rec}`;
    const raw = await this.kv.get(recKey);
    if (raw === undefined) throw new UnreadableError('damaged', 'record');
    const env = readRecord(raw, id);
    if (env.rev !== head.rev) throw new UnreadableError('damaged', 'rev');
    return { env, recKey };
  }

  private async body(env: Envelope, recKey: string): Promise<RecordBody> {
    if (env.kind === 'plain') return env.body;
    if (!this.keys) throw new UnreadableError('locked');
    let json: unknown;
    try {
      json = await c.unsealJson(this.keys.aes, env.sealed, recKey);
    } catch {
      throw new UnreadableError('decrypt');
    }
    return readBody(json);
  }

  private async fileBytes(ref: FileRef): Promise<FileBytes> {
    const raw = await this.kv.get(BLOB + ref.key);
    if (raw === undefined) throw new UnreadableError('missing-file', ref.name);
    let blob: BlobRecord;
    try {
      blob = readBlob(raw);
    } catch {
      throw new UnreadableError('damaged', ref.name);
    }
    let bytes: FileBytes | undefined = blob.bytes;
    if (!bytes) {
      if (!this.keys) throw new UnreadableError('locked');
      try {
        bytes = await c.unseal(this.keys.aes, blob.sealed!, BLOB + ref.key);
      } catch {
        throw new UnreadableError('decrypt', ref.name);
      }
    }
    if (sizeOf(bytes) !== ref.size) throw new UnreadableError('damaged', ref.name);
    return bytes;
  }

  /** A stored session with its files' bytes; UnreadableError says why one cannot be read. */
  async load(id: string): Promise<Session> {
    if (!(await this.kv.get(HEAD + id)) && (await this.kv.get(LEGACY + id)) !== undefined) {
      const s = readLegacy(await this.kv.get(LEGACY + id), id);
      return { ...s, rev: null, files: s.files.map((f) => ({ ...f })) };
    }
    const { env, recKey } = await this.envelope(id);
    const body = await this.body(env, recKey);
    const files: StoredFile[] = [];
    for (const ref of body.files) {
      const { size: _size, ...rest } = ref;
      files.push({ ...rest, bytes: await this.fileBytes(ref) });
    }
    return {
      id,
      rev: env.rev,
      name: body.name,
      created: body.created,
      updated: body.updated,
      files,
      settings: body.settings,
      ...(body.figures ? { figures: body.figures } : {}),
    };
  }

  /** Every session, readable or not (an unreadable one says why); newest first. */
  async list(): Promise<SessionEntry[]> {
    const all = await this.kv.keys();
    const present = new Set(all);
    const out: SessionEntry[] = [];
    const ids = new Set<string>();
    for (const k of all) {
      if (!k.startsWith(HEAD)) continue;
      const id = k.slice(HEAD.length);
      ids.add(id);
      let encrypted = false;
      let size: number | undefined;
      try {
        const { env, recKey } = await this.envelope(id);
        encrypted = env.kind === 'sealed';
        if (env.kind === 'sealed') size = env.size;
        const body = await this.body(env, recKey);
        const missing = body.files.find((f) => !present.has(BLOB + f.key));
        if (missing) throw new UnreadableError('missing-file', missing.name);
        out.push({
          ok: true,
          id,
          rev: env.rev,
          name: body.name,
          created: body.created,
          updated: body.updated,
          files: body.files,
          size: body.files.reduce((n, f) => n + f.size, 0),
          ...(body.figures ? { figures: body.figures } : {}),
          encrypted,
        });
      } catch (e) {
        out.push(this.unreadable(id, e, encrypted, size));
      }
    }
    // Version-1 sessions not migrated yet (migrate() runs first on start; this is what it could not move).
    for (const k of all) {
      if (!k.startsWith(LEGACY)) continue;
      const id = k.slice(LEGACY.length);
      if (ids.has(id)) continue;
      try {
        const s = readLegacy(await this.kv.get(k), id);
        const files = await Promise.all(s.files.map(async (f) => refOf(f, `s:${await c.contentHash(f.bytes)}`)));
        out.push({
          ok: true,
          id,
          rev: 0,
          name: s.name,
          created: s.created,
          updated: s.updated,
          files,
          size: files.reduce((n, f) => n + f.size, 0),
          encrypted: false,
        });
      } catch (e) {
        out.push(this.unreadable(id, e, false));
      }
    }
    const when = (e: SessionEntry) => (e.ok ? e.updated : -1);
    return out.sort((a, b) => when(b) - when(a));
  }

  private unreadable(id: string, e: unknown, encrypted: boolean, size?: number): SessionEntry {
    const reason = e instanceof UnreadableError ? e.reason : 'damaged';
    const detail = e instanceof UnreadableError ? e.detail : e instanceof Error ? e.message : String(e);
    return { ok: false, id, reason, ...(detail ? { detail } : {}), ...(size !== undefined ? { size } : {}), encrypted };
  }

  /** A readable session holding exactly these files (by content), if any. */
  async findByFiles(keys: string[]): Promise<Extract<SessionEntry, { ok: true }> | null> {
    const want = [...keys].sort().join('|');
    for (const e of await this.list())
      if (
        e.ok &&
        e.files
          .map((f) => f.key)
          .sort()
          .join('|') === want
      )
        return e;
    return null;
  }

  /** Rename: a new revision with the new name (files untouched). */
  async rename(id: string, name: string): Promise<number> {
    return this.lock('shared', async () => {
      const { env, recKey } = await this.envelope(id);
      const body = await this.body(env, recKey);
      return this.commit(id, env.rev, { ...body, name });
    });
  }

  /** Delete one session: its pointer first (it is gone at once), then its records and unused files. */
  async remove(id: string): Promise<void> {
    await this.kv.del([HEAD + id, LEGACY + id, LEGACY_META + id]);
    const recs = (await this.kv.keys()).filter((k) => k.startsWith(`${REC}${id}:`));
    if (recs.length) await this.kv.del(recs);
    if ((await this.current()) === id) await this.kv.del([CURRENT]);
    await this.gc();
  }

  /** "Delete all local data" (and the only way out of a forgotten passphrase). */
  async deleteAll(): Promise<void> {
    this.keys = null;
    await this.kv.clear();
  }

  async current(): Promise<string | null> {
    const v = await this.kv.get(CURRENT);
    return typeof v === 'string' ? v : null;
  }

  async setCurrent(id: string | null): Promise<void> {
    if (id === null) await this.kv.del([CURRENT]);
    else await this.write(CURRENT, id);
  }

  /** Move version-1 sessions to the current layout, one by one; one that fails stays as it was. */
  async migrate(): Promise<{ moved: number; failed: number }> {
    let moved = 0;
    let failed = 0;
    const all = await this.kv.keys();
    const sealed = !!(await this.keyring()) && !this.clearing;
    if (sealed && !this.keys) return { moved, failed };
    for (const k of all) {
      if (!k.startsWith(LEGACY)) continue;
      const id = k.slice(LEGACY.length);
      try {
        const s = readLegacy(await this.kv.get(k), id);
        if (all.includes(HEAD + id)) await this.kv.del([k, LEGACY_META + id]);
        else await this.save({ ...s, rev: null }, null);
        moved++;
      } catch {
        failed++;
      }
    }
    return { moved, failed };
  }

  /**
   * Remove records no pointer names and files no record uses. When a record cannot be read (a
   * newer version, damaged, locked), nothing that might be its own is removed.
   */
  async gc(): Promise<{ records: number; files: number }> {
    return this.lock('exclusive', async () => {
      const all = await this.kv.keys();
      const liveRecs = new Set<string>();
      const liveBlobs = new Set<string>();
      const unknownIds = new Set<string>();
      let blobsKnown = true;
      for (const k of all) {
        if (!k.startsWith(HEAD)) continue;
        const id = k.slice(HEAD.length);
        try {
          const head = readHead(await this.kv.get(k));
          const recKey = `${REC}${id}:${head.rec}`;
          liveRecs.add(recKey);
          const refs = fileKeysOf(await this.kv.get(recKey));
          if (!refs) throw new UnreadableError('damaged', recKey);
          for (const b of refs) liveBlobs.add(BLOB + b);
        } catch {
          unknownIds.add(id);
          blobsKnown = false;
        }
      }
      const recs = all.filter((k) => k.startsWith(REC) && !liveRecs.has(k) && !unknownIds.has(k.slice(REC.length, k.lastIndexOf(':'))));
      const blobs = blobsKnown ? all.filter((k) => k.startsWith(BLOB) && !liveBlobs.has(k)) : [];
      if (recs.length + blobs.length) await this.kv.del([...recs, ...blobs]);
      return { records: recs.length, files: blobs.length };
    });
  }
}

/** The page's store (the page hashes files in a worker). */
export const pageStore = (hash?: HashFn): SessionStore => new SessionStore(idbKv(DB_NAME), webLock, hash);
