// Issue 10, item 7: the same customers written another way are the same customers. The GBK dealer
// list of the export fixtures is rewritten with other header synonyms (English, Simplified,
// Traditional), its columns in another order, and its values spelt otherwise (case, full-width,
// Traditional / Simplified, 已流失 / 已流失客户, date and money forms): every count must stay.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../scripts/lib/rng';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { DEFAULT_SETTINGS } from '../../src/core/types';

interface Dealer {
  code: string;
  name: string;
  region: string;
  rep: string;
  lost: boolean;
  first: [number, number, number];
  last: [number, number, number];
  /** Yuan, whole hundreds. */
  yuan: number;
  reason: string;
}

/** The fixture's rows, read with PapaParse (2 title lines and the 合计 row left out). */
function dealers(): Dealer[] {
  const lines = new TextDecoder('gbk').decode(readFileSync(new URL('../fixtures/exports/dealers-gbk.csv', import.meta.url))).split('\r\n');
  const body = lines.slice(2).filter((l) => l !== '' && !l.startsWith('合计'));
  const rows = Papa.parse<Record<string, string>>(body.join('\n'), { header: true }).data;
  const date = (s: string): [number, number, number] => {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
    if (!m) throw new Error(`not a date: ${s}`);
    return [+m[1], +m[2], +m[3]];
  };
  return rows.map((r) => ({
    code: r['客户编码'],
    name: r['客户名称'],
    region: r['所属区域'],
    rep: r['业务员'],
    lost: r['客户状态'] === '已流失',
    first: date(r['首次合作日期']),
    last: date(r['最后进货日期']),
    yuan: Number(r['年采购额(元)'].replace(/,/g, '')),
    reason: r['流失原因'],
  }));
}

const BASE = dealers();
// Worked out from the fixture (tests/unit/exports.test.ts recounts them): 180 dealers, 43 lost.
const WANT = { customers: 180, churned: 43, active: 137, total: 79_779_400, lost: 18_159_400 };

type Column = 'code' | 'name' | 'region' | 'rep' | 'status' | 'first' | 'last' | 'revenue' | 'reason';
const COLUMNS: Column[] = ['code', 'name', 'region', 'rep', 'status', 'first', 'last', 'revenue', 'reason'];
const HEADERS: Record<Column, string[]> = {
  code: ['客户编码', '客户编号', '客戶編號', 'Customer ID', 'Account ID', 'Client Code'],
  name: ['客户名称', '客戶名稱', 'Customer Name', 'Account Name', 'Company'],
  region: ['所属区域', '區域', 'Region', 'Territory'],
  rep: ['业务员', '業務員', 'Sales Rep', 'Account Owner'],
  status: ['Status', 'Customer Status', '客户状态', '客戶狀態', 'Account Status', '合作状态'],
  first: ['首次合作日期', '開始合作日期', 'First Order Date', 'Customer Since'],
  last: ['最后进货日期', '最後進貨日期', 'Last Order Date', 'Last Purchase'],
  revenue: ['年采购额(元)', '年采购额（元）', '年採購額', 'Revenue', 'Annual Spend'],
  reason: ['流失原因', 'Churn Reason', 'Reason for Leaving', '原因'],
};
const STATUS = {
  en: { lost: ['Churned', 'churned', 'CHURNED', 'Ｃｈｕｒｎｅｄ', 'Lost'], active: ['Active', 'active', 'ACTIVE', 'Ａｃｔｉｖｅ'] },
  zhs: { lost: ['已流失', '已流失客户', '流失'], active: ['正常合作', '合作中', '正常'] },
  zht: { lost: ['已流失', '已流失客戶', '流失'], active: ['正常合作', '合作中', '正常'] },
};
const p2 = (n: number) => String(n).padStart(2, '0');
const DATES = {
  cn: ([y, m, d]: number[]) => `${y}年${m}月${d}日`,
  iso: ([y, m, d]: number[]) => `${y}-${p2(m)}-${p2(d)}`,
  slash: ([y, m, d]: number[]) => `${y}/${m}/${d}`,
  dot: ([y, m, d]: number[]) => `${y}.${p2(m)}.${p2(d)}`,
};
const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const MONEY = {
  grouped: (y: number) => `${group(y)}.00`,
  yen: (y: number) => `￥${group(y)}.00`,
  yuan: (y: number) => `${y}.00元`,
  wan: (y: number) => `${y / 10000}万`,
  plain: (y: number) => String(y),
};

