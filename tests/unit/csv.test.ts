// The CSV export helper: formula cells neutralised, quoting, UTF-8 BOM, CRLF.
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/ui/csv';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['两行\n文字', '"两行\n文字"'],
    [-5, '-5'],
    [1.5, '1.5'],
    [null, ''],
    [undefined, ''],
    [true, 'true'],
    [NaN, ''],
  ] as const)('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    const text = toCsv(
      ['id', '名称'],
      [
        ['A', '=1'],
        ['B', 2],
      ],
    );
    expect(text).toBe("\uFEFFid,名称\r\nA,'=1\r\nB,2\r\n");
    expect([...new TextEncoder().encode(text).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
