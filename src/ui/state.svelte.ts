// The page's state: what is shown, and the calls that change it. No statistic is computed here;
// the worker does the analysis and the store keeps the user's inputs.
import type { Analysis, Settings } from '../core/types';
import type { CauseEdits } from '../core/causes/edits';
import { DEFAULT_SETTINGS } from '../core/types';
import { pickLocale, translate, type Locale } from '../i18n';
import { AnalysisClient, type LostPage, type Progress } from '../worker/client';
import type { FileInfo, InputFile, WorkerError } from '../worker/protocol';
import * as store from '../store/sessions';
import { decodeSession, encodeSession } from '../export/session';

export type Phase = 'boot' | 'empty' | 'loading' | 'ready';

const LOCALE_KEY = 'churnlens.locale';

function savedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(LOCALE_KEY);
    return v === 'en' || v === 'zh-Hans' || v === 'zh-Hant' ? v : null;
  } catch {
    return null;
  }
}

/** What the session keeps of an input: bytes (a dropped File is read once it has been parsed). */
async function storedFile(f: InputFile): Promise<store.StoredFile> {
  const bytes = f.bytes instanceof ArrayBuffer ? f.bytes : await f.bytes.arrayBuffer();
  return { name: f.name, bytes, encoding: f.encoding, sheet: f.sheet, delimiter: f.delimiter };
}

export class AppState {
  locale = $state<Locale>(savedLocale() ?? pickLocale(navigator.languages));
  phase = $state<Phase>('boot');
  progress = $state<{ label: string; value: number } | null>(null);
  error = $state<WorkerError | null>(null);
  notice = $state<string | null>(null);
  analysis = $state.raw<Analysis | null>(null);
  files = $state.raw<FileInfo[]>([]);
  session = $state.raw<store.Session | null>(null);
  sessions = $state.raw<store.SessionMeta[]>([]);
  private client = new AnalysisClient();

  t = (key: string, params?: Record<string, string | number>) => translate(this.locale, key, params);

  setLocale(l: Locale) {
    this.locale = l;
    try {
      localStorage.setItem(LOCALE_KEY, l);
    } catch {
      /* private mode: the choice lasts this visit */
    }
  }

  /** On start: reopen the session the user had open last. */
  async boot() {
    try {
      await this.refreshSessions();
      const id = await store.currentSessionId();
      if (id && (await this.open(id, false))) return;
    } catch (e) {
      this.fail(e);
    }
    if (this.phase === 'boot') this.phase = 'empty';
  }

  async refreshSessions() {
    this.sessions = await store.listSessions();
  }

  private onProgress = (p: Progress) => {
    if (p.stage === 'read') {
      const mb = (n: number) => (n / 1048576).toFixed(1);
      const label = this.t('progress.read', { file: p.file ?? '', done: mb(p.done), total: mb(p.total) });
      this.progress = { label, value: p.total ? (p.done / p.total) * 0.85 : 0 };
      return;
    }
    const label =
      p.stage === 'analyze'
        ? this.t('progress.analyze')
        : this.t('progress.parse', { file: p.file ?? '', done: p.done + 1, total: p.total });
    this.progress = { label, value: p.total ? (p.stage === 'analyze' ? 0.9 : (p.done / p.total) * 0.85) : 0 };
  };

  private fail(e: unknown) {
    if (e instanceof store.SessionVersionError) this.error = { code: 'session-version' };
    else this.error = { code: 'storage', params: { message: e instanceof Error ? e.message : String(e) } };
  }

  /**
   * Analyse new files as a new session. The open session (in the page, the worker and IndexedDB)
   * is replaced only when the new files were read successfully.
   */
  async importFiles(files: InputFile[], name: string, initial: Settings = DEFAULT_SETTINGS): Promise<boolean> {
    if (files.length === 0) {
      this.error = { code: 'no-files' };
      return false;
    }
    const previous = this.phase;
    this.error = null;
    this.phase = 'loading';
    // Ask, on this user gesture, that the browser not evict our sessions under storage pressure.
    navigator.storage?.persist?.().catch(() => undefined);
    this.progress = { label: this.t('progress.parse', { file: files[0].name, done: 1, total: files.length }), value: 0 };
    const settings: Settings = { ...initial };
    const out = await this.client.load(files, settings, this.onProgress);
    this.progress = null;
    if (!out.ok) {
      this.failLoad(out.error);
      this.phase = previous === 'ready' ? 'ready' : 'empty';
      return false;
    }
    const now = Date.now();
    const session: store.Session = {
      version: 1,
      id: store.newSessionId(),
      name,
      created: now,
      updated: now,
      files: await Promise.all(files.map(storedFile)),
      settings,
    };
    await this.keep(session, out.analysis, out.files);
    return true;
  }

