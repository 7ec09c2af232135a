// The page's state: what is shown, and the calls that change it. No statistic is computed here;
// the worker does the analysis and the store keeps the user's inputs.
//
// One order of events:
// - Loads (import, re-read, open, restore, a session file) go through begin(): each takes a new
//   generation number and cancels the one before, and a load only shows its result while its
//   generation is still the newest. Whatever the user chose last wins.
// - Edits (settings, overrides, cause edits, renaming the open session) queue as functions of the
//   latest session and are applied in order, several at once when they pile up; each batch is
//   analysed, saved, then shown. Nothing is built on a copy taken before the worker answered.
// - Saves go to the store with the revision this tab read; another tab's newer save is never
//   overwritten (ConflictError), a full disk never costs what was saved (QuotaError).
import { withReasonOverride } from '../core/causes/learn';
import { normalizeSettings } from '../core/settings';
import { clipText } from '../core/text';
import { type Analysis, type CauseEdits, DEFAULT_SETTINGS, type Settings } from '../core/types';
import {
  decodeSession,
  encodeSealedSession,
  encodeSession,
  openSealedSession,
  sameKdf,
  type SealedFile,
  type SessionContent,
} from '../export/session';
import { type Locale, pickLocale, translate } from '../i18n';
import { chooseIterations } from '../store/crypto';
import {
  bufferOf,
  ConflictError,
  type Figures,
  LockedError,
  newSessionId,
  pageStore,
  QuotaError,
  type Session,
  type SessionEntry,
  type SessionStore,
  type StoredFile,
  UnreadableError,
  WrongPassphraseError,
} from '../store/sessions';
import { AnalysisClient, type LostPage, type Outcome, type Progress } from '../worker/client';
import { hashInWorker } from '../worker/hasher';
import type { FileInfo, InputFile, WorkerError } from '../worker/protocol';

export type Phase = 'boot' | 'empty' | 'loading' | 'ready';
export type LoadKind = 'import' | 'reread' | 'open' | 'restore';

export interface LoadJob {
  gen: number;
  kind: LoadKind;
  /** The session or the files being loaded. */
  name: string;
}

export type ReadyEntry = Extract<SessionEntry, { ok: true }>;
export type OfferChoice = 'open' | 'new' | 'cancel';

/** The files of an import are those of a stored session: the user chooses before a second copy is made. */
export interface DuplicateOffer {
  existing: ReadyEntry;
  choose: (choice: OfferChoice) => void;
}

/** A sealed .churnlens file this store's key does not open: the page asks for its passphrase. */
export interface PassphraseRequest {
  file: string;
  wrong: boolean;
  submit: (passphrase: string) => void;
  cancel: () => void;
}

export interface StorageInfo {
  /** Bytes of the stored files, each counted once. */
  files: number;
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

const LOCALE_KEY = 'churnlens.locale';

function savedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(LOCALE_KEY);
    return v === 'en' || v === 'zh-Hans' || v === 'zh-Hant' ? v : null;
  } catch {
    return null;
  }
}

const figuresOf = (a: Analysis): Figures => ({
  customers: a.customers.total,
  churned: a.customers.churned,
  controllableShare: a.controllableShare,
});

/** Bytes of the stored files, each counted once (sessions share files), and of the locked sessions. */
function storedBytes(sessions: readonly SessionEntry[]): number {
  const sizes = new Map(sessions.flatMap((e) => (e.ok ? e.files.map((f): [string, number] => [f.key, f.size]) : [])));
  const locked = sessions.reduce((n, e) => n + (!e.ok && e.size ? e.size : 0), 0);
  return [...sizes.values()].reduce((n, s) => n + s, 0) + locked;
}

const inputOf = (f: StoredFile): InputFile => ({ name: f.name, bytes: f.bytes, encoding: f.encoding, sheet: f.sheet, delimiter: f.delimiter });

/** A change of one session (by id), applied to that session as it is when the change's turn comes. */
type Edit = { id: string; change: (s: Session) => Session; done: (ok: boolean) => void };

