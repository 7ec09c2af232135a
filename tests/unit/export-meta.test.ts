// The pure parts of the chart and report exports: paper size by language, a spec's title, the
// source line, and the PDF/report messages present in every language.
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { paperFor, sourceLine, specTitle } from '../../src/export/meta';
import { en } from '../../src/i18n/en';
import { zhHans } from '../../src/i18n/zh-Hans';
import { zhHant } from '../../src/i18n/zh-Hant';

const spec = (title: unknown) => ({ mark: 'bar', title }) as unknown as TopLevelSpec;

describe('paperFor', () => {
  it.each([
    { language: 'en-US', expected: 'letter' },
    { language: 'en-CA', expected: 'letter' },
    { language: 'en-us', expected: 'letter' },
    { language: 'en-GB', expected: 'a4' },
    { language: 'en', expected: 'a4' },
    { language: 'zh-CN', expected: 'a4' },
    { language: 'zh-TW', expected: 'a4' },
    { language: 'fr-CA', expected: 'a4' },
    { language: 'en-USX', expected: 'a4' },
  ])('$language → $expected', ({ language, expected }) => expect(paperFor(language)).toBe(expected));
});

describe('specTitle', () => {
  it.each([
    { title: 'Why customers left', expected: 'Why customers left' },
    { title: { text: '客户流失原因', anchor: 'start' }, expected: '客户流失原因' },
    { title: ['two', 'lines'], expected: 'two lines' },
    { title: { text: ['a', 'b'] }, expected: 'a b' },
    { title: undefined, expected: '' },
  ])('$expected', ({ title, expected }) => expect(specTitle(spec(title))).toBe(expected));
});

describe('sourceLine', () => {
  const a = { inputs: [{ file: 'customers.csv' }, { file: '订单.csv' }] } as Parameters<typeof sourceLine>[0];
  const day = new Date(Date.UTC(2026, 10, 23, 12));
  it('names the files, the app and the date, in the language', () => {
    expect(sourceLine(a, 'en', day)).toBe('Source: customers.csv, 订单.csv · churnlens · November 23, 2026');
    expect(sourceLine(a, 'zh-Hans', day)).toBe('数据来源：customers.csv, 订单.csv · churnlens · 2026年11月23日');
    expect(sourceLine(a, 'zh-Hant', day)).toBe('資料來源：customers.csv, 订单.csv · churnlens · 2026年11月23日');
  });
});

describe('export messages', () => {
  const mine = Object.keys(en).filter((k) => k.startsWith('report.') || k.startsWith('export.'));
  it('exist, non-empty, in every language with the same placeholders', () => {
    expect(mine.length).toBeGreaterThan(40);
    for (const k of mine) {
      const key = k as keyof typeof en;
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      for (const table of [zhHans, zhHant]) {
        expect(table[key], k).toBeTruthy();
        expect(holes(table[key]), k).toEqual(holes(en[key]));
      }
    }
  });
});
