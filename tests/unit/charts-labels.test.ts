// Charts that read well and say honestly when they cannot be drawn: no Vega-Lite warning on any
// chart of the sample or the dashboard fixtures, no label cut short, crowded axes thinned, and each
// chart's state (drawn, or the gap that keeps it out) on files that miss reasons, revenue or dates.
import { readFileSync } from 'node:fs';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { breakdownSpec } from '../../src/charts/breakdown';
import { MAX_COHORT_LABELS } from '../../src/charts/cohortGrid';
import { churnByMonthSpec } from '../../src/charts/defs/churnByMonth';
import { cohortsSpec } from '../../src/charts/defs/cohorts';
import { breakdownDrawn, type ChartId, CHARTS, chartSummary, sectionGaps } from '../../src/charts/index';
import { thinLabels } from '../../src/charts/labels';
import { CONFIG } from '../../src/charts/theme';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { type Analysis, type CohortTableRow, DEFAULT_SETTINGS } from '../../src/core/types';
import { LOCALES } from '../../src/i18n';
import { zhHant } from '../../src/i18n/zh-Hant';
import { base } from './analysis-fixture';

const SAMPLE = new URL('../../src/sample/', import.meta.url);
const DASH = new URL('../fixtures/dashboard/', import.meta.url);
const read = (dir: URL, name: string) => ingestBytes(name, readFileSync(new URL(name, dir)));

const analyses: Record<string, Analysis> = {
  base,
  sample: analyze([read(SAMPLE, 'customers.csv'), read(SAMPLE, 'orders.csv'), read(SAMPLE, 'staff.csv')], DEFAULT_SETTINGS),
  'no-reasons': analyze([read(DASH, 'no-reasons.csv')], DEFAULT_SETTINGS),
  'no-revenue': analyze([read(DASH, 'no-revenue.csv')], DEFAULT_SETTINGS),
  'no-dates': analyze([read(DASH, 'no-dates.csv')], DEFAULT_SETTINGS),
};

/** Compile with a logger that keeps every warning (the page fails its e2e check on any). */
function warningsOf(spec: TopLevelSpec): string[] {
  const seen: string[] = [];
  const logger = {
    level() {
      return logger;
    },
    warn: (...m: unknown[]) => (seen.push(m.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...m: unknown[]) => (seen.push(`error: ${m.join(' ')}`), logger),
  };
  compile(spec, { logger });
  return seen;
}

describe.each(Object.keys(analyses))('the drawn charts of %s', (name) => {
  const a = analyses[name];
  it.each(LOCALES)('compile without a Vega-Lite warning in %s', (locale) => {
    const specs = [...CHARTS.filter((c) => c.hasData(a)).map((c) => c.spec(a, locale)), ...breakdownDrawn(a).map((k) => breakdownSpec(a, locale, k))];
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) expect(warningsOf(spec)).toEqual([]);
  });
});

describe('labels', () => {
  it('are never cut short: no label limit anywhere', () => {
    expect(CONFIG.axis?.labelLimit).toBe(0);
    expect(CONFIG.legend?.labelLimit).toBe(0);
    const a = analyses.sample;
    for (const c of CHARTS.filter((x) => x.hasData(a))) expect(JSON.stringify(c.spec(a, 'en'))).not.toMatch(/"labelLimit":[1-9]/);
  });

  it('thin a crowded axis to every n-th label, the first kept', () => {
    const months = Array.from({ length: 53 }, (_, k) => k);
    expect(thinLabels(months, 24)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51]);
    expect(thinLabels(months.slice(0, 24), 24)).toHaveLength(24);
    expect(thinLabels([], 24)).toEqual([]);
  });

  it('show at most 24 cohort labels on a heatmap of 53 monthly cohorts', () => {
    const row = base.cohorts.rows[0];
    const rows: CohortTableRow[] = Array.from({ length: 53 }, (_, k) => ({
      ...row,
      cohort: `${2020 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`,
    }));
    const spec = cohortsSpec({ ...base, cohorts: { ...base.cohorts, rows } }, 'en') as {
      height: number;
      encoding: { y: { axis: { values: string[] } } };
    };
    const shown = spec.encoding.y.axis.values;
    expect(shown).toHaveLength(18);
    expect(shown.length).toBeLessThanOrEqual(MAX_COHORT_LABELS);
    expect(shown[0]).toBe('2020-01 (n=10)');
    expect(shown[1]).toBe('2020-04 (n=10)');
    // Heights are numbers (a step height makes Vega-Lite warn "Dropping fit-y").
    expect(spec.height).toBe(53 * 14);
  });

  it('count cohorts and groups in words in the chart summaries', () => {
    expect(chartSummary('cohorts', base, 'en')).toBe(
      'Cohort retention by month of first order: 1 cohort(s). 2024-03 is not over on the as-of date: its cells are faded and not a drop.',
    );
    expect(chartSummary('causeByRegion', base, 'zh-Hant')).toBe('各區域的流失原因: 3 個分組');
  });

  it('drop the legend of churn per month when every churned customer has the same cause', () => {
    const one = { ...base, causes: [base.causes[2]], churnByMonth: [{ ...base.churnByMonth[0], byCause: [base.churnByMonth[0].byCause[2]] }] };
    const enc = (s: TopLevelSpec) => (s as { encoding: { color: { legend: unknown } } }).encoding.color.legend;
    expect(enc(churnByMonthSpec(one, 'en'))).toBeNull();
    expect(enc(churnByMonthSpec(base, 'en'))).toEqual({ columns: 3 });
  });
});

