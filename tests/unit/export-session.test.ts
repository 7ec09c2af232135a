// The .churnlens session file: round trip of names, settings and bytes; refusals by code.
import { describe, expect, it } from 'vitest';
import {
  decodeSession,
  encodeSealedSession,
  encodeSession,
  fromBase64,
  isSessionFileName,
  openSealedSession,
  sameKdf,
  type SealedFile,
  type SessionContent,
  toBase64,
} from '../../src/export/session';
import { deriveKeys, MIN_ITERATIONS, newParams } from '../../src/store/crypto';

const bytes = (s: string) => {
  const b = new TextEncoder().encode(s);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};
const binary = new Uint8Array(70_000).map((_, i) => (i * 31 + 7) % 256);

const session: SessionContent = {
  name: '客户 A review',
  savedAt: '2026-11-23T08:00:00.000Z',
  settings: {
    inactiveDays: 60,
    asOf: '2024-06-30',
    reasonOverrides: { 太贵了: 'price' },
    customerOverrides: { K0042: 'competitor' },
    causeEdits: {
      names: { price: '价格问题' },
      controllable: { 'market-volatility': true },
      added: [{ id: 'user-1', controllable: null }],
      mergedInto: { product: 'price' },
    },
    roleOverrides: { 'orders.csv': { amount: 3, quantity: null } },
    kindOverrides: { 'staff.csv': 'staff' },
    churnMode: 'inactivity',
    period: 'quarter',
    groupBy: ['region'],
    survivalBy: 'none',
    tiers: [0.2, 0.5],
    repWindowDays: 60,
  },
  files: [
    { name: 'customers.csv', bytes: bytes('客户编号,状态\r\nK1,流失\r\n'), encoding: 'gbk' },
    { name: 'paste', bytes: bytes('a\tb\n1\t2\n'), delimiter: '\t' },
    { name: 'book.xlsx', bytes: binary.buffer, sheet: 'Sheet 2' },
  ],
};

const asText = (b: ArrayBuffer) => [...new Uint8Array(b)];

/** A session file as JSON.parse reads it back (written by encodeSession / encodeSealedSession). */
interface PlainJson {
  format: string;
  version: number;
  name: string;
  savedAt: string;
  files: { name: string; size: number; encoding?: string; base64: string }[];
}
interface SealedJson {
  format: string;
  version: number;
  encryption: Record<string, unknown>;
  data: string;
}

describe('session file', () => {
  it('round-trips the name, every setting and the exact bytes of every file', () => {
    const text = encodeSession(session);
    const json = JSON.parse(text) as PlainJson;
    expect(json).toMatchObject({ format: 'churnlens-session', version: 1, name: session.name, savedAt: session.savedAt });
    expect(json.files[0]).toMatchObject({ name: 'customers.csv', encoding: 'gbk', size: session.files[0].bytes.byteLength });
    const out = decodeSession(text);
    if (!out.ok) throw new Error(out.code);
    expect(out.session.name).toBe(session.name);
    expect(out.session.settings).toEqual(session.settings);
    expect(out.session.files.map((f) => ({ ...f, bytes: asText(f.bytes) }))).toEqual(session.files.map((f) => ({ ...f, bytes: asText(f.bytes) })));
  });

  it('base64 matches Node and refuses anything but the standard alphabet', () => {
    expect(toBase64(binary)).toBe(Buffer.from(binary).toString('base64'));
    expect([...fromBase64(Buffer.from('héllo').toString('base64'))!]).toEqual([...Buffer.from('héllo')]);
    for (const bad of ['abc', 'ab!d', 'YQ=', 'YQ==YQ==', ' YQ==', 'YQ-_']) expect(fromBase64(bad)).toBeNull();
    expect(fromBase64('')).toEqual(new Uint8Array(0));
  });

  const good = () => JSON.parse(encodeSession(session)) as PlainJson;
  it.each([
    ['not JSON', 'PK\u0003\u0004…', 'session-file-json'],
    ['empty', '', 'session-file-json'],
    ['another JSON', JSON.stringify({ version: 1, customers: {} }), 'session-file-format'],
    ['an analysis export', JSON.stringify({ version: 1, asOf: '2024-01-01' }), 'session-file-format'],
    ['a newer version', JSON.stringify({ ...good(), version: 3 }), 'session-file-version'],
    ['no version', JSON.stringify({ ...good(), version: undefined }), 'session-file-version'],
    ['bad base64', JSON.stringify({ ...good(), files: [{ ...good().files[0], base64: 'not*base64' }] }), 'session-file-corrupt'],
    [
      'truncated base64',
      JSON.stringify({ ...good(), files: [{ ...good().files[0], base64: good().files[0].base64.slice(0, -3) }] }),
      'session-file-corrupt',
    ],
    ['size mismatch', JSON.stringify({ ...good(), files: [{ ...good().files[0], size: 1 }] }), 'session-file-corrupt'],
    ['no files', JSON.stringify({ ...good(), files: [] }), 'session-file-corrupt'],
    ['a file without a name', JSON.stringify({ ...good(), files: [{ base64: 'YQ==' }] }), 'session-file-corrupt'],
    ['no settings', JSON.stringify({ ...good(), settings: undefined }), 'session-file-corrupt'],
    ['settings of the wrong shape', JSON.stringify({ ...good(), settings: { inactiveDays: 90, reasonOverrides: 'x' } }), 'session-file-corrupt'],
    ['an inactivity threshold as text', JSON.stringify({ ...good(), settings: { inactiveDays: '90' } }), 'session-file-corrupt'],
    ['tiers that are not numbers', JSON.stringify({ ...good(), settings: { inactiveDays: 90, tiers: ['20%'] } }), 'session-file-corrupt'],
    [
      'an override that is not a cause id',
      JSON.stringify({ ...good(), settings: { inactiveDays: 90, reasonOverrides: { dear: { id: 'price' } } } }),
      'session-file-corrupt',
    ],
    [
      'a sealed file without its salt',
      JSON.stringify({
        format: 'churnlens-session',
        version: 2,
        encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2', hash: 'SHA-256', iterations: 600000, iv: 'AAAAAAAAAAAAAAAA' },
        data: 'AAAAAAAAAAAAAAAAAAAAAA==',
      }),
      'session-file-corrupt',
    ],
  ])('refuses %s with a code', (_, text, code) => {
    const out = decodeSession(text);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.code).toBe(code);
  });

  it('names the settings field that is wrong', () => {
    const out = decodeSession(JSON.stringify({ ...good(), settings: { inactiveDays: 90, tiers: [0.2, 'x'] } }));
    expect(out).toEqual({ ok: false, code: 'session-file-corrupt', detail: 'settings.tiers[1]' });
  });

  it('fills missing settings with the defaults and drops overrides to causes that do not exist', () => {
    const out = decodeSession(JSON.stringify({ ...good(), settings: { reasonOverrides: { dear: 'price', old: 'custom-gone' } } }));
    expect(out.ok && out.session.settings).toEqual({
      inactiveDays: 90,
      churnMode: 'auto',
      period: 'month',
      tiers: [0.2],
      repWindowDays: 90,
      reasonOverrides: { dear: 'price' },
    });
  });

  it('accepts a BOM and falls back to the file names when the name is missing', () => {
    const out = decodeSession('\uFEFF' + JSON.stringify({ ...good(), name: '' }));
    expect(out.ok && out.session.name).toBe('customers.csv + paste + book.xlsx');
  });

  it('recognises session files by extension', () => {
    expect(isSessionFileName('Client A.churnlens')).toBe(true);
    expect(isSessionFileName('X.CHURNLENS')).toBe(true);
    expect(isSessionFileName('data.csv')).toBe(false);
  });
});

