// The public files in ../shared/data, each analysed with zero configuration (the CLI's path:
// ingestSource → analyze with default settings), read in place, never copied. Every figure is
// recounted here from the raw rows with PapaParse, and written out as a number too.
//
// Not repeated here (already covered elsewhere): the roles each file gets at ingest
// (ingest/roles.test.ts), Kaplan–Meier on telco-ibm.csv (churn/telco.test.ts), the classifier on
// the telco reasons (causes/classify.test.ts), the Germany log's customers, revenue, unattributed
// rows and returns (analyze-engine.test.ts), the .xlsx workbook (ingest/source.test.ts, cli.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { ingestSource } from '../../src/core/ingest/source';
import { type Analysis, DEFAULT_SETTINGS } from '../../src/core/types';

const DATA = new URL('../../../shared/data/', import.meta.url);
const has = (name: string): boolean => {
  const ok = existsSync(fileURLToPath(new URL(name, DATA)));
  if (!ok) console.warn(`\n*** shared-data.test.ts: ${fileURLToPath(new URL(name, DATA))} not found: its tests are SKIPPED ***\n`);
  return ok;
};

type Result = Analysis & { questions?: { code: string }[]; tenure?: { column: string; unit: string; source: string } };

async function analyzeFile(name: string): Promise<Result> {
  const b = readFileSync(new URL(name, DATA));
  const parsed = await ingestSource(name, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  return analyze([parsed], { ...DEFAULT_SETTINGS });
}

/** Every row of a CSV as an object, through a streaming step so a large file is not held twice. */
function eachRow(name: string, f: (row: Record<string, string>) => void): void {
  Papa.parse<Record<string, string>>(readFileSync(new URL(name, DATA), 'utf8'), {
    header: true,
    skipEmptyLines: true,
    step: (res) => f(res.data),
  });
}
const cents = (s: string): number => Math.round(Number(s) * 100);

// ---------------------------------------------------------------------------------------------
// The IBM telco customer lists

interface Telco {
  customers: number;
  churned: number;
  revenue: number; // cents
  lost: number;
  reasons: Map<string, number>;
}

function recountTelco(name: string, cols: { churn: string; monthly: string; reason?: string }): Telco {
  const t: Telco = { customers: 0, churned: 0, revenue: 0, lost: 0, reasons: new Map() };
  eachRow(name, (r) => {
    const lost = r[cols.churn] === 'Yes';
    if (!lost && r[cols.churn] !== 'No') throw new Error(`${name}: ${cols.churn} = ${r[cols.churn]}`);
    t.customers++;
    t.revenue += cents(r[cols.monthly]);
    if (lost) {
      t.churned++;
      t.lost += cents(r[cols.monthly]);
    }
    const reason = cols.reason ? r[cols.reason].trim() : '';
    if (reason) t.reasons.set(reason, (t.reasons.get(reason) ?? 0) + 1);
  });
  return t;
}

describe.skipIf(!has('telco-ibm.csv'))('telco-ibm.csv (Churn Yes/No, tenure in months)', () => {
  let a: Result;
  let t: Telco;
  beforeAll(async () => {
    a = await analyzeFile('telco-ibm.csv');
    t = recountTelco('telco-ibm.csv', { churn: 'Churn', monthly: 'MonthlyCharges' });
  });

  it('recount: 7,043 customers, 1,869 churned; monthly charges $456,116.60, of the churned $139,130.85', () => {
    expect(t).toMatchObject({ customers: 7043, churned: 1869, revenue: 45_611_660, lost: 13_913_085 });
  });

  it('the analysis: 7,043 customers, 1,869 churned, 5,174 active, by the Churn column', () => {
    expect(a.customers).toEqual({ total: 7043, churned: 1869, active: 5174, churnRate: 1869 / 7043 });
    expect(a.definition.mode).toBe('status');
  });

  it('revenue is the monthly charges: total and lost', () => {
    expect(a.revenue.total).toBeCloseTo(t.revenue / 100, 2);
    expect(a.revenue.lost).toBeCloseTo(t.lost / 100, 2);
  });

  it('tenure is read in months, and survival is drawn in months', () => {
    expect(a.tenure).toMatchObject({ column: 'tenure', unit: 'month' });
    expect(a.survival.unit).toBe('month');
  });

  it('asks no question about the churn signal', () => {
    expect((a.questions ?? []).map((q) => q.code)).not.toContain('no-churn-signal');
  });
});

describe.skipIf(!has('telco-ibm-reasons.csv'))('telco-ibm-reasons.csv (Churn Label, Churn Reason, Tenure Months)', () => {
  let a: Result;
  let t: Telco;
  beforeAll(async () => {
    a = await analyzeFile('telco-ibm-reasons.csv');
    t = recountTelco('telco-ibm-reasons.csv', { churn: 'Churn Label', monthly: 'Monthly Charges', reason: 'Churn Reason' });
  });

  it('recount: the same 7,043 and 1,869, and 20 distinct reasons, one for every churned customer', () => {
    expect(t).toMatchObject({ customers: 7043, churned: 1869, revenue: 45_611_660, lost: 13_913_085 });
    expect(t.reasons.size).toBe(20);
    expect([...t.reasons.values()].reduce((s, n) => s + n, 0)).toBe(1869);
  });

  it('the analysis: 7,043 customers, 1,869 churned, 5,174 active', () => {
    expect(a.customers).toEqual({ total: 7043, churned: 1869, active: 5174, churnRate: 1869 / 7043 });
    expect(a.revenue.total).toBeCloseTo(t.revenue / 100, 2);
    expect(a.revenue.lost).toBeCloseTo(t.lost / 100, 2);
  });

  it('"Churn Reason" is the reason: each of the 20 texts with its number of customers', () => {
    expect(a.inputs[0].roles.reason).toBe('Churn Reason');
    const got = new Map(a.reasons.map((r) => [r.text, r.customers]));
    expect(got).toEqual(t.reasons);
  });

  it('tenure ("Tenure Months") is read in months', () => {
    expect(a.tenure).toMatchObject({ column: 'Tenure Months', unit: 'month' });
    expect(a.survival.unit).toBe('month');
  });
});

// ---------------------------------------------------------------------------------------------
// The UCI Online Retail order logs: churn by inactivity (90 days), cohorts from the orders.

interface Log {
  rows: number;
  asOf: number;
  customers: number;
  churned: number;
  revenue: number;
  lost: number;
  returns: number;
  unattributed: number;
  invoices: number;
  firstCohort: [string, number];
}

/**
 * A purchase is a row with a non-negative quantity and value whose invoice is not a cancellation
 * (C…); a row without a customer id is a purchase nobody can be followed through. asOf is the
 * latest invoice day in the file; a customer is churned when the last purchase is more than 90
 * days before it.
 */
function recountLog(name: string): Log {
  const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
  const last = new Map<string, number>();
  const first = new Map<string, number>();
  const spent = new Map<string, number>();
  const invoices = new Set<string>();
  let rows = 0;
  let asOf = -Infinity;
  let returns = 0;
  let unattributed = 0;
  eachRow(name, (r) => {
    rows++;
    const d = day(r.InvoiceDate);
    if (d > asOf) asOf = d;
    const q = Number(r.Quantity);
    const value = q * Number(r.UnitPrice);
    if (q < 0 || value < 0 || /^c/i.test(r.InvoiceNo)) {
      returns++;
      return;
    }
    const id = r.CustomerID.trim();
    if (!id) {
      unattributed++;
      return;
    }
    invoices.add(r.InvoiceNo);
    last.set(id, Math.max(last.get(id) ?? -Infinity, d));
    first.set(id, Math.min(first.get(id) ?? Infinity, d));
    spent.set(id, (spent.get(id) ?? 0) + value);
  });
  let churned = 0;
  let revenue = 0;
  let lost = 0;
  for (const [id, d] of last) {
    revenue += spent.get(id)!;
    if (asOf - d > 90) {
      churned++;
      lost += spent.get(id)!;
    }
  }
  const month = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 7);
  const firstMonth = month(Math.min(...first.values()));
  const firstCohort: [string, number] = [firstMonth, [...first.values()].filter((d) => month(d) === firstMonth).length];
  return { rows, asOf, customers: last.size, churned, revenue, lost, returns, unattributed, invoices: invoices.size, firstCohort };
}

