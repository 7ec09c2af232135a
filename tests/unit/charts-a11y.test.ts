// Chart text alternatives and colour independence: each chart's data table, the Vega locale
// definitions, and controllable vs uncontrollable told apart by more than colour.
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { causeColors, monthCauseRows } from '../../src/charts/byMonth';
import { causesSpec } from '../../src/charts/defs/causes';
import { causesRevenueSpec } from '../../src/charts/defs/causesRevenue';
import { churnByMonthSpec } from '../../src/charts/defs/churnByMonth';
import { controllableSpec } from '../../src/charts/defs/controllable';
import { CHARTS, chartSummary, chartTable, chartTitle } from '../../src/charts/index';
import { kpiItems } from '../../src/charts/kpis';
import { NUMBER_LOCALES, TIME_LOCALES, vegaLocale } from '../../src/charts/locale';
import { GROUP_DASHES } from '../../src/charts/pareto';
import { CAUSE_RAMPS } from '../../src/charts/theme';
import { LOCALES, translate } from '../../src/i18n';
import { analysis } from './analysis-fixture';

type Layer = { mark: { type: string }; encoding: Record<string, { field?: string; scale?: { domain?: unknown[]; range?: unknown[] } }> };
const layers = (spec: unknown) => (spec as { layer: Layer[] }).layer;

describe('chartTable', () => {
  it('causes: one row per cause, its group as a word, locale-formatted numbers', () => {
    expect(chartTable('causes', analysis, 'en')).toEqual({
      caption: 'Why customers left',
      header: ['Cause', 'Controllable?', 'Churned customers', 'Share of churned'],
      rows: [
        ['Pricing (ours)', 'Controllable', '2', '50.0%'],
        ['Customer circumstances', 'Uncontrollable', '1', '25.0%'],
        ['Unclassified', 'Unclassified', '1', '25.0%'],
      ],
    });
    expect(chartTable('causes', analysis, 'zh-Hans').rows[1]).toEqual(['客户自身原因', '不可控', '1', '25.0%']);
  });

  it('controllable: the shares against the benchmark', () => {
    expect(chartTable('controllable', analysis, 'en').rows).toEqual([
      ['Controllable', '66.7%', '90%'],
      ['Uncontrollable', '33.3%', '10%'],
    ]);
  });

  it('cohorts: one column per period, the unfinished one marked in words', () => {
    const t = chartTable('cohorts', analysis, 'en');
    expect(t.header).toEqual(['Cohort', 'Cohort size', 'Month 0', 'Month 1', 'Month 2']);
    expect(t.rows).toEqual([['2024-01', '10', '100.0%', '60.0%', '50.0% (not over)']]);
    expect(chartTable('cohortRevenue', analysis, 'zh-Hant').rows[0].slice(2)).toEqual(['100.0%', '80.0%', '40.0% (未結束)']);
  });

  it('survival by group, months and tiers', () => {
    expect(chartTable('survival', analysis, 'en').rows).toEqual([
      ['North', '0', '100.0%', '6'],
      ['North', '30', '67.0%', '6'],
      ['(not stated)', '0', '100.0%', '4'],
      ['(not stated)', '30', '50.0%', '4'],
    ]);
    expect(chartTable('churnByMonth', analysis, 'en').rows[0]).toEqual(['2024-02', 'Pricing (ours)', '2']);
    expect(chartTable('lostByMonth', analysis, 'en').rows[0]).toEqual(['2024-02', 'Pricing (ours)', '200']);
    expect(chartTable('tiers', analysis, 'en').rows).toEqual([
      ['Top 20%', '2', '1', '50.0%', '200'],
      ['20% – 100%', '8', '3', '37.5%', '100'],
    ]);
  });

  it.each(LOCALES)('every chart has a table with its title as caption and full rows (%s)', (locale) => {
    for (const c of CHARTS) {
      const t = chartTable(c.id, analysis, locale);
      expect(t.caption).toBe(chartTitle(c.id, analysis, locale));
      expect(t.rows.length).toBeGreaterThan(0);
      for (const r of t.rows) expect(r).toHaveLength(t.header.length);
      expect(t.header.every((h) => h.length > 0)).toBe(true);
    }
  });

  it("summaries of the month charts are in the reader's language", () => {
    expect(chartSummary('churnByMonth', analysis, 'zh-Hans')).toBe(`${translate('zh-Hans', 'chart.month.title')}: 1 个月; 最高在 2024-02（4）`);
    expect(chartSummary('lostByMonth', analysis, 'en')).not.toMatch(/\bmax\b/);
  });
});

