import { describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../../src/core/dates';
import {
  type DateOrder,
  detectDateOrder,
  parseChurnFlag,
  parseDateColumn,
  parseDateValue,
  parseNumberColumn,
  parseNumberValue,
} from '../../../src/core/ingest/values';

const day = (iso: string): number => parseIsoDay(iso)!;

describe('parseDateValue', () => {
  const cases: { input: string; order?: DateOrder; expected: string | null }[] = [
    { input: '2024-03-05', expected: '2024-03-05' },
    { input: '2024/3/5', expected: '2024-03-05' },
    { input: '2024.03.05', expected: '2024-03-05' },
    { input: '2024年3月5日', expected: '2024-03-05' },
    { input: '2024年03月', expected: '2024-03-01' },
    { input: '2024 年 3 月 5 日', expected: '2024-03-05' },
    { input: '20240305', expected: '2024-03-05' },
    { input: '2024-03', expected: '2024-03-01' },
    { input: '05/03/2024', order: 'dmy', expected: '2024-03-05' },
    { input: '05/03/2024', order: 'mdy', expected: '2024-05-03' },
    { input: '3/5/2024', order: 'mdy', expected: '2024-03-05' },
    { input: '3/5/2024', order: 'dmy', expected: '2024-05-03' },
    { input: '3/5/2024', expected: '2024-05-03' }, // no evidence: day first
    { input: '13/5/2024', order: 'mdy', expected: '2024-05-13' }, // impossible month: swapped
    { input: '05.03.2024', order: 'dmy', expected: '2024-03-05' },
    { input: '05/03/24', order: 'dmy', expected: '2024-03-05' },
    { input: '05/03/85', order: 'dmy', expected: '1985-03-05' },
    { input: '5-Mar-2024', expected: '2024-03-05' },
    { input: '05-Mar-24', expected: '2024-03-05' },
    { input: '5 Mar 2024', expected: '2024-03-05' },
    { input: '5 March 2024', expected: '2024-03-05' },
    { input: 'Mar 5, 2024', expected: '2024-03-05' },
    { input: 'March 5 2024', expected: '2024-03-05' },
    { input: 'Sept 30, 2024', expected: '2024-09-30' },
    { input: 'Tue, 5 Mar 2024', expected: '2024-03-05' },
    { input: 'March 2024', expected: '2024-03-01' },
    { input: '2024-03-05 10:00:00', expected: '2024-03-05' },
    { input: '2024-03-05T10:00:00Z', expected: '2024-03-05' },
    { input: '2024-03-05T23:30:00-05:00', expected: '2024-03-05' },
    { input: '2024/3/5 下午 3:00', expected: '2024-03-05' },
    { input: '  2024-03-05  ', expected: '2024-03-05' },
    { input: '２０２４－０３－０５', expected: '2024-03-05' },
    { input: '2024-02-29', expected: '2024-02-29' },
    { input: '2023-02-29', expected: null },
    { input: '2024-13-01', expected: null },
    { input: '13/13/2024', expected: null },
    { input: 'Foo 5, 2024', expected: null },
    { input: '12345', expected: null },
    { input: '12.5', expected: null },
    { input: '', expected: null },
    { input: 'n/a', expected: null },
    { input: '2024-03-05abc', expected: null },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.input)}${c.order ? ` (${c.order})` : ''} → ${c.expected}`, () => {
      expect(parseDateValue(c.input, c.order)).toBe(c.expected === null ? null : day(c.expected));
    });
  }
});

describe('detectDateOrder', () => {
  const cases: { input: string[]; expected: DateOrder }[] = [
    { input: ['2024-03-05', '2024/3/5', ''], expected: 'ymd' },
    { input: ['05/03/2024', '25/12/2024'], expected: 'dmy' },
    { input: ['03/05/2024', '12/25/2024'], expected: 'mdy' },
    { input: ['03/05/2024', '04/06/2024'], expected: 'dmy' }, // ambiguous throughout
    { input: ['12/25/2024', '12/26/2024', '25/12/2024'], expected: 'mdy' }, // majority
    { input: ['1/2/24', '1/13/24'], expected: 'mdy' },
    { input: [], expected: 'ymd' },
  ];
  for (const c of cases) it(`${c.input.join(' ')} → ${c.expected}`, () => expect(detectDateOrder(c.input)).toBe(c.expected));
});

describe('parseDateColumn', () => {
  it('decides the order from the whole column and counts bad cells', () => {
    const r = parseDateColumn(['03/05/2024', '', '12/25/2024', 'soon', '-', '03/05/2024'], false);
    expect(r.order).toBe('mdy');
    expect(Array.from(r.days)).toEqual([day('2024-03-05'), NaN, day('2024-12-25'), NaN, NaN, day('2024-03-05')]);
    expect(r.bad).toBe(1);
  });

  it('accepts Excel serial numbers only when asked', () => {
    const values = ['45356', '45356.5', '2024-03-05', '19999', '80001'];
    const yes = parseDateColumn(values, true);
    expect(Array.from(yes.days)).toEqual([day('2024-03-05'), day('2024-03-05'), day('2024-03-05'), NaN, NaN]);
    expect(yes.bad).toBe(2);
    const no = parseDateColumn(values, false);
    expect(Array.from(no.days)).toEqual([NaN, NaN, day('2024-03-05'), NaN, NaN]);
    expect(no.bad).toBe(4);
  });
});

describe('parseNumberValue', () => {
  const cases: { input: string; expected: number | null }[] = [
    { input: '12345', expected: 12345 },
    { input: '-12.5', expected: -12.5 },
    { input: '+3', expected: 3 },
    { input: '.5', expected: 0.5 },
    { input: '12,345.00', expected: 12345 },
    { input: '1,234,567.89', expected: 1234567.89 },
    { input: '1.234,56', expected: 1234.56 },
    { input: '1.234.567', expected: 1234567 },
    { input: '1 234,56', expected: 1234.56 },
    { input: '1\u00a0234,56', expected: 1234.56 },
    { input: "1'234.56", expected: 1234.56 },
    { input: '1,23,456', expected: 123456 },
    { input: '1,5', expected: 1.5 },
    { input: '12,3456', expected: 12.3456 },
    { input: '1,234', expected: 1234 },
    { input: '1.234', expected: 1.234 },
    { input: '¥1,234.50', expected: 1234.5 },
    { input: '￥1,234', expected: 1234 },
    { input: '$12.99', expected: 12.99 },
    { input: '€1.234,56', expected: 1234.56 },
    { input: '£5', expected: 5 },
    { input: 'RMB 1,000', expected: 1000 },
    { input: 'CNY1000', expected: 1000 },
    { input: '1000 USD', expected: 1000 },
    { input: 'EUR 12,50', expected: 12.5 },
    { input: '1000元', expected: 1000 },
    { input: 'HK$1,000', expected: 1000 },
    { input: 'NT$ 500', expected: 500 },
    { input: '12.5%', expected: 0.125 },
    { input: '33.3%', expected: 0.333 },
    { input: '-5%', expected: -0.05 },
    { input: '(1,234)', expected: -1234 },
    { input: '($12.50)', expected: -12.5 },
    { input: '1,234-', expected: -1234 },
    { input: '-¥12,345.67', expected: -12345.67 },
    { input: '¥-12', expected: -12 },
    { input: '$-1.5', expected: -1.5 },
    { input: '1.2万', expected: 12000 },
    { input: '1.15万', expected: 11500 },
    { input: '1.2万元', expected: 12000 },
    { input: '3亿', expected: 300000000 },
    { input: '2.5千', expected: 2500 },
    { input: '12.4k', expected: 12400 },
    { input: '$12.4K', expected: 12400 },
    { input: '1.5M', expected: 1500000 },
    { input: '2m', expected: 2000000 },
    { input: '1.2bn', expected: 1200000000 },
    { input: '１２，３４５．６', expected: 12345.6 },
    { input: '（１，２３４）', expected: -1234 },
    { input: '1.5E+3', expected: 1500 },
    { input: '  42  ', expected: 42 },
    { input: '-0', expected: 0 },
    { input: '', expected: null },
    { input: '-', expected: null },
    { input: 'N/A', expected: null },
    { input: 'abc', expected: null },
    { input: '12abc', expected: null },
    { input: '2024-03-05', expected: null },
    { input: '12:30', expected: null },
    { input: '1,2,3', expected: null },
    { input: '1.2.3', expected: null },
    { input: '¥', expected: null },
    { input: 'Infinity', expected: null },
    { input: '0x10', expected: null },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.input)} → ${c.expected}`, () => expect(parseNumberValue(c.input)).toBe(c.expected));
  }
});

