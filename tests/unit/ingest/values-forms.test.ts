// Dates and money as exports write them (issue 10, item 4): every form in a table, then each form
// written from random dates and amounts and read back (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay, parseIsoDay } from '../../../src/core/dates';
import { moneyScaleOf } from '../../../src/core/ingest/header';
import { parseDateColumn, parseDateValue, parseNumberColumn, parseNumberValue } from '../../../src/core/ingest/values';

const day = (iso: string): number => parseIsoDay(iso)!;
/** A date cell as a column reads it (Excel serials count in a date column). */
const asDate = (s: string): string | null => {
  const d = parseDateColumn([s], true).days[0];
  return Number.isNaN(d) ? null : isoDay(d);
};

describe('date forms, with and without a time', () => {
  const forms: [string, string][] = [
    ['2024年12月8日', '2024-12-08'],
    ['2024年12月', '2024-12-01'],
    ['2024.12.08', '2024-12-08'],
    ['08-Dec-2024', '2024-12-08'],
    ['Dec 8, 2024', '2024-12-08'],
    ['20241208', '2024-12-08'],
    ['45634', '2024-12-08'], // Excel serial
    ['45634.585', '2024-12-08'],
    ['2024-12-08 14:03:00', '2024-12-08'],
    ['2024/12/8 下午 2:03', '2024-12-08'],
    ['2024/12/8 上午 10:03', '2024-12-08'],
    ['2024-12-08T14:03:00Z', '2024-12-08'],
    ['2024-12-08T14:03:00.000+08:00', '2024-12-08'],
    ['2024年12月8日 14:03', '2024-12-08'],
    ['2024年12月8号', '2024-12-08'],
    ['2024.12.08 14:03', '2024-12-08'],
    ['08-Dec-2024 14:03', '2024-12-08'],
    ['Dec 8, 2024 2:03 PM', '2024-12-08'],
    ['20241208 140300', '2024-12-08'],
    ['20241208T140300', '2024-12-08'],
    ['2024-12-8', '2024-12-08'],
    ['2024/12/08 14:03:00', '2024-12-08'],
    ['8 December 2024', '2024-12-08'],
    ['Sunday, December 8, 2024', '2024-12-08'],
    ['２０２４年１２月８日', '2024-12-08'],
  ];
  it.each(forms)('%s → %s', (input, expected) => expect(asDate(input)).toBe(expected));

  it('a serial is a date in a date column only, not as a lone value', () => {
    expect(parseDateValue('45634')).toBeNull();
    expect(asDate('45634')).toBe('2024-12-08');
  });
});

describe('money forms', () => {
  const forms: [string, number][] = [
    ['￥1,234.50', 1234.5],
    ['¥ 1,234.50', 1234.5],
    ['1,234.50元', 1234.5],
    ['1,234.50 元', 1234.5],
    ['-1,234.50元', -1234.5],
    ['1.234,50 €', 1234.5],
    ['€1.234,50', 1234.5],
    ['1 234,50 €', 1234.5],
    ['(1,234.00)', -1234],
    ['(¥1,234.00)', -1234],
    ['$(1,234.00)', -1234],
    ['-$1,234.00', -1234],
    ['12.5万', 125000],
    ['12.5万元', 125000],
    ['3亿', 300000000],
    ['3亿元', 300000000],
    ['$12.4k', 12400],
    ['1.2K', 1200],
    ['$1.2M', 1200000],
    ['USD 1,234', 1234],
    ['RMB 1,234.50', 1234.5],
    ['1,234.50 CNY', 1234.5],
    ['CN¥1,234.50', 1234.5],
    ['HK$1,234', 1234],
    ['US$1,234', 1234],
    ['￥１，２３４．５０', 1234.5],
  ];
  it.each(forms)('%s → %d', (input, expected) => {
    expect(parseNumberValue(input)).toBe(expected);
    expect(parseNumberColumn([input]).values[0]).toBe(expected);
  });

  it('a column of 1.234,50 € reads 1.234 as one thousand two hundred thirty-four', () => {
    expect(Array.from(parseNumberColumn(['1.234,50 €', '1.234 €', '12,00 €']).values)).toEqual([1234.5, 1234, 12]);
  });
});

describe('units in money headers', () => {
  const cases: [string, number][] = [
    ['年采购额(元)', 1],
    ['金额（万元）', 1e4],
    ['销售额(万)', 1e4],
    ['合同额（千元）', 1e3],
    ['营收（亿元）', 1e8],
    ['Revenue ($k)', 1e3],
    ['Sales (000s)', 1e3],
    ["Sales ('000)", 1e3],
    ['Amount (USD millions)', 1e6],
    ['Revenue ($M)', 1e6],
    ['Revenue (USD)', 1],
    ['Amount', 1],
    ['销售额万元', 1e4],
  ];
  it.each(cases)('%s → ×%d', (header, scale) => expect(moneyScaleOf(header)).toBe(scale));

  it('scales a column by its unit, exactly, and leaves a value with its own multiplier alone', () => {
    expect(Array.from(parseNumberColumn(['1.15', '12', '', '0.5万', '(2.5)'], { scale: 1e4 }).values)).toEqual([11500, 120000, NaN, 5000, -25000]);
  });
});

