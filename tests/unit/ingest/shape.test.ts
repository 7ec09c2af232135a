import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/core/ingest/parse';
import { cleanHeader, findHeader, shapeRows } from '../../../src/core/ingest/shape';
import { TextIngest } from '../../../src/core/ingest/stream';
import { IngestError } from '../../../src/core/types';

const rowsOf = (text: string): string[][] => parseDelimited(text).rows;
const shape = (text: string) => {
  const p = parseDelimited(text);
  return shapeRows(p.rows, 'f.csv', p.rowLine);
};

describe('findHeader', () => {
  const cases: { name: string; input: string; expected: number }[] = [
    { name: 'header on the first line', input: 'id,name\n1,a\n2,b\n', expected: 0 },
    {
      name: 'Chinese title and a blank line',
      input: '某某公司客户流失明细表（2024年度）\n\n客户编号,客户名称,状态\nKH1,甲,流失\nKH2,乙,正常\n',
      expected: 2,
    },
    {
      name: 'English title and "Exported on" line',
      input: 'Customer churn report 2024\nExported on 2024-01-05 10:00\n\nid,name,status,revenue\n1,a,lost,10\n2,b,active,20\n',
      expected: 3,
    },
    {
      name: 'Excel-padded title and export date in two cells',
      input: 'Customer churn report 2024,,,\nExported on:,2024-01-05,,\n,,,\nid,name,status,revenue\n1,a,lost,10\n2,b,active,20\n',
      expected: 3,
    },
    {
      name: 'a two-cell title above a narrow table',
      input: '客户流失明细表,2024年度\n客户编号,客户名称,状态\nKH1,甲,流失\nKH2,乙,正常\n',
      expected: 1,
    },
    {
      name: 'a header with an unnamed column above all-text data stays the header',
      input: '客户编号,,状态\nKH1,甲,流失\nKH2,乙,正常\n',
      expected: 0,
    },
    { name: 'years as column names', input: '客户,2022,2023,2024\n甲,1,2,3\n乙,4,5,6\n', expected: 0 },
    { name: 'no header: all rows numeric', input: '1,2,3\n4,5,6\n7,8,9\n', expected: -1 },
    { name: 'a single row', input: 'id,name,status\n', expected: -1 },
  ];
  for (const c of cases) it(c.name, () => expect(findHeader(rowsOf(c.input))).toBe(c.expected));
});

describe('shapeRows', () => {
  it('skips title, blank and totals rows and reports where data rows came from', () => {
    const s = shape(
      '华东贸易有限公司 客户流失明细表（2022–2024年度）\r\n\r\n客户编号,客户名称,状态,年销售额\r\nKH1,甲,流失,"¥1,200.00"\r\n\r\nKH2,乙,正常,¥300.00\r\n合计,,,"¥1,500.00"\r\n',
    );
    expect(s.header).toEqual(['客户编号', '客户名称', '状态', '年销售额']);
    expect(s.data).toEqual([
      ['KH1', '甲', '流失', '¥1,200.00'],
      ['KH2', '乙', '正常', '¥300.00'],
    ]);
    expect(s.lineOf).toEqual([4, 6]);
    expect(s.skipped).toEqual({ title: 1, blank: 2, totals: 1, repeatedHeader: 0 });
    expect(s.issues).toEqual([]);
  });

  it('removes repeated headers and subtotal rows among the data', () => {
    const s = shape(
      [
        'Region,Customer ID,Name,Revenue',
        'East,1,Alpha,10',
        ',Subtotal,,10',
        'Region,Customer ID,Name,Revenue',
        'West,2,Beta,20',
        'West,3,Total Fitness Ltd,5',
        '小计：华西,,,25',
        'Grand total,,,35',
        '總計,,,35',
        'TOTAL:,,,35',
        '华西 汇总,,,25',
        'West Total,,,25',
      ].join('\n'),
    );
    expect(s.data.map((r) => r[1])).toEqual(['1', '2', '3']);
    expect(s.skipped).toEqual({ title: 0, blank: 0, totals: 7, repeatedHeader: 1 });
  });

  it('keeps a customer whose name starts with a totals word when the row is full', () => {
    const s = shape('name,city,status,revenue\nTotal Fitness Ltd,Leeds,active,100\nSum Corp,York,lost,50\n');
    expect(s.data.map((r) => r[0])).toEqual(['Total Fitness Ltd', 'Sum Corp']);
    expect(s.skipped.totals).toBe(0);
  });

  it('drops unnamed empty columns, names unnamed ones with data by their place, pads short rows', () => {
    const s = shape('id,,name,,status,,\n1,,a,x,lost,,\n2,,b\n');
    expect(s.header).toEqual(['id', 'name', 'Column 4', 'status']);
    expect(s.data).toEqual([
      ['1', 'a', 'x', 'lost'],
      ['2', 'b', '', ''],
    ]);
  });

  it('trailing empty columns of an Excel export are dropped', () => {
    const s = shape('id,name,,,\n1,a,,,\n2,b,,,\n');
    expect(s.header).toEqual(['id', 'name']);
    expect(s.data).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
  });

  it('rows longer than the header add a column and an issue', () => {
    const s = shape('id,name\n1,a\n2,b,extra\n3,c,,\n');
    expect(s.header).toEqual(['id', 'name', 'Column 3']);
    expect(s.data).toEqual([
      ['1', 'a', ''],
      ['2', 'b', 'extra'],
      ['3', 'c', ''],
    ]);
    expect(s.issues).toEqual([{ code: 'ragged-rows', file: 'f.csv', row: 3, params: { count: 1 } }]);
  });

  it('dedupes header names and tidies them', () => {
    expect(cleanHeader(['金额', ' 金额 ', 'Name\n(full)', '', '\ufeffid', '金额 (2)'])).toEqual([
      '金额',
      '金额 (2)',
      'Name (full)',
      'Column 4',
      'id',
      '金额 (2) (2)',
    ]);
  });

  it('removes notes under the table', () => {
    const s = shape('id,name,status\n1,a,lost\n2,b,active\n\n注：数据截至2024年12月31日\nSource: CRM export\n');
    expect(s.data.length).toBe(2);
    expect(s.skipped).toEqual({ title: 2, blank: 1, totals: 0, repeatedHeader: 0 });
  });

  it('uses source lines when quoted cells hold line breaks', () => {
    const s = shape('Report\nid,reason\n1,"too\nexpensive"\n2,moved\n');
    expect(s.lineOf).toEqual([3, 5]);
  });

  it('a one-column file', () => {
    const s = shape('客户编号\nKH1\nKH2\n');
    expect(s.header).toEqual(['客户编号']);
    expect(s.data).toEqual([['KH1'], ['KH2']]);
  });

  const bad: { name: string; input: string }[] = [
    { name: 'all numeric', input: '1,2,3\n4,5,6\n' },
    { name: 'one row only', input: 'id,name\n' },
    { name: 'blank rows only', input: ',,\n,,\n' },
  ];
  for (const c of bad) {
    it(`no-header: ${c.name}`, () => {
      expect(() => shape(c.input)).toThrow(IngestError);
      try {
        shape(c.input);
      } catch (e) {
        expect((e as IngestError).code).toBe('no-header');
        expect((e as IngestError).file).toBe('f.csv');
      }
    });
  }
});

