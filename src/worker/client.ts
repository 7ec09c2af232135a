// Typed calls into the analysis worker, with progress callbacks and cancel.
import type { Analysis, LostCustomer, Settings } from '../core/types';
import type { FileInfo, InputFile, ProgressStage, Request, Response, WorkerError } from './protocol';
import AnalysisWorker from './worker.ts?worker&inline';

export interface Progress {
  stage: ProgressStage;
  /** 'read': bytes of all files; otherwise files. */
  done: number;
  total: number;
  file?: string;
}

export type Outcome = { ok: true; analysis: Analysis; files: FileInfo[] } | { ok: false; error: WorkerError };

type Pending = { resolve: (o: Outcome) => void; onProgress?: (p: Progress) => void };

export interface LostPage {
  rows: LostCustomer[];
  total: number;
}

type RequestBody = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class AnalysisClient {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, Pending>();
  private loading: number | null = null;

  constructor() {
    this.worker = new AnalysisWorker();
    this.worker.onmessage = (e: MessageEvent<Response>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      for (const [id, p] of this.pending) {
        p.resolve({ ok: false, error: { code: 'internal-error', params: { message: e.message } } });
        this.pending.delete(id);
      }
      for (const resolve of this.pendingLost.values()) resolve({ rows: [], total: 0 });
      this.pendingLost.clear();
    };
  }

  private pendingLost = new Map<number, (page: LostPage) => void>();

  private receive(r: Response) {
    const lost = this.pendingLost.get(r.id);
    if (lost) {
      // A failed search (no data loaded) finds nobody.
      lost(r.type === 'lost' ? { rows: r.rows, total: r.total } : { rows: [], total: 0 });
      this.pendingLost.delete(r.id);
      return;
    }
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') p.onProgress?.(r);
    else if (r.type === 'result') {
      this.pending.delete(r.id);
      if (this.loading === r.id) this.loading = null;
      // Where the load's time went, on the page's performance timeline (read by npm run bench).
      if (r.ok && r.timings)
        performance.mark('churnlens:loaded', { detail: { ...r.timings, receivedAt: performance.timeOrigin + performance.now() } });
      p.resolve(r.ok ? { ok: true, analysis: r.analysis, files: r.files } : { ok: false, error: r.error });
    }
  }

  private call(body: RequestBody, onProgress?: (p: Progress) => void, transfer: Transferable[] = []): Promise<Outcome> {
    const id = this.next++;
    if (body.type === 'load') this.loading = id;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onProgress });
      const request: Request = { ...body, id };
      this.worker.postMessage(request, transfer);
    });
  }

  /**
   * Parse and analyse files. A File/Blob goes to the worker by reference (it streams it); bytes
   * are copied, so the caller keeps its own (for the session).
   */
  load(files: InputFile[], settings: Settings, onProgress?: (p: Progress) => void): Promise<Outcome> {
    const copies = files.map((f) => (f.bytes instanceof ArrayBuffer ? { ...f, bytes: f.bytes.slice(0) } : f));
    return this.call(
      { type: 'load', files: copies, settings },
      onProgress,
      copies.flatMap((f) => (f.bytes instanceof ArrayBuffer ? [f.bytes] : [])),
    );
  }

  /** Stop the load under way (it ends with the error code 'cancelled'); the open session stays. */
  cancel(): void {
    if (this.loading === null) return;
    const request: Request = { id: this.next++, type: 'cancel', target: this.loading };
    this.worker.postMessage(request);
  }

  /** `full`: with the churned-customer list, for the JSON export. */
  analyze(settings: Settings, full = false): Promise<Outcome> {
    return this.call({ type: 'analyze', settings, full });
  }

  /** Churned customers matching `query` (id, name, reason or cause id), the first `limit`. */
  lost(settings: Settings, query: string, limit: number): Promise<LostPage> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pendingLost.set(id, resolve);
      const request: Request = { type: 'lost', settings, query, limit, id };
      this.worker.postMessage(request);
    });
  }
}
