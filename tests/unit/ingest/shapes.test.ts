// The bench's export shapes (scripts/lib/shapes.ts), small: the generator is deterministic, its
// GBK encoder agrees with TextDecoder, and our ingest reads every shape cell for cell as
// PapaParse splits the decoded text, across 1 MB chunk boundaries.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { encodeGbk, shapeBytes, type ShapeName, shapeOf, SHAPES, shapeText } from '../../../scripts/lib/shapes';
import { ingestBytes } from '../../../src/core/ingest/index';

/** Cells of column c, however ParsedFile holds them. */
function cells(col: unknown, n: number): string[] {
  if (Array.isArray(col)) return col as string[];
  const c = col as { get(r: number): string };
  return Array.from({ length: n }, (_, r) => c.get(r));
}

describe('export shapes', () => {
  it('the same seed gives the same bytes, another seed others', () => {
    for (const { name } of SHAPES) {
      const a = shapeBytes(name, 300, 7);
      expect(Buffer.from(shapeBytes(name, 300, 7)).equals(Buffer.from(a))).toBe(true);
      expect(Buffer.from(shapeBytes(name, 300, 8)).equals(Buffer.from(a))).toBe(false);
    }
  });

  it('GBK: every character the shapes use round-trips through TextDecoder', () => {
    const text = shapeText('gbk', 2000) + '，。、；！￥';
    expect(new TextDecoder('gbk').decode(encodeGbk(text))).toBe(text);
    expect(() => encodeGbk('😀')).toThrow(/GBK has no/);
  });

  it('issue13 has the issue’s columns, 8,000 SKUs at most and a quoted note with a comma on every row', () => {
    const rows = Papa.parse<string[]>(shapeText('issue13', 5000), { delimiter: ',', newline: '\n' }).data.slice(1, -1);
    expect(rows).toHaveLength(5000);
    const raw = shapeText('issue13', 5000).split('\n').slice(1, -1);
    expect(raw.every((l) => /,"[^"]*,[^"]*"$/.test(l))).toBe(true);
    const skus = new Set(rows.map((r) => r[6]));
    expect(skus.size).toBeGreaterThan(1500);
    expect([...skus].every((s) => /^SKU-0\d{4}$/.test(s) && +s.slice(4) >= 1 && +s.slice(4) <= 8000)).toBe(true);
  });

  // Big enough for a few 1 MB chunks where the shape is wide (multiline, cjk, gbk, utf16).
  const SIZES: Record<ShapeName, number> = {
    plain: 3000,
    issue13: 20000,
    multiline: 25000,
    cjk: 6000,
    crlf: 3000,
    highcard: 20000,
    gbk: 30000,
    utf16: 15000,
  };

  for (const { name, encoding, delimiter, newline } of SHAPES) {
    it(`${name}: ingest reads what PapaParse reads, cell for cell`, () => {
      const bytes = shapeBytes(name, SIZES[name]);
      const p = ingestBytes(`${name}.csv`, bytes);
      expect(p.encoding).toBe(encoding);
      expect(p.delimiter).toBe(delimiter);
      expect(p.rowCount).toBe(SIZES[name]);
      const all = Papa.parse<string[]>(new TextDecoder(shapeOf(name).encoding).decode(bytes), { delimiter, newline }).data;
      expect(all.at(-1)).toEqual(['']);
      const [header, ...data] = all.slice(0, -1);
      expect(p.header).toEqual(header);
      for (let c = 0; c < header.length; c++) expect(cells(p.columns[c], p.rowCount)).toEqual(data.map((r) => r[c]));
    });
  }
});