export class AppState {
  locale = $state<Locale>(savedLocale() ?? pickLocale(navigator.languages));
  phase = $state<Phase>('boot');
  progress = $state<{ label: string; value: number } | null>(null);
  error = $state<WorkerError | null>(null);
  /** A message for the user, translated when shown (so it follows a change of language). */
  notice = $state<{ key: string; params?: Record<string, string | number> } | null>(null);
  analysis = $state.raw<Analysis | null>(null);
  files = $state.raw<FileInfo[]>([]);
  session = $state.raw<Session | null>(null);
  sessions = $state.raw<SessionEntry[]>([]);
  /** The load under way ("Restoring Client A…"), null when none. */
  loading = $state.raw<LoadJob | null>(null);
  duplicate = $state.raw<DuplicateOffer | null>(null);
  passphraseRequest = $state.raw<PassphraseRequest | null>(null);
  /** Edits queued or being analysed. */
  editsPending = $state(0);
  saving = $state(false);
  /** What is shown is not saved (store locked, disk full, open in another tab). */
  unsaved = $state(false);
  /** The open session is open in another tab too: this one does not save over it. */
  otherTab = $state(false);
  encryption = $state<'off' | 'locked' | 'unlocked'>('off');
  /** PBKDF2 iterations of the store's passphrase (measured on this machine when it was set). */
  iterations = $state<number | null>(null);
  storage = $state.raw<StorageInfo>({ files: 0 });

  private client = new AnalysisClient();
  private store: SessionStore = pageStore(hashInWorker);
  private gen = 0;
  private queue: Edit[] = [];
  private editing = false;
  private inFlight = 0;
  private savesRunning = 0;
  /** Sessions replaced on screen while edits of theirs were still queued: the edits are saved to them. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping of the edit queue that nothing on the page reads: a SvelteMap would make each set() a reactive write for nothing
  private detached = new Map<string, Session>();
  private releaseClaim: (() => void) | null = null;

  t = (key: string, params?: Record<string, string | number>) => translate(this.locale, key, params);

  /** Something is under way: a load, an edit or a save. */
  get busy(): boolean {
    return this.loading !== null || this.editsPending > 0 || this.saving;
  }

  setLocale(l: Locale) {
    this.locale = l;
    try {
      localStorage.setItem(LOCALE_KEY, l);
    } catch {
      /* private mode: the choice lasts this visit */
    }
  }

  /** On start: move old records to the current layout, then reopen the session the user had open last. */
  async boot() {
    // The start page works at once: a file dropped before the restore begins wins over it.
    const bootGen = this.gen;
    try {
      await this.store.migrate();
      await this.refreshSessions();
      if (this.encryption === 'locked') this.notice ??= { key: 'crypto.lockedAtStart' };
      else {
        const id = await this.store.current();
        if (id && this.gen === bootGen && this.sessions.some((e) => e.id === id && e.ok)) await this.open(id, 'restore');
      }
    } catch (e) {
      this.fail(e);
    }
    if (this.phase === 'boot') this.phase = 'empty';
    // Left-overs of a save that a closed tab cut short.
    this.store.gc().catch(() => undefined);
  }

  async refreshSessions() {
    this.sessions = await this.store.list();
    this.encryption = await this.store.encryption();
    this.iterations = (await this.store.keyring().catch(() => null))?.iterations ?? null;
    const info: StorageInfo = { files: storedBytes(this.sessions) };
    try {
      const est = await navigator.storage?.estimate?.();
      info.usage = est?.usage;
      info.quota = est?.quota;
      info.persisted = await navigator.storage?.persisted?.();
    } catch {
      /* not offered by this browser */
    }
    this.storage = info;
  }

  /** Ask the browser to keep our data under storage pressure (needs a user gesture in some browsers). */
  async persistStorage() {
    try {
      await navigator.storage?.persist?.();
    } catch {
      /* refused */
    }
    await this.refreshSessions();
  }

  private fail(e: unknown) {
    if (e instanceof QuotaError) {
      const mb = (n?: number) => (n === undefined ? '?' : (n / 1048576).toFixed(1));
      this.error = { code: 'storage-full', params: { used: mb(this.storage.usage), quota: mb(this.storage.quota) } };
    } else if (e instanceof UnreadableError)
      this.error = { code: 'session-unreadable', params: { reason: this.t(`sessions.unreadable.${e.reason}`, { detail: e.detail ?? '' }) } };
    else this.error = { code: 'storage', params: { message: e instanceof Error ? e.message : String(e) } };
  }

  // ── Loads ─────────────────────────────────────────────────────────────────────────────────