describe('parseNumberColumn', () => {
  const cases: { name: string; input: string[]; expected: number[]; bad: number; decimalComma: boolean }[] = [
    {
      name: 'decimal point with thousands commas',
      input: ['1,234.5', '1,234', '1.234', '', 'x'],
      expected: [1234.5, 1234, 1.234, NaN, NaN],
      bad: 1,
      decimalComma: false,
    },
    {
      name: 'decimal comma with dot thousands: "1.234" is 1234',
      input: ['1.234,5', '1.234', '2,5', '-', '1.234.567'],
      expected: [1234.5, 1234, 2.5, NaN, 1234567],
      bad: 0,
      decimalComma: true,
    },
    {
      name: 'ambiguous only: decimal point',
      input: ['1.234', '2.345'],
      expected: [1.234, 2.345],
      bad: 0,
      decimalComma: false,
    },
    {
      name: 'money in several styles',
      input: ['¥12,345.67', '1.2万', '12345.5', '-¥100.00'],
      expected: [12345.67, 12000, 12345.5, -100],
      bad: 0,
      decimalComma: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = parseNumberColumn(c.input);
      expect(Array.from(r.values)).toEqual(c.expected);
      expect(r.bad).toBe(c.bad);
      expect(r.decimalComma).toBe(c.decimalComma);
    });
  }
});

describe('parseChurnFlag', () => {
  const churned = [
    'churned',
    'Lost',
    'CLOSED',
    'inactive',
    'cancelled',
    'canceled',
    'terminated',
    'left',
    'churn',
    'Yes',
    'y',
    'TRUE',
    '1',
    '是',
    '流失',
    '已流失',
    '停止合作',
    '终止合作',
    '已终止',
    '失效',
    '无效',
    '注销',
    '关闭',
    '已关闭',
    '流失客户',
    '流失中',
    '終止合作',
    '無效',
    '註銷',
    '關閉',
    ' 已流失 ',
    'ＹＥＳ',
    '１',
  ];
  const active = [
    'active',
    'Retained',
    'current',
    'open',
    'No',
    'n',
    'false',
    '0',
    '否',
    '正常',
    '活跃',
    '活躍',
    '有效',
    '合作中',
    '在用',
    '存续',
    '现有',
    '現有',
    '留存',
    ' Active ',
    'ＮＯ',
  ];
  const neither = ['', 'maybe', '2', 'churn risk', 'yes please', '待定'];
  for (const input of churned) it(`${JSON.stringify(input)} → true`, () => expect(parseChurnFlag(input)).toBe(true));
  for (const input of active) it(`${JSON.stringify(input)} → false`, () => expect(parseChurnFlag(input)).toBe(false));
  for (const input of neither) it(`${JSON.stringify(input)} → null`, () => expect(parseChurnFlag(input)).toBe(null));
});