// ---------------------------------------------------------------------------------------------
// Round trips: a random date or amount written in each form reads back as itself.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
interface D {
  y: number;
  m: number;
  d: number;
  hh: number;
  mi: number;
}
const DATE_FORMS: Record<string, (t: D) => string> = {
  iso: (t) => `${t.y}-${p2(t.m)}-${p2(t.d)}`,
  cn: (t) => `${t.y}年${t.m}月${t.d}日`,
  dot: (t) => `${t.y}.${p2(t.m)}.${p2(t.d)}`,
  dMonY: (t) => `${p2(t.d)}-${MONTHS[t.m - 1]}-${t.y}`,
  monDY: (t) => `${MONTHS[t.m - 1]} ${t.d}, ${t.y}`,
  compact: (t) => `${t.y}${p2(t.m)}${p2(t.d)}`,
  slash: (t) => `${t.y}/${t.m}/${t.d}`,
  serial: (t) => String(Math.round(Date.UTC(t.y, t.m - 1, t.d) / 86_400_000) + 25569),
};
const TIMES: Record<string, (t: D) => string> = {
  none: () => '',
  hms: (t) => ` ${p2(t.hh)}:${p2(t.mi)}:00`,
  hm: (t) => ` ${p2(t.hh)}:${p2(t.mi)}`,
  isoZ: (t) => `T${p2(t.hh)}:${p2(t.mi)}:00Z`,
  cnPm: (t) => ` ${t.hh < 12 ? '上午' : '下午'} ${t.hh % 12 || 12}:${p2(t.mi)}`,
  ampm: (t) => ` ${t.hh % 12 || 12}:${p2(t.mi)} ${t.hh < 12 ? 'AM' : 'PM'}`,
  serialFraction: () => '.585',
};

describe('round trips (fast-check)', () => {
  const dateArb = fc
    .record({
      y: fc.integer({ min: 1990, max: 2060 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      hh: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
    })
    .map((t) => t);

  it('every date form, with every time form that fits it, reads back as the same day', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...Object.keys(DATE_FORMS)), fc.constantFrom(...Object.keys(TIMES)), (t, form, time) => {
        const isSerial = form === 'serial';
        if (isSerial ? time !== 'none' && time !== 'serialFraction' : time === 'serialFraction') return; // a serial takes only a fraction
        if (form === 'compact' && (time === 'cnPm' || time === 'ampm')) return;
        const text = DATE_FORMS[form](t) + TIMES[time](t);
        expect(asDate(text), text).toBe(`${t.y}-${p2(t.m)}-${p2(t.d)}`);
      }),
      { numRuns: 400, seed: 20241208 },
    );
  });

  it('a year and month (2024年12月) reads as the first of the month', () => {
    fc.assert(
      fc.property(dateArb, (t) => {
        expect(parseDateValue(`${t.y}年${t.m}月`)).toBe(day(`${t.y}-${p2(t.m)}-01`));
      }),
      { numRuns: 100, seed: 1 },
    );
  });

  const group = (int: string, sep: string): string => int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const MONEY_FORMS: Record<string, (int: string, frac: string) => string> = {
    yen: (i, f) => `￥${group(i, ',')}.${f}`,
    yuan: (i, f) => `${group(i, ',')}.${f}元`,
    euro: (i, f) => `${group(i, '.')},${f} €`,
    usd: (i, f) => `USD ${group(i, ',')}.${f}`,
    dollar: (i, f) => `$${group(i, ',')}.${f}`,
    plain: (i, f) => `${i}.${f}`,
  };

  it('every money form reads back as the amount, exactly; in brackets as its negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.constantFrom(...Object.keys(MONEY_FORMS)), fc.boolean(), (cents, form, bracket) => {
        const int = String(Math.floor(cents / 100));
        const frac = p2(cents % 100);
        const body = MONEY_FORMS[form](int, frac);
        const text = bracket ? `(${body})` : body;
        const want = Number(`${int}.${frac}`);
        const got = parseNumberColumn([text]).values[0];
        expect(got, text).toBe(bracket && want !== 0 ? -want : want);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('万, 亿 and k amounts read back exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(['万', 4], ['亿', 8], ['k', 3]),
        (n, places, [unit, exp]) => {
          const digits = String(n);
          const text = places > 0 && digits.length > places ? `${digits.slice(0, -places)}.${digits.slice(-places)}${unit}` : `${digits}${unit}`;
          const shift = places > 0 && digits.length > places ? exp - places : exp;
          expect(parseNumberValue(text), text).toBe(Number(`${digits}e${shift}`));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