  /** Start a load: it supersedes the one under way (cancelled in the worker, its result dropped). */
  private begin(kind: LoadKind, name: string): number {
    const gen = ++this.gen;
    this.client.cancel();
    this.duplicate?.choose('cancel');
    this.passphraseRequest?.cancel();
    this.loading = { gen, kind, name };
    this.error = null;
    this.notice = null;
    this.progress = null;
    this.phase = 'loading';
    return gen;
  }

  private live = (gen: number) => gen === this.gen;

  /** A load that ends without showing anything: back to what was shown. */
  private end(gen: number) {
    if (!this.live(gen)) return;
    this.loading = null;
    this.progress = null;
    this.phase = this.analysis ? 'ready' : 'empty';
  }

  private onProgress = (gen: number) => (p: Progress) => {
    if (!this.live(gen)) return;
    if (p.stage === 'read') {
      const mb = (n: number) => (n / 1048576).toFixed(1);
      const label = this.t('progress.read', { file: p.file ?? '', done: mb(p.done), total: mb(p.total) });
      this.progress = { label, value: p.total ? (p.done / p.total) * 0.85 : 0 };
      return;
    }
    const label =
      p.stage === 'analyze' ? this.t('progress.analyze') : this.t('progress.parse', { file: p.file ?? '', done: p.done + 1, total: p.total });
    this.progress = { label, value: p.total ? (p.stage === 'analyze' ? 0.9 : (p.done / p.total) * 0.85) : 0 };
  };

  /** Stop the load under way; what was shown stays. */
  cancelLoad() {
    const job = this.loading;
    if (!job) return;
    this.gen++;
    this.client.cancel();
    this.duplicate?.choose('cancel');
    this.loading = null;
    this.progress = null;
    this.phase = this.analysis ? 'ready' : 'empty';
    this.notice =
      job.kind === 'restore' || job.kind === 'open' ? { key: 'loader.cancelledOpen', params: { name: job.name } } : { key: 'progress.cancelled' };
  }

  /** A failed load: a cancelled one is a notice, not an error. */
  private failLoad(gen: number, error: WorkerError) {
    if (!this.live(gen)) return;
    if (error.code !== 'cancelled') this.error = error;
    this.end(gen);
  }

  /** Show a loaded session: it becomes the current one, and this tab claims it. */
  private async commit(gen: number, session: Session, out: Extract<Outcome, { ok: true }>): Promise<boolean> {
    if (!this.live(gen)) return false;
    this.loading = null;
    this.progress = null;
    this.keepQueuedEdits();
    this.show(session, out.analysis, out.files);
    await this.claim(session.id);
    await this.store.setCurrent(session.id).catch(() => undefined);
    await this.refreshSessions().catch((e) => this.fail(e));
    return true;
  }

  /** The session leaves the screen: edits still queued for it will be saved to its stored copy. */
  private keepQueuedEdits() {
    const old = this.session;
    if (old && this.queue.some((e) => e.id === old.id) && !this.detached.has(old.id)) this.detached.set(old.id, old);
  }

  private show(session: Session, analysis: Analysis, files: FileInfo[]) {
    this.session = session;
    this.analysis = analysis;
    this.files = files;
    this.phase = 'ready';
  }

  /**
   * What the session keeps of an input: its bytes (a dropped File stays a Blob, never read whole
   * on the page) and their key in the store (hashed in a worker).
   */
  private async storedFile(f: InputFile): Promise<StoredFile> {
    let key: string | undefined;
    try {
      key = await this.store.contentKey(f.bytes);
    } catch (e) {
      if (!(e instanceof LockedError)) throw e;
      key = undefined; // a locked store: the key is made when it is saved
    }
    return { name: f.name, bytes: f.bytes, key, encoding: f.encoding, sheet: f.sheet, delimiter: f.delimiter };
  }

  /** Ask whether to open the stored session that has these files, or import them again. */
  private offer(existing: ReadyEntry): Promise<OfferChoice> {
    return new Promise((resolve) => {
      this.duplicate = {
        existing,
        choose: (choice) => {
          this.duplicate = null;
          resolve(choice);
        },
      };
    });
  }

