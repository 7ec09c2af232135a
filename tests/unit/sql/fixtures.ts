// Shared by the SQL tests: the two paths to an Analysis, what may differ between engines, and an
// order log written to exercise every rule the summary SQL follows.
import { readFileSync } from 'node:fs';
import { readWithDuckDB } from '../../../src/cli/duckdb';
import { analyze } from '../../../src/core/analyze';
import { ingestSource } from '../../../src/core/ingest/source';
import { checkedSettings } from '../../../src/core/settings';
import type { Analysis, ParsedFile, Settings } from '../../../src/core/types';

/** The in-memory path (the page's and the CLI's): each file ingested whole, then analyze. */
export async function inMemory(paths: string[], settings: Settings): Promise<Analysis> {
  const parsed: ParsedFile[] = [];
  for (const p of paths) {
    const b = readFileSync(p);
    parsed.push(await ingestSource(p.split('/').pop()!, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
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

/**
 * A WooCommerce-style order log whose row status says which rows are sales (the core's
 * orderStatusClassOf): completed, processing and values it does not know are sales; refunded,
 * cancelled, pending, on-hold, failed and checkout-draft are not, whatever their amount or
 * customer. Hand-checked figures in duckdb.test.ts.
 */
export const WOO = [
  'Order ID,Order Date,Order Status,Order Total,Customer User ID,Billing City',
  '1001,2024-01-05 10:00:00,completed,100.00,7,Denver', // a sale
  '1002,2024-01-20 11:00:00,refunded,55.00,7,Denver', // not a sale
  '1003,2024-02-02 09:00:00,processing,40.00,8,Boston', // a sale (paid, not shipped yet)
  '1004,2024-02-10 12:00:00,pending,70.00,9,Miami', // not a sale: customer 9 bought nothing
  '1005,2024-02-15 12:00:00,cancelled,30.00,8,Boston',
  '1006,2024-03-01 08:00:00, Refunded ,20.00,8,Boston', // trimmed and lower-cased to compare; named as " Refunded " trimmed
  '1007,2024-03-03 08:00:00,CANCELLED,-15.00,7,Denver', // not a sale, so not a return either
  '1008,2024-03-05 08:00:00,on-hold,12.00,,Miami', // not a sale, so not a row without a customer either
  '1009,2024-03-06 08:00:00,completed,-25.00,8,Boston', // a return
  '1010,2024-03-07 08:00:00,completed,18.00,,Denver', // a sale without a customer
  '1011,2024-02-30 08:00:00,failed,9.00,7,Denver', // no such day: a bad date, counted as nothing else
  '1012,2024-03-10 08:00:00,backordered,22.00,10,Austin', // a status the core does not know: a sale
  '1013,2024-03-12 08:00:00,partially-refunded,11.00,7,Denver', // likewise
  '1014,2024-04-01 08:00:00,pending,5.00,8,Boston',
  '1015,2024-04-02 08:00:00,cancelled,6.00,10,Austin',
  '1016,2024-06-30 08:00:00,checkout-draft,50.00,11,Austin', // the latest date (asOf), though not a sale; the 7th value named
  '1017,2024-05-20 08:00:00,completed,60.00,10,Austin',
].join('\n');
