// Web Crypto at rest: AES-GCM round trip, a wrong key, a flipped bit or a moved record refused;
// PBKDF2 never below 600,000 iterations; content keys are SHA-256 (or HMAC under the passphrase).
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  chooseIterations,
  contentHash,
  DecryptError,
  deriveKeys,
  MIN_ITERATIONS,
  newParams,
  seal,
  sealJson,
  unseal,
  unsealJson,
} from '../../../src/store/crypto';

const text = (b: ArrayBuffer) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('store crypto', async () => {
  const params = newParams(MIN_ITERATIONS);
  const keys = await deriveKeys('correct horse battery staple', params);
  const other = await deriveKeys('correct horse battery stapler', params);

  it('derives the AES and HMAC keys from PBKDF2-SHA-256 as RFC 8018 defines it', async () => {
    // The HMAC half of the derived bits, checked against Node's own PBKDF2 and HMAC.
    const raw = pbkdf2Sync('correct horse battery staple', params.salt, MIN_ITERATIONS, 64, 'sha256');
    const data = bytes('客户,流失原因\nK1,太贵了\n');
    expect(await contentHash(data, keys.mac)).toBe(createHmac('sha256', raw.subarray(32)).update(data).digest('hex'));
    // …and the AES half decrypts what Node encrypts with it.
    const { createCipheriv } = await import('node:crypto');
    const iv = new Uint8Array(12).fill(7);
    const cipher = createCipheriv('aes-256-gcm', raw.subarray(0, 32), iv);
    cipher.setAAD(Buffer.from('ctx'));
    const body = Buffer.concat([cipher.update('plain text'), cipher.final(), cipher.getAuthTag()]);
    const data2 = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength);
    expect(text(await unseal(keys.aes, { iv, data: data2 }, 'ctx'))).toBe('plain text');
  });

  it('round-trips bytes and JSON, with a fresh IV each time', async () => {
    const a = await seal(keys.aes, bytes('流失客户 K0042'), 'blob:x');
    const b = await seal(keys.aes, bytes('流失客户 K0042'), 'blob:x');
    expect(text(await unseal(keys.aes, a, 'blob:x'))).toBe('流失客户 K0042');
    expect([...a.iv]).not.toEqual([...b.iv]);
    expect(a.data.byteLength).toBe(bytes('流失客户 K0042').byteLength + 16);
    const value = { name: 'Client A', settings: { inactiveDays: 60 } };
    expect(await unsealJson(keys.aes, await sealJson(keys.aes, value, 'rec:1'), 'rec:1')).toEqual(value);
  });

  it('refuses a wrong passphrase, a flipped bit, another IV and a record moved to another place', async () => {
    const sealed = await seal(keys.aes, bytes('secret'), 'rec:a:1');
    await expect(unseal(other.aes, sealed, 'rec:a:1')).rejects.toBeInstanceOf(DecryptError);
    for (const at of [0, 3, sealed.data.byteLength - 1]) {
      const data = sealed.data.slice(0);
      new Uint8Array(data)[at] ^= 1;
      await expect(unseal(keys.aes, { iv: sealed.iv, data }, 'rec:a:1')).rejects.toBeInstanceOf(DecryptError);
    }
    const iv = sealed.iv.slice();
    iv[0] ^= 1;
    await expect(unseal(keys.aes, { iv, data: sealed.data }, 'rec:a:1')).rejects.toBeInstanceOf(DecryptError);
    await expect(unseal(keys.aes, sealed, 'rec:b:1')).rejects.toBeInstanceOf(DecryptError);
    await expect(unseal(keys.aes, { iv: sealed.iv, data: sealed.data.slice(0, -1) }, 'rec:a:1')).rejects.toBeInstanceOf(DecryptError);
  });

  it('never derives with fewer than 600,000 iterations', async () => {
    await expect(deriveKeys('x', { ...params, iterations: MIN_ITERATIONS - 1 })).rejects.toThrow(/iterations/);
    const { iterations, perSecond } = await chooseIterations(1);
    expect(iterations).toBe(MIN_ITERATIONS);
    expect(perSecond).toBeGreaterThan(0);
    const measured = await chooseIterations(60_000);
    expect(measured.iterations % 10_000).toBe(0);
    expect(measured.iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS);
  });

  it('content keys: SHA-256 in clear, HMAC under a passphrase (equal content, equal key)', async () => {
    const data = bytes('a,b\n1,2\n');
    expect(await contentHash(data)).toBe(createHash('sha256').update(data).digest('hex'));
    expect(await contentHash(data.slice().buffer)).toBe(await contentHash(data));
    expect(await contentHash(data, keys.mac)).toBe(await contentHash(bytes('a,b\n1,2\n'), keys.mac));
    expect(await contentHash(data, keys.mac)).not.toBe(await contentHash(data, other.mac));
  });
});
