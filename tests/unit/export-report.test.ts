// The client report, built in Node from the shared fixture: every text the PDF draws is recorded
// (with its page and colour), so the sections, their order and their tables are checked as the
// reader gets them. Charts are stood in for (Vega → SVG → svg2pdf needs a page): each takes a
// fixed height, and its title and summary sentence are recorded.
import type { jsPDF } from 'jspdf';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Analysis, Settings } from '../../src/core/types';
import { translate } from '../../src/i18n';
import { analysis, base } from './analysis-fixture';

interface Drawn {
  page: number;
  text: string;
  color: string;
}

const drawn: Drawn[] = [];
const charts: { title: string; note: string | undefined }[] = [];

vi.mock('svg2pdf.js', () => ({ svg2pdf: async () => undefined }));
vi.mock('../../src/export/pdf', async (importOriginal) => {
  const pdf = await importOriginal<typeof import('../../src/export/pdf')>();
  const recording = (doc: jsPDF): jsPDF => {
    const text = doc.text.bind(doc) as (...args: unknown[]) => jsPDF;
    doc.text = ((value: string | string[], ...rest: unknown[]) => {
      drawn.push({ page: doc.getCurrentPageInfo().pageNumber, text: [value].flat().join(' '), color: doc.getTextColor() });
      return text(value, ...rest);
    }) as typeof doc.text;
    return doc;
  };
  pdf.PdfWriter.prototype.chart = async function (_svg, title, note) {
    charts.push({ title, note });
    this.ensure(250);
    this.y += 250;
  };
  return {
    ...pdf,
    chartSvg: async (_spec: unknown, width: number) => ({ svg: '<svg/>', width, height: 300 }),
    newPdf: (...args: Parameters<typeof pdf.newPdf>) => recording(pdf.newPdf(...args)),
  };
});

const { buildReport } = await import('../../src/export/report');

const settings = {
  inactiveDays: 90,
  tiers: [0.1, 0.3],
  groupBy: ['region'],
  survivalBy: 'region',
  reasonOverrides: { 'too dear': 'price' },
} as Settings;

const withInputs: Analysis = {
  ...analysis,
  inputs: [
    {
      file: 'customers.csv',
      kind: 'customers',
      rows: 10,
      encoding: 'utf-8',
      delimiter: ',',
      roles: { customerId: 'ID', reason: 'Why', rep: 'Rep' },
      skipped: { title: 0, blank: 0, totals: 0, repeatedHeader: 0 },
    },
  ],
};

async function report(a: Analysis, client = ' ACME ', locale: 'en' | 'zh-Hans' = 'en') {
  drawn.length = 0;
  charts.length = 0;
  const progress: [number, number][] = [];
  const blob = await buildReport({
    analysis: a,
    settings,
    locale,
    client,
    paper: 'letter',
    now: new Date(Date.UTC(2026, 0, 2, 12)),
    onProgress: (done, total) => progress.push([done, total]),
  });
  const texts = drawn.map((d) => d.text);
  /** The `count` texts drawn from the first one equal to `first` (a table row, from its first cell). */
  const cells = (first: string, count: number) => {
    const at = texts.indexOf(first);
    expect(at, first).toBeGreaterThanOrEqual(0);
    return texts.slice(at, at + count);
  };
  const pageOf = (text: string) => drawn.find((d) => d.text === text)?.page;
  return { blob, texts, cells, pageOf, progress };
}

const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);

beforeEach(() => {
  drawn.length = 0;
});

