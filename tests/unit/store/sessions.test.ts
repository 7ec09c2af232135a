// The session store over an in-memory key-value map (the same calls IndexedDB gets): files stored
// once by content, atomic saves (a save cut short at any step leaves a readable version), tabs
// that never overwrite each other, quota errors, damaged records, and encryption at rest.
import { describe, expect, it } from 'vitest';
import { MIN_ITERATIONS } from '../../../src/store/crypto';
import { type Kv, memoryKv } from '../../../src/store/kv';
import {
  ConflictError,
  type FileBytes,
  LockedError,
  QuotaError,
  type Session,
  SessionStore,
  UnreadableError,
  WrongPassphraseError,
} from '../../../src/store/sessions';

const FULL = { inactiveDays: 90, churnMode: 'auto', period: 'month', tiers: [0.2], repWindowDays: 90 };
const buf = (s: string) => new TextEncoder().encode(s).buffer;
/** Bytes saved as an ArrayBuffer come back as one. */
const text = (b: FileBytes) => {
  if (!(b instanceof ArrayBuffer)) throw new Error('expected the bytes in memory, got a Blob');
  return new TextDecoder().decode(b);
};
const CUSTOMERS = '客户编号,客户名称,流失原因\nK0001,上海恒达贸易有限公司,价格太贵了被竞争对手挖走\nK0002,Zhang Wei Trading,moved abroad\n';
const ORDERS = 'customer_id,order_date,amount\nK0001,2024-01-05,1200.50\n';

function session(id: string, name: string, files: Record<string, string>, settings: object = { inactiveDays: 90 }): Session {
  return {
    id,
    rev: null,
    name,
    created: 1_700_000_000_000,
    updated: 1_700_000_000_000,
    files: Object.entries(files).map(([n, t]) => ({ name: n, bytes: buf(t) })),
    settings: settings as Session['settings'],
    figures: { customers: 2, churned: 1, controllableShare: 0.5 },
  };
}

const blobKeys = (kv: { map: Map<string, unknown> }) => [...kv.map.keys()].filter((k) => k.startsWith('blob:'));
const blobBytes = (kv: { map: Map<string, unknown> }) => blobKeys(kv).reduce((n, k) => n + (kv.map.get(k) as { size: number }).size, 0);

