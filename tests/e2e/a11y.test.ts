// Accessibility of the built app: axe-core finds no serious or critical violation on the start
// page, the dashboard (with a chart's data table open), the mapping panel and the Sessions
// dialog, in English and in Simplified Chinese; and the main path works with the keyboard alone.
// axe is injected with page.evaluate (through the DevTools protocol): the page's CSP forbids any
// script it does not know the hash of, so addScriptTag would be refused, as it should be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { fileUrl, hasChromium, hasDist, launch, openApp, showSection, type Guarded } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical violations in `include` (default: the whole page), described for the failure message. */
async function axe(page: Page, include?: string): Promise<string[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(AXE);
  const violations = await page.evaluate(async (sel) => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const r = await a.run(sel ? { include: [sel] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, include ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function waitForDashboard(page: Page) {
  await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=chart-causes][data-rendered=true]').waitFor({ timeout: 60_000 });
}

/** Press Tab (or Shift+Tab) until the focused element matches `selector` (at most `max` times); false if never. */
async function tabTo(page: Page, selector: string, max = 400, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<boolean> {
  for (let k = 0; k < max; k++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

const ready = hasChromium && hasDist;
describe.skipIf(!ready)('accessibility (file://)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'zh-Hans'] as const) {
    describe(locale, () => {
      let g: Guarded;
      beforeAll(async () => {
        g = await openApp(browser, fileUrl());
        await g.page.locator('[data-testid=try-sample]').waitFor();
        await g.page.selectOption('[data-testid=locale]', locale);
        await g.page.waitForFunction((l) => document.documentElement.lang === l, locale);
      });
      afterAll(async () => {
        expect(g.foreign, 'requests that left the machine').toEqual([]);
        expect(g.errors, 'uncaught page errors').toEqual([]);
        await g.context.close();
      });

      it('the empty start page', async () => {
        expect(await axe(g.page)).toEqual([]);
      });

      it('the dashboard with the sample, a chart data table open', async () => {
        await g.page.click('[data-testid=try-sample]');
        await waitForDashboard(g.page);
        await g.page.locator('[data-testid=chart-controllable][data-rendered=true]').waitFor();
        await g.page.click('[data-testid=table-toggle-causes]');
        await g.page.locator('[data-testid=chart-table-causes]').waitFor();
        expect(await axe(g.page)).toEqual([]);
        // The lost customers' rows are in the Causes section.
        await showSection(g.page, 'causes');
        await g.page.locator('[data-testid=lost-row]').first().waitFor();
        expect(await axe(g.page)).toEqual([]);
      });

      it('the mapping panel', async () => {
        await showSection(g.page, 'data');
        const panel = g.page.locator('[data-testid=mapping]').first();
        await panel.scrollIntoViewIfNeeded();
        await panel.locator('[data-testid=role-select]').first().focus();
        expect(await axe(g.page, '[aria-labelledby=mapping-title]')).toEqual([]);
      });

      it('the Sessions dialog', async () => {
        await g.page.click('[data-testid=open-sessions]');
        await g.page.locator('[data-testid=session-item]').first().waitFor();
        expect(await axe(g.page)).toEqual([]);
        await g.page.keyboard.press('Escape');
        await g.page.locator('[data-testid=sessions]').waitFor({ state: 'detached' });
      });
    });
  }

  describe('keyboard only', () => {
    let g: Guarded;
    beforeAll(async () => {
      g = await openApp(browser, fileUrl());
      // Ask Playwright to intercept file choosers now: it turns interception on asynchronously,
      // and a key press opens the chooser faster than a click's actionability checks would.
      g.page.on('filechooser', () => undefined);
      await g.page.locator('[data-testid=try-sample]').waitFor();
    });
    afterAll(async () => {
      expect(g.foreign).toEqual([]);
      expect(g.errors).toEqual([]);
      await g.context.close();
    });

    it('the drop zone is a focusable button that opens the file picker', async () => {
      expect(await tabTo(g.page, '[data-testid=dropzone]', 20)).toBe(true);
      const outline = await g.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      const [chooser] = await Promise.all([g.page.waitForEvent('filechooser'), g.page.keyboard.press('Enter')]);
      expect(chooser.isMultiple()).toBe(true);
    });

    it('Tab to the sample, Enter, Space on a data table toggle, then reach an export button', async () => {
      await g.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      expect(await tabTo(g.page, '[data-testid=try-sample]', 30)).toBe(true);
      await g.page.keyboard.press('Enter');
      await waitForDashboard(g.page);
      expect(await tabTo(g.page, '[data-testid=table-toggle-causes]')).toBe(true);
      const toggle = g.page.locator('[data-testid=table-toggle-causes]');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await g.page.keyboard.press('Space');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const table = g.page.locator('[data-testid=chart-table-causes]');
      await table.waitFor();
      expect(await table.locator('caption').innerText()).toBe('Why customers left');
      expect(await table.locator('th[scope=col]').count()).toBeGreaterThan(1);
      // The reasons are in the Causes section: back to its link in the section bar, Enter, then on.
      expect(await tabTo(g.page, '[data-testid=section-link-causes]', 400, 'Shift+Tab')).toBe(true);
      await g.page.keyboard.press('Enter');
      await g.page.locator('[data-testid=section-causes]').waitFor({ state: 'visible' });
      expect(await tabTo(g.page, '[data-testid=export-reasons-csv]')).toBe(true);
      const [dl] = await Promise.all([g.page.waitForEvent('download'), g.page.keyboard.press('Enter')]);
      expect(dl.suggestedFilename()).toMatch(/-reasons\.csv$/);
    });

    it('the Sessions dialog keeps focus inside, closes on Escape and returns focus', async () => {
      await g.page.locator('[data-testid=open-sessions]').focus();
      await g.page.keyboard.press('Enter');
      const dialog = g.page.locator('[data-testid=sessions]');
      await dialog.waitFor();
      for (let k = 0; k < 12; k++) {
        await g.page.keyboard.press('Tab');
        const inside = await g.page.evaluate(() => document.activeElement?.closest('dialog') !== null);
        expect(inside).toBe(true);
      }
      await g.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await g.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-sessions');
    });
  });
});
