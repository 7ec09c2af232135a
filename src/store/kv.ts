// The few key-value operations the session store needs: IndexedDB (idb-keyval) in the page, a Map
// in unit tests. `update` is one read-write transaction: the pointer flip that makes saves atomic.
import { clear, createStore, delMany, get, keys, set, update, type UseStore } from 'idb-keyval';

export interface Kv {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(keys: string[]): Promise<void>;
  keys(): Promise<string[]>;
  /** Read, change and write one key in one transaction. */
  update(key: string, fn: (old: unknown) => unknown): Promise<void>;
  clear(): Promise<void>;
}

export function idbKv(dbName: string): Kv {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(dbName, 'kv'));
  return {
    get: (k) => get(k, db()),
    set: (k, v) => set(k, v, db()),
    del: (ks) => delMany(ks, db()),
    keys: async () => (await keys(db())).filter((k): k is string => typeof k === 'string'),
    update: (k, fn) => update(k, fn, db()),
    clear: () => clear(db()),
  };
}

/** For tests: values are kept by reference, as written (structured clone is IndexedDB's business). */
export function memoryKv(map = new Map<string, unknown>()): Kv & { map: Map<string, unknown> } {
  return {
    map,
    get: async (k) => map.get(k),
    set: async (k, v) => void map.set(k, v),
    del: async (ks) => ks.forEach((k) => map.delete(k)),
    keys: async () => [...map.keys()],
    update: async (k, fn) => void map.set(k, fn(map.get(k))),
    clear: async () => map.clear(),
  };
}