describe('session store', () => {
  it('keeps a dropped file as a Blob: stored and read back as one, keyed like the same bytes in memory, sealed from its bytes', async () => {
    const kv = memoryKv();
    let hashed = 0;
    const store = new SessionStore(kv, undefined, async (bytes, mac) => {
      hashed++;
      const { contentHash } = await import('../../../src/store/crypto');
      return contentHash(bytes instanceof Blob ? await bytes.arrayBuffer() : bytes, mac);
    });
    const s = session('a', 'Client A', {});
    s.files = [{ name: 'orders.csv', bytes: new Blob([ORDERS]) }];
    const { keys } = await store.save(s, null);
    expect(hashed).toBe(1);
    expect(keys[0]).toBe(await store.contentKey(buf(ORDERS)));
    const back = (await store.load('a')).files[0].bytes;
    expect(back).toBeInstanceOf(Blob);
    expect(await (back as Blob).text()).toBe(ORDERS);
    expect((await store.list())[0]).toMatchObject({ ok: true, size: ORDERS.length });
    // With a passphrase the Blob's bytes are read and sealed: no plaintext is stored.
    await store.setPassphrase('correct horse battery staple', MIN_ITERATIONS);
    const sealed = await store.load('a');
    expect(await new Response(sealed.files[0].bytes).text()).toBe(ORDERS);
    expect(JSON.stringify([...kv.map.values()].map(String))).not.toContain('K0001,2024');
  });

  it('saves and loads a session: bytes, settings (normalised), figures, revision', async () => {
    const kv = memoryKv();
    const store = new SessionStore(kv);
    const s = session(
      'a',
      'Client A',
      { 'customers.csv': CUSTOMERS, 'orders.csv': ORDERS },
      { inactiveDays: 60, reasonOverrides: { 太贵了: 'price' } },
    );
    s.files[1].encoding = 'gbk';
    const { rev, keys } = await store.save(s, null);
    expect(rev).toBe(1);
    expect(keys.every((k) => /^s:[0-9a-f]{64}$/.test(k))).toBe(true);
    const back = await store.load('a');
    expect(back.rev).toBe(1);
    expect(back.name).toBe('Client A');
    expect(back.settings).toEqual({ ...FULL, inactiveDays: 60, reasonOverrides: { 太贵了: 'price' } });
    expect(back.files.map((f) => [f.name, text(f.bytes), f.encoding, f.key])).toEqual([
      ['customers.csv', CUSTOMERS, undefined, keys[0]],
      ['orders.csv', ORDERS, 'gbk', keys[1]],
    ]);
    expect(back.figures).toEqual({ customers: 2, churned: 1, controllableShare: 0.5 });
    const stored = [...kv.map.keys()].sort();
    expect(stored.slice(0, 3)).toEqual([...keys.map((k) => `blob:${k}`).sort(), 'head:a']);
    expect(stored.slice(3)).toEqual([expect.stringMatching(/^rec:a:[0-9a-f]{12}$/)]);
  });

  it('stores each file once: a second session of the same files adds no file bytes', async () => {
    const kv = memoryKv();
    const store = new SessionStore(kv);
    await store.save(session('a', 'First', { 'customers.csv': CUSTOMERS, 'orders.csv': ORDERS }), null);
    const before = { files: blobKeys(kv).length, bytes: blobBytes(kv) };
    expect(before).toEqual({ files: 2, bytes: buf(CUSTOMERS).byteLength + buf(ORDERS).byteLength });
    // The same content under other names, in another order.
    await store.save(session('b', 'Second', { 'orders copy.csv': ORDERS, 'clients.csv': CUSTOMERS }), null);
    expect({ files: blobKeys(kv).length, bytes: blobBytes(kv) }).toEqual(before);
    const keysA = (await store.load('a')).files.map((f) => f.key!);
    const found = await store.findByFiles([...keysA].reverse());
    expect(found?.id).toMatch(/^[ab]$/);
    expect(await store.findByFiles([keysA[0]])).toBeNull();
    // Deleting one session keeps the files the other uses; deleting both frees them.
    await store.remove('a');
    expect(blobKeys(kv).length).toBe(2);
    expect(text((await store.load('b')).files[1].bytes)).toBe(CUSTOMERS);
    await store.remove('b');
    expect([...kv.map.keys()]).toEqual([]);
  });

  it('lists each session with its files, size and key figures, newest first', async () => {
    const store = new SessionStore(memoryKv());
    await store.save(session('old', 'Old', { 'a.csv': ORDERS }), null);
    await store.save({ ...session('new', 'New', { 'c.csv': CUSTOMERS }), updated: 1_800_000_000_000 }, null);
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual(['new', 'old']);
    expect(list[0]).toMatchObject({
      ok: true,
      name: 'New',
      size: buf(CUSTOMERS).byteLength,
      files: [{ name: 'c.csv', size: buf(CUSTOMERS).byteLength }],
      figures: { customers: 2, churned: 1, controllableShare: 0.5 },
      encrypted: false,
    });
  });

  it('renames with a new revision, and the old record goes', async () => {
    const kv = memoryKv();
    const store = new SessionStore(kv);
    await store.save(session('a', 'Client A', { 'a.csv': ORDERS }), null);
    expect(await store.rename('a', 'Client A review')).toBe(2);
    const back = await store.load('a');
    expect([back.name, back.rev]).toEqual(['Client A review', 2]);
    expect([...kv.map.keys()].filter((k) => k.startsWith('rec:'))).toHaveLength(1);
  });

  it('never writes over another tab: the older copy gets ConflictError and changes nothing', async () => {
    const kv = memoryKv();
    const tabA = new SessionStore(kv);
    const tabB = new SessionStore(kv);
    await tabA.save(session('a', 'Client A', { 'a.csv': ORDERS }), null);
    const a = await tabA.load('a');
    const b = await tabB.load('a');
    await tabA.save({ ...a, settings: { ...a.settings, inactiveDays: 30 } }, a.rev);
    await expect(tabB.save({ ...b, settings: { ...b.settings, inactiveDays: 200 } }, b.rev)).rejects.toBeInstanceOf(ConflictError);
    await expect(tabB.save(session('a', 'Same id, new', { 'x.csv': 'x' }), null)).rejects.toBeInstanceOf(ConflictError);
    const now = await tabB.load('a');
    expect([now.rev, now.settings.inactiveDays]).toEqual([2, 30]);
    expect([...kv.map.keys()].filter((k) => k.startsWith('rec:'))).toHaveLength(1);
    expect(blobKeys(kv)).toHaveLength(1);
  });

  it('a quota error is reported as such and the saved version stays whole', async () => {
    const map = new Map<string, unknown>();
    const base = memoryKv(map);
    let full = false;
    const kv: Kv = {
      ...base,
      set: async (k, v) => {
        if (full && k.startsWith('blob:')) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
        return base.set(k, v);
      },
    };
    const store = new SessionStore(kv);
    await store.save(session('a', 'Client A', { 'a.csv': ORDERS }), null);
    const a = await store.load('a');
    full = true;
    await expect(store.save({ ...a, files: [...a.files, { name: 'big.csv', bytes: buf('x'.repeat(1000)) }] }, a.rev)).rejects.toBeInstanceOf(
      QuotaError,
    );
    const back = await store.load('a');
    expect([back.rev, back.files.map((f) => f.name)]).toEqual([1, ['a.csv']]);
    // A settings-only save needs no new file and still works.
    expect((await store.save({ ...a, settings: { ...a.settings, inactiveDays: 45 } }, a.rev)).rev).toBe(2);
  });

  it('a save cut short at any step (tab closed, reload) leaves one whole version, and gc clears the rest', async () => {
    // Count the writes of a full save, then replay it stopping after each one in turn.
    const seed = async () => {
      const map = new Map<string, unknown>();
      const store = new SessionStore(memoryKv(map));
      await store.save(session('a', 'Before', { 'customers.csv': CUSTOMERS }), null);
      return map;
    };
    const next = (s: Session): Session => ({ ...s, name: 'After', files: [...s.files, { name: 'orders.csv', bytes: buf(ORDERS) }] });
    const counting = (map: Map<string, unknown>, stopAfter: number) => {
      const base = memoryKv(map);
      let writes = 0;
      const hang = () => new Promise<never>(() => undefined); // the page is gone: nothing after this runs
      const step = async <T>(run: () => Promise<T>) => (writes++ >= stopAfter ? hang() : run());
      const kv: Kv = {
        ...base,
        set: (k, v) => step(() => base.set(k, v)),
        del: (ks) => step(() => base.del(ks)),
        update: (k, fn) => step(() => base.update(k, fn)),
      };
      return { kv, writes: () => writes };
    };
    const full = counting(await seed(), Infinity);
    const store = new SessionStore(full.kv);
    await store.save(next(await store.load('a')), 1);
    const total = full.writes();
    expect(total).toBe(4); // new file, new record, pointer flip, old record removed
    for (let stop = 0; stop <= total; stop++) {
      const map = await seed();
      const cut = counting(map, stop);
      const dying = new SessionStore(cut.kv);
      void dying.save(next(await dying.load('a')), 1);
      await new Promise((r) => setTimeout(r, 20));
      const reopened = new SessionStore(memoryKv(map));
      const s = await reopened.load('a');
      const flipped = stop >= 3;
      expect([s.name, s.rev, s.files.length], `stopped after ${stop} writes`).toEqual(flipped ? ['After', 2, 2] : ['Before', 1, 1]);
      await reopened.gc();
      const recs = [...map.keys()].filter((k) => k.startsWith('rec:'));
      expect(recs, `records after gc, stop ${stop}`).toHaveLength(1);
      expect(
        [...map.keys()].filter((k) => k.startsWith('blob:')),
        `files after gc, stop ${stop}`,
      ).toHaveLength(flipped ? 2 : 1);
    }
  });

  it('a damaged record is listed as unreadable with its reason and never blocks the others', async () => {
    const kv = memoryKv();
    const store = new SessionStore(kv);
    for (const id of ['good', 'bad-settings', 'newer', 'no-file', 'no-record'])
      await store.save(session(id, id, { [`${id}.csv`]: `${id}\n1\n` }), null);
    const rec = (id: string) => [...kv.map.keys()].find((k) => k.startsWith(`rec:${id}:`))!;
    kv.map.set(rec('bad-settings'), { ...(kv.map.get(rec('bad-settings')) as object), settings: { inactiveDays: 90, tiers: 'top 20%' } });
    kv.map.set(rec('newer'), { ...(kv.map.get(rec('newer')) as object), version: 3 });
    kv.map.delete([...kv.map.keys()].find((k) => k.startsWith('blob:') && (kv.map.get(k) as { size: number }).size === 'no-file\n1\n'.length)!);
    kv.map.delete(rec('no-record'));
    const list = await store.list();
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(byId.get('good')).toMatchObject({ ok: true, name: 'good' });
    expect(byId.get('bad-settings')).toEqual({ ok: false, id: 'bad-settings', reason: 'settings', detail: 'tiers', encrypted: false });
    expect(byId.get('newer')).toEqual({ ok: false, id: 'newer', reason: 'version', detail: '3', encrypted: false });
    expect(byId.get('no-file')).toEqual({ ok: false, id: 'no-file', reason: 'missing-file', detail: 'no-file.csv', encrypted: false });
    expect(byId.get('no-record')).toEqual({ ok: false, id: 'no-record', reason: 'damaged', detail: 'record', encrypted: false });
    expect(list.length).toBe(5);
    await expect(store.load('newer')).rejects.toMatchObject({ reason: 'version' });
    expect(text((await store.load('good')).files[0].bytes)).toBe('good\n1\n');
    // gc cannot tell which files a record of another version (or a lost record) uses: it keeps every file.
    const files = blobKeys(kv).length;
    await store.gc();
    expect(blobKeys(kv).length).toBe(files);
    // Once those are gone, a record with damaged settings still names its files: they stay, the rest goes.
    await store.remove('newer');
    await store.remove('no-record');
    expect(
      blobKeys(kv)
        .map((k) => (kv.map.get(k) as { bytes: ArrayBuffer }).bytes)
        .map(text)
        .sort(),
    ).toEqual(['bad-settings\n1\n', 'good\n1\n']);
  });
});

