// Chart specs are data: each compiles with vega-lite in Node and carries the analysis' numbers.
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import type { Analysis } from '../../src/core/types';
import { CHARTS } from '../../src/charts/index';
import { causesSpec } from '../../src/charts/causes';
import { controllableSpec } from '../../src/charts/controllable';
import { chartSummary } from '../../src/charts/summary';
import { LOCALES } from '../../src/i18n';

const analysis: Analysis = {
  version: 1,
  asOf: '2024-03-31',
  inputs: [],
  definition: { mode: 'status', inactiveDays: 90, reason: 'definition-status' },
  customers: { total: 10, churned: 4, active: 6, churnRate: 0.4 },
  revenue: { total: 1000, lost: 300 },
  causes: [
    { id: 'price', controllable: true, customers: 2, share: 0.5, revenue: 200 },
    { id: 'customer-circumstances', controllable: false, customers: 1, share: 0.25, revenue: 60 },
    { id: 'unclassified', controllable: null, customers: 1, share: 0.25, revenue: 40 },
  ],
  controllableShare: 2 / 3,
  benchmark: { controllable: 0.9, uncontrollable: 0.1 },
  reasons: [],
  churnByMonth: [{ month: '2024-02', churned: 4, revenue: 300 }],
  cohorts: { period: 'month', basis: 'orders', rows: [{ cohort: '2024-01', size: 10, retention: [1, 0.6, 0.5] }] },
  survival: {
    unit: 'day',
    curve: [
      { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 10, events: 0, censored: 0 },
      { t: 30, survival: 0.6, lower: 0.3, upper: 0.8, atRisk: 10, events: 4, censored: 6 },
    ],
    median: null,
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
  it('has one bar per cause, sorted by customers, coloured by group', () => {
    const spec = causesSpec(analysis, 'en');
    expect(valuesOf(spec)).toEqual([
      { cause: 'Price', customers: 2, share: 0.5, revenue: 200, group: 'Controllable' },
      expect.objectContaining({ customers: 1, group: 'Uncontrollable' }),
      expect.objectContaining({ customers: 1, group: 'Unclassified' }),
    ]);
    expect(JSON.stringify(spec)).toContain('"sort":"-x"');
  });

  it('names causes in Chinese', () => {
    const names = valuesOf(causesSpec(analysis, 'zh-Hans')).map((v) => v.cause as string);
    expect(names.every((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
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
