// The worker's logic, free of postMessage so it can be tested in Node.
import { analyzePrepared, prepare, type Prepared } from '../core/analyze';
import { ingestSource } from '../core/ingest/source';
import { clipStrings } from '../core/text';
import type { LostCustomer, Settings } from '../core/types';
import { IngestError, type ParsedFile } from '../core/types';
import { fileInfo, type LoadTimings, type Request, type Response, type WorkerError } from './protocol';

export function toWorkerError(e: unknown): WorkerError {
  if (e instanceof IngestError) return { code: e.code, file: e.file, params: e.params };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal-error', params: { message } };
}

/**
 * Holds the parsed files of the open session; a failed or cancelled load leaves them untouched.
 * Loads can overlap (a file dropped while a session is being restored): a new load cancels the
 * ones before it, and only the newest may replace the files, whichever finishes first.
 */
export class Handler {
  private files: ParsedFile[] = [];
  /** The id of the newest load request. */
  private latest = 0;
  private running = new Set<number>();

  /** Read every file (streamed, with progress in bytes), then analyse; replace the files only on success. */
  private async load(req: Extract<Request, { type: 'load' }>, post: (r: Response) => void): Promise<void> {
    const id = req.id;
    for (const older of this.running) this.cancelled.add(older);
    this.latest = Math.max(this.latest, id);
    this.running.add(id);
    try {
      const size = (b: ArrayBuffer | Blob) => (b instanceof ArrayBuffer ? b.byteLength : b.size);
      const total = req.files.reduce((n, f) => n + size(f.bytes), 0);
      let before = 0;
      const parsed: ParsedFile[] = [];
      const timings: LoadTimings = { read: 0, decode: 0, parse: 0, finish: 0, analyze: 0, pack: 0, postedAt: 0 };
      for (const f of req.files) {
        post({ id, type: 'progress', stage: 'read', done: before, total, file: f.name });
        parsed.push(
          await ingestSource(f.name, f.bytes, {
            encoding: f.encoding,
            sheet: f.sheet,
            delimiter: f.delimiter,
            cancelled: () => this.cancelled.has(id),
            timings,
            onProgress: (done) => post({ id, type: 'progress', stage: 'read', done: before + done, total, file: f.name }),
          }),
        );
        before += size(f.bytes);
      }
      if (this.cancelled.has(id) || id !== this.latest) throw new IngestError('cancelled');
      post({ id, type: 'progress', stage: 'analyze', done: req.files.length, total: req.files.length });
      let t0 = performance.now();
      const prepared = prepare(parsed, req.settings);
      const analysis = analyzePrepared(prepared, req.settings, { full: false });
      timings.analyze = performance.now() - t0;
      if (this.cancelled.has(id) || id !== this.latest) throw new IngestError('cancelled');
      this.files = parsed;
      this.cache = { files: parsed, roles: Handler.mappingKey(req.settings), prepared };
      t0 = performance.now();
      const result = { analysis: clipStrings(analysis), files: parsed.map((f) => clipStrings(fileInfo(f))) };
      timings.pack = performance.now() - t0;
      timings.postedAt = performance.timeOrigin + performance.now();
      post({ id, type: 'result', ok: true, ...result, timings });
    } catch (e) {
      post({ id, type: 'result', ok: false, error: toWorkerError(e) });
    } finally {
      this.cancelled.delete(id);
      this.running.delete(id);
    }
  }

  private cancelled = new Set<number>();

  /** The customer model of the loaded files, rebuilt only when the files or the role mapping change. */
  private cache: { files: ParsedFile[]; roles: string; prepared: Prepared } | null = null;

  /** What prepare() depends on besides the files: the user's roles and kinds. */
  private static mappingKey(settings: Settings): string {
    return JSON.stringify([settings.roleOverrides ?? {}, settings.kindOverrides ?? {}]);
  }

  private prepared(settings: Settings): Prepared {
    const roles = Handler.mappingKey(settings);
    if (this.cache?.files !== this.files || this.cache.roles !== roles) {
      this.cache = { files: this.files, roles, prepared: prepare(this.files, settings) };
    }
    return this.cache.prepared;
  }

  /** The churned-customer list of the last settings searched, kept for filtering as the user types. */
  private lost: { prepared: Prepared; settings: string; rows: LostCustomer[] } | null = null;

  private searchLost(settings: Settings, query: string, limit: number): { rows: LostCustomer[]; total: number } {
    const prepared = this.prepared(settings);
    const key = JSON.stringify(settings);
    if (this.lost?.prepared !== prepared || this.lost.settings !== key) {
      this.lost = { prepared, settings: key, rows: analyzePrepared(prepared, settings).lost ?? [] };
    }
    const q = query.trim().toLowerCase();
    const hits = q ? this.lost.rows.filter((c) => [c.id, c.name, c.reason, c.cause].some((v) => v.toLowerCase().includes(q))) : this.lost.rows;
    return { rows: clipStrings(hits.slice(0, limit)), total: hits.length };
  }

  handle(req: Request, post: (r: Response) => void): void | Promise<void> {
    if (req.type === 'cancel') {
      this.cancelled.add(req.target);
      return;
    }
    if (req.type === 'load') return this.load(req, post);
    try {
      if (this.files.length === 0) throw new Error('no data loaded');
      if (req.type === 'lost') {
        post({ id: req.id, type: 'lost', ...this.searchLost(req.settings, req.query, req.limit) });
        return;
      }
      // Settings changes reuse the prepared model: only the fast analysis steps run.
      // The page-sized analysis is what the page draws: long cells are clipped for display (the
      // full analysis, for exports, keeps every character).
      const full = req.full === true;
      const analysis = analyzePrepared(this.prepared(req.settings), req.settings, { full });
      post({
        id: req.id,
        type: 'result',
        ok: true,
        analysis: full ? analysis : clipStrings(analysis),
        files: this.files.map((f) => clipStrings(fileInfo(f))),
      });
    } catch (e) {
      post({ id: req.id, type: 'result', ok: false, error: toWorkerError(e) });
    }
  }
}
