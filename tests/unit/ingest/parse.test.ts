import { describe, expect, it } from 'vitest';
import { parseDelimited, sniffDelimiter } from '../../../src/core/ingest/parse';

describe('sniffDelimiter', () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: 'comma', input: 'id,name,amount\n1,a,10\n2,b,20\n', expected: ',' },
    { name: 'semicolon with decimal commas', input: 'id;amount;rate\n1;1,5;2,25\n2;3,75;0,5\n', expected: ';' },
    { name: 'tab (Excel Unicode Text)', input: '客户编号\t状态\n1\t流失\n2\t正常\n', expected: '\t' },
    { name: 'pipe', input: 'id|name\n1|a, b\n2|c\n', expected: '|' },
    { name: 'commas only inside quotes', input: 'id;note\n1;"a, b, c"\n2;"d, e"\n', expected: ';' },
    {
      name: 'a title row above a semicolon header',
      input: 'Customer churn report, 2024\n\nid;name;amount\n1;a;10\n2;b;20\n3;c;30\n',
      expected: ';',
    },
    {
      name: 'Chinese title and Excel-padded lines',
      input: '某某公司客户流失明细表（2024年度）,,,\n,,,\n客户编号,客户名称,状态,金额\nKH1,甲,流失,1\nKH2,乙,正常,2\n',
      expected: ',',
    },
    { name: 'one column: comma by default', input: 'id\n1\n2\n', expected: ',' },
  ];
  for (const c of cases) it(c.name, () => expect(sniffDelimiter(c.input)).toBe(c.expected));
});

describe('parseDelimited', () => {
  it('splits on the sniffed delimiter and keeps ragged rows as they are', () => {
    const r = parseDelimited('a;b;c\n1;2\n3;4;5;6\n');
    expect(r.delimiter).toBe(';');
    expect(r.rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['3', '4', '5', '6'],
    ]);
    expect(r.rowLine).toBeUndefined();
    expect(r.malformedQuotes).toBe(0);
  });

  it('reads quoted delimiters, doubled quotes and line breaks in cells', () => {
    const r = parseDelimited('id,note\n1,"a, ""quoted"" b"\n2,"line 1\nline 2"\n3,x\n');
    expect(r.rows).toEqual([
      ['id', 'note'],
      ['1', 'a, "quoted" b'],
      ['2', 'line 1\nline 2'],
      ['3', 'x'],
    ]);
    expect(r.rowLine).toEqual([1, 2, 3, 5]);
  });

  const endings: { name: string; eol: string; newline: string }[] = [
    { name: 'LF', eol: '\n', newline: '\n' },
    { name: 'CRLF', eol: '\r\n', newline: '\r\n' },
    { name: 'CR (old Mac)', eol: '\r', newline: '\r' },
  ];
  for (const e of endings) {
    it(`line endings: ${e.name}`, () => {
      const r = parseDelimited(['客户,状态', '1,流失', '2,正常'].join(e.eol) + e.eol);
      expect(r.newline).toBe(e.newline);
      expect(r.rows).toEqual([
        ['客户', '状态'],
        ['1', '流失'],
        ['2', '正常'],
      ]);
    });
  }

  it('mixed CRLF and LF rows (concatenated exports)', () => {
    const r = parseDelimited('a,b\r\n1,2\n3,4\r\n5,6\r7,8');
    expect(r.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
      ['7', '8'],
    ]);
    expect(r.newline).toBe('\n');
  });

  it('Excel: CRLF rows with LF breaks inside quoted cells, and exact line numbers', () => {
    const r = parseDelimited('id,reason\r\n1,"price\ntoo high"\r\n2,"moved\r\naway\nagain"\r\n3,ok\r\n');
    expect(r.rows).toEqual([
      ['id', 'reason'],
      ['1', 'price\ntoo high'],
      ['2', 'moved\r\naway\nagain'],
      ['3', 'ok'],
    ]);
    expect(r.rowLine).toEqual([1, 2, 4, 7]);
  });

  it('a final line break ends the last row; blank lines in between are kept', () => {
    expect(parseDelimited('a,b\n\n1,2\n').rows).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseDelimited('a,b\n1,2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseDelimited('a,b\n1,2\n\n').rows).toEqual([['a', 'b'], ['1', '2'], ['']]);
  });

  it('counts malformed quotes', () => {
    const r = parseDelimited('id,name\n1,"unterminated\n2,b\n');
    expect(r.malformedQuotes).toBeGreaterThan(0);
    expect(r.firstMalformedRow).toBe(1);
  });
});
