// The asynchronous ingest (Blob or bytes, progress, cancel, .xlsx) and the worker's load path.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encode } from '../../../scripts/lib/corpus';
import { ingestBytes } from '../../../src/core/ingest/index';
import { ingestSource } from '../../../src/core/ingest/source';
import { DEFAULT_SETTINGS, IngestError } from '../../../src/core/types';
import { Handler } from '../../../src/worker/handlers';
import type { Response } from '../../../src/worker/protocol';
import { texts } from '../texts';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof IngestError) return e.code;
    throw e;
  }
}

const buf = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** An OLE2 (CFB) container: the magic number and, for an encrypted workbook, its EncryptionInfo stream name. */
function ole2(encrypted: boolean): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = encrypted ? 'EncryptionInfo' : 'Workbook';
  for (let i = 0; i < name.length; i++) b[1024 + 2 * i] = name.charCodeAt(i);
  return b;
}

describe('ingestSource', () => {
  it('names the failure: empty, image, password-protected workbook, old .xls, no header', async () => {
    expect(await code(ingestSource('e.csv', new Blob([])))).toBe('empty-file');
    expect(await code(ingestSource('p.csv', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0])])))).toBe('binary-file');
    expect(await code(ingestSource('locked.xlsx', new Blob([ole2(true) as BlobPart])))).toBe('password-protected');
    expect(await code(ingestSource('old.xls', new Blob([ole2(false) as BlobPart])))).toBe('encrypted-or-legacy-workbook');
    expect(await code(ingestSource('n.csv', new Blob(['1,2,3\n4,5,6\n7,8,9\n'])))).toBe('no-header');
    expect(await code(ingestSource('z.xlsx', new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])])))).toBe('bad-workbook');
  });

  it('a date-named column without a single date is reported with its column and first line', async () => {
    const p = await ingestSource('d.csv', new Blob(['客户编号,签约日期,状态\nK1,明年,流失\nK2,待定,正常\n']));
    expect(p.issues).toContainEqual({ code: 'no-dates-in-column', file: 'd.csv', column: '签约日期', row: 2, params: { value: '明年' } });
    expect(p.roles.signupDate).toBeUndefined();
  });

  it('reports progress in bytes, up to the size, and stops when cancelled', async () => {
    const text = `id,name,status\n${Array.from({ length: 60000 }, (_, i) => `${i},n${i},lost`).join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    const seen: number[] = [];
    const p = await ingestSource('big.csv', buf(bytes), { onProgress: (d, t) => (expect(t).toBe(bytes.length), seen.push(d)) });
    expect(p.rowCount).toBe(60000);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(bytes.length);
    let chunks = 0;
    expect(await code(ingestSource('big.csv', buf(bytes), { cancelled: () => ++chunks > 1 }))).toBe('cancelled');
  });

  it('a file that looks like UTF-8 for its first 64 KB and turns out GBK is read again as GBK', async () => {
    const ascii = Array.from({ length: 9000 }, (_, i) => `K${i},0`).join('\r\n');
    const bytes = new Uint8Array([
      ...encode(`customer_id,status\r\n${ascii}\r\n`, 'utf-8', false),
      ...encode('K9000,流失\r\nK9001,正常\r\n', 'gbk', false),
    ]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const streamed = await ingestSource('late.csv', new Blob([bytes]));
    expect(streamed.encoding).toBe('gbk');
    expect(texts(streamed.columns[1]).slice(-2)).toEqual(['流失', '正常']);
    expect(ingestBytes('late.csv', bytes)).toEqual(streamed);
  });

  it('pasted text: the caller fixes the tab delimiter', async () => {
    const p = await ingestSource('paste', new Blob(['客户编号\t名称, 备注\tStatus\nK1\tA, B\tlost\n']), { delimiter: '\t' });
    expect(p.header).toEqual(['客户编号', '名称, 备注', 'Status']);
    expect(p.delimiter).toBe('\t');
  });
});

const data = new URL('../../../../shared/data/', import.meta.url);
const haveXlsx = existsSync(fileURLToPath(new URL('telco-ibm-reasons.xlsx', data)));
if (!haveXlsx) console.warn('\n*** ../shared/data/telco-ibm-reasons.xlsx absent: .xlsx test SKIPPED ***\n');

describe.skipIf(!haveXlsx)('.xlsx read in place from shared/data', () => {
  it('telco-ibm-reasons.xlsx reads like its CSV export', async () => {
    const x = readFileSync(new URL('telco-ibm-reasons.xlsx', data));
    const p = await ingestSource('telco.xlsx', new Blob([x]));
    const csv = ingestBytes('telco.csv', new Uint8Array(readFileSync(new URL('telco-ibm-reasons.csv', data))));
    expect(p).toMatchObject({ encoding: 'xlsx', kind: 'customers', rowCount: 7043, sheets: ['Telco_Churn'], sheet: 'Telco_Churn' });
    expect(p.roles).toEqual(csv.roles);
    const id = p.roles.customerId!;
    expect(texts(p.columns[id])).toEqual(texts(csv.columns[csv.roles.customerId!]));
    expect(texts(p.columns[p.roles.reason!])).toEqual(texts(csv.columns[csv.roles.reason!]));
    expect(await code(ingestSource('telco.xlsx', new Blob([x]), { sheet: 'Nope' }))).toBe('sheet-not-found');
  });
});

describe('worker handler: load', () => {
  const run = (h: Handler, req: Parameters<Handler['handle']>[0]) =>
    new Promise<Response[]>((ok) => {
      const out: Response[] = [];
      const p = h.handle(req, (r) => {
        out.push(r);
        if (r.type === 'result') ok(out);
      });
      void p;
    });
  const csv = (s: string) => new Blob([s]);

  it('streams Blobs with progress; a failed or cancelled load keeps the open files', async () => {
    const h = new Handler();
    const good = await run(h, {
      id: 1,
      type: 'load',
      files: [{ name: 'c.csv', bytes: csv('Customer ID,Status\nA,lost\nB,active\n') }],
      settings: { ...DEFAULT_SETTINGS },
    });
    const result = good.at(-1)!;
    expect(result).toMatchObject({ ok: true });
    expect(good.some((r) => r.type === 'progress' && r.stage === 'read')).toBe(true);
    const bad = await run(h, { id: 2, type: 'load', files: [{ name: 'e.csv', bytes: csv('') }], settings: { ...DEFAULT_SETTINGS } });
    expect(bad.at(-1)).toMatchObject({ ok: false, error: { code: 'empty-file', file: 'e.csv' } });
    // Cancel arrives while the big file streams.
    const big = `Customer ID,Status\n${'X,lost\n'.repeat(400000)}`;
    const pending = run(h, {
      id: 3,
      type: 'load',
      files: [{ name: 'big.csv', bytes: new TextEncoder().encode(big).buffer }],
      settings: { ...DEFAULT_SETTINGS },
    });
    // Not awaited: the cancel must arrive while load 3 streams (a cancel's handling is synchronous).
    void h.handle({ id: 4, type: 'cancel', target: 3 }, () => {});
    expect((await pending).at(-1)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const again = await run(h, { id: 5, type: 'analyze', settings: { ...DEFAULT_SETTINGS } });
    expect(again.at(-1)).toMatchObject({ ok: true, files: [{ file: 'c.csv', rowCount: 2 }] });
  });

  it('a kind chosen by the user is applied', async () => {
    const h = new Handler();
    await run(h, {
      id: 1,
      type: 'load',
      files: [{ name: 'c.csv', bytes: csv('Customer ID,Status\nA,lost\nB,active\n') }],
      settings: { ...DEFAULT_SETTINGS },
    });
    const out = await run(h, { id: 2, type: 'analyze', settings: { ...DEFAULT_SETTINGS, kindOverrides: { 'c.csv': 'orders' } } });
    expect(out.at(-1)).toMatchObject({ ok: true, analysis: { inputs: [{ kind: 'orders' }] } });
  });
});