describe('controllable vs uncontrollable without colour', () => {
  it.each(LOCALES)('Pareto charts: each group has its own outline dash, in the legend too (%s)', (locale) => {
    for (const spec of [causesSpec(analysis, locale), causesRevenueSpec(analysis, locale)]) {
      const bar = layers(spec)[0];
      const groups = ['controllable', 'uncontrollable', 'unclassified'].map((g) => translate(locale, `group.${g}`));
      expect(bar.encoding.strokeDash.field).toBe('group');
      expect(bar.encoding.strokeDash.scale).toEqual({ domain: groups, range: GROUP_DASHES });
      expect(bar.encoding.color.scale!.domain).toEqual(groups);
      expect(new Set(GROUP_DASHES.map((d) => d.join(','))).size).toBe(3);
      // One legend: colour and dash share the field and title, so Vega-Lite merges them.
      const vg = compile(spec).spec;
      const legends = vg.legends ?? [];
      expect(legends).toHaveLength(1);
      expect(legends[0].strokeDash).toBeDefined();
      expect(legends[0].fill ?? legends[0].stroke).toBeDefined();
    }
  });

  it.each(LOCALES)('controllable chart: groups named on the axis, fixed colour order, dashed outline (%s)', (locale) => {
    const spec = controllableSpec(analysis, locale);
    const bar = layers(spec)[0];
    const names = [translate(locale, 'group.controllable'), translate(locale, 'group.uncontrollable')];
    expect(bar.encoding.color.scale!.domain).toEqual(names);
    expect(bar.encoding.strokeDash.scale).toEqual({ domain: names, range: GROUP_DASHES.slice(0, 2) });
    expect(compile(spec).spec.marks?.length).toBeGreaterThan(0);
  });
});

describe('Vega locale definitions', () => {
  it('three locales with complete month and day names and their currency', () => {
    for (const l of LOCALES) {
      expect(TIME_LOCALES[l].months).toHaveLength(12);
      expect(TIME_LOCALES[l].shortMonths).toHaveLength(12);
      expect(TIME_LOCALES[l].days).toHaveLength(7);
      expect(TIME_LOCALES[l].shortDays).toHaveLength(7);
      expect(NUMBER_LOCALES[l].grouping).toEqual([3]);
    }
    expect(NUMBER_LOCALES.en.currency).toEqual(['$', '']);
    expect(NUMBER_LOCALES['zh-Hans'].currency).toEqual(['¥', '']);
    expect(NUMBER_LOCALES['zh-Hant'].currency).toEqual(['NT$', '']);
    expect(TIME_LOCALES['zh-Hans'].date).toBe('%Y年%-m月%-d日');
  });

  it('formats with d3 as the charts will', async () => {
    // d3's own modules (Vega's dependencies), imported by name: they ship no type declarations.
    type D3 = {
      formatLocale: (d: unknown) => { format: (f: string) => (n: number) => string };
      timeFormatLocale: (d: unknown) => { utcFormat: (f: string) => (d: Date) => string };
    };
    const load = (name: string) => import(/* @vite-ignore */ name) as Promise<D3>;
    const { formatLocale } = await load('d3-format');
    const { timeFormatLocale } = await load('d3-time-format');
    const zh = vegaLocale('zh-Hans');
    expect(formatLocale(zh.formatLocale as never).format('$,.0f')(1234567)).toBe('¥1,234,567');
    expect(formatLocale(vegaLocale('zh-Hant').formatLocale as never).format('$,.0f')(1234)).toBe('NT$1,234');
    const date = new Date(Date.UTC(2024, 2, 5));
    expect(timeFormatLocale(zh.timeFormatLocale as never).utcFormat('%x %b')(date)).toBe('2024年3月5日 3月');
    expect(timeFormatLocale(vegaLocale('en').timeFormatLocale as never).utcFormat('%B %-d')(date)).toBe('March 5');
  });
});

