import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateOrderLogText, ORDER_LOG_HEADER } from '../../scripts/lib/orders.ts';
import { createRng } from '../../scripts/lib/rng.ts';
import { buildSample, CUSTOMER_HEADER, generateSample, ORDER_HEADER, SAMPLE_TITLE } from '../../scripts/lib/sample.ts';

const sampleDir = fileURLToPath(new URL('../../src/sample/', import.meta.url));
const sample = generateSample();

function parse(text: string): string[][] {
  const res = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  expect(res.errors).toEqual([]);
  const rows = res.data;
  // A trailing line end yields one empty row at the end.
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return rows;
}

/** '2024/3/5' → '2024-03-05' */
function slashToIso(s: string): string {
  const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (!m) throw new Error(`bad date ${s}`);
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

const customerRows = parse(sample.customers);
const header = customerRows[2];
const body = customerRows.slice(3, -1);
const totals = customerRows[customerRows.length - 1];
const col = (name: string) => header.indexOf(name);
const orderRows = parse(sample.orders.replace(/^\uFEFF/, ''));
const orders = orderRows.slice(1);

describe('bundled sample', () => {
  it('src/sample files equal the generator output byte for byte (run: npx tsx scripts/gen-sample.ts)', () => {
    const customers = readFileSync(`${sampleDir}customers.csv`);
    const orderFile = readFileSync(`${sampleDir}orders.csv`);
    expect(customers.equals(Buffer.from(sample.customers, 'utf8'))).toBe(true);
    expect(orderFile.equals(Buffer.from(sample.orders, 'utf8'))).toBe(true);
    expect(readFileSync(`${sampleDir}staff.csv`).equals(Buffer.from(sample.staff, 'utf8'))).toBe(true);
    expect(customers.length).toBeLessThan(2 * 1024 * 1024);
    expect(orderFile.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('has a staff roster whose departed reps are the ones in the customer list', () => {
    const lines = sample.staff.trimEnd().split('\r\n');
    expect(lines[0]).toBe('销售代表,负责区域,入职日期,离职日期');
    const left = lines
      .slice(1)
      .map((l) => l.split(','))
      .filter((f) => f[3] !== '');
    expect(left.map((f) => [f[0], f[3]])).toEqual([
      ['陈晓东', '2023-04-28'],
      ['刘芳', '2023-11-15'],
      ['赵俊杰', '2024-06-28'],
    ]);
    const customerReps = new Set(body.map((r) => r[2]));
    for (const f of left) expect(customerReps.has(f[0])).toBe(true);
  });

  it('is deterministic, and a different seed gives different data', () => {
    const again = generateSample();
    expect(again.customers).toBe(sample.customers);
    expect(again.orders).toBe(sample.orders);
    expect(again.staff).toBe(sample.staff);
    const other = generateSample(7);
    expect(other.customers).not.toBe(sample.customers);
    expect(other.orders).not.toBe(sample.orders);
  });

  it('customers: CRLF, title + blank line, exactly one header, totals row last', () => {
    expect(sample.customers.charCodeAt(0)).not.toBe(0xfeff);
    expect(sample.customers.endsWith('\r\n')).toBe(true);
    expect(sample.customers.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = sample.customers.split('\r\n');
    expect(lines[0]).toBe(SAMPLE_TITLE);
    expect(lines[1]).toBe('');
    expect(header).toEqual([...CUSTOMER_HEADER]);
    expect(lines.filter((l) => l === CUSTOMER_HEADER.join(',')).length).toBe(1);
    expect(body.every((r) => r.length === CUSTOMER_HEADER.length)).toBe(true);
    expect(totals[0]).toBe('合计');
    expect(totals.slice(1, -1).every((c) => c === '')).toBe(true);
    expect(totals[totals.length - 1]).toMatch(/^¥\d{1,3}(,\d{3})*\.\d\d$/);
  });

  it('customers: count, ids, statuses, churn share, dates', () => {
    expect(body.length).toBe(3000);
    const ids = body.map((r) => r[col('客户编号')]);
    expect(new Set(ids).size).toBe(3000);
    expect(ids.every((id) => /^KH\d{5}$/.test(id))).toBe(true);
    expect(new Set(body.map((r) => r[col('状态')]))).toEqual(new Set(['正常', '已流失']));
    const churned = body.filter((r) => r[col('状态')] === '已流失');
    const share = churned.length / body.length;
    expect(share).toBeGreaterThanOrEqual(0.2);
    expect(share).toBeLessThanOrEqual(0.35);
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    const bad = body.filter((r) => {
      const first = r[col('首次合作日期')];
      const last = r[col('最后下单日期')];
      const churn = r[col('流失日期')];
      if (!iso.test(first) || !iso.test(last) || last < first || last > '2024-12-31') return true;
      if (r[col('状态')] === '已流失') return !iso.test(churn) || churn <= last || churn > '2024-12-31';
      return churn !== '' || r[col('流失原因')] !== '';
    });
    expect(bad.slice(0, 5)).toEqual([]);
    // Reasons only for churned customers, most of them have one.
    const withReason = churned.filter((r) => r[col('流失原因')] !== '').length;
    expect(withReason / churned.length).toBeGreaterThan(0.85);
    expect(withReason / churned.length).toBeLessThan(0.97);
    expect(new Set(body.map((r) => r[col('销售代表')])).size).toBe(12);
  });

  it('customers: revenue cells in the client formats; the totals row is their sum', () => {
    const rev = body.map((r) => r[col('年销售额（元）')]);
    const toCents = (s: string): number => {
      if (s.endsWith('万')) return Math.round(Number(s.slice(0, -1)) * 1_000_000);
      return Math.round(Number(s.replace('¥', '').replace(/,/g, '')) * 100);
    };
    let sum = 0;
    for (const s of rev) {
      if (s === '') continue;
      expect(s).toMatch(/^(-?¥\d{1,3}(,\d{3})*\.\d\d|-?\d+(\.\d)?|\d+\.\d万)$/);
      sum += toCents(s);
    }
    const yen = rev.filter((s) => s.startsWith('¥')).length;
    expect(yen / rev.length).toBeGreaterThan(0.7);
    expect(rev.some((s) => s === '')).toBe(true);
    expect(rev.some((s) => s.endsWith('万'))).toBe(true);
    expect(rev.some((s) => /^\d+(\.\d)?$/.test(s))).toBe(true);
    expect(toCents(totals[totals.length - 1])).toBe(sum);
  });

  it('orders: BOM, CRLF, header, ids, dates, 30k–60k rows sorted by date, returns', () => {
    expect(sample.orders.charCodeAt(0)).toBe(0xfeff);
    expect(sample.orders.endsWith('\r\n')).toBe(true);
    expect(sample.orders.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(orderRows[0]).toEqual([...ORDER_HEADER]);
    expect(orders.length).toBeGreaterThanOrEqual(30_000);
    expect(orders.length).toBeLessThanOrEqual(60_000);
    expect(new Set(orders.map((o) => o[0])).size).toBe(orders.length);
    let prev = '';
    let negatives = 0;
    const bad: string[][] = [];
    for (const o of orders) {
      const ok =
        o.length === 4 && /^DD20(22|23|24)\d{6}$/.test(o[0]) && /^\d{4}\/[1-9]\d?\/[1-9]\d?$/.test(o[2]) && /^-?\d{1,3}(,\d{3})*\.\d\d$/.test(o[3]);
      if (!ok) {
        bad.push(o);
        continue;
      }
      const d = slashToIso(o[2]);
      if (d < prev || o[0].slice(2, 6) !== d.slice(0, 4)) bad.push(o);
      prev = d;
      if (o[3].startsWith('-')) negatives++;
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(negatives / orders.length).toBeGreaterThan(0.002);
    expect(negatives / orders.length).toBeLessThan(0.01);
  });

  it('orders belong to known customers and span exactly first-cooperation … last-order date', () => {
    const byId = new Map(body.map((r) => [r[col('客户编号')], r]));
    const span = new Map<string, [string, string]>();
    for (const o of orders) {
      expect(byId.has(o[1])).toBe(true);
      const d = slashToIso(o[2]);
      const s = span.get(o[1]);
      if (!s) span.set(o[1], [d, d]);
      else {
        if (d < s[0]) s[0] = d;
        if (d > s[1]) s[1] = d;
      }
    }
    expect(span.size).toBe(byId.size);
    const bad: string[] = [];
    for (const [id, [first, last]] of span) {
      const r = byId.get(id)!;
      if (first !== r[col('首次合作日期')] || last !== r[col('最后下单日期')]) bad.push(id);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('annual revenue (¥ cells) is the order total of the 12 months up to the last order', () => {
    const dayNo = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
    const lastDay = new Map(body.map((r) => [r[col('客户编号')], dayNo(r[col('最后下单日期')])]));
    const sum = new Map<string, number>();
    for (const o of orders) {
      const d = dayNo(slashToIso(o[2]));
      const last = lastDay.get(o[1])!;
      if (d > last - 365 && d <= last) {
        sum.set(o[1], (sum.get(o[1]) ?? 0) + Math.round(Number(o[3].replace(/,/g, '')) * 100));
      }
    }
    const bad = body.filter((r) => {
      const s = r[col('年销售额（元）')];
      if (!s.startsWith('¥')) return false;
      return Math.round(Number(s.slice(1).replace(/,/g, '')) * 100) !== sum.get(r[col('客户编号')]);
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('carries the built-in story: departed reps, tiers, controllable share, at-risk actives', () => {
    const data = buildSample();
    const churned = data.customers.filter((c) => c.churnDay !== null);
    const rate = (xs: typeof data.customers) => xs.filter((c) => c.churnDay !== null).length / xs.length;
    expect(rate(data.customers.filter((c) => c.tier === 'C'))).toBeGreaterThan(rate(data.customers.filter((c) => c.tier === 'A')));
    const departed = new Set(['陈晓东', '刘芳', '赵俊杰']);
    expect(rate(data.customers.filter((c) => departed.has(c.rep)))).toBeGreaterThan(rate(data.customers.filter((c) => !departed.has(c.rep))) + 0.1);
    const classified = churned.filter((c) => c.cause !== null);
    const uncontrollable = classified.filter((c) => c.cause === 'market-volatility' || c.cause === 'customer-circumstances');
    expect(1 - uncontrollable.length / classified.length).toBeGreaterThan(0.84);
    expect(1 - uncontrollable.length / classified.length).toBeLessThan(0.92);
    const reasons = new Set(churned.map((c) => c.reason).filter(Boolean));
    expect(reasons.size).toBeGreaterThanOrEqual(40);
    expect(reasons.size).toBeLessThanOrEqual(60);
    expect(data.customers.filter((c) => c.silent).length).toBeGreaterThan(10);
  });
});

describe('bench order log', () => {
  it('generateOrderLogText(1000, 1) has a header and 1000 rows, deterministically', () => {
    const text = generateOrderLogText(1000, 1);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines[0]).toBe(ORDER_LOG_HEADER);
    for (const l of lines.slice(1)) {
      expect(l).toMatch(/^O\d+,C\d+,20(19|2[0-4])-\d{2}-\d{2},\d+\.\d\d,\d+,[^,]+,[^,]+$/);
    }
    expect(generateOrderLogText(1000, 1)).toBe(text);
    expect(generateOrderLogText(1000, 2)).not.toBe(text);
    const customers = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    expect(customers.size).toBeGreaterThan(100);
    expect(customers.size).toBeLessThanOrEqual(125);
  });
});

describe('rng', () => {
  it('is seeded and stays within bounds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.rng());
    expect(Array.from({ length: 5 }, () => b.rng())).toEqual(xs);
    const r = createRng(1);
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
      expect(['x', 'y']).toContain(r.pick(['x', 'y']));
      expect(r.weighted(['a', 'b', 'c'], [0, 1, 0])).toBe('b');
      expect(r.lognormal(0, 1)).toBeGreaterThan(0);
    }
  });
});
