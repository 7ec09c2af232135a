// The page's side of worker/hash.ts: one worker, started on first use.
import type { FileBytes, HashFn } from '../store/sessions';
import type { HashRequest, HashResponse } from './hash';
import HashWorker from './hash.ts?worker&inline';

let worker: Worker | null = null;
let next = 1;
const pending = new Map<number, { resolve: (hex: string) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const w = new HashWorker();
  w.onmessage = (e: MessageEvent<HashResponse>) => {
    const r = e.data;
    const p = pending.get(r.id);
    pending.delete(r.id);
    if (r.ok) p?.resolve(r.hex);
    else p?.reject(new Error(r.message));
  };
  w.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message));
    pending.clear();
  };
  return w;
}

/**
 * Hash in the worker. An ArrayBuffer is copied there (the caller keeps its own); a Blob goes by
 * reference and is read there.
 */
export const hashInWorker: HashFn = (bytes: FileBytes, mac?: CryptoKey) =>
  new Promise((resolve, reject) => {
    worker ??= start();
    const id = next++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, bytes, mac } satisfies HashRequest);
  });
