// A sample of an export as the core reads it, for the summary SQL's roles and forms: the first
// SAMPLE_BYTES of a CSV (read here, without DuckDB), the first SAMPLE_ROWS of a Parquet file
// (read by DuckDB, loaded only then: its native addon takes a few hundred ms to load).
import { basename } from 'node:path';
import { ingestBytes } from '../core/ingest/index';
import type { ParsedFile } from '../core/types';
import { head, isParquet, SAMPLE_BYTES } from './head';

/** A sample of a file as the core reads it: the first SAMPLE_BYTES of a CSV, the first SAMPLE_ROWS of a Parquet file. */
export async function sampleFile(path: string, encoding?: string): Promise<ParsedFile> {
  if (!isParquet(path)) return ingestBytes(basename(path), head(path, SAMPLE_BYTES).bytes, { encoding });
  return (await import('./duckdb')).parquetSample(path);
}