  /**
   * Open a .churnlens session file as a new stored session. A damaged file is refused with a
   * message before anything is read; a file whose data cannot be analysed leaves the open session
   * as it was (importFiles).
   */
  async openSessionFile(file: Blob & { name?: string }): Promise<boolean> {
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.error = { code: 'read-failed', file: file.name, params: { message: e instanceof Error ? e.message : String(e) } };
      return false;
    }
    const decoded = decodeSession(text);
    if (!decoded.ok) {
      this.error = { code: decoded.code, file: file.name ?? '' };
      return false;
    }
    const s = decoded.session;
    const ok = await this.importFiles(s.files, s.name, s.settings);
    if (ok) this.notice = this.t('sessionFile.opened', { name: s.name });
    return ok;
  }

  /** The open session as a .churnlens file (original files and every setting). */
  sessionFile(): Blob | null {
    const s = this.session;
    if (!s) return null;
    const text = encodeSession({ name: s.name, savedAt: new Date().toISOString(), settings: s.settings, files: s.files });
    return new Blob([text], { type: 'application/json' });
  }

  /** A cancelled import is a notice, not an error. */
  private failLoad(error: WorkerError) {
    if (error.code === 'cancelled') this.notice = this.t('progress.cancelled');
    else this.error = error;
  }

  /** Stop the import under way; the open session stays. */
  cancelLoad() {
    this.client.cancel();
  }

  /**
   * Read one file of the open session again with another encoding or sheet; the whole session is
   * re-analysed and saved only if that succeeds.
   */
  async reread(file: string, patch: { encoding?: string; sheet?: string }): Promise<boolean> {
    if (!this.session) return false;
    const files = this.session.files.map((f) => (f.name === file ? { ...f, ...patch } : f));
    this.error = null;
    this.phase = 'loading';
    const out = await this.client.load(files, this.session.settings, this.onProgress);
    this.progress = null;
    this.phase = 'ready';
    if (!out.ok) {
      this.failLoad(out.error);
      return false;
    }
    const session = { ...this.session, files, updated: Date.now() };
    await this.keep(session, out.analysis, out.files);
    return true;
  }

  /**
   * Save the session, then show it: what the user sees is already on disk, so closing the tab
   * right after a change loses nothing. A storage failure is reported; the result still shows.
   */
  private async keep(session: store.Session, analysis: Analysis, files: FileInfo[]) {
    try {
      await store.saveSession(session);
    } catch (e) {
      this.fail(e);
    }
    this.show(session, analysis, files);
    await this.refreshSessions().catch((e) => this.fail(e));
  }

  private show(session: store.Session, analysis: Analysis, files: FileInfo[]) {
    this.session = session;
    this.analysis = analysis;
    this.files = files;
    this.phase = 'ready';
  }

  /** Open a saved session: its files are parsed again and analysed with its settings. */
  async open(id: string, announce = true): Promise<boolean> {
    const session = await store.loadSession(id);
    if (!session) return false;
    this.error = null;
    const previous = this.phase;
    this.phase = 'loading';
    const out = await this.client.load(
      session.files.map((f) => ({ name: f.name, bytes: f.bytes, encoding: f.encoding, sheet: f.sheet, delimiter: f.delimiter })),
      session.settings,
      this.onProgress,
    );
    this.progress = null;
    if (!out.ok) {
      this.error = out.error;
      this.phase = previous === 'ready' ? 'ready' : 'empty';
      return false;
    }
    this.show(session, out.analysis, out.files);
    await store.setCurrentSession(id);
    if (announce) this.notice = this.t('sessions.restored', { name: session.name });
    return true;
  }

  /** Settings changed: re-run the analysis on the files already in the worker, then save. */
  async applySettings(patch: Partial<Settings>) {
    if (!this.session) return;
    const settings: Settings = { ...this.session.settings, ...patch };
    if (patch.asOf === '') delete settings.asOf;
    const out = await this.client.analyze(settings);
    if (!out.ok) {
      this.error = out.error;
      return;
    }
    const session = { ...this.session, settings, updated: Date.now() };
    await this.keep(session, out.analysis, out.files);
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

  /** The user's cause for every customer with this reason text (null: back to the classifier). */
  setReasonCause(text: string, cause: string | null) {
    const next = { ...(this.session?.settings.reasonOverrides ?? {}) };
    if (cause === null) delete next[text];
    else next[text] = cause;
    return this.applySettings({ reasonOverrides: next });
  }

  /** The user's cause for one customer (null: back to the reason's cause). */
  setCustomerCause(id: string, cause: string | null) {
    const next = { ...(this.session?.settings.customerOverrides ?? {}) };
    if (cause === null) delete next[id];
    else next[id] = cause;
    return this.applySettings({ customerOverrides: next });
  }

  setCauseEdits(edits: CauseEdits) {
    return this.applySettings({ causeEdits: edits });
  }

  async rename(id: string, name: string) {
    await store.renameSession(id, name);
    if (this.session?.id === id) this.session = { ...this.session, name };
    await this.refreshSessions();
  }

  async remove(id: string) {
    await store.deleteSession(id);
    if (this.session?.id === id) this.closeSession();
    await this.refreshSessions();
  }

  async removeAll() {
    await store.deleteAll();
    this.closeSession();
    await this.refreshSessions();
  }

  /** Back to the start screen; saved sessions stay. */
  async newAnalysis() {
    this.closeSession();
    await store.setCurrentSession(null);
  }

  private closeSession() {
    this.session = null;
    this.analysis = null;
    this.files = [];
    this.phase = 'empty';
  }
}