describe('migration from version 1', () => {
  /** Exactly what churnlens 0.1 (store version 1) wrote. */
  function v1(map: Map<string, unknown>, id: string, name: string, files: Record<string, string>, settings: unknown) {
    const f = Object.entries(files).map(([n, t]) => ({ name: n, bytes: buf(t) }));
    map.set(`session:${id}`, { version: 1, id, name, created: 1_690_000_000_000, updated: 1_690_000_100_000, files: f, settings });
    map.set(`meta:${id}`, {
      id,
      name,
      created: 1_690_000_000_000,
      updated: 1_690_000_100_000,
      files: f.map((x) => ({ name: x.name, size: x.bytes.byteLength })),
    });
  }

  it('moves every readable session to the new layout, sharing identical files, and keeps the current pointer', async () => {
    const map = new Map<string, unknown>();
    v1(map, 'k1', 'Client A', { 'customers.csv': CUSTOMERS, 'orders.csv': ORDERS }, { inactiveDays: 60, reasonOverrides: { dear: 'price' } });
    v1(map, 'k2', 'Client A again', { 'customers.csv': CUSTOMERS }, { inactiveDays: 90 });
    v1(map, 'k3', 'Broken', { 'x.csv': 'x' }, { inactiveDays: 'ninety' });
    map.set('current', 'k1');
    const store = new SessionStore(memoryKv(map));
    expect(await store.migrate()).toEqual({ moved: 2, failed: 1 });
    const a = await store.load('k1');
    expect([a.name, a.rev, a.created, a.updated]).toEqual(['Client A', 1, 1_690_000_000_000, 1_690_000_100_000]);
    expect(a.files.map((f) => [f.name, text(f.bytes)])).toEqual([
      ['customers.csv', CUSTOMERS],
      ['orders.csv', ORDERS],
    ]);
    expect(a.settings).toEqual({ ...FULL, inactiveDays: 60, reasonOverrides: { dear: 'price' } });
    expect(await store.current()).toBe('k1');
    expect([...map.keys()].filter((k) => k.startsWith('blob:'))).toHaveLength(2);
    expect(map.has('session:k1') || map.has('meta:k1') || map.has('session:k2')).toBe(false);
    // The broken one stays where it was, listed as unreadable with the field that is wrong.
    const list = await store.list();
    expect(list.find((e) => e.id === 'k3')).toEqual({ ok: false, id: 'k3', reason: 'settings', detail: 'inactiveDays', encrypted: false });
    expect(
      list
        .filter((e) => e.ok)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['k1', 'k2']);
    expect(map.has('session:k3')).toBe(true);
    // Running it again moves nothing more.
    expect(await store.migrate()).toEqual({ moved: 0, failed: 1 });
  });

  it('a session not migrated yet still opens', async () => {
    const map = new Map<string, unknown>();
    v1(map, 'k1', 'Client A', { 'customers.csv': CUSTOMERS }, { inactiveDays: 60 });
    const store = new SessionStore(memoryKv(map));
    const s = await store.load('k1');
    expect([s.rev, s.name, text(s.files[0].bytes), s.settings.inactiveDays]).toEqual([null, 'Client A', CUSTOMERS, 60]);
    // Saving it writes the new layout and removes the old record.
    await store.save(s, null);
    expect([...map.keys()].some((k) => k.startsWith('session:') || k.startsWith('meta:'))).toBe(false);
  });
});

