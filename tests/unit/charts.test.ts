// Chart specs are data: each compiles with vega-lite in Node and carries the analysis' numbers.
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { causeByRepSpec } from '../../src/charts/defs/causeByRep';
import { causesSpec } from '../../src/charts/defs/causes';
import { causesRevenueSpec } from '../../src/charts/defs/causesRevenue';
import { controllableSpec } from '../../src/charts/defs/controllable';
import { CHARTS } from '../../src/charts/index';
import { chartSummary } from '../../src/charts/index';
import { LOCALES } from '../../src/i18n';
import { base as analysis } from './analysis-fixture';

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
    const spec = causeByRepSpec(analysis, 'en');
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