interface Variant {
  headers: Record<Column, number>;
  order: Column[];
  lang: keyof typeof STATUS;
  spelling: number;
  date: keyof typeof DATES;
  money: keyof typeof MONEY;
}

const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

function write(v: Variant): string {
  const r = createRng(v.spelling);
  const spell = STATUS[v.lang];
  const cell = (d: Dealer, c: Column): string => {
    switch (c) {
      case 'code':
        return d.code;
      case 'name':
        return d.name;
      case 'region':
        return d.region;
      case 'rep':
        return d.rep;
      case 'status':
        return r.pick(d.lost ? spell.lost : spell.active);
      case 'first':
        return DATES[v.date](d.first);
      case 'last':
        return DATES[v.date](d.last);
      case 'revenue':
        return MONEY[v.money](d.yuan);
      case 'reason':
        return d.reason;
    }
  };
  const lines = [v.order.map((c) => HEADERS[c][v.headers[c]]), ...BASE.map((d) => v.order.map((c) => cell(d, c)))];
  return `${lines.map((l) => l.map(quote).join(',')).join('\n')}\n`;
}

const variant: fc.Arbitrary<Variant> = fc.record({
  headers: fc.record(Object.fromEntries(COLUMNS.map((c) => [c, fc.nat({ max: HEADERS[c].length - 1 })])) as Record<Column, fc.Arbitrary<number>>),
  order: fc.shuffledSubarray(COLUMNS, { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  lang: fc.constantFrom('en', 'zhs', 'zht'),
  spelling: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  date: fc.constantFrom('cn', 'iso', 'slash', 'dot'),
  money: fc.constantFrom('grouped', 'yen', 'yuan', 'wan', 'plain'),
});

describe('exports property: synonyms, column order and spellings change no count', () => {
  it('the base rows are the fixture', () => {
    expect(BASE.length).toBe(WANT.customers);
    expect(BASE.filter((d) => d.lost).length).toBe(WANT.churned);
    expect(BASE.reduce((s, d) => s + d.yuan, 0)).toBe(WANT.total);
    expect(BASE.filter((d) => d.lost).reduce((s, d) => s + d.yuan, 0)).toBe(WANT.lost);
    expect(BASE.every((d) => d.yuan % 100 === 0)).toBe(true); // so 万 reads back exactly
  });

  it('writes what it is asked to (one variant checked by hand)', () => {
    const v: Variant = {
      headers: { code: 3, name: 2, region: 2, rep: 2, status: 1, first: 2, last: 2, revenue: 3, reason: 1 },
      order: ['status', 'code', 'name', 'region', 'rep', 'first', 'last', 'revenue', 'reason'],
      lang: 'en',
      spelling: 7,
      date: 'iso',
      money: 'wan',
    };
    const [header, first] = write(v).split('\n');
    expect(header).toBe('Customer Status,Customer ID,Customer Name,Region,Sales Rep,First Order Date,Last Order Date,Revenue,Churn Reason');
    const d = BASE[0];
    expect(first.split(',').slice(1)).toEqual([
      d.code,
      d.name,
      d.region,
      d.rep,
      DATES.iso(d.first),
      DATES.iso(d.last),
      `${d.yuan / 10000}万`,
      d.reason,
    ]);
    expect(STATUS.en.active).toContain(first.split(',')[0]);
  });

  it('every count stays: customers, churned, active, revenue and lost revenue', () => {
    fc.assert(
      fc.property(variant, (v) => {
        const text = write(v);
        const a = analyze([ingestBytes('dealers.csv', new TextEncoder().encode(text))], { ...DEFAULT_SETTINGS });
        // The status values written, with their counts, name the spelling that was missed.
        const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1);
        const at = v.order.indexOf('status');
        const spelt: Record<string, number> = {};
        for (const r of rows) spelt[r[at]] = (spelt[r[at]] ?? 0) + 1;
        expect(a.customers, `status values written: ${JSON.stringify(spelt)}`).toMatchObject({
          total: WANT.customers,
          churned: WANT.churned,
          active: WANT.active,
        });
        expect(a.revenue.total).toBeCloseTo(WANT.total, 2);
        expect(a.revenue.lost).toBeCloseTo(WANT.lost, 2);
      }),
      { seed: 20241208, numRuns: 50 },
    );
  });
});