describe('sealed session file (version 2)', async () => {
  const keys = await deriveKeys('blue lantern 42 river', newParams(MIN_ITERATIONS));
  const text = await encodeSealedSession(session, keys);
  const sealedOf = (t: string): SealedFile => {
    const out = decodeSession(t);
    if (out.ok || out.code !== 'session-file-sealed') throw new Error('not sealed');
    return out.sealed;
  };

  it('holds no plaintext: not the name, the settings, the file names or the bytes', () => {
    const json = JSON.parse(text) as SealedJson;
    expect(Object.keys(json).sort()).toEqual(['data', 'encryption', 'format', 'version']);
    expect(json.encryption).toMatchObject({ cipher: 'AES-GCM', kdf: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS });
    const plain = encodeSession(session);
    for (const secret of ['客户 A review', '太贵了', 'customers.csv', 'K0042', toBase64(new Uint8Array(session.files[0].bytes)).slice(0, 12)]) {
      expect(plain).toContain(secret);
      expect(text).not.toContain(secret);
      expect(Buffer.from(fromBase64(json.data)!).toString('latin1')).not.toContain(secret);
    }
  });

  it('opens with the passphrase (or the same derived keys) and round-trips everything', async () => {
    const sealed = sealedOf(text);
    expect(sameKdf(sealed, keys)).toBe(true);
    for (const secret of ['blue lantern 42 river', keys]) {
      const out = await openSealedSession(sealed, secret);
      if (!out.ok) throw new Error(out.code);
      expect(out.session.name).toBe(session.name);
      expect(out.session.settings).toEqual(session.settings);
      expect(out.session.files.map((f) => asText(f.bytes))).toEqual(session.files.map((f) => asText(f.bytes)));
    }
  });

  it('a wrong passphrase and a tampered file are refused by code', async () => {
    expect(await openSealedSession(sealedOf(text), 'blue lantern 42 rivers')).toEqual({ ok: false, code: 'session-file-passphrase' });
    const json = JSON.parse(text) as SealedJson;
    const data = fromBase64(json.data)!;
    data[data.length >> 1] ^= 1;
    const tampered = JSON.stringify({ ...json, data: toBase64(data) });
    expect(await openSealedSession(sealedOf(tampered), keys)).toEqual({ ok: false, code: 'session-file-passphrase' });
    const weak = JSON.stringify({ ...json, encryption: { ...json.encryption, iterations: 1000 } });
    expect(await openSealedSession(sealedOf(weak), 'blue lantern 42 river')).toEqual({
      ok: false,
      code: 'session-file-corrupt',
      detail: 'encryption.iterations',
    });
  });
});

describe('base64 of big files', () => {
  it('decodes 30 MB without overflowing the regular-expression stack', () => {
    const big = new Uint8Array(30 * 1024 * 1024).map((_, i) => (i * 7) % 251);
    const text = toBase64(big);
    const back = fromBase64(text)!;
    expect(back.length).toBe(big.length);
    expect(back[12_345_678]).toBe(big[12_345_678]);
    expect(fromBase64(`${text.slice(0, -4)}A===`)).toBeNull();
  });
});
