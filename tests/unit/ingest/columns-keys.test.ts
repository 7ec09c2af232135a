// The dictionary's two kinds of key (columns.ts): short Latin-1 texts packed into their table
// slot, other texts hashed and compared by characters. Both must give each distinct text one
// code, in order of first appearance, and read every cell back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellColumn, dictionaryOf } from '../../../src/core/ingest/columns';

function columnOf(cells: readonly string[], checkEvery?: number): CellColumn {
  const col = new CellColumn(checkEvery);
  for (const s of cells) col.push(s);
  return col;
}

/** Codes by first appearance, from a Map: what the dictionary must give. */
function reference(cells: readonly string[]): { codes: number[]; values: string[] } {
  const index = new Map<string, number>();
  const values: string[] = [];
  const codes = cells.map((s) => {
    let k = index.get(s);
    if (k === undefined) {
      index.set(s, (k = values.length));
      values.push(s);
    }
    return k;
  });
  return { codes, values };
}

describe('CellColumn dictionary keys', () => {
  it('tells apart keys that pack alike only if NULs, lengths or high characters were ignored', () => {
    const cells = [
      'a',
      'a\u0000',
      '',
      '\u0000',
      'a',
      'ab',
      'a\u0000b',
      '123456789012',
      '1234567890123',
      '123456789012',
      '1234567890123',
      '\u00fe',
      '\u00ff',
      '\u00fe',
      '\u00ff',
      'ÿÿÿÿ',
      'þþþþ',
      '华东',
      '华东',
      'C044525',
      'C044525 ',
      ' C044525',
      'C044525',
      '2022-04-09',
      '2022-04-09 08:26:00',
      '2022-04-09',
      '😀',
      '😀',
    ];
    const col = columnOf(cells);
    expect(col.kind).toBe('dict');
    const ref = reference(cells);
    expect(Array.from(col.codes.subarray(0, col.length))).toEqual(ref.codes);
    expect(col.values).toEqual(ref.values);
    expect(col.values.length).toBe(19);
    expect(Array.from({ length: col.length }, (_, r) => col.get(r))).toEqual(cells);
  });

  it('keeps every code through many rehashes (10,000 short and long ids)', () => {
    const cells: string[] = [];
    for (let i = 0; i < 10_000; i++) cells.push(i % 2 ? `C${i % 5000}` : `客户-${i % 5000}-long-enough-name`);
    for (let i = 0; i < 10_000; i++) cells.push(i % 2 ? `C${i % 5000}` : `客户-${i % 5000}-long-enough-name`);
    const col = columnOf(cells);
    expect(col.kind).toBe('dict');
    expect(col.values.length).toBe(5000);
    expect(col.values[0]).toBe('客户-0-long-enough-name');
    expect(col.values[1]).toBe('C1');
    const ref = reference(cells);
    expect(Array.from(col.codes.subarray(0, col.length))).toEqual(ref.codes);
    expect(col.values).toEqual(ref.values);
  });

  it('moves a dictionary to packed text with every cell as it was', () => {
    const cells = ['O1', 'O2', 'Ö3', '订单4', '', 'O1', 'a-much-longer-order-number-5', 'O6'];
    const col = columnOf(cells, 2);
    expect(col.kind).toBe('text');
    expect(Array.from({ length: col.length }, (_, r) => col.get(r))).toEqual(cells);
    col.push('O7');
    expect(col.get(8)).toBe('O7');
  });

  it('agrees with interning through a Map, whatever the texts (fast-check)', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'b', '0', '1', '-', '.', ' ', '\u0000', '\u00fe', '\u00ff', '\u0100', '客', '😀'),
      fc.string({ maxLength: 3 }),
    );
    const text = fc.array(unit, { maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 200 }), fc.constantFrom(4, 64, 1 << 16), (pool, every) => {
        // Draw cells from a small pool so that texts repeat, as in real columns.
        const cells = pool.map((_, i) => pool[(i * 7) % Math.max(1, Math.ceil(pool.length / 3))]);
        const col = columnOf(cells, every);
        expect(Array.from({ length: col.length }, (_, r) => col.get(r))).toEqual(cells);
        const d = dictionaryOf(col);
        const ref = reference(cells);
        expect(Array.from(d.codes)).toEqual(ref.codes);
        expect(d.values).toEqual(ref.values);
      }),
      { numRuns: 400 },
    );
  });
});
