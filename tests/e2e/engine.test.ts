// The churn engine in the built app: settings (definition, period, tiers, rep window, survival
// grouping, breakdown columns) recompute in the worker and show the numbers the core computes;
// the at-risk list exports as CSV with a BOM. Build with `npx vite build --outDir dist-engine` and
// run with CHURNLENS_DIST=dist-engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { hasChromium, hasDist, launch, openApp, serveDist, showSection, type Guarded } from './harness';

const sampleDir = new URL('../../src/sample/', import.meta.url);
const sample = (s: Partial<Settings> = {}) =>
  analyze(
    [
      ingestBytes('sample-customers.csv', readFileSync(new URL('customers.csv', sampleDir))),
      ingestBytes('sample-orders.csv', readFileSync(new URL('orders.csv', sampleDir))),
      ingestBytes('sample-staff.csv', readFileSync(new URL('staff.csv', sampleDir))),
    ],
    { ...DEFAULT_SETTINGS, ...s },
  );

const ready = hasChromium && hasDist;
if (!ready) console.warn(`\n*** engine e2e SKIPPED: ${hasChromium ? '' : '/usr/bin/chromium missing; '}${hasDist ? '' : 'dist not built'} ***\n`);

const num = (s: string) => Number(s.replace(/[^0-9.]/g, ''));

async function kpi(page: Page, id: string): Promise<number> {
  return num(await page.locator(`[data-testid=kpi-${id}] .value`).innerText());
}

describe.skipIf(!ready)('the churn engine in the built app', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let g: Guarded;
  const expected = sample();

  beforeAll(async () => {
    server = await serveDist();
    browser = await launch();
    g = await openApp(browser, server.url);
    await g.page.click('[data-testid=try-sample]');
    await g.page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    expect(g?.foreign ?? [], 'requests that left the machine').toEqual([]);
    expect(g?.errors ?? [], 'uncaught page errors').toEqual([]);
    await g?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows breakdowns, tiers, rep turnover and at-risk customers with the core numbers', async () => {
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
    if (expected.atRisk.customers > 0) {
      const summary = await p.locator('[data-testid=risk-summary]').innerText();
      expect(num(summary.split(' ')[0])).toBe(expected.atRisk.customers);
    }
    // The charts over time are in the "Over time" section (the tiers chart was drawn in "Where").
    await showSection(p, 'time');
    for (const id of ['churnByMonth', 'cohorts', 'cohortCurves', 'survival']) {
      await p.locator(`[data-testid=chart-${id}][data-rendered=true]`).waitFor({ timeout: 60_000 });
    }
    // Stacked by cause: one bar segment per (month, cause).
    const bars = await p.locator('[data-testid=chart-churnByMonth] svg .mark-rect path').count();
    expect(bars).toBe(expected.churnByMonth.reduce((n, m) => n + m.byCause.length, 0));
  });

  it('recomputes on a new definition, threshold, period and tiers', async () => {
    const p = g.page;
    const s: Partial<Settings> = { churnMode: 'inactivity', inactiveDays: 60, period: 'quarter', tiers: [0.2, 0.5] };
    const want = sample(s);
    // The settings are in the Data section; the KPIs and the definition in the Overview; the tiers in "Where".
    await showSection(p, 'data');
    await p.selectOption('[data-testid=churn-mode]', 'inactivity');
    await p.fill('[data-testid=inactive-days]', '60');
    await p.selectOption('[data-testid=period]', 'quarter');
    await p.fill('[data-testid=tiers-input]', '20, 50');
    await p.click('[data-testid=apply-settings]');
    await showSection(p, 'overview');
    await expect.poll(() => kpi(p, 'churned'), { timeout: 30_000 }).toBe(want.customers.churned);
    expect(await p.locator('[data-testid=definition]').innerText()).toContain('Inactivity chosen');
    await showSection(p, 'where');
    await expect.poll(() => p.locator('[data-testid=tier-row]').count()).toBe(3);
    const [dl] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=export-json]')]);
    const json = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
    expect(json.definition).toEqual(want.definition);
    expect(json.cohorts).toEqual(want.cohorts);
    expect(json.tiers).toEqual(want.tiers);
    expect(json.reps).toEqual(want.reps);
    expect(json.atRisk.customers).toBe(want.atRisk.customers);
  });

  it('exports the at-risk customers as CSV with a BOM', async () => {
    const p = g.page;
    const want = sample({ churnMode: 'inactivity', inactiveDays: 60, period: 'quarter', tiers: [0.2, 0.5] });
    if (want.atRisk.customers === 0) return;
    await showSection(p, 'risk');
    const [dl] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid=export-at-risk]')]);
    const bytes = readFileSync((await dl.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(want.atRisk.customers + 1);
    expect(lines[1].startsWith(want.atRisk.list[0].id)).toBe(true);
  });
});
