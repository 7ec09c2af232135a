// Encryption at rest with Web Crypto only (the page, its worker and Node 20 all have it):
// AES-256-GCM with a random 96-bit IV per message, keys from PBKDF2-SHA-256 over the passphrase
// with a random 16-byte salt and an iteration count chosen by measuring this machine (never
// below OWASP's 600,000). The same derivation gives an HMAC-SHA-256 key that names stored files
// by content without revealing a plain hash of it. The passphrase itself is never kept: only
// non-extractable CryptoKeys, in memory.

export const MIN_ITERATIONS = 600_000;
/** Time the derivation should take on this machine when the passphrase is set. */
export const TARGET_MS = 500;
export const MAX_ITERATIONS = 10_000_000;

export interface KdfParams {
  kdf: 'PBKDF2';
  hash: 'SHA-256';
  iterations: number;
  salt: Uint8Array;
}

export interface Keys {
  /** AES-256-GCM, encrypt/decrypt. */
  aes: CryptoKey;
  /** HMAC-SHA-256, names stored files by content. */
  mac: CryptoKey;
  params: KdfParams;
}

/** Ciphertext with its IV; `data` ends with the 16-byte GCM tag. */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

export class DecryptError extends Error {
  constructor() {
    super('decryption failed: wrong passphrase or damaged data');
    this.name = 'DecryptError';
  }
}

const subtle = () => globalThis.crypto.subtle;
const utf8 = new TextEncoder();

/** Own the bytes as an ArrayBuffer-backed view (what Web Crypto's types ask for). */
const view = (b: Uint8Array | ArrayBuffer): Uint8Array<ArrayBuffer> =>
  b instanceof ArrayBuffer ? new Uint8Array(b) : b.buffer instanceof ArrayBuffer ? (b as Uint8Array<ArrayBuffer>) : new Uint8Array(b);

export const randomBytes = (n: number): Uint8Array<ArrayBuffer> => globalThis.crypto.getRandomValues(new Uint8Array(n));

export const toHex = (b: ArrayBuffer | Uint8Array): string =>
  Array.from(b instanceof Uint8Array ? b : new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');

async function material(passphrase: string): Promise<CryptoKey> {
  return subtle().importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
}

async function bits(passphrase: string, salt: Uint8Array, iterations: number, length: number): Promise<ArrayBuffer> {
  return subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: view(salt), iterations }, await material(passphrase), length);
}

/** 512 derived bits: the first half keys AES-GCM, the second HMAC. */
export async function deriveKeys(passphrase: string, params: KdfParams): Promise<Keys> {
  if (params.kdf !== 'PBKDF2' || params.hash !== 'SHA-256') throw new Error(`unsupported key derivation ${params.kdf}/${params.hash}`);
  if (!(params.iterations >= MIN_ITERATIONS && params.iterations <= MAX_ITERATIONS)) throw new Error(`iterations out of range: ${params.iterations}`);
  const raw = new Uint8Array(await bits(passphrase, params.salt, params.iterations, 512));
  const aes = await subtle().importKey('raw', raw.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  const mac = await subtle().importKey('raw', raw.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  raw.fill(0);
  return { aes, mac, params };
}

/**
 * The iteration count for this machine: time a short derivation, scale it to TARGET_MS, round
 * to 10,000 and keep it within [MIN_ITERATIONS, MAX_ITERATIONS]. Returns the figure and the
 * measured rate so the page can say it.
 */
export async function chooseIterations(targetMs = TARGET_MS): Promise<{ iterations: number; perSecond: number }> {
  const probe = 100_000;
  const salt = randomBytes(16);
  await bits('warm-up', salt, 10_000, 256);
  const t0 = performance.now();
  await bits('measure', salt, probe, 256);
  const ms = Math.max(1, performance.now() - t0);
  const perSecond = Math.round((probe / ms) * 1000);
  const scaled = Math.round((perSecond * targetMs) / 1000 / 10_000) * 10_000;
  return { iterations: Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, scaled)), perSecond };
}

export function newParams(iterations: number): KdfParams {
  return { kdf: 'PBKDF2', hash: 'SHA-256', iterations, salt: randomBytes(16) };
}

/** Encrypt; `context` (where the bytes live) is authenticated, so a record cannot be swapped for another. */
export async function seal(key: CryptoKey, plain: Uint8Array | ArrayBuffer, context: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(context) }, key, view(plain));
  return { iv, data };
}

/** Decrypt, or DecryptError when the key is wrong or a single bit changed (GCM's tag). */
export async function unseal(key: CryptoKey, sealed: Sealed, context: string): Promise<ArrayBuffer> {
  try {
    return await subtle().decrypt({ name: 'AES-GCM', iv: view(sealed.iv), additionalData: utf8.encode(context) }, key, view(sealed.data));
  } catch {
    throw new DecryptError();
  }
}

export const sealJson = (key: CryptoKey, value: unknown, context: string): Promise<Sealed> => seal(key, utf8.encode(JSON.stringify(value)), context);

export async function unsealJson(key: CryptoKey, sealed: Sealed, context: string): Promise<unknown> {
  const bytes = await unseal(key, sealed, context);
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** A file's name in the store: SHA-256 of its bytes (hex), or HMAC-SHA-256 under the passphrase's key. */
export async function contentHash(bytes: ArrayBuffer | Uint8Array, mac?: CryptoKey): Promise<string> {
  return toHex(mac ? await subtle().sign('HMAC', mac, view(bytes)) : await subtle().digest('SHA-256', view(bytes)));
}

export const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' && v !== null && (v as Sealed).iv instanceof Uint8Array && (v as Sealed).data instanceof ArrayBuffer;