describe('streaming ingest (uncut lines, cut quoted records) against the row path', () => {
  // Past the first HEAD_ROWS rows the header is known and rows take the fast paths (Shaper.line,
  // Shaper.cut); anything they cannot take as it is goes to take(). Either way the result must be
  // what the row path (parseDelimited + shapeRows) gives, piece boundaries anywhere.
  const HEAD = ['客户编号', '状态', '金额', '备注'];
  const filler = Array.from({ length: 240 }, (_, i) => `KH${i},正常,${i}.5,"a, b"`);
  const unit = fc.constantFrom(
    'a',
    '1',
    '客',
    '😀',
    ' ',
    '　',
    ',',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    'x"y',
    '合计',
    'Total',
    'total',
    'T1',
    'S',
    'sum',
    'Grand ',
    'l',
    '汇总',
    '客户编号',
    ':',
  );
  const cell = fc.array(unit, { maxLength: 4 }).map((u) => u.join(''));
  const quote = (s: string, always: boolean) => (always || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const row = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fc.array(cell, { minLength: 4, maxLength: 4 }), fc.boolean()).map(([cs, q]) => cs.map((c) => quote(c, q)).join(',')),
    },
    { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 6 }).map((cs) => cs.map((c) => quote(c, false)).join(',')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        ',,,',
        '合计,,100,',
        '客户编号,状态,金额,备注',
        ' 客户编号 ,状态,金额,备注',
        '"KH1" ,正常,1,x',
        'KH2,"open',
        '"a"b",c,d,e',
      ),
    },
  );
  const file = fc
    .tuple(fc.array(row, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
    .map(([rows, eol]) => [HEAD.join(','), ...filler, ...rows].join(eol) + eol);

  it('gives the same header, cells, lines, skipped rows and issues (fast-check)', () => {
    fc.assert(
      fc.property(file, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (text, at) => {
        const expected = shape(text);
        const points = [...new Set(at.map((f) => Math.floor(f * text.length)))].sort((a, b) => a - b);
        const t = new TextIngest('f.csv', 'utf-8', ',');
        let from = 0;
        for (const p of [...points, text.length]) {
          t.push(text.slice(from, p));
          from = p;
        }
        const got = t.finish();
        expect(got.header).toEqual(expected.header);
        expect(got.rowCount).toBe(expected.data.length);
        const cols = got.header.map((_, c) => cellsOf(got.columns[c], got.rowCount));
        expect(expected.data.map((_, r) => cols.map((col) => col[r]))).toEqual(expected.data);
        expect(got.lineOf).toEqual(expected.lineOf);
        expect(got.skipped).toEqual(expected.skipped);
        const p = parseDelimited(text, ',');
        const issues = [...expected.issues];
        if (p.malformedQuotes)
          issues.push({
            code: 'malformed-quotes',
            file: 'f.csv',
            row: p.rowLine ? p.rowLine[p.firstMalformedRow] : p.firstMalformedRow + 1,
            params: { count: p.malformedQuotes },
          });
        expect(got.issues.filter((i) => i.code === 'ragged-rows' || i.code === 'malformed-quotes')).toEqual(issues);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

/** Cells of a column, however a ParsedFile holds them. */
function cellsOf(col: unknown, n: number): string[] {
  if (Array.isArray(col)) return col as string[];
  const c = col as { get(r: number): string };
  return Array.from({ length: n }, (_, r) => c.get(r));
}
