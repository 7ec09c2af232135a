// The first bytes of a file and its format, read without DuckDB: what both the sample (sample.ts)
// and the DuckDB engine (duckdb.ts) start from. Apart from them so that neither imports the other
// back (sample.ts loads duckdb.ts, lazily, for a Parquet file).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Bytes of a CSV read by the core to guess roles and forms (the whole file when smaller). */
export const SAMPLE_BYTES = 8 << 20;
/** Rows of a Parquet file read by the core for the same. */
export const SAMPLE_ROWS = 100_000;

export const isParquet = (path: string): boolean => {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return head.toString('latin1') === 'PAR1';
  } finally {
    closeSync(fd);
  }
};

/** The first `max` bytes of a file, cut after its last line break when the file goes on. */
export function head(path: string, max: number): { bytes: Uint8Array; whole: boolean } {
  const size = statSync(path).size;
  const n = Math.min(size, max);
  const bytes = Buffer.alloc(n);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, n, 0);
  } finally {
    closeSync(fd);
  }
  if (n === size) return { bytes, whole: true };
  const cut = bytes.lastIndexOf(0x0a);
  return { bytes: cut > 0 ? bytes.subarray(0, cut + 1) : bytes, whole: false };
}