describe('buildReport', () => {
  it('writes the sections in order: title page, findings, key figures, charts, causes, advice, at risk, appendix', async () => {
    const { texts, blob } = await report(withInputs);
    const order = [
      'churnlens',
      'Customer churn analysis',
      'Prepared for',
      'ACME',
      'Data sources',
      'Definitions in force',
      en('report.findings'),
      en('report.kpis'),
      en('report.charts'),
      en('report.causes'),
      en('report.strategies'),
      'Customers at risk: top 1 of 1',
      en('report.appendix'),
      en('report.mapping'),
      en('report.settings'),
    ];
    const at = order.map((text) => texts.indexOf(text));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(order.filter((_, k) => at[k] < 0)),
    ).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    // Nothing was left out for want of data: no such list.
    expect(texts).not.toContain(en('report.omitted'));
    expect(blob.type).toBe('application/pdf');
  });

  it('title page: client, date, as-of, one row per source file, the definitions in force', async () => {
    const { cells, pageOf } = await report(withInputs);
    expect(pageOf('ACME')).toBe(1);
    expect(cells('Date', 4)).toEqual(['Date', 'Data as of', 'January 2, 2026', '2024-03-31']);
    expect(cells('File', 8)).toEqual(['File', 'Kind', 'Rows', 'Encoding', 'customers.csv', 'Customer list', '10', 'utf-8']);
    expect(pageOf('customers.csv')).toBe(1);
    expect(cells('Inactivity threshold (days)', 4)).toEqual([
      'Inactivity threshold (days)',
      '90',
      'As-of date',
      '2024-03-31 (latest date in the data)',
    ]);
  });

  it('an unnamed client is said so on the title page, and the running head is the title alone', async () => {
    const { texts } = await report(withInputs, '  ');
    expect(texts).toContain(en('report.noClient'));
    expect(texts).toContain('Customer churn analysis');
    expect(texts.filter((t) => t.startsWith('Customer churn analysis ·'))).toEqual([]);
  });

  it('key figures: five boxes of label and value, then the rule and the controllable share against the benchmark', async () => {
    const { cells } = await report(withInputs);
    expect(cells('Customers', 10)).toEqual([
      'Customers',
      '10',
      'Churned',
      '4',
      'Churn rate',
      '40.0%',
      'Revenue lost',
      '300',
      'Controllable share',
      '66.7%',
    ]);
    expect(cells('Controllable share: 66.7% (benchmark: about 90%).', 1)).toHaveLength(1);
  });

  it('every chart with data, in the dashboard order, with its summary sentence; progress counts charts + 2', async () => {
    const { progress } = await report(withInputs);
    expect(charts).toHaveLength(13);
    expect(charts[0].title).toBe('Why customers left');
    expect(charts[0].note).toMatch(/^Why customers left: Pricing \(ours\) 2 \(50\.0%\)/);
    expect(charts[2].title).toBe('Revenue lost by cause');
    expect(progress).toEqual(Array.from({ length: 15 }, (_, k) => [k + 1, 15]));
  });

  it('cause table: renamed cause, controllable flag (– when unknown), customers, share, revenue, inferred', async () => {
    const { cells } = await report(withInputs);
    expect(cells('Cause', 6)).toEqual(['Cause', 'Controllable', 'Customers', 'Share', 'Revenue lost', 'Inferred']);
    expect(cells('Pricing (ours)', 18)).toEqual([
      ...['Pricing (ours)', 'Yes', '2', '50.0%', '200', '–'],
      ...['Customer circumstances', 'No', '1', '25.0%', '60', '–'],
      ...['Unclassified', '–', '1', '25.0%', '40', '–'],
    ]);
  });

  it('advice for the top causes with advice, under the cause, its share and count', async () => {
    const { texts } = await report(withInputs);
    expect(texts).toContain('Pricing (ours) · 50.0% · 2');
    expect(texts).toContain('Customer circumstances · 25.0% · 1');
    expect(texts.filter((t) => t.startsWith('Unclassified ·'))).toEqual([]);
  });

  it('at-risk table: one row per customer with the warning sign and the revenue at stake', async () => {
    const { cells } = await report(withInputs);
    expect(cells('1 active customer(s) show warning signs: 120 revenue at stake.', 1)).toHaveLength(1);
    expect(cells('K', 7)).toEqual(['K', 'Kilo', 'Alice', '2024-01-15', '76', 'silent', '120']);
  });

  it('at-risk table: a customer without a last order or days silent gets "–" in both cells, not a blank', async () => {
    // The analysis writes an unknown last order as '' (risk.ts), the days silent as null.
    const noLastOrder = {
      ...base.atRisk.list[0],
      id: 'L',
      name: 'Lima',
      lastOrder: '',
      daysSilent: null,
      silent: false,
      declining: true,
      revenue: 80,
    };
    const { cells } = await report({ ...withInputs, atRisk: { ...base.atRisk, customers: 2, list: [...base.atRisk.list, noLastOrder] } });
    expect(cells('Customers at risk: top 2 of 2', 1)).toHaveLength(1);
    expect(cells('L', 7)).toEqual(['L', 'Lima', 'Alice', '–', '–', 'declining', '80']);
  });

  it('appendix: each file with its column mapping (role names in words), then every setting', async () => {
    const { cells, pageOf } = await report(withInputs);
    expect(cells('Role', 8)).toEqual(['Role', 'Column', 'Customer ID', 'ID', 'Churn reason', 'Why', 'Sales rep', 'Rep']);
    expect(pageOf('Role')).toBe(pageOf(en('report.appendix')));
    expect(cells('Rep turnover window (days)', 8)).toEqual([
      ...['Rep turnover window (days)', '90', 'Survival curves by', 'Region'],
      ...['Breakdown columns', 'Region', 'Causes set by hand', '1 reason text(s), 0 customer(s)'],
    ]);
  });

  it('page furniture: "n / N" on every page; the running head with the client from page 2 on', async () => {
    await report(withInputs);
    const pages = Math.max(...drawn.map((d) => d.page));
    expect(pages).toBeGreaterThan(5);
    for (let page = 1; page <= pages; page++) {
      const on = drawn.filter((d) => d.page === page).map((d) => d.text);
      expect(on, `page ${page}`).toContain(`${page} / ${pages}`);
      expect(on, `page ${page}`).toContain(en('report.footer'));
      expect(on.includes('Customer churn analysis · ACME'), `page ${page}`).toBe(page > 1);
    }
  });

  it('without order activity or stated causes: no cause table, no advice, no at-risk list; the appendix says why', async () => {
    const bare: Analysis = {
      ...base,
      definition: { ...base.definition, available: { status: true, churnDate: false, activity: false } },
      causes: [],
      controllableShare: null,
    };
    const { texts } = await report(bare);
    expect(texts).not.toContain(en('report.causes'));
    expect(texts).not.toContain(en('report.strategies'));
    expect(texts.some((t) => t.startsWith('Customers at risk'))).toBe(false);
    expect(texts.filter((t) => t.startsWith('Controllable share:'))).toEqual([]);
    // The list of what was left out, its wrapped lines joined again.
    const omitted = texts.slice(texts.indexOf(en('report.omitted')), texts.indexOf(en('report.footer'))).join(' ');
    expect(omitted).toContain(en('report.omittedRow', { what: en('report.causes'), why: en('gap.no-reasons') }));
    expect(omitted).toContain(en('report.omittedRow', { what: en('risk.title'), why: en('gap.no-activity') }));
  });

  it('in Chinese: the title, headings and the kind of file in the language', async () => {
    const { texts } = await report(withInputs, '华东贸易', 'zh-Hans');
    const zh = (key: string) => translate('zh-Hans', key);
    expect(texts).toContain(zh('report.title'));
    expect(texts).toContain(zh('report.findings'));
    expect(texts).toContain(zh('kind.customers'));
    expect(texts).toContain(`${zh('report.title')} · 华东贸易`);
  });
});
