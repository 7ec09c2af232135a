// Long and hostile cells: what the classifier and the page read (clipped, cleaned), what the
// .xlsx holds (Excel's cell limit, no characters XML refuses), what the CSV keeps (everything).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { cleanText, clipStrings, clipText, MAX_CELL_CHARS } from '../../src/core/text';
import { XLSX_MAX_CHARS, xlsxData, xlsxText } from '../../src/export/tables';
import { csvCell } from '../../src/ui/csv';

const MEGA = 'pricing went up again; '.repeat(50_000).slice(0, 1_000_000);

describe('clipText and cleanText', () => {
  it.each([
    ['short text', 'too expensive', 'too expensive'],
    ['exactly the limit', 'x'.repeat(MAX_CELL_CHARS), 'x'.repeat(MAX_CELL_CHARS)],
    ['one over', 'x'.repeat(MAX_CELL_CHARS + 1), `${'x'.repeat(MAX_CELL_CHARS)}…`],
    ['a NUL byte', 'nul\u0000byte', 'nul\uFFFDbyte'],
    ['a lone high surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['a lone low surrogate', 'a\uDFFFb', 'a\uFFFDb'],
    ['a pair kept', 'a😀b', 'a😀b'],
    ['tab, LF and CR kept', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['an RTL override kept', 'invoice\u202Efdp.exe', 'invoice\u202Efdp.exe'],
    ['markup kept as text', '<script>x()</script>', '<script>x()</script>'],
  ])('%s', (_, input, want) => {
    expect(clipText(input)).toBe(want);
    expect(clipText(clipText(input))).toBe(want);
  });

  it('never splits a surrogate pair at the cut', () => {
    const s = `${'x'.repeat(MAX_CELL_CHARS - 1)}😀tail`;
    expect(clipText(s)).toBe(`${'x'.repeat(MAX_CELL_CHARS - 1)}…`);
    expect(clipText(clipText(s))).toBe(clipText(s));
  });

  it('clipStrings copies only what it changes', () => {
    const data = { a: [1, 'ok', { b: MEGA }], c: { d: 'fine' }, e: new Float64Array(3) };
    const out = clipStrings(data);
    expect((out.a[2] as { b: string }).b).toHaveLength(MAX_CELL_CHARS + 1);
    expect(out.c).toBe(data.c);
    expect(out.e).toBe(data.e);
    expect((data.a[2] as { b: string }).b).toBe(MEGA);
    const clean = { x: ['a', 'b'] };
    expect(clipStrings(clean)).toBe(clean);
    expect(cleanText('plain')).toBe('plain');
  });
});

describe('exports of hostile cells', () => {
  it('.xlsx: Excel’s cell limit, no characters XML refuses, formulas neutralised', () => {
    expect(xlsxText(MEGA)).toHaveLength(XLSX_MAX_CHARS);
    expect(xlsxText(MEGA).endsWith('…')).toBe(true);
    expect(xlsxText('nul\u0000byte\u001F')).toBe('nul\uFFFDbyte\uFFFD');
    expect(xlsxText('x'.repeat(XLSX_MAX_CHARS))).toHaveLength(XLSX_MAX_CHARS);
    const [header, row] = xlsxData({ header: ['Name'], rows: [['=cmd|calc\u0000']] });
    expect(header[0]).toMatchObject({ value: 'Name' });
    expect(row[0]).toEqual({ type: String, value: "'=cmd|calc\uFFFD" });
  });

  it('CSV keeps the whole text, quoted, formulas neutralised', () => {
    expect(csvCell(MEGA)).toBe(MEGA);
    expect(csvCell('<a href="javascript:x()">')).toBe('"<a href=""javascript:x()"">"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('the classifier reads at most MAX_CELL_CHARS of a reason; tables keep it whole', () => {
  it('a 1 MB reason is classified from its start and listed whole', () => {
    const csv = ['Customer ID,Status,Churn Reason', `A,Churned,${MEGA}`, 'B,Churned,too expensive', 'C,Active,'].join('\n');
    const a = analyze([ingestBytes('c.csv', new TextEncoder().encode(csv))], { inactiveDays: 90 });
    const long = a.reasons.find((r) => r.text.length > 10_000)!;
    expect(long.text).toBe(MEGA);
    expect(a.lost!.find((c) => c.id === 'A')!.reason).toBe(MEGA);
    // Overridden by the key the page sends (the clipped text it shows): the override applies.
    const b = analyze([ingestBytes('c.csv', new TextEncoder().encode(csv))], { inactiveDays: 90, reasonOverrides: { [clipText(MEGA)]: 'product' } });
    expect(b.lost!.find((c) => c.id === 'A')).toMatchObject({ cause: 'product', source: 'reason' });
  });
});