describe('colours of individual causes (churn per month)', () => {
  it('controllable causes take the cool ramp, uncontrollable the warm one, unclassified grey; stacked in that order', () => {
    const a = {
      ...analysis,
      causes: [
        { id: 'price', controllable: true, customers: 5, share: 0.4, revenue: 0 },
        { id: 'market-volatility', controllable: false, customers: 4, share: 0.3, revenue: 0 },
        { id: 'unclassified', controllable: null, customers: 2, share: 0.15, revenue: 0 },
        { id: 'competitor', controllable: true, customers: 2, share: 0.15, revenue: 0 },
      ],
    };
    expect(causeColors(a, 'en')).toEqual({
      domain: ['Pricing (ours)', 'Competitor', 'Market volatility', 'Unclassified'],
      range: [CAUSE_RAMPS.controllable[0], CAUSE_RAMPS.controllable[1], CAUSE_RAMPS.uncontrollable[0], CAUSE_RAMPS.unclassified[0]],
    });
    const rows = monthCauseRows(
      {
        ...a,
        churnByMonth: [
          {
            ...analysis.churnByMonth[0],
            byCause: [
              { cause: 'unclassified', churned: 1, revenue: 0 },
              { cause: 'price', churned: 2, revenue: 0 },
            ],
          },
        ],
      },
      'en',
    );
    expect(rows.map((r) => [r.cause, r.rank])).toEqual([
      ['Unclassified', 3],
      ['Pricing (ours)', 0],
    ]);
    const spec = churnByMonthSpec(a, 'en') as { encoding: { color: { scale: unknown }; order: { field: string } } };
    expect(spec.encoding.color.scale).toEqual(causeColors(a, 'en'));
    expect(spec.encoding.order.field).toBe('rank');
  });
});

describe('kpiItems (dashboard cards and report boxes)', () => {
  it('labels and locale-formatted values; a figure the data cannot give is left out', () => {
    expect(kpiItems(analysis, 'en')).toEqual([
      { id: 'customers', label: 'Customers', value: '10' },
      { id: 'churned', label: 'Churned', value: '4' },
      { id: 'rate', label: 'Churn rate', value: '40.0%' },
      { id: 'lost', label: 'Revenue lost', value: '300' },
      { id: 'controllable', label: translate('en', 'kpi.controllable'), value: '66.7%' },
    ]);
    expect(kpiItems({ ...analysis, controllableShare: null }, 'zh-Hans').map((k) => k.id)).toEqual(['customers', 'churned', 'rate', 'lost']);
    expect(kpiItems({ ...analysis, revenue: { total: 0, lost: 0 } }, 'zh-Hans').map((k) => [k.label, k.value])[3]).toEqual([
      translate('zh-Hans', 'kpi.controllable'),
      '66.7%',
    ]);
    // Causes only inferred (no reason column): no controllable share to show.
    const inferred = { ...analysis, causes: [{ id: 'staff-turnover', controllable: true, customers: 4, share: 1, revenue: 300, inferred: 4 }] };
    expect(kpiItems(inferred, 'en').map((k) => k.id)).toEqual(['customers', 'churned', 'rate', 'lost']);
  });
});
