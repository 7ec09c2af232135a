// A second worker that names stored files by their content (SHA-256, or HMAC-SHA-256 under the
// store's key). WebCrypto does the digest on the calling thread: ~140 ms for an 80 MB file, a
// long task on the page and time on the analysis worker's critical path. Here it runs on the
// other core while the analysis worker reads the same file.
import { contentHash } from '../store/crypto';

export interface HashRequest {
  id: number;
  bytes: ArrayBuffer | Blob;
  mac?: CryptoKey;
}

export type HashResponse = { id: number; ok: true; hex: string } | { id: number; ok: false; message: string };

const post = (r: HashResponse) => (self as unknown as Worker).postMessage(r);

self.onmessage = async (e: MessageEvent<HashRequest>) => {
  const { id, bytes, mac } = e.data;
  try {
    post({ id, ok: true, hex: await contentHash(bytes instanceof Blob ? await bytes.arrayBuffer() : bytes, mac) });
  } catch (err) {
    post({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
