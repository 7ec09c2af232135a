// The churn engine in the built app: settings (definition, period, tiers, rep window, survival
// grouping, breakdown columns) recompute in the worker and show the numbers the core computes;
// the at-risk list exports as CSV with a BOM. Build with `npx vite build --outDir dist-engine` and
// run with CHURNLENS_DIST=dist-engine. Each test opens the sample in its own fresh app (harness.ts).
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Settings } from '../../src/core/types';
import { appTest, download, exportedAnalysis, kpi, notReady, openSample, ready, sampleAnalysis, showSection, useRig } from './harness';

const num = (s: string) => Number(s.replace(/[^0-9.]/g, ''));

/** Another definition, threshold, period and tiers. */
const CHANGED: Partial<Settings> = { churnMode: 'inactivity', inactiveDays: 60, period: 'quarter', tiers: [0.2, 0.5] };

/** Set CHANGED in the Data section's form and apply it; back on the Overview, wait for its churned count. */
async function applyChanged(page: Page) {
  const want = sampleAnalysis(CHANGED);
  await showSection(page, 'data');
  await page.selectOption('[data-testid=churn-mode]', 'inactivity');
  await page.fill('[data-testid=inactive-days]', '60');
  await page.selectOption('[data-testid=period]', 'quarter');
  await page.fill('[data-testid=tiers-input]', '20, 50');
  await page.click('[data-testid=apply-settings]');
  await showSection(page, 'overview');
  await expect.poll(() => kpi(page, 'churned'), { timeout: 30_000 }).toBe(want.customers.churned);
}

notReady('engine');

describe.skipIf(!ready)('the churn engine in the built app', () => {
  const rig = useRig();
  const it = appTest(rig, 'http', openSample);
  const expected = sampleAnalysis();

  it('shows breakdowns, tiers, rep turnover and at-risk customers with the core numbers', async ({ g }) => {
    const p = g.page;
    // Breakdowns, tiers and rep turnover are in the "Where" section.
    await showSection(p, 'where');
    await p.locator('[data-testid=breakdowns]').waitFor();
    for (const item of expected.breakdowns.items) {
      const rows = await p.locator(`[data-testid=breakdown-table-${item.key}] tbody tr`).count();
      expect(rows).toBe(Math.min(30, item.groups.length));
    }
    expect(await p.locator('[data-testid=tier-row]').count()).toBe(expected.tiers.length);
    await p.locator('[data-testid=reps]').waitFor();
    expect(await p.locator('[data-testid=rep-row]').count()).toBe(expected.reps.departed.length);
    await p.locator('[data-testid=chart-tiers][data-rendered=true]').waitFor({ timeout: 60_000 });
    await showSection(p, 'risk');
    expect(expected.atRisk.customers, 'the sample has customers at risk').toBeGreaterThan(0);
    const summary = await p.locator('[data-testid=risk-summary]').innerText();
    expect(num(summary.split(' ')[0])).toBe(expected.atRisk.customers);
    // The charts over time are in the "Over time" section (the tiers chart was drawn in "Where").
    await showSection(p, 'time');
    for (const id of ['churnByMonth', 'cohorts', 'cohortCurves', 'survival']) {
      await p.locator(`[data-testid=chart-${id}][data-rendered=true]`).waitFor({ timeout: 60_000 });
    }
    // Stacked by cause: one bar segment per (month, cause).
    const bars = await p.locator('[data-testid=chart-churnByMonth] svg .mark-rect path').count();
    expect(bars).toBe(expected.churnByMonth.reduce((n, m) => n + m.byCause.length, 0));
  });

  it('recomputes on a new definition, threshold, period and tiers', async ({ g }) => {
    const p = g.page;
    const want = sampleAnalysis(CHANGED);
    // The poll below can tell the two apart.
    expect(want.customers.churned).not.toBe(expected.customers.churned);
    // The settings are in the Data section; the KPIs and the definition in the Overview; the tiers in "Where".
    await applyChanged(p);
    expect(await p.locator('[data-testid=definition]').innerText()).toContain('Inactivity chosen');
    await showSection(p, 'where');
    await expect.poll(() => p.locator('[data-testid=tier-row]').count()).toBe(3);
    const json = await exportedAnalysis(p);
    expect(json.definition).toEqual(want.definition);
    expect(json.cohorts).toEqual(want.cohorts);
    expect(json.tiers).toEqual(want.tiers);
    expect(json.reps).toEqual(want.reps);
    expect(json.atRisk.customers).toBe(want.atRisk.customers);
  });

  it('exports the at-risk customers as CSV with a BOM', async ({ g }) => {
    const p = g.page;
    const want = sampleAnalysis(CHANGED);
    expect(want.atRisk.customers, 'customers at risk under these settings').toBeGreaterThan(0);
    await applyChanged(p);
    await showSection(p, 'risk');
    const bytes = (await download(p, 'export-at-risk')).bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(want.atRisk.customers + 1);
    expect(lines[1].startsWith(want.atRisk.list[0].id)).toBe(true);
  });
});
