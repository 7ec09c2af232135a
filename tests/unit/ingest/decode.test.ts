import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding } from '../../../src/core/ingest/decode';
import { IngestError } from '../../../src/core/types';

// Node's TextEncoder only writes UTF-8: legacy encodings are hard-coded bytes, checked below
// against TextDecoder so a typo in a byte cannot pass unnoticed.
const GBK_HEADER = [0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5]; // 客户编号
const BIG5_HEADER = [0xab, 0xc8, 0xa4, 0xe1, 0xbd, 0x73, 0xb8, 0xb9]; // 客戶編號
// 客户编号,客户名称,状态\r\nKH001,华东贸易有限公司,流失\r\n
const GBK_FILE = [
  0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xd7, 0xb4, 0xcc, 0xac, 0x0d, 0x0a,
  0x4b, 0x48, 0x30, 0x30, 0x31, 0x2c, 0xbb, 0xaa, 0xb6, 0xab, 0xc3, 0xb3, 0xd2, 0xd7, 0xd3, 0xd0, 0xcf, 0xde, 0xb9, 0xab, 0xcb, 0xbe, 0x2c, 0xc1,
  0xf7, 0xca, 0xa7, 0x0d, 0x0a,
];
const GBK_TEXT = '客户编号,客户名称,状态\r\nKH001,华东贸易有限公司,流失\r\n';
// 客戶編號,客戶名稱,狀態\r\nKH001,臺北貿易有限公司,流失\r\n
const BIG5_FILE = [
  0xab, 0xc8, 0xa4, 0xe1, 0xbd, 0x73, 0xb8, 0xb9, 0x2c, 0xab, 0xc8, 0xa4, 0xe1, 0xa6, 0x57, 0xba, 0xd9, 0x2c, 0xaa, 0xac, 0xba, 0x41, 0x0d, 0x0a,
  0x4b, 0x48, 0x30, 0x30, 0x31, 0x2c, 0xbb, 0x4f, 0xa5, 0x5f, 0xb6, 0x54, 0xa9, 0xf6, 0xa6, 0xb3, 0xad, 0xad, 0xa4, 0xbd, 0xa5, 0x71, 0x2c, 0xac,
  0x79, 0xa5, 0xa2, 0x0d, 0x0a,
];
const BIG5_TEXT = '客戶編號,客戶名稱,狀態\r\nKH001,臺北貿易有限公司,流失\r\n';
// 客户,𠀀\n in GB18030: 𠀀 (U+20000) needs a four-byte sequence
const GB18030_FILE = [0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x95, 0x32, 0x82, 0x36, 0x0a];

const bytes = (a: number[]): Uint8Array => new Uint8Array(a);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (number[] | Uint8Array)[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (le) out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}

function ingestErrorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('test fixtures', () => {
  it('hard-coded legacy bytes decode to the intended text', () => {
    expect(new TextDecoder('gbk').decode(bytes(GBK_HEADER))).toBe('客户编号');
    expect(new TextDecoder('big5').decode(bytes(BIG5_HEADER))).toBe('客戶編號');
    expect(new TextDecoder('gbk').decode(bytes(GBK_FILE))).toBe(GBK_TEXT);
    expect(new TextDecoder('big5').decode(bytes(BIG5_FILE))).toBe(BIG5_TEXT);
    expect(new TextDecoder('gb18030').decode(bytes(GB18030_FILE))).toBe('客户,\u{20000}\n');
  });
});