  /**
   * Analyse new files as a new session. The open session (in the page, the worker and IndexedDB)
   * is replaced only when the new files were read successfully. Files identical to a stored
   * session's offer to reopen it instead (`offerExisting`).
   */
  async importFiles(
    files: InputFile[],
    name: string,
    initial: Settings = DEFAULT_SETTINGS,
    opts: { offerExisting?: boolean } = {},
  ): Promise<boolean> {
    if (files.length === 0) {
      this.error = { code: 'no-files' };
      return false;
    }
    // Ask, on this user gesture, that the browser not evict our sessions under storage pressure.
    navigator.storage?.persist?.().catch(() => undefined);
    const gen = this.begin('import', name);
    const checked = normalizeSettings(initial);
    if (!checked.ok) {
      this.error = { code: 'settings-invalid', params: { field: checked.problems[0].path } };
      this.end(gen);
      return false;
    }
    // The worker starts reading at once; the files are hashed meanwhile (in another worker), to
    // find a stored session with the same files and to key them in the store.
    this.progress = { label: this.t('progress.parse', { file: files[0].name, done: 1, total: files.length }), value: 0 };
    const loaded = this.client.load(files, checked.settings, this.onProgress(gen));
    let stored: StoredFile[];
    try {
      stored = await Promise.all(files.map((f) => this.storedFile(f)));
    } catch (e) {
      if (this.live(gen)) {
        this.client.cancel();
        this.error = { code: 'read-failed', file: files[0].name, params: { message: e instanceof Error ? e.message : String(e) } };
      }
      this.end(gen);
      return false;
    }
    if (!this.live(gen)) return false;
    if (opts.offerExisting !== false && stored.every((f) => f.key)) {
      const existing = await this.store.findByFiles(stored.map((f) => f.key!)).catch(() => null);
      if (!this.live(gen)) return false;
      if (existing) {
        const choice = await this.offer(existing);
        if (!this.live(gen)) return false;
        if (choice === 'open') return this.open(existing.id);
        if (choice === 'cancel') {
          this.client.cancel();
          this.end(gen);
          return false;
        }
      }
    }
    const out = await loaded;
    if (!this.live(gen)) return false;
    if (!out.ok) {
      this.failLoad(gen, out.error);
      return false;
    }
    const now = Date.now();
    const session: Session = {
      id: newSessionId(),
      rev: null,
      name,
      created: now,
      updated: now,
      files: stored,
      settings: checked.settings,
      figures: figuresOf(out.analysis),
    };
    // Saved before it is shown: what the user sees is already on disk.
    const saved = await this.persist(session);
    return this.commit(gen, saved, out);
  }

