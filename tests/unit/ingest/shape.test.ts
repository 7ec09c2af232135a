import { describe, it, expect } from 'vitest';
import { cleanHeader, findHeader, shapeRows } from '../../../src/core/ingest/shape';
import { parseDelimited } from '../../../src/core/ingest/parse';
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
