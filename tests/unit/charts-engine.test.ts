// The engine's chart specs compile with vega-lite in Node and carry the analysis' numbers.
import { readFileSync } from 'node:fs';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { breakdownSpec } from '../../src/charts/breakdown';
import { monthCauseRows } from '../../src/charts/byMonth';
import { cohortCells } from '../../src/charts/cohortGrid';
import { churnByMonthSpec } from '../../src/charts/defs/churnByMonth';
import { cohortCurvesSpec } from '../../src/charts/defs/cohortCurves';
import { cohortRevenueSpec } from '../../src/charts/defs/cohortRevenue';
import { cohortsSpec } from '../../src/charts/defs/cohorts';
import { lostByMonthSpec } from '../../src/charts/defs/lostByMonth';
import { survivalSpec } from '../../src/charts/defs/survival';
import { tierLabel, tiersSpec } from '../../src/charts/defs/tiers';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { LOCALES } from '../../src/i18n';

const sample = (name: string) => ingestBytes(name, readFileSync(new URL(`../../src/sample/${name}`, import.meta.url)));
const a = analyze([sample('customers.csv'), sample('orders.csv')], { inactiveDays: 90, asOf: '2024-06-15' });

describe.each(LOCALES)('engine charts in %s', (locale) => {
  const specs = {
    churnByMonth: churnByMonthSpec(a, locale),
    lostByMonth: lostByMonthSpec(a, locale),
    cohorts: cohortsSpec(a, locale),
    cohortRevenue: cohortRevenueSpec(a, locale),
    cohortCurves: cohortCurvesSpec(a, locale),
    survival: survivalSpec(a, locale),
    tiers: tiersSpec(a, locale),
    ...Object.fromEntries(a.breakdowns.items.map((_, i) => [`breakdown-${i}`, breakdownSpec(a, locale, i)])),
  };
  it.each(Object.entries(specs))('%s compiles', (_, spec) => {
    expect(compile(spec).spec.marks?.length).toBeGreaterThan(0);
  });
});

describe('chart data', () => {
  it('stacks every churned customer of every month by cause', () => {
    const rows = monthCauseRows(a, 'en');
    expect(rows.reduce((s, r) => s + r.churned, 0)).toBe(a.churnByMonth.reduce((s, m) => s + m.churned, 0));
  });

  it('marks the cells of the period containing asOf as incomplete, and names cohorts with their size', () => {
    expect(a.cohorts.incompletePeriod).toBe('2024-06');
    const cells = cohortCells(a, 'en');
    const last = a.cohorts.rows.at(-1)!;
    expect(cells.filter((c) => c.incomplete)).toHaveLength(a.cohorts.rows.length);
    expect(cells.some((c) => c.cohort === `${last.cohort} (n=${last.size})`)).toBe(true);
    // Curves leave the unfinished period off, so it cannot read as a drop.
    const curves = (cohortCurvesSpec(a, 'en').data as { values: { incomplete: boolean }[] }).values;
    expect(curves.every((c) => !c.incomplete)).toBe(true);
  });

  it('draws the overall churn rate as the reference line of a breakdown', () => {
    const spec = breakdownSpec(a, 'en', 0) as { layer: { data: { values: { rate?: number }[] } }[] };
    expect(spec.layer[1].data.values[0].rate).toBe(a.customers.churnRate);
  });

  it('draws survival by group with the log-rank p-value in the subtitle', () => {
    expect(a.survival.by?.groups.length).toBeGreaterThan(1);
    expect(JSON.stringify(survivalSpec(a, 'en'))).toContain('Log-rank test');
  });

  it('labels tiers', () => {
    expect(tierLabel(a.tiers[0], 'en')).toBe('Top 20%');
    expect(tierLabel({ ...a.tiers[1], from: 0.2, to: 0.5 }, 'en')).toBe('20% – 50%');
  });
});