describe.skipIf(!has('online-retail.csv'))('online-retail.csv (541,909 order rows)', () => {
  let a: Result;
  let log: Log;
  beforeAll(async () => {
    a = await analyzeFile('online-retail.csv');
    log = recountLog('online-retail.csv');
  }, 180_000);

  it('recount: 4,339 customers, 1,449 silent for more than 90 days on 2011-12-09, 18,536 invoices', () => {
    expect(log).toMatchObject({ rows: 541_909, customers: 4339, churned: 1449, returns: 10_626, unattributed: 133_359, invoices: 18_536 });
    expect(new Date(log.asOf * 86_400_000).toISOString().slice(0, 10)).toBe('2011-12-09');
    expect(log.revenue).toBeCloseTo(8_911_407.9, 2);
    expect(log.lost).toBeCloseTo(1_035_270.41, 2);
    expect(log.firstCohort).toEqual(['2010-12', 885]);
  });

  it('the analysis: an order log of 541,909 rows, as of 2011-12-09', () => {
    expect(a.inputs[0]).toMatchObject({ kind: 'orders', rows: 541_909 });
    expect(a.asOf).toBe('2011-12-09');
    expect(a.definition.mode).toBe('inactivity');
  });

  it('customers, churned and active (90 days without a purchase)', () => {
    expect(a.customers).toEqual({ total: 4339, churned: 1449, active: 2890, churnRate: 1449 / 4339 });
  });

  it('revenue: purchases of identified customers, total and lost', () => {
    expect(a.revenue.total).toBeCloseTo(log.revenue, 2);
    expect(a.revenue.lost).toBeCloseTo(log.lost, 2);
    expect(a.unattributed.orderRows).toBe(133_359);
    expect(a.issues).toContainEqual({ code: 'orders-returns', file: 'online-retail.csv', params: { count: 10_626 } });
  });

  it('cohorts are built from the orders; the first, 2010-12, holds 885 customers', () => {
    expect(a.cohorts.basis).toBe('orders');
    expect(a.cohorts.rows[0]).toMatchObject({ cohort: '2010-12', size: 885 });
    expect(a.cohorts.rows.reduce((s, r) => s + r.size, 0)).toBe(4339);
  });
});

