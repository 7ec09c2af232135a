import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, isoDay } from '../../../src/core/dates';
import { textColumns } from '../../../src/core/ingest/columns';
import { ingestBytes, ingestText } from '../../../src/core/ingest/index';
import { parseDelimited } from '../../../src/core/ingest/parse';
import { guessKind, guessRoles, knownHeaderCount, withKind } from '../../../src/core/ingest/roles';
import { ingestSource } from '../../../src/core/ingest/source';
import { parseDateValue, parseNumberColumn, parseNumberValue } from '../../../src/core/ingest/values';
import { IngestError, type ParsedFile } from '../../../src/core/types';
import { texts } from '../texts';

const DELIMS = [',', ';', '\t', '|'];
const EOLS = ['\n', '\r\n', '\r'];

// Cells mix the characters CSV gets wrong: delimiters, quotes, every line break, CJK, spaces.
const cellUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom('客', '户', '流失', '編號', '¥', '，', '　', '😀') },
  { weight: 3, arbitrary: fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r', '\r\n', ' ') },
);
const cell = fc.array(cellUnit, { maxLength: 5 }).map((parts) => parts.join(''));

const matrix = fc
  .record({ cols: fc.integer({ min: 1, max: 6 }), rows: fc.integer({ min: 1, max: 12 }) })
  .chain(({ cols, rows }) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

/** RFC 4180 writing, quoting any field that holds a candidate delimiter, a quote or a break. */
function toCsv(rows: string[][], delim: string, eol: string, trailing: boolean): string {
  const field = (s: string, lone: boolean): string => (/[,;\t|"\r\n]/.test(s) || (lone && s === '') ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map((s) => field(s, r.length === 1)).join(delim)).join(eol) + (trailing ? eol : '');
}

function checkShape(p: ParsedFile): void {
  expect(p.columns.length).toBe(p.header.length);
  for (const col of p.columns) expect(col.length).toBe(p.rowCount);
  expect(p.lineOf?.length).toBe(p.rowCount);
  const cols = Object.values(p.roles);
  expect(new Set(cols).size).toBe(cols.length);
  for (const c of cols) expect(c >= 0 && c < p.header.length).toBe(true);
  expect(new Set(p.header).size).toBe(p.header.length);
}

function onlyIngestErrors(bytes: Uint8Array): void {
  try {
    checkShape(ingestBytes('x.csv', bytes));
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
  }
}

describe('properties', () => {
  it('quoted CSV of any string matrix round-trips through parseDelimited', () => {
    fc.assert(
      fc.property(matrix, fc.constantFrom(...DELIMS), fc.constantFrom(...EOLS), fc.boolean(), (rows, delim, eol, trailing) => {
        const r = parseDelimited(toCsv(rows, delim, eol, trailing));
        expect(r.rows).toEqual(rows);
        if (rows[0].length > 1) expect(r.delimiter).toBe(delim);
      }),
      { numRuns: 400 },
    );
  });

  it('random bytes never throw anything but IngestError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), onlyIngestErrors), { numRuns: 400 });
  });

  it('mutated CSV never throws anything but IngestError', () => {
    const mutation = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), kind: fc.constantFrom('set', 'insert', 'delete') });
    fc.assert(
      fc.property(matrix, fc.constantFrom(...DELIMS), fc.array(mutation, { maxLength: 8 }), (rows, delim, mutations) => {
        const csv = toCsv([['客户编号', '状态', '金额'], ...rows], delim, '\r\n', true);
        const bytes = Array.from(new TextEncoder().encode(csv));
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.kind === 'insert') bytes.splice(at, 0, m.byte);
          else if (m.kind === 'delete') bytes.splice(at, 1);
          else bytes[Math.min(at, bytes.length - 1)] = m.byte;
        }
        onlyIngestErrors(new Uint8Array(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('value parsers never throw on any string', () => {
    const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: cellUnit, maxLength: 8 }));
    fc.assert(
      fc.property(anyString, (s) => {
        const n = parseNumberValue(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
        const d = parseDateValue(s);
        expect(d === null || Number.isInteger(d)).toBe(true);
        parseDateValue(s, 'mdy');
        parseNumberColumn([s, s]);
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers written with toFixed, with grouping, or with a decimal comma read back exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, k) => {
        const plain = x.toFixed(k);
        const expected = Number(plain) + 0; // + 0 turns -0 into 0
        expect(parseNumberValue(plain)).toBe(expected);
        const grouped = x.toLocaleString('en-US', { minimumFractionDigits: k, maximumFractionDigits: k });
        expect(parseNumberValue(grouped)).toBe(Number(grouped.replace(/,/g, '')) + 0);
        const european = grouped.replace(/[,.]/g, (c) => (c === ',' ? '.' : ','));
        // The second value tells the column writes decimal commas.
        expect(parseNumberColumn([european, '0,25']).values[0]).toBe(Number(grouped.replace(/,/g, '')) + 0);
      }),
      { numRuns: 500 },
    );
  });

  it('dates written ISO and in common local forms read back exactly', () => {
    const lo = dayOf(1900, 1, 1)!;
    const hi = dayOf(2099, 12, 31)!;
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (d) => {
        const iso = isoDay(d);
        const [y, m, dd] = iso.split('-').map(Number);
        expect(parseDateValue(iso)).toBe(d);
        expect(parseDateValue(`${iso}T08:30:00Z`)).toBe(d);
        expect(parseDateValue(`${y}/${m}/${dd}`)).toBe(d);
        expect(parseDateValue(`${y}年${m}月${dd}日`)).toBe(d);
        expect(parseDateValue(`${dd}/${m}/${y}`, 'dmy')).toBe(d);
        expect(parseDateValue(`${m}/${dd}/${y}`, 'mdy')).toBe(d);
      }),
      { numRuns: 500 },
    );
  });

  it('role and kind inference never throws, and gives each role and column at most once', () => {
    const header = fc.oneof(
      fc.constantFrom(
        '客户编号',
        'Customer ID',
        '状态',
        'Churn',
        '下单日期',
        'Order Date',
        '金额',
        'Amount',
        '入职日期',
        '员工姓名',
        'Region',
        '原因',
        '',
      ),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.oneof(
      fc.constantFrom('2024-03-05', '2024/3/5', '05/03/2024', '45000', '¥1,234.50', '1.2万', '流失', '正常', 'Yes', 'No', '', 'N/A', 'KH001'),
      fc.string({ maxLength: 10 }),
    );
    const table = fc
      .integer({ min: 1, max: 8 })
      .chain((cols) =>
        fc.tuple(
          fc.array(header, { minLength: cols, maxLength: cols }),
          fc.array(fc.array(value, { minLength: 0, maxLength: 30 }), { minLength: cols, maxLength: cols }),
        ),
      );
    fc.assert(
      fc.property(table, ([head, cols]) => {
        const n = Math.min(...cols.map((c) => c.length));
        const columns = cols.map((c) => c.slice(0, n));
        const issues: { code: string }[] = [];
        const roles = guessRoles(head, columns, { file: 'x.csv', issues: issues });
        const used = Object.values(roles);
        expect(new Set(used).size).toBe(used.length);
        for (const c of used) expect(c >= 0 && c < head.length).toBe(true);
        const kind = guessKind(roles, columns);
        expect(['customers', 'orders', 'staff']).toContain(kind);
        for (const k of ['customers', 'orders', 'staff'] as const) {
          const f = withKind(
            {
              file: 'x',
              kind,
              encoding: 'utf-8',
              delimiter: ',',
              header: head,
              columns: textColumns(columns),
              rowCount: n,
              roles,
              skipped: { title: 0, blank: 0, totals: 0, repeatedHeader: 0 },
              issues: [],
            },
            k,
          );
          expect(f.kind).toBe(k);
          expect(new Set(Object.values(f.roles)).size).toBe(Object.values(f.roles).length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a plain table round-trips through the whole ingest, in every delimiter and line break', () => {
    // Data words are never column names, or a data row could pass for the header (as a title row can).
    const word = fc
      .stringMatching(/^[a-z][a-z0-9]{0,6}$/)
      .filter((w) => !/^(?:total|totals|sum|note|notes|source|na|nan|nil|null|none)/.test(w) && knownHeaderCount([w]) === 0);
    const NAMES = ['客户编号', '客户名称', '区域', 'Sales Rep', 'Segment', 'Churn Reason', 'Status', 'Order ID'];
    const tableArb = fc.integer({ min: 2, max: 5 }).chain((cols) =>
      fc.tuple(
        fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: cols, maxLength: cols }),
        fc.array(fc.array(fc.oneof(word, fc.constantFrom('客户 甲', 'a,b', 'say "hi"', 'two\nlines')), { minLength: cols, maxLength: cols }), {
          minLength: 2,
          maxLength: 15,
        }),
      ),
    );
    fc.assert(
      fc.property(tableArb, fc.constantFrom(...DELIMS), fc.constantFrom(...EOLS), ([head, body], delim, eol) => {
        const p = ingestText('t.csv', toCsv([head, ...body], delim, eol, true), 'utf-8');
        expect(p.header).toEqual(head);
        expect(p.rowCount).toBe(body.length);
        head.forEach((_, c) => expect(texts(p.columns[c])).toEqual(body.map((r) => r[c])));
      }),
      { numRuns: 300 },
    );
  });

  it('streaming any bytes from a Blob in any pieces gives what ingesting them whole gives', async () => {
    const source = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      matrix.map((rows) => new TextEncoder().encode(toCsv([['客户编号', '状态', '下单日期'], ...rows], ',', '\r\n', true))),
    );
    const outcome = async (f: () => unknown) => {
      try {
        return { ok: await f() };
      } catch (e) {
        if (!(e instanceof IngestError)) throw e;
        return { code: e.code };
      }
    };
    await fc.assert(
      fc.asyncProperty(source, fc.array(fc.nat(), { maxLength: 5 }), async (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const parts: Uint8Array[] = [];
        let from = 0;
        for (const at of [...points, bytes.length]) {
          parts.push(bytes.slice(from, at));
          from = at;
        }
        const whole = await outcome(() => ingestBytes('x.csv', bytes));
        const streamed = await outcome(() => ingestSource('x.csv', new Blob(parts as BlobPart[])));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });
});