  /**
   * Open a .churnlens session file as a new stored session. A damaged file is refused with a
   * message before anything is read; a sealed one needs its passphrase (the store's own key when
   * it was written here); a file whose data cannot be analysed leaves the open session as it was.
   */
  async openSessionFile(file: Blob & { name?: string }): Promise<boolean> {
    const fileName = file.name ?? '';
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.error = { code: 'read-failed', file: fileName, params: { message: e instanceof Error ? e.message : String(e) } };
      return false;
    }
    let decoded = decodeSession(text);
    if (!decoded.ok && decoded.code === 'session-file-sealed') decoded = await this.unsealFile(fileName, decoded.sealed);
    if (!decoded.ok) {
      if (decoded.code !== 'session-file-sealed') this.error = { code: decoded.code, file: fileName };
      return false;
    }
    const s = decoded.session;
    const ok = await this.importFiles(s.files, s.name, s.settings);
    if (ok) this.notice = { key: 'sessionFile.opened', params: { name: s.name } };
    return ok;
  }

  /** Open a sealed file: with the store's key when it fits, else ask for the passphrase until it opens or the user gives up. */
  private async unsealFile(fileName: string, sealed: SealedFile): ReturnType<typeof openSealedSession> {
    const keys = this.store.unlockedKeys();
    if (sameKdf(sealed, keys)) {
      const out = await openSealedSession(sealed, keys);
      if (out.ok || out.code !== 'session-file-passphrase') return out;
    }
    for (let wrong = false; ; wrong = true) {
      const passphrase = await new Promise<string | null>((resolve) => {
        this.passphraseRequest = {
          file: fileName,
          wrong,
          submit: (p) => {
            this.passphraseRequest = null;
            resolve(p);
          },
          cancel: () => {
            this.passphraseRequest = null;
            resolve(null);
          },
        };
      });
      if (passphrase === null) return { ok: false, code: 'session-file-sealed', sealed };
      const out = await openSealedSession(sealed, passphrase);
      if (out.ok || out.code !== 'session-file-passphrase') return out;
    }
  }

  /** The open session as a .churnlens file, sealed with the store's key when it has a passphrase. */
  async sessionFile(): Promise<Blob | null> {
    const s = this.session;
    if (!s) return null;
    const files = await Promise.all(s.files.map(async (f) => ({ ...f, bytes: await bufferOf(f.bytes) })));
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp turned into text at once, never changed: not state
    const content: SessionContent = { name: s.name, savedAt: new Date().toISOString(), settings: s.settings, files };
    const keys = this.encryption === 'unlocked' ? this.store.unlockedKeys() : null;
    const text = keys ? await encodeSealedSession(content, keys) : encodeSession(content);
    return new Blob([text], { type: 'application/json' });
  }

  /**
   * Read one file of the open session again with another encoding or sheet; the whole session is
   * re-analysed and saved only if that succeeds.
   */
  async reread(file: string, patch: { encoding?: string; sheet?: string }): Promise<boolean> {
    const base = this.session;
    if (!base) return false;
    const files = base.files.map((f) => (f.name === file ? { ...f, ...patch } : f));
    const gen = this.begin('reread', base.name);
    const out = await this.client.load(files.map(inputOf), base.settings, this.onProgress(gen));
    if (!this.live(gen)) return false;
    if (!out.ok) {
      this.failLoad(gen, out.error);
      return false;
    }
    const latest = this.session ?? base;
    const saved = await this.persist({ ...latest, files, updated: Date.now(), figures: figuresOf(out.analysis) });
    const ok = await this.commit(gen, saved, out);
    // Settings changed while the file was read again: analyse with them now.
    if (ok && latest.settings !== base.settings) void this.edit((s) => s);
    return ok;
  }

  /** Open a saved session: its files are parsed again and analysed with its settings. */
  async open(id: string, kind: 'open' | 'restore' = 'open'): Promise<boolean> {
    const entry = this.sessions.find((e) => e.id === id);
    const gen = this.begin(kind, entry?.ok ? entry.name : '');
    let session: Session;
    try {
      session = await this.store.load(id);
    } catch (e) {
      if (this.live(gen)) this.fail(e);
      this.end(gen);
      return false;
    }
    if (!this.live(gen)) return false;
    this.loading = { gen, kind, name: session.name };
    const out = await this.client.load(session.files.map(inputOf), session.settings, this.onProgress(gen));
    if (!this.live(gen)) return false;
    if (!out.ok) {
      this.failLoad(gen, out.error);
      return false;
    }
    const ok = await this.commit(gen, session, out);
    if (ok && kind === 'open') this.notice = { key: 'sessions.restored', params: { name: session.name } };
    return ok;
  }

  // ── Saving ────────────────────────────────────────────────────────────────────────────────

  /**
   * Save a session; never throws. Problems become messages and what is shown stays; the returned
   * copy carries the new revision when it was saved.
   */
  private async persist(s: Session): Promise<Session> {
    if (this.otherTab && s.id === this.session?.id) {
      this.unsaved = true;
      return s;
    }
    this.savesRunning++;
    this.saving = true;
    try {
      const { rev, keys } = await this.store.save(s, s.rev);
      this.unsaved = false;
      return { ...s, rev, files: s.files.map((f, i) => ({ ...f, key: keys[i] })) };
    } catch (e) {
      this.unsaved = true;
      if (e instanceof ConflictError) this.error = { code: 'session-conflict' };
      else if (e instanceof LockedError) this.notice = { key: 'crypto.lockedNotSaved' };
      else {
        if (e instanceof QuotaError) await this.refreshSessions().catch(() => undefined);
        this.fail(e);
      }
      return s;
    } finally {
      this.saving = --this.savesRunning > 0;
    }
  }

  /** Save the open session as a new one (after a conflict or when another tab has it open). */
  async saveCopy(): Promise<boolean> {
    const s = this.session;
    if (!s) return false;
    const now = Date.now();
    const copy = await this.persist({
      ...s,
      id: newSessionId(),
      rev: null,
      name: this.t('sessions.copyName', { name: s.name }),
      created: now,
      updated: now,
    });
    if (copy.rev === null) return false;
    this.session = copy;
    this.error = null;
    await this.claim(copy.id);
    await this.store.setCurrent(copy.id).catch(() => undefined);
    await this.refreshSessions();
    return true;
  }

  /**
   * Claim the session for this tab (a Web Lock held while it is open). When another tab holds
   * it, this tab is told and does not save over it.
   */
  private async claim(id: string): Promise<void> {
    this.releaseClaim?.();
    this.releaseClaim = null;
    this.otherTab = false;
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return;
    const held = await new Promise<boolean>((resolve) => {
      locks
        .request(`churnlens.session:${id}`, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => (this.releaseClaim = release));
        })
        .catch(() => resolve(true));
    });
    if (!held && this.session?.id === id) this.otherTab = true;
  }

  // ── Edits ─────────────────────────────────────────────────────────────────────────────────

  /** Queue a change of the open session; resolves true once it is analysed (and saved, when it can be). */
  private edit(change: (s: Session) => Session): Promise<boolean> {
    const s = this.session;
    if (!s) return Promise.resolve(false);
    return new Promise((done) => {
      this.queue.push({ id: s.id, change, done });
      this.count();
      void this.runEdits();
    });
  }

  private count() {
    this.editsPending = this.queue.length + this.inFlight;
  }

  /** One loop applies the queue: the edits of one session at a time, all that have piled up at once. */
  private async runEdits() {
    if (this.editing) return;
    this.editing = true;
    try {
      while (this.queue.length) {
        const id = this.queue[0].id;
        const batch = this.queue.filter((e) => e.id === id);
        this.queue = this.queue.filter((e) => e.id !== id);
        this.inFlight = batch.length;
        this.count();
        await this.applyBatch(id, batch);
        this.inFlight = 0;
        this.count();
      }
    } finally {
      this.editing = false;
      this.inFlight = 0;
      this.count();
    }
  }

  private async applyBatch(id: string, batch: Edit[]) {
    const base = this.session?.id === id ? this.session : this.detached.get(id);
    if (!base) {
      batch.forEach((e) => e.done(false));
      return;
    }
    let next = base;
    const applied: Edit[] = [];
    for (const e of batch) {
      const changed = e.change(next);
      const checked = changed.settings === next.settings ? null : normalizeSettings(changed.settings);
      if (checked && !checked.ok) {
        this.error = { code: 'settings-invalid', params: { field: checked.problems[0].path } };
        e.done(false);
        continue;
      }
      next = checked ? { ...changed, settings: checked.settings } : changed;
      applied.push(e);
    }
    if (applied.length === 0) return;
    const finish = (ok: boolean) => applied.forEach((e) => e.done(ok));
    next = { ...next, updated: Date.now() };
    let out: Outcome | null = null;
    if (this.session?.id === id && next.settings !== base.settings) {
      out = await this.client.analyze(next.settings);
      // Replaced while it was analysed: the worker may hold other files now; keep only the settings.
      if (this.session?.id !== id) out = null;
      else if (!out.ok) {
        this.error = out.error;
        finish(false);
        return;
      } else next = { ...next, figures: figuresOf(out.analysis) };
    }
    const saved = await this.persist(next);
    if (this.session?.id === id) {
      this.session = saved;
      if (out?.ok) {
        this.analysis = out.analysis;
        this.files = out.files;
      }
      this.detached.delete(id);
    } else if (this.queue.some((e) => e.id === id)) this.detached.set(id, saved);
    else this.detached.delete(id);
    finish(true);
    if (saved.name !== base.name) await this.refreshSessions().catch(() => undefined);
  }

  /**
   * Change settings: the patch is applied, in order, on top of the settings as they are when its
   * turn comes (not as they were when it was asked), then analysed and saved. `undefined` or
   * `asOf: ''` in the patch clears a field.
   */
  async applySettings(patch: Partial<Settings>): Promise<void> {
    await this.edit((s) => ({ ...s, settings: { ...s.settings, ...patch } }));
  }

  /** The user's cause for every customer with this reason text (null: back to the classifier). */
  setReasonCause(text: string, cause: string | null) {
    // The key is the text as the classifier reads it (long reasons are clipped, see core/text.ts).
    // Stored under the normalised text, older spellings of it dropped (core/causes/learn.ts).
    const key = clipText(text.trim());
    return this.edit((s) => {
      const next = withReasonOverride(s.settings.reasonOverrides, key, cause);
      return { ...s, settings: { ...s.settings, reasonOverrides: next } };
    });
  }

  /** The user's cause for one customer (null: back to the reason's cause). */
  setCustomerCause(id: string, cause: string | null) {
    return this.edit((s) => {
      const next = { ...(s.settings.customerOverrides ?? {}) };
      if (cause === null) delete next[id];
      else next[id] = cause;
      return { ...s, settings: { ...s.settings, customerOverrides: next } };
    });
  }

  setCauseEdits(edits: CauseEdits) {
    return this.edit((s) => ({ ...s, settings: { ...s.settings, causeEdits: edits } }));
  }

  /** Churned customers matching a search, from the worker (the list is not part of every analysis). */
  queryLost(query: string, limit: number): Promise<LostPage> {
    if (!this.session) return Promise.resolve({ rows: [], total: 0 });
    return this.client.lost(this.session.settings, query, limit);
  }

  /** The analysis with everything in it, for the JSON export. */
  async fullAnalysis(): Promise<Analysis | null> {
    if (!this.session) return null;
    const out = await this.client.analyze(this.session.settings, true);
    return out.ok ? out.analysis : null;
  }

  // ── The Sessions list ─────────────────────────────────────────────────────────────────────

  async rename(id: string, name: string) {
    if (this.session?.id === id) await this.edit((s) => ({ ...s, name }));
    else {
      try {
        await this.store.rename(id, name);
      } catch (e) {
        this.fail(e);
      }
    }
    await this.refreshSessions();
  }

  async remove(id: string) {
    if (this.session?.id === id) this.closeSession();
    try {
      await this.store.remove(id);
    } catch (e) {
      this.fail(e);
    }
    await this.refreshSessions();
  }

  async removeAll() {
    this.queue.splice(0).forEach((e) => e.done(false));
    this.detached.clear();
    this.count();
    this.closeSession();
    await this.store.deleteAll();
    await this.refreshSessions();
  }

  /** Back to the start screen; saved sessions stay. */
  async newAnalysis() {
    this.gen++;
    this.client.cancel();
    this.loading = null;
    this.progress = null;
    this.closeSession(true);
    await this.store.setCurrent(null);
  }

  /** `keepEdits`: edits still queued are saved to the stored session (not when it is deleted or locked). */
  private closeSession(keepEdits = false) {
    if (keepEdits) this.keepQueuedEdits();
    else if (this.session) {
      const id = this.session.id;
      this.queue.filter((e) => e.id === id).forEach((e) => e.done(false));
      this.queue = this.queue.filter((e) => e.id !== id);
      this.count();
    }
    this.releaseClaim?.();
    this.releaseClaim = null;
    this.otherTab = false;
    this.unsaved = false;
    this.session = null;
    this.analysis = null;
    this.files = [];
    this.phase = 'empty';
  }

  // ── Passphrase ────────────────────────────────────────────────────────────────────────────

  /** Encrypt every stored session; returns the PBKDF2 iteration count measured for this machine. */
  async setPassphrase(passphrase: string): Promise<number> {
    const { iterations } = await chooseIterations();
    await this.store.setPassphrase(passphrase, iterations);
    await this.afterConversion();
    return iterations;
  }

  /** false: wrong passphrase (nothing changed). */
  async unlock(passphrase: string): Promise<boolean> {
    try {
      await this.store.unlock(passphrase);
    } catch (e) {
      if (e instanceof WrongPassphraseError) return false;
      throw e;
    }
    if (this.notice?.key === 'crypto.lockedAtStart') this.notice = null;
    await this.afterConversion();
    if (!this.session && this.phase === 'empty') {
      const id = await this.store.current();
      if (id && this.sessions.some((e) => e.id === id && e.ok)) await this.open(id, 'restore');
    }
    return true;
  }

  /** Forget the key in this tab and close the open session (its data is on screen). */
  async lockNow() {
    this.store.lockNow();
    this.queue.splice(0).forEach((e) => e.done(false));
    this.detached.clear();
    this.count();
    this.closeSession();
    await this.refreshSessions();
  }

  async removePassphrase() {
    await this.store.removePassphrase();
    await this.afterConversion();
  }

  /** "Forgot passphrase": the encrypted sessions can only be deleted. */
  async forgetPassphrase() {
    await this.removeAll();
  }

  /** Conversions save every session anew: the open one picks up its new revision; unsaved work is saved. */
  private async afterConversion() {
    await this.refreshSessions();
    const s = this.session;
    if (!s) return;
    const entry = this.sessions.find((e) => e.id === s.id);
    if (entry?.ok && entry.rev !== s.rev && !this.unsaved) this.session = { ...s, rev: entry.rev };
    else if (this.unsaved && !this.otherTab) this.session = await this.persist({ ...s, rev: entry?.ok ? entry.rev : s.rev });
  }
}
