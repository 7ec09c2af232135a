// Column storage (src/core/ingest/columns.ts): every form reads back the exact cell text, the
// typed and dictionary paths give what the string path gives, and the uncut-line path of the
// Shaper keeps and skips exactly the rows the cell-by-cell path does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellColumn, codeCounts, dictionaryOf, firstCharCode, textColumns } from '../../../src/core/ingest/columns';
import { ingestText } from '../../../src/core/ingest/index';
import { parseDelimited } from '../../../src/core/ingest/parse';
import { shapeRows } from '../../../src/core/ingest/shape';
import { parseDateColumn, parseNumberColumn } from '../../../src/core/ingest/values';

/** A column of these cells; `checkEvery` small so tests reach the number and text forms. */
function columnOf(cells: readonly string[], checkEvery?: number): CellColumn {
  const col = new CellColumn(checkEvery);
  for (const s of cells) col.push(s);
  return col;
}

const textOf = (col: CellColumn): string[] => Array.from({ length: col.length }, (_, r) => col.get(r));

describe('CellColumn', () => {
  it('dictionary-encodes repeated cells, found by their characters', () => {
    const col = new CellColumn();
    const line = 'C1,华东,C2,C1, C1,,华东';
    let a = 0;
    for (;;) {
      const b = line.indexOf(',', a);
      col.pushRange(line, a, b < 0 ? line.length : b);
      if (b < 0) break;
      a = b + 1;
    }
    expect(col.kind).toBe('dict');
    expect(col.values).toEqual(['C1', '华东', 'C2', ' C1', '']);
    expect(Array.from(col.codes.subarray(0, col.length))).toEqual([0, 1, 2, 0, 3, 4, 1]);
    expect(textOf(col)).toEqual(['C1', '华东', 'C2', 'C1', ' C1', '', '华东']);
    expect(Array.from(codeCounts(dictionaryOf(col)))).toEqual([2, 2, 1, 1, 1]);
  });

  it('a mostly distinct column of plain decimals becomes numbers, values as +text gives them', () => {
    const cells = ['12.50', '-0.05', '0', '', '7', '1546.54', '0.001', '-3', '999999999999999', '1.5'];
    const col = columnOf(cells, 4);
    expect(col.kind).toBe('number');
    expect(textOf(col)).toEqual(cells);
    expect(Array.from(col.decimals.subarray(0, cells.length))).toEqual([2, 2, 0, -1, 0, 2, 3, 0, 0, 1]);
    expect(Array.from(col.mantissa.subarray(0, 3))).toEqual([1250, -5, 0]);
    expect(Array.from(parseNumberColumn(col).values)).toEqual([12.5, -0.05, 0, NaN, 7, 1546.54, 0.001, -3, 999999999999999, 1.5]);
  });

  it('keeps cells that are not plain decimals aside in a number column, and reads them back', () => {
    const cells = ['1.25', '2.5', '3.75', '4.5', '5', '¥1,200.00', 'N/A', '007', '-0', '12.', '6.25'];
    const col = columnOf(cells, 4);
    expect(col.kind).toBe('number');
    expect(textOf(col)).toEqual(cells);
    const p = parseNumberColumn(col);
    expect(Array.from(p.values)).toEqual([1.25, 2.5, 3.75, 4.5, 5, 1200, NaN, 7, 0, 12, 6.25]);
    expect(p.bad).toBe(0);
  });

  it('a mostly distinct column of other text is packed, and reads back exactly', () => {
    const cells = ['O1', 'O2', 'O3', 'O4', '订单5', '', 'a\r\nb', '😀', 'O1'];
    const col = columnOf(cells, 4);
    expect(col.kind).toBe('text');
    expect(textOf(col)).toEqual(cells);
    col.pop();
    expect(col.length).toBe(8);
    col.push('last');
    expect(col.get(8)).toBe('last');
  });

  it('textColumns gives strings written by hand, column by column, as columns', () => {
    const out = textColumns([
      ['a', 'b', ''],
      ['1', '2', '3'],
    ]);
    expect(out.map((c) => c.length)).toEqual([3, 3]);
    expect([out[0].get(1), out[0].get(2), out[1].get(0)]).toEqual(['b', '', '1']);
    // Read as ingest's own columns are: the dictionary of the strings.
    expect(dictionaryOf(out[0])).toEqual({ codes: Int32Array.from([0, 1, 2]), values: ['a', 'b', ''] });
  });
});

