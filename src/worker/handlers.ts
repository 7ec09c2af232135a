// The worker's logic, free of postMessage so it can be tested in Node.
import { analyze } from '../core/analyze';
import { ingestBytes } from '../core/ingest/index';
import { IngestError, type ParsedFile } from '../core/types';
import { fileInfo, type Request, type Response, type WorkerError } from './protocol';

export function toWorkerError(e: unknown): WorkerError {
  if (e instanceof IngestError) return { code: e.code, file: e.file, params: e.params };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'internal-error', params: { message } };
}

/** Holds the parsed files of the open session; a failed load leaves them untouched. */
export class Handler {
  private files: ParsedFile[] = [];

  handle(req: Request, post: (r: Response) => void): void {
    try {
      if (req.type === 'load') {
        const parsed: ParsedFile[] = [];
        req.files.forEach((f, i) => {
          post({ id: req.id, type: 'progress', stage: 'parse', done: i, total: req.files.length, file: f.name });
          parsed.push(ingestBytes(f.name, new Uint8Array(f.bytes), { encoding: f.encoding }));
        });
        post({ id: req.id, type: 'progress', stage: 'analyze', done: req.files.length, total: req.files.length });
        const analysis = analyze(parsed, req.settings);
        this.files = parsed;
        post({ id: req.id, type: 'result', ok: true, analysis, files: parsed.map(fileInfo) });
      } else {
        if (this.files.length === 0) throw new Error('no data loaded');
        const analysis = analyze(this.files, req.settings);
        post({ id: req.id, type: 'result', ok: true, analysis, files: this.files.map(fileInfo) });
      }
    } catch (e) {
      post({ id: req.id, type: 'result', ok: false, error: toWorkerError(e) });
    }
  }
}
