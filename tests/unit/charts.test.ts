// Chart specs are data: each compiles with vega-lite in Node and carries the analysis' numbers.
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { Analysis } from '../../src/core/types';
import { CHARTS } from '../../src/charts/index';
import { causesRevenueSpec, causesSpec } from '../../src/charts/causes';
import { causeBySpec } from '../../src/charts/causeBy';
import { controllableSpec } from '../../src/charts/controllable';
import { chartSummary } from '../../src/charts/summary';
import { LOCALES } from '../../src/i18n';

const analysis: Analysis = {
  version: 1,
  asOf: '2024-03-31',
  inputs: [],
  definition: {
    mode: 'status',
    inactiveDays: 90,
    reason: 'definition-status',
    requested: 'auto',
    asOfSource: 'data',
    available: { status: true, churnDate: false, activity: true },
  },
  customers: { total: 10, churned: 4, active: 6, churnRate: 0.4 },
  revenue: { total: 1000, lost: 300 },
  causes: [
    { id: 'price', controllable: true, customers: 2, share: 0.5, revenue: 200 },
    { id: 'customer-circumstances', controllable: false, customers: 1, share: 0.25, revenue: 60 },
    { id: 'unclassified', controllable: null, customers: 1, share: 0.25, revenue: 40 },
  ],
  causeBy: (['segment', 'region', 'rep'] as const).map((dimension) => ({
    dimension,
    rows: [
      { group: 'North', cause: 'price', customers: 2, revenue: 200 },
      { group: 'South', cause: 'customer-circumstances', customers: 1, revenue: 60 },
      { group: '', cause: 'unclassified', customers: 1, revenue: 40 },
    ],
  })),
  controllableShare: 2 / 3,
  benchmark: { controllable: 0.9, uncontrollable: 0.1 },
  reasons: [],
  churnByMonth: [
    {
      month: '2024-02',
      churned: 4,
      revenue: 300,
      byCause: [
        { cause: 'price', churned: 2, revenue: 200 },
        { cause: 'customer-circumstances', churned: 1, revenue: 60 },
        { cause: 'unclassified', churned: 1, revenue: 40 },
      ],
    },
  ],
  cohorts: {
    period: 'month',
    basis: 'orders',
    incompletePeriod: '2024-03',
    rows: [
      {
        cohort: '2024-01',
        size: 10,
        retention: [1, 0.6, 0.5],
        unbounded: [1, 0.7, 0.5],
        revenueRetention: [1, 0.8, 0.4],
        revenueBase: 500,
        incompleteFrom: 2,
      },
    ],
  },
  survival: {
    unit: 'day',
    curve: [
      { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 10, events: 0, censored: 0 },
      { t: 30, survival: 0.6, lower: 0.3, upper: 0.8, atRisk: 10, events: 4, censored: 6 },
    ],
    median: null,
    medianLower: null,
    medianUpper: null,
    by: {
      key: 'region',
      label: 'Region',
      omitted: 0,
      logRank: { chiSquare: 4.2, df: 1, pValue: 0.04 },
      groups: [
        { group: 'North', customers: 6, events: 2, median: null, medianLower: null, medianUpper: null, curve: [
          { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 6, events: 0, censored: 0 },
          { t: 30, survival: 0.67, lower: 0.2, upper: 0.9, atRisk: 6, events: 2, censored: 4 },
        ] },
        { group: '', customers: 4, events: 2, median: 30, medianLower: 30, medianUpper: null, curve: [
          { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 4, events: 0, censored: 0 },
          { t: 30, survival: 0.5, lower: 0.1, upper: 0.8, atRisk: 4, events: 2, censored: 2 },
        ] },
      ],
    },
  },
  unattributed: { customerRows: 0, orderRows: 3 },
  breakdowns: {
    minGroupSize: 20,
    options: [{ key: 'region', label: 'Region' }],
    items: [
      {
        key: 'region',
        label: 'Region',
        groups: [
          { group: 'North', customers: 25, churned: 10, churnRate: 0.4, revenue: 600, lostRevenue: 200, small: false, rank: 1 },
          { group: 'South', customers: 30, churned: 6, churnRate: 0.2, revenue: 300, lostRevenue: 60, small: false, rank: 2 },
          { group: '', customers: 3, churned: 3, churnRate: 1, revenue: 100, lostRevenue: 40, small: true, rank: null },
        ],
      },
    ],
  },
  tiers: [
    { from: 0, to: 0.2, customers: 2, churned: 1, churnRate: 0.5, revenue: 700, lostRevenue: 200, minRevenue: 300 },
    { from: 0.2, to: 1, customers: 8, churned: 3, churnRate: 0.375, revenue: 300, lostRevenue: 100, minRevenue: 10 },
  ],
  reps: {
    source: 'roster',
    windowDays: 90,
    afterRepLeft: { customers: 1, share: 0.25, revenue: 200 },
    departed: [{ rep: 'Bob', left: '2024-01-31', basis: 'roster', customers: 3, churned: 2, churnedAfter: 1, share: 1 / 3, lostRevenue: 200 }],
  },
  atRisk: {
    silentDays: 45,
    windowDays: 90,
    customers: 1,
    revenue: 120,
    list: [
      { id: 'K', name: 'Kilo', rep: 'Alice', region: 'North', segment: '', lastOrder: '2024-01-15', daysSilent: 76, silent: true, declining: false, recent: 0, prior: 50, revenue: 120 },
    ],
  },
  issues: [],
};