// Numbers as exports write them: plain, grouped, with currency, decimal commas, blanks, junk.
const numberCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).chain((m) => fc.integer({ min: 0, max: 6 }).map((k) => (m / 10 ** k).toFixed(k))) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', 'N/A', '-', '-0', '007', '1.234', '1,234', '1.234,56', '¥12,345.00', '1.2万', '(12)', '12.', '.5', 'abc'),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('0', '1', '9', '.', ',', '-', ' '), maxLength: 8 }) },
);

const dateCell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 1990, max: 2030 })
      .chain((y) =>
        fc
          .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
          .map(([m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 2000, max: 2030 }))
      .map(([a, b, y]) => `${a}/${b}/${y}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'N/A', '2024年3月5日', '5-Mar-2024', '45000', 'soon', '20240305') },
);

/** Same result, NaN equal to NaN. */
const same = (a: Float64Array, b: Float64Array): void => expect(Array.from(a)).toEqual(Array.from(b));

describe('stored columns parse as their strings do', () => {
  it('numbers: dictionary and number forms agree with the string path', () => {
    fc.assert(
      fc.property(fc.array(numberCell, { maxLength: 60 }), fc.constantFrom(2, 4, 64), (cells, every) => {
        const want = parseNumberColumn(cells);
        const got = parseNumberColumn(columnOf(cells, every));
        same(got.values, want.values);
        expect(got.bad).toBe(want.bad);
        expect(got.decimalComma).toBe(want.decimalComma);
      }),
      { numRuns: 300 },
    );
  });

  it('dates: the dictionary path agrees with the string path, day/month order included', () => {
    fc.assert(
      fc.property(fc.array(dateCell, { maxLength: 60 }), fc.constantFrom(2, 64), fc.boolean(), (cells, every, serial) => {
        const want = parseDateColumn(cells, serial);
        const got = parseDateColumn(columnOf(cells, every), serial);
        same(got.days, want.days);
        expect(got.order).toBe(want.order);
        expect(got.bad).toBe(want.bad);
      }),
      { numRuns: 300 },
    );
  });
});

// Lines that test every check of the uncut-line path: totals words at either end, blank and
// space-padded cells, the header repeated, short and long rows, notes.
const shapeCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('C1', 'C2', '12.5', '2024-03-05', '华东', '甲', 'x') },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', ' C1', 'C1 ', '　') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('合计', '总计', 'Total', 'total', 'Grand total', '华东 汇总', 'East Total', 'Sum', 'Sam', 'Subtotal:', 'id'),
  },
);
const shapeRow = fc.array(shapeCell, { minLength: 1, maxLength: 5 });

describe('Shaper: uncut lines', () => {
  it('keeps and skips the same rows as cutting every line into cells', () => {
    fc.assert(
      fc.property(fc.array(shapeRow, { minLength: 1, maxLength: 30 }), (body) => {
        const text = ['id,name,amount,date', ...body.map((r) => r.join(','))].join('\n');
        const rows = parseDelimited(text, ',');
        let want: ReturnType<typeof shapeRows>;
        try {
          want = shapeRows(rows.rows, 'f.csv', rows.rowLine);
        } catch (e) {
          expect(() => ingestText('f.csv', text, 'utf-8', ',')).toThrow((e as Error).message);
          return;
        }
        const got = ingestText('f.csv', text, 'utf-8', ',');
        expect(got.header).toEqual(want.header);
        expect(got.skipped).toEqual(want.skipped);
        expect(got.lineOf).toEqual(want.lineOf);
        expect(got.issues.filter((i) => i.code === 'ragged-rows')).toEqual(want.issues);
        const data = Array.from({ length: got.rowCount }, (_, r) => got.columns.map((c) => c.get(r)));
        expect(data).toEqual(want.data);
      }),
      { numRuns: 500 },
    );
  });
});

describe('CellColumn: long text', () => {
  const long = (i: number) =>
    `商品描述 ${i}：高品质不锈钢保温杯，大容量，便携式户外运动水杯，送礼首选，七天无理由退换，官方旗舰店正品保证，限时特价，买一送一，赠品随机 #${i}`;

  it('a column of long, distinct text leaves the dictionary at 4,096 distinct values and reads back exactly', () => {
    const cells = Array.from({ length: 10_000 }, (_, i) => (i % 1000 === 7 ? '' : i % 777 === 5 ? 'short' : long(i)));
    const col = columnOf(cells);
    expect(col.kind).toBe('text');
    expect(textOf(col)).toEqual(cells);
    expect(Array.from({ length: col.length }, (_, r) => firstCharCode(col, r))).toEqual(cells.map((s) => s.charCodeAt(0)));
    col.pop();
    col.push('last');
    expect(col.get(9999)).toBe('last');
    expect(col.length).toBe(10_000);
  });

  it('long text with no value repeated in its first 256 rows becomes text then; one repeat waits for 4,096', () => {
    const unique = Array.from({ length: 300 }, (_, i) => long(i));
    expect(columnOf(unique).kind).toBe('text');
    expect(textOf(columnOf(unique))).toEqual(unique);
    const once = unique.map((v, i) => (i === 200 ? unique[3] : v));
    expect(columnOf(once).kind).toBe('dict');
    expect(columnOf(Array.from({ length: 300 }, (_, i) => `ref-${i}`)).kind).toBe('dict'); // short
  });

  it('at 4,096 distinct values: long text repeating more stays a dictionary, short text too', () => {
    const repeats = Array.from({ length: 10_000 }, (_, i) => long(i % 2 ? i : i % 10));
    expect(columnOf(repeats).kind).toBe('dict'); // 4,096 distinct of 8,000 rows or so
    const short = Array.from({ length: 8_000 }, (_, i) => (i % 1000 === 999 ? 'ref-1' : `ref-${i}`));
    expect(columnOf(short).kind).toBe('dict');
  });

  it('plain decimals 95% distinct at 4,096 become numbers; fewer stay a dictionary (customer ids)', () => {
    const amounts = Array.from({ length: 5_000 }, (_, i) => (i % 50 === 0 ? '12.50' : `${(i * 7919) % 100_000}.${i % 97}`));
    const a = columnOf(amounts);
    expect(a.kind).toBe('number');
    expect(textOf(a)).toEqual(amounts);
    // 12,500 numeric customer ids drawn 4,800 times or so before 4,096 distinct: 85% distinct.
    const ids: string[] = [];
    let seed = 7;
    for (let i = 0; i < 10_000; i++) {
      seed = (seed * 48271) % 2147483647;
      ids.push(String(10_000 + (seed % 12_500)));
    }
    expect(columnOf(ids).kind).toBe('dict');
  });

  it('text with no value repeated in its first 8,192 rows becomes text then; one repeat keeps the dictionary', () => {
    const unique = Array.from({ length: 9_000 }, (_, i) => `O${String(i).padStart(8, '0')}`);
    const u = columnOf(unique);
    expect(u.kind).toBe('text');
    expect(textOf(u)).toEqual(unique);
    const once = unique.map((v, i) => (i === 5000 ? unique[10] : v));
    expect(columnOf(once).kind).toBe('dict');
  });

  it('long cells kept as strings give what packed cells give, across the forms (fast-check)', () => {
    const cell = fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 30, maxLength: 90 }) },
      { weight: 1, arbitrary: fc.constantFrom('', '1.5', 'N/A', '客', '😀') },
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 60 }), fc.constantFrom(2, 4, 8), (cells, every) => {
        const col = columnOf(cells, every);
        expect(textOf(col)).toEqual(cells);
        expect(Array.from({ length: col.length }, (_, r) => firstCharCode(col, r))).toEqual(cells.map((s) => s.charCodeAt(0)));
        expect(dictionaryOf(col)).toEqual(dictionaryOf(textColumns([cells])[0]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('CellColumn: long text kept where it lies', () => {
  it('cells read from a shared text and cells given as strings of their own read back, pop and push included', () => {
    const col = new CellColumn(4);
    const text = 'header,' + Array.from({ length: 40 }, (_, i) => `a long enough description number ${i} with words`).join(',');
    const cells: string[] = [];
    let a = text.indexOf(',') + 1;
    for (let i = 0; i < 40; i++) {
      const b = text.indexOf(',', a);
      const end = b < 0 ? text.length : b;
      if (i % 7 === 3) {
        const own = `a cell of its own, "quoted" ${i} ${'x'.repeat(i)}`;
        col.push(own);
        cells.push(own);
      } else {
        col.pushRange(text, a, end);
        cells.push(text.slice(a, end));
      }
      a = end + 1;
    }
    expect(col.kind).toBe('text');
    expect(textOf(col)).toEqual(cells);
    expect(Array.from({ length: col.length }, (_, r) => firstCharCode(col, r))).toEqual(cells.map((s) => s.charCodeAt(0)));
    // The last row is a cell of its own (i = 38): popping it gives its characters back.
    expect(cells[38]).toMatch(/^a cell of its own/);
    col.pop();
    col.pop();
    col.push('replaced, its own');
    col.pushRange(text, 0, 6);
    expect(textOf(col)).toEqual([...cells.slice(0, 38), 'replaced, its own', 'header']);
  });
});