describe('encryption at rest', async () => {
  /** Every byte stored, as text in the encodings a reader would try. */
  function dump(map: Map<string, unknown>): string {
    const parts: string[] = [];
    const walk = (v: unknown): void => {
      if (v instanceof ArrayBuffer) parts.push(new TextDecoder().decode(v), Buffer.from(v).toString('latin1'));
      else if (ArrayBuffer.isView(v)) walk(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
      else if (typeof v === 'string') parts.push(v);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          parts.push(k);
          walk(x);
        }
      } else parts.push(String(v));
    };
    for (const [k, v] of map) {
      parts.push(k);
      walk(v);
    }
    return parts.join('\n');
  }
  const secrets = ['上海恒达贸易', 'Zhang Wei', 'moved abroad', 'K0001', '价格太贵', 'Client A', 'customers.csv', '太贵了', '1200.50'];
  const PASS = 'blue lantern 42 river';

  it('seals every session and file; no plaintext of the files, names or settings is stored', async () => {
    const map = new Map<string, unknown>();
    const store = new SessionStore(memoryKv(map));
    await store.save(
      session('a', 'Client A', { 'customers.csv': CUSTOMERS, 'orders.csv': ORDERS }, { inactiveDays: 90, reasonOverrides: { 太贵了: 'price' } }),
      null,
    );
    expect(secrets.filter((s) => dump(map).includes(s))).toEqual(secrets); // the test can see plaintext
    await store.setPassphrase(PASS, MIN_ITERATIONS);
    expect(await store.encryption()).toBe('unlocked');
    expect(secrets.filter((s) => dump(map).includes(s))).toEqual([]);
    // New saves are sealed too.
    await store.save(session('b', 'Client A 2', { 'customers.csv': CUSTOMERS }), null);
    expect(secrets.filter((s) => dump(map).includes(s))).toEqual([]);
    expect([...map.keys()].filter((k) => k.startsWith('blob:')).every((k) => /^blob:h:[0-9a-f]{8}:[0-9a-f]{64}$/.test(k))).toBe(true);
    // The second session shares the first one's customer file (keyed by HMAC).
    expect([...map.keys()].filter((k) => k.startsWith('blob:'))).toHaveLength(2);
    expect((await store.keyring())!.iterations).toBe(MIN_ITERATIONS);
    expect(dump(map)).not.toContain(PASS);
  });

  it('reopens only with its passphrase; a wrong one is refused and changes nothing; tampering is refused', async () => {
    const map = new Map<string, unknown>();
    const first = new SessionStore(memoryKv(map));
    await first.setPassphrase(PASS, MIN_ITERATIONS);
    await first.save(session('a', 'Client A', { 'customers.csv': CUSTOMERS }), null);

    const tab = new SessionStore(memoryKv(map)); // a reload: the key is gone
    expect(await tab.encryption()).toBe('locked');
    expect(await tab.list()).toEqual([{ ok: false, id: 'a', reason: 'locked', size: buf(CUSTOMERS).byteLength, encrypted: true }]);
    await expect(tab.load('a')).rejects.toMatchObject({ reason: 'locked' });
    await expect(tab.save(session('b', 'B', { 'b.csv': 'b' }), null)).rejects.toBeInstanceOf(LockedError);
    await expect(tab.contentKey(buf('x'))).rejects.toBeInstanceOf(LockedError);

    const before = structuredClone([...map]);
    await expect(tab.unlock('blue lantern 42 rivers')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect([...map]).toEqual(before);
    expect(await tab.encryption()).toBe('locked');

    await tab.unlock(PASS);
    const s = await tab.load('a');
    expect([s.name, text(s.files[0].bytes)]).toEqual(['Client A', CUSTOMERS]);

    // One flipped bit in the stored file, then in the record: refused, not misread.
    const blobKey = [...map.keys()].find((k) => k.startsWith('blob:'))!;
    const blob = map.get(blobKey) as { sealed: { data: ArrayBuffer } };
    new Uint8Array(blob.sealed.data)[5] ^= 1;
    await expect(tab.load('a')).rejects.toEqual(new UnreadableError('decrypt', 'customers.csv'));
    new Uint8Array(blob.sealed.data)[5] ^= 1;
    const recKey = [...map.keys()].find((k) => k.startsWith('rec:'))!;
    const rec = map.get(recKey) as { sealed: { data: ArrayBuffer } };
    new Uint8Array(rec.sealed.data)[0] ^= 1;
    expect((await tab.list())[0]).toMatchObject({ ok: false, reason: 'decrypt' });
    new Uint8Array(rec.sealed.data)[0] ^= 1;
    expect((await tab.list())[0]).toMatchObject({ ok: true, name: 'Client A' });
  });

  it('removing the passphrase decrypts everything; forgetting it can only delete', async () => {
    const map = new Map<string, unknown>();
    const store = new SessionStore(memoryKv(map));
    await store.setPassphrase(PASS, MIN_ITERATIONS);
    await store.save(session('a', 'Client A', { 'customers.csv': CUSTOMERS }), null);
    await store.removePassphrase();
    expect(await store.encryption()).toBe('off');
    expect(map.has('keyring')).toBe(false);
    const s = await store.load('a');
    expect([s.name, text(s.files[0].bytes), s.files[0].key]).toEqual(['Client A', CUSTOMERS, expect.stringMatching(/^s:/)]);
    expect([...map.keys()].filter((k) => k.startsWith('blob:'))).toEqual([`blob:${s.files[0].key}`]);

    await store.setPassphrase(PASS, MIN_ITERATIONS);
    const locked = new SessionStore(memoryKv(map));
    await locked.deleteAll();
    expect([...map.keys()]).toEqual([]);
    expect(await locked.encryption()).toBe('off');
  });
});