describe('detectEncoding / decodeBytes', () => {
  const cases: { name: string; input: Uint8Array; encoding: string; text: string }[] = [
    { name: 'ASCII', input: utf8('id,name\n1,a\n'), encoding: 'utf-8', text: 'id,name\n1,a\n' },
    { name: 'UTF-8 Chinese, no BOM', input: utf8('客户编号,状态\n1,流失\n'), encoding: 'utf-8', text: '客户编号,状态\n1,流失\n' },
    { name: 'UTF-8 with BOM (Excel "CSV UTF-8")', input: concat([0xef, 0xbb, 0xbf], utf8('客户,a\n')), encoding: 'utf-8', text: '客户,a\n' },
    {
      name: 'UTF-16LE with BOM (Excel "Unicode Text")',
      input: utf16('客户\t状态\r\n1\t流失\r\n', true, true),
      encoding: 'utf-16le',
      text: '客户\t状态\r\n1\t流失\r\n',
    },
    { name: 'UTF-16BE with BOM', input: utf16('id,客户\n1,a\n', false, true), encoding: 'utf-16be', text: 'id,客户\n1,a\n' },
    { name: 'UTF-16LE without BOM', input: utf16('id\tname\r\n1\t张伟\r\n', true, false), encoding: 'utf-16le', text: 'id\tname\r\n1\t张伟\r\n' },
    {
      name: 'UTF-16LE without BOM, mostly Chinese',
      input: utf16('客户名称\t状态\r\n华东贸易有限公司\t流失\r\n', true, false),
      encoding: 'utf-16le',
      text: '客户名称\t状态\r\n华东贸易有限公司\t流失\r\n',
    },
    { name: 'UTF-16BE without BOM', input: utf16('id,name\n1,abc\n', false, false), encoding: 'utf-16be', text: 'id,name\n1,abc\n' },
    { name: 'GBK file', input: bytes(GBK_FILE), encoding: 'gbk', text: GBK_TEXT },
    { name: 'GBK header only', input: bytes(GBK_HEADER), encoding: 'gbk', text: '客户编号' },
    { name: 'Big5 file', input: bytes(BIG5_FILE), encoding: 'big5', text: BIG5_TEXT },
    { name: 'Big5 header only', input: bytes(BIG5_HEADER), encoding: 'big5', text: '客戶編號' },
    { name: 'GB18030 four-byte character', input: bytes(GB18030_FILE), encoding: 'gb18030', text: '客户,\u{20000}\n' },
    {
      name: 'windows-1252 accented Latin',
      input: concat(utf8('name,city\nCaf'), [0xe9], utf8(',Z'), [0xfc], utf8('rich\nM'), [0xfc], utf8('ller,K'), [0xf6], utf8('ln\n')),
      encoding: 'windows-1252',
      text: 'name,city\nCafé,Zürich\nMüller,Köln\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(detectEncoding(c.input)).toBe(c.encoding);
      expect(decodeBytes(c.input)).toEqual({ text: c.text, encoding: c.encoding });
    });
  }

  it('stays UTF-8 when one damaged byte sits far into a UTF-8 file', () => {
    const head = utf8('客户编号,状态\n' + '1,流失\n'.repeat(20000));
    const input = concat(head, [0xff], utf8('\n'));
    expect(detectEncoding(input)).toBe('utf-8');
    const { text } = decodeBytes(input);
    expect(text.startsWith('客户编号,状态\n1,流失\n')).toBe(true);
    expect(text.endsWith('\uFFFD\n')).toBe(true);
  });

  it('finds GBK text that starts after a long ASCII head', () => {
    const input = concat(utf8('id,note\n' + '1,ok\n'.repeat(20000)), GBK_HEADER, utf8('\n'));
    expect(detectEncoding(input)).toBe('gbk');
    expect(decodeBytes(input).text.endsWith('客户编号\n')).toBe(true);
  });

  it('uses the given encoding and strips its BOM', () => {
    expect(decodeBytes(bytes(GBK_FILE), 'GBK')).toEqual({ text: GBK_TEXT, encoding: 'gbk' });
    expect(decodeBytes(concat([0xef, 0xbb, 0xbf], utf8('a,b\n')), 'utf-8')).toEqual({ text: 'a,b\n', encoding: 'utf-8' });
  });
});

describe('unusable files', () => {
  const cases: { name: string; input: Uint8Array; code: string }[] = [
    { name: 'empty', input: bytes([]), code: 'empty-file' },
    { name: 'whitespace only', input: utf8(' \r\n\t\n'), code: 'empty-file' },
    { name: 'BOM only', input: bytes([0xef, 0xbb, 0xbf]), code: 'empty-file' },
    { name: 'UTF-16 BOM and spaces', input: utf16('  \n', true, true), code: 'empty-file' },
    { name: 'PNG', input: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), code: 'binary-file' },
    { name: 'JPEG', input: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), code: 'binary-file' },
    { name: 'GIF', input: utf8('GIF89a\u0001'), code: 'binary-file' },
    { name: 'PDF', input: utf8('%PDF-1.7\n%âãÏÓ\n'), code: 'binary-file' },
    { name: 'gzip', input: bytes([0x1f, 0x8b, 0x08, 0x00]), code: 'binary-file' },
    { name: 'NUL bytes in an 8-bit file', input: concat(utf8('id,name\n1,'), [0, 0, 0, 7, 0, 1], utf8('\n')), code: 'binary-file' },
    { name: 'control characters', input: bytes(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 7)))), code: 'binary-file' },
    { name: 'xlsx (ZIP)', input: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), code: 'xlsx-not-supported' },
    {
      name: 'xls / encrypted workbook (OLE2)',
      input: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      code: 'encrypted-or-legacy-workbook',
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.code}`, () => {
      const e = ingestErrorOf(() => decodeBytes(c.input, undefined, 'data.csv'));
      expect(e.code).toBe(c.code);
      expect(e.file).toBe('data.csv');
    });
  }

  it('an unknown encoding label', () => {
    const e = ingestErrorOf(() => decodeBytes(utf8('a,b\n'), 'klingon-8', 'x.csv'));
    expect(e.code).toBe('unknown-encoding');
    expect(e.params).toEqual({ encoding: 'klingon-8' });
  });

  it('a workbook is refused even with an explicit encoding', () => {
    expect(ingestErrorOf(() => decodeBytes(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'utf-8')).code).toBe('xlsx-not-supported');
  });
});