describe.skipIf(!has('online-retail-germany.csv'))('online-retail-germany.csv (9,495 order rows)', () => {
  let a: Result;
  let log: Log;
  beforeAll(async () => {
    a = await analyzeFile('online-retail-germany.csv');
    log = recountLog('online-retail-germany.csv');
  });

  it('recount: 94 customers, 25 silent for more than 90 days on 2011-12-09, 457 invoices', () => {
    expect(log).toMatchObject({ rows: 9495, customers: 94, churned: 25, returns: 453, unattributed: 0, invoices: 457 });
    expect(log.lost).toBeCloseTo(28_826.79, 2);
    expect(log.firstCohort).toEqual(['2010-12', 18]);
  });

  it('churned and active, as of the last invoice day, with the revenue lost', () => {
    expect(a.asOf).toBe('2011-12-09');
    expect(a.definition.mode).toBe('inactivity');
    expect(a.customers).toEqual({ total: 94, churned: 25, active: 69, churnRate: 25 / 94 });
    expect(a.revenue.lost).toBeCloseTo(log.lost, 2);
  });

  it('cohorts: the first, 2010-12, holds 18 customers; all 94 are in one cohort each', () => {
    expect(a.cohorts.rows[0]).toMatchObject({ cohort: '2010-12', size: 18 });
    expect(a.cohorts.rows.reduce((s, r) => s + r.size, 0)).toBe(94);
  });
});
