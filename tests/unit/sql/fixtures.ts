// Shared by the SQL tests: the two paths to an Analysis, what may differ between engines, and an
// order log written to exercise every rule the summary SQL follows.
import { readFileSync } from 'node:fs';
import { analyze } from '../../../src/core/analyze';
import { ingestSource } from '../../../src/core/ingest/source';
import { checkedSettings } from '../../../src/core/settings';
import type { Analysis, ParsedFile, Settings } from '../../../src/core/types';
import { readWithDuckDB } from '../../../src/cli/duckdb';

/** The in-memory path (the page's and the CLI's): each file ingested whole, then analyze. */
export async function inMemory(paths: string[], settings: Settings): Promise<Analysis> {
  const parsed: ParsedFile[] = [];
  for (const p of paths) {
    const b = readFileSync(p);
    parsed.push(await ingestSource(p.split('/').pop()!, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer));
  }
  return analyze(parsed, settings);
}

/** The DuckDB path (analyze --engine duckdb), with a small memory limit. */
export async function viaDuckDB(paths: string[], settings: Settings, sums?: 'group' | 'window'): Promise<Analysis> {
  return analyze(await readWithDuckDB(paths, settings, { memoryLimit: '1GB', threads: 2, sums }), settings);
}

/** The Analysis less what differs by engine (see duckdb.test.ts). */
export function comparable(a: Analysis, opts: { file?: boolean } = {}) {
  const { summary: _summary, ...rest } = a;
  void _summary;
  return {
    ...rest,
    inputs: a.inputs.map(({ encoding: _e, delimiter: _d, file, ...i }) => ({ ...i, ...(opts.file === false ? {} : { file }) })),
  };
}

export const defaults = (patch: Partial<Settings> = {}) => checkedSettings({ ...patch });

/** An order log written to exercise every rule the SQL follows (see the comment on each row). */
export const TRICKY = [
  'Invoice,Customer ID,Order Date,Quantity,Unit Price,Country,Sales Rep,Channel',
  'A1, K1 ,2024-01-05,2,"1,234.50",UK,Ann,web', // id trimmed; thousands separator
  'A2,K1,1/5/2024 10:00,1,3.10,UK,,web', // month-first (the column says so: 1/13/2024 below); time ignored; blank rep keeps Ann
  'C3,K1,2024-02-01,1,5,UK,Bob,shop', // a cancelled invoice: not a purchase
  'A4,K2,2024-02-30,1,5,FR,Cid,shop', // no such day: a bad date, the row is left out
  'A5,K2,2024-03-01,-1,5,FR,Cid,shop', // a return (negative quantity)
  'A6,,2024-03-02,1,5,FR,Dee,web', // no customer id: unattributed
  'A7,K3,2024/3/3,1,N/A,DE,Eve,web', // a placeholder price: a purchase worth 0, not a bad number
  'A8,K3,2024-03-04,1,abc,DE,Eve,web', // a bad number: a purchase worth 0
  'A9,K4,1/13/2024,3,2,ES,Fay,shop', // month-first evidence
  'A10,K4,2024年3月5日,1,¥7.25,ES,Fay,shop', // Chinese date; currency sign
  'A11,K4,20240306,1,(2.00),ES,Gus,shop', // compact date; accounting negative: a return
  'A12,K5,2024-05-10,1,1.10,IT,,web', // K5's latest order names no rep…
  'A13,K5,2024-05-01,1,2.20,IT,Zed,shop', // …and an earlier-dated row after it does not count as latest: rep stays ''
  'A14,K6,12/31/23,1,0.1,NL,Hal,web', // two-digit year
  'A15,K6,2024-03,1,0.2,NL,Hal,web', // year-month: the first of the month
  'A16,K6,2024-03-31,1,0.3,NL,Ivy,shop', // 0.1 + 0.2 + 0.3 in the core's order
  'A17,K7,2024-06-30,1,9.99,PL,Jo,web', // the latest date: asOf
  'A18,K1,2024-06-01,2,0.7,UK,Ann,shop',
  'A19,K1,2024-04-15,1,0.35,UK,Kim,web',
  'A20,K3,2024-04-20,4,1.5,DE,Eve,shop',
].join('\n');