describe('honest empty states', () => {
  const states = (a: Analysis) => Object.fromEntries(CHARTS.map((c) => [c.id, c.state(a)])) as Record<ChartId, string | null>;

  it('draws every chart of the sample', () => {
    expect(Object.values(states(analyses.sample)).every((s) => s === null)).toBe(true);
  });

  it('an order log without reasons: no cause chart, and one line saying so', () => {
    expect(states(analyses['no-reasons'])).toEqual({
      causes: 'no-reasons',
      controllable: 'no-reasons',
      causesRevenue: 'no-reasons',
      causeBySegment: 'no-reasons',
      causeByRegion: 'no-reasons',
      causeByRep: 'no-reasons',
      churnByMonth: null,
      lostByMonth: null,
      cohorts: null,
      cohortRevenue: null,
      cohortCurves: null,
      survival: null,
      tiers: null,
    });
    expect(sectionGaps(analyses['no-reasons'], 'overview')).toEqual(['no-reasons']);
    expect(sectionGaps(analyses['no-reasons'], 'time')).toEqual([]);
  });

  it('a customer list without revenue: no revenue chart, no value tiers', () => {
    expect(states(analyses['no-revenue'])).toEqual({
      causes: null,
      controllable: null,
      causesRevenue: 'no-revenue',
      causeBySegment: null,
      causeByRegion: null,
      causeByRep: null,
      churnByMonth: null,
      lostByMonth: 'no-revenue',
      cohorts: null,
      cohortRevenue: 'no-orders',
      cohortCurves: null,
      survival: null,
      tiers: 'no-revenue',
    });
    expect(sectionGaps(analyses['no-revenue'], 'time')).toEqual(['no-revenue', 'no-orders']);
  });

  it('a customer list without dates: nothing over time, and a region with two groups to compare', () => {
    expect(states(analyses['no-dates'])).toEqual({
      causes: null,
      controllable: null,
      causesRevenue: null,
      causeBySegment: 'skip',
      causeByRegion: null,
      causeByRep: 'skip',
      churnByMonth: 'no-churn-dates',
      lostByMonth: 'no-churn-dates',
      cohorts: 'no-cohorts',
      cohortRevenue: 'no-cohorts',
      cohortCurves: 'no-cohorts',
      survival: 'no-survival',
      tiers: null,
    });
    expect(sectionGaps(analyses['no-dates'], 'time')).toEqual(['no-churn-dates', 'no-cohorts', 'no-survival']);
  });

  it('says "no groups" once when no dimension has two groups, and nothing per missing column', () => {
    const none = { ...base, causeBy: [] };
    expect(sectionGaps(none, 'causes')).toEqual(['no-groups']);
    expect(sectionGaps(base, 'causes')).toEqual([]);
  });

  it('keeps "unclassified" alone out of the cause charts: reasons that fit no cause are their own gap', () => {
    const vague = {
      ...base,
      causes: [{ id: 'unclassified', controllable: null, customers: 4, share: 1, revenue: 300 }],
      controllableShare: null,
      reasons: [{ text: 'other', customers: 4, cause: 'unclassified', confidence: 0, revenue: 300, overridden: false, repLeft: 0 }],
    };
    expect(states(vague).causes).toBe('unclassified-reasons');
    expect(states({ ...vague, reasons: [] }).causes).toBe('no-reasons');
  });
});

describe('Traditional Chinese: one term per concept', () => {
  // [the term used, the variants that must not appear]
  const TERMS: [string, RegExp][] = [
    ['佔 (share)', /占/],
    ['營收 (revenue)', /收入/],
    ['業務員 (sales rep), as the taxonomy advice has it', /業務代表|業務人員|銷售代表/],
    ['資料 (data)', /數據/],
    ['參考基準 (benchmark)', /經驗值/],
    ['門檻 (threshold)', /閾值/],
    ['因應 (what to do)', /應對/],
    ['存活曲線 (survival)', /生存曲線/],
    ['客戶壽命中位數 (median lifetime)', /中位生命週期/],
    ['關鍵數字 (key figures)', /關鍵指標/],
    ['客戶分類 (segment)', /客戶類型/],
    ['期間 (window)', /窗口/],
  ];
  it.each(TERMS)('%s', (_, variant) => {
    const offenders = Object.entries(zhHant).filter(([, text]) => variant.test(text));
    expect(offenders).toEqual([]);
  });
});
