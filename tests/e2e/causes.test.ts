// The cause breakdown in the built app: reassign a reason and a single customer, rename, flip and
// merge causes; every change reaches the charts and the JSON at once and survives a reload.
// Each test opens the sample in its own fresh app (harness.ts) and makes the edits it checks.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { withReasonOverride } from '../../src/core/causes/learn';
import { clipText } from '../../src/core/text';
import {
  appTest,
  exportedAnalysis,
  kpiText,
  notReady,
  openSample,
  ready,
  sampleAnalysis,
  sampleFiles,
  savedSettings,
  settingsOf,
  showSection,
  useRig,
} from './harness';

/**
 * The reason overrides after the user sets these reasons' causes in this order, as the core keys
 * them (normalised text; the page clips long cells first, as state.svelte.ts does).
 */
const overridesAfter = (steps: [text: string, cause: string][]) =>
  steps.reduce<Record<string, string>>((o, [text, cause]) => withReasonOverride(o, clipText(text.trim()), cause), {});

const base = sampleAnalysis();
const top = base.reasons[0];
/** A cause the top reason does not have: reassigning it there is visible. */
const target = top.cause === 'price' ? 'product' : 'price';
// A reason some of whose customers left after their rep did, though the text names another cause.
const offer = base.reasons.find((r) => r.repLeft > 0 && r.cause !== 'staff-turnover' && r.text !== top.text)!;
const RENAMED = '价格问题 (pricing)';

// The edits, as a user makes them in the Causes section; each waits until the page has it.

async function reassignTop(page: Page) {
  await showSection(page, 'causes');
  await page.locator('[data-testid=reason-row]').first().locator('[data-testid=reason-cause]').selectOption(target);
}

async function renamePrice(page: Page) {
  await showSection(page, 'causes');
  const row = page.locator('[data-testid=editor-row][data-cause=price]');
  await row.locator('[data-testid=editor-name]').fill(RENAMED);
  await row.locator('[data-testid=editor-name]').press('Enter');
  await row.locator('[data-testid=editor-name]').blur();
}

async function mergeHarshPolicy(page: Page) {
  await showSection(page, 'causes');
  await page.locator('[data-testid=editor-row][data-cause=harsh-policy] [data-testid=editor-merge]').selectOption('small-customer-neglect');
  await expect.poll(() => page.locator('[data-testid=editor-row][data-cause=harsh-policy]').count()).toBe(0);
}

async function addRegulation(page: Page) {
  await showSection(page, 'causes');
  await page.fill('[data-testid=editor-new-name]', 'Regulation');
  await page.click('[data-testid=editor-add]');
  await page.locator('[data-testid=editor-row][data-cause=custom-regulation]').waitFor();
}

notReady('causes');