const valuesOf = (spec: { data?: unknown }) => (spec.data as { values: Record<string, unknown>[] }).values;

describe.each(LOCALES)('chart specs in %s', (locale) => {
  it.each(CHARTS.map((c) => [c.id, c] as const))('%s compiles to a Vega spec', (_, chart) => {
    expect(chart.hasData(analysis)).toBe(true);
    const { spec } = compile(chart.spec(analysis, locale));
    expect(spec.marks?.length).toBeGreaterThan(0);
    expect(chartSummary(chart.id, analysis, locale).length).toBeGreaterThan(10);
  });
});

describe('cause chart', () => {
  it('is a Pareto chart: bars largest first, coloured by group, with the cumulative share', () => {
    const spec = causesSpec(analysis, 'en');
    expect(valuesOf(spec)).toEqual([
      { rank: 0, cause: 'Price', customers: 2, share: 0.5, revenue: 200, cumulative: 0.5, group: 'Controllable' },
      expect.objectContaining({ rank: 1, customers: 1, cumulative: 0.75, group: 'Uncontrollable' }),
      expect.objectContaining({ rank: 2, customers: 1, cumulative: 1, group: 'Unclassified' }),
    ]);
    // The bar order is explicit (layers drop sort-by-field).
    expect(JSON.stringify(spec)).toContain('"sort":["Price","Customer circumstances","Unclassified"]');
  });

  it('orders the revenue Pareto by revenue', () => {
    const values = valuesOf(causesRevenueSpec(analysis, 'en'));
    expect(values.map((v) => [v.cause, v.revenue, v.cumulative])).toEqual([
      ['Price', 200, 200 / 300],
      ['Customer circumstances', 60, 260 / 300],
      ['Unclassified', 40, 1],
    ]);
  });

  it('uses the user name of a renamed cause', () => {
    const renamed = { ...analysis, taxonomy: [{ id: 'price', controllable: true, name: '报价', builtin: true }] };
    expect(valuesOf(causesSpec(renamed, 'en'))[0].cause).toBe('报价');
  });

  it('names causes in Chinese', () => {
    const names = valuesOf(causesSpec(analysis, 'zh-Hans')).map((v) => v.cause as string);
    expect(names.every((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
  });
});

describe('causes by group', () => {
  it('gives each cause its share of the group, with groups ordered by churned customers', () => {
    const spec = causeBySpec(analysis, 'en', 'rep');
    expect(valuesOf(spec).map((v) => [v.group, v.cause, v.share])).toEqual([
      ['North', 'Price', 1],
      ['South', 'Customer circumstances', 1],
      ['(none)', 'Unclassified', 1],
    ]);
    expect(JSON.stringify(spec)).toContain('"sort":["North","(none)","South"]');
  });
});

describe('controllable chart', () => {
  it('puts the share against the 90/10 benchmark', () => {
    expect(valuesOf(controllableSpec(analysis, 'en'))).toEqual([
      { group: 'Controllable', actual: 2 / 3, benchmark: 0.9 },
      { group: 'Uncontrollable', actual: 1 - 2 / 3, benchmark: 0.1 },
    ]);
  });
});
