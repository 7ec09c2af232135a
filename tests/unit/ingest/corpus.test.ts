// The corpus (scripts/gen-corpus.ts → tests/fixtures/corpus/): every encoding, delimiter, line
// break and layout, read with no settings, asserted exactly against what the generator wrote.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type Expected, generateCorpus } from '../../../scripts/lib/corpus';
import { analyze } from '../../../src/core/analyze';
import { isoDay } from '../../../src/core/dates';
import { ingestBytes } from '../../../src/core/ingest/index';
import { parseDelimited } from '../../../src/core/ingest/parse';
import { ingestSource } from '../../../src/core/ingest/source';
import { parseChurnFlag, parseDateColumn, parseNumberColumn } from '../../../src/core/ingest/values';
import { DEFAULT_SETTINGS, type ParsedFile } from '../../../src/core/types';
import { texts } from '../texts';

const dir = new URL('../../fixtures/corpus/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, Expected>;
const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const DATE_ROLES = new Set(['signupDate', 'lastOrderDate', 'orderDate', 'repJoinDate', 'repLeaveDate']);
const NUMBER_ROLES = new Set(['revenue', 'amount']);

function named(p: ParsedFile): Record<string, string> {
  return Object.fromEntries(Object.entries(p.roles).map(([role, c]) => [role, p.header[c]]));
}

function valuesOf(p: ParsedFile, role: string): (string | number | boolean | null)[] {
  const col = p.columns[p.roles[role as keyof ParsedFile['roles']]!];
  if (DATE_ROLES.has(role)) return [...parseDateColumn(col, true).days].map((d) => (Number.isNaN(d) ? null : isoDay(d)));
  if (NUMBER_ROLES.has(role)) return [...parseNumberColumn(col).values].map((x) => (Number.isNaN(x) ? null : x));
  if (role === 'status') return texts(col).map(parseChurnFlag);
  return texts(col).map((s) => s.trim());
}

describe('corpus files are what the seeded generator makes', () => {
  it('byte for byte', () => {
    for (const f of generateCorpus()) expect(Buffer.from(bytesOf(f.name)).equals(Buffer.from(f.bytes)), f.name).toBe(true);
  });
});

describe('corpus: read with no settings', () => {
  for (const [name, exp] of Object.entries(expected)) {
    it(`${name}: ${exp.encoding}, ${JSON.stringify(exp.delimiter)}, ${exp.kind}`, () => {
      const p = ingestBytes(name, bytesOf(name));
      expect({ encoding: p.encoding, delimiter: p.delimiter, kind: p.kind, rowCount: p.rowCount, skipped: p.skipped }).toEqual({
        encoding: exp.encoding,
        delimiter: exp.delimiter,
        kind: exp.kind,
        rowCount: exp.rowCount,
        skipped: exp.skipped,
      });
      expect(named(p)).toEqual(exp.roles);
      for (const [role, values] of Object.entries(exp.values)) expect(valuesOf(p, role), `${name} ${role}`).toEqual(values);
      expect(p.issues.filter((i) => i.code !== 'ragged-rows')).toEqual([]);
    });

    it(`${name}: streamed from a Blob in small chunks, the same as from bytes`, async () => {
      const bytes = bytesOf(name);
      const whole = ingestBytes(name, bytes);
      // A Blob made of 7-byte parts: the stream hands them over one by one, cutting characters.
      const parts: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += 7) parts.push(bytes.slice(at, at + 7));
      const progress: number[] = [];
      const streamed = await ingestSource(name, new Blob(parts as BlobPart[]), { onProgress: (done) => progress.push(done) });
      expect(streamed).toEqual(whole);
      expect(progress.at(-1)).toBe(bytes.length);
    });
  }

  it('the splitter agrees with PapaParse on every corpus file', () => {
    for (const [name, exp] of Object.entries(expected)) {
      const text = new TextDecoder(exp.encoding).decode(bytesOf(name));
      const ours = parseDelimited(text, exp.delimiter).rows;
      // PapaParse needs one kind of line break; the corpus files use one each.
      const newline = text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
      const papa = Papa.parse<string[]>(text, { delimiter: exp.delimiter, newline: newline as '\n', skipEmptyLines: false }).data;
      if (papa.length && papa.at(-1)!.length === 1 && papa.at(-1)![0] === '') papa.pop();
      expect(ours, name).toEqual(papa);
    }
  });

  it('a customer list, an order log and a staff roster dropped together: kinds, join and unmatched rows', () => {
    const files = ['customers-gbk.csv', 'orders-utf8.csv', 'staff-gbk.csv'].map((n) => ingestBytes(n, bytesOf(n)));
    expect(files.map((f) => f.kind)).toEqual(['customers', 'orders', 'staff']);
    const a = analyze(files, { ...DEFAULT_SETTINGS });
    expect(a.customers.total).toBe(10);
    // Three order rows name ZZ9, ZZ19 and ZZ29, which the customer list does not hold.
    const unmatched = a.issues.find((i) => i.code === 'orders-unmatched');
    expect(unmatched).toMatchObject({ file: 'orders-utf8.csv', params: { count: 3 } });
    expect(a.inputs.map((i) => i.kind)).toEqual(['customers', 'orders', 'staff']);
  });
});