describe.skipIf(!ready)('cause breakdown in the page (file://)', () => {
  const rig = useRig();
  const it = appTest(rig, 'file', openSample);

  it('shows the reasons with their causes, and the strategies for the top causes', async ({ g }) => {
    // The strategies are in the Overview, the reasons in the Causes section.
    await showSection(g.page, 'overview');
    const strategies = await g.page.locator('[data-testid=strategies] h3').allInnerTexts();
    expect(strategies.length).toBeGreaterThanOrEqual(3);
    await showSection(g.page, 'causes');
    const first = g.page.locator('[data-testid=reason-row]').first();
    expect(await first.locator('td').first().innerText()).toBe(top.text);
    expect(await first.locator('[data-testid=reason-cause]').inputValue()).toBe(top.cause);
  });

  it('shows staff turnover inferred from the roster, and offers it where a reason says otherwise', async ({ g }) => {
    const staff = base.causes.find((c) => c.id === 'staff-turnover')!;
    expect(staff.inferred).toBeGreaterThan(0);
    await showSection(g.page, 'causes');
    await g.page.fill('[data-testid=reasons-filter]', offer.text);
    const row = g.page.locator('[data-testid=reason-row]', { hasText: offer.text }).first();
    await row.getByRole('button', { name: 'Assign to staff turnover' }).click();
    await expect.poll(() => row.locator('[data-testid=reason-cause]').inputValue()).toBe('staff-turnover');
    await expect.poll(async () => (await settingsOf(g.page)).reasonOverrides).toEqual(overridesAfter([[offer.text, 'staff-turnover']]));
    // Similar reasons may follow the correction: the page's numbers equal the core's on the same
    // saved settings, and staff turnover gained at least the offered reason's customers.
    const want = analyze(sampleFiles(), await settingsOf(g.page));
    const a = await exportedAnalysis(g.page);
    expect(a.causes).toEqual(want.causes);
    expect(want.causes.find((c) => c.id === 'staff-turnover')!.customers).toBeGreaterThanOrEqual(staff.customers + offer.customers);
    await g.page.fill('[data-testid=reasons-filter]', '');
  });

  it('reassigns every customer with a reason, and the JSON and charts follow', async ({ g }) => {
    // The numbers before the reassignment, from the core on the saved settings.
    const before = analyze(sampleFiles(), await savedSettings(g.page));
    await reassignTop(g.page);
    await expect.poll(async () => (await settingsOf(g.page)).reasonOverrides).toEqual(overridesAfter([[top.text, target]]));
    // The page's numbers equal the core's on the same saved settings.
    const want = analyze(sampleFiles(), await settingsOf(g.page));
    expect((await exportedAnalysis(g.page)).causes).toEqual(want.causes);
    expect(want.causes.find((c) => c.id === target)!.customers).toBeGreaterThan(before.causes.find((c) => c.id === target)!.customers);
  });

  it('reassigns one customer and says where each cause came from', async ({ g }) => {
    // A customer whose reason is read as written (found with the core on the saved settings).
    const now = analyze(sampleFiles(), await savedSettings(g.page));
    const victim = now.lost!.find(
      (c) => c.reason && c.source === 'stated' && c.cause !== 'harsh-policy' && c.reason !== top.text && c.reason !== offer.text,
    )!;
    expect(victim).toBeDefined();
    await showSection(g.page, 'causes');
    await g.page.fill('[data-testid=lost-filter]', victim.id);
    const row = g.page.locator('[data-testid=lost-row]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-testid=lost-source]').innerText()).toBe('reason as written');
    await row.locator('[data-testid=lost-cause]').selectOption('harsh-policy');
    await expect.poll(() => row.locator('[data-testid=lost-source]').innerText()).toBe('set for this customer');
    const a = await exportedAnalysis(g.page);
    expect(a.lost!.find((c) => c.id === victim.id)).toMatchObject({ cause: 'harsh-policy', source: 'customer' });
  });

  it('renames a cause: the chart shows the user words', async ({ g }) => {
    await renamePrice(g.page);
    // The cause chart is in the Overview.
    await showSection(g.page, 'overview');
    await expect.poll(() => g.page.locator('[data-testid=chart-causes] svg').innerHTML()).toContain(RENAMED);
  });

  it('flips a cause to controllable and the controllable share matches the core', async ({ g }) => {
    await showSection(g.page, 'causes');
    await g.page.locator('[data-testid=editor-row][data-cause=market-volatility] [data-testid=editor-controllable]').selectOption('yes');
    await expect.poll(async () => (await settingsOf(g.page)).causeEdits).toEqual({ controllable: { 'market-volatility': true } });
    // The page's numbers equal the core's on the same saved settings.
    const want = analyze(sampleFiles(), await settingsOf(g.page));
    expect(want.controllableShare).not.toBe(base.controllableShare);
    await expect.poll(async () => (await exportedAnalysis(g.page)).controllableShare).toBe(want.controllableShare);
    await showSection(g.page, 'overview');
    expect(await kpiText(g.page, 'controllable')).toContain(String(Math.round(want.controllableShare! * 1000) / 10));
  });

  it('merges one cause into another and adds a cause of the user', async ({ g }) => {
    await mergeHarshPolicy(g.page);
    const a = await exportedAnalysis(g.page);
    expect(a.causes.find((c) => c.id === 'harsh-policy')).toBeUndefined();
    await addRegulation(g.page);
  });

  it('keeps every cause edit after a reload', async ({ g }) => {
    await reassignTop(g.page);
    await renamePrice(g.page);
    await mergeHarshPolicy(g.page);
    await addRegulation(g.page);
    // Every edit is in the stored session before the reload.
    await expect
      .poll(async () => {
        const s = await settingsOf(g.page);
        return [s.reasonOverrides, s.causeEdits?.names?.price, s.causeEdits?.mergedInto, s.causeEdits?.added?.map((c) => c.id)];
      })
      .toEqual([overridesAfter([[top.text, target]]), RENAMED, { 'harsh-policy': 'small-customer-neglect' }, ['custom-regulation']]);
    await g.page.reload();
    // The reload reopens the Causes section (the URL hash); the cause chart is in the Overview.
    await showSection(g.page, 'overview');
    await g.page.locator('[data-testid=chart-causes][data-rendered=true]').waitFor({ timeout: 60_000 });
    expect(await g.page.locator('[data-testid=chart-causes] svg').innerHTML()).toContain(RENAMED);
    await showSection(g.page, 'causes');
    expect(await g.page.locator('[data-testid=editor-row][data-cause=harsh-policy]').count()).toBe(0);
    await g.page.locator('[data-testid=editor-row][data-cause=custom-regulation]').waitFor();
    const first = g.page.locator('[data-testid=reason-row]', { hasText: top.text }).first();
    expect(await first.locator('[data-testid=reason-cause]').inputValue()).not.toBe(top.cause);
  });
});
