// Accessibility of the built app: axe-core finds no serious or critical violation on the start
// page, the dashboard (with a chart's data table open), the mapping panel and the Sessions
// dialog, in English and in Simplified Chinese; and the main path works with the keyboard alone.
// Each test opens its own fresh app (harness.ts), in the language it checks.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  appTest,
  axeViolations as axe,
  type Guarded,
  notReady,
  openSample,
  ready,
  sessionCount,
  showSection,
  useRig,
  waitForDashboard,
} from './harness';

/** Press Tab (or Shift+Tab) until the focused element matches `selector` (at most `max` times); false if never. */
async function tabTo(page: Page, selector: string, max = 400, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<boolean> {
  for (let k = 0; k < max; k++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

notReady('accessibility');

describe.skipIf(!ready)('accessibility (file://)', () => {
  const rig = useRig();

  for (const locale of ['en', 'zh-Hans'] as const) {
    describe(locale, () => {
      const inLocale = async (g: Guarded) => {
        await g.page.locator('[data-testid=try-sample]').waitFor();
        await g.page.selectOption('[data-testid=locale]', locale);
        await g.page.waitForFunction((l) => document.documentElement.lang === l, locale);
      };
      const it = appTest(rig, 'file', inLocale);
      const withSample = appTest(rig, 'file', async (g) => {
        await inLocale(g);
        await openSample(g);
      });

      it('the empty start page', async ({ g }) => {
        expect(await axe(g.page)).toEqual([]);
      });

      it('the dashboard with the sample, a chart data table open', async ({ g }) => {
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

      withSample('the mapping panel', async ({ g }) => {
        await showSection(g.page, 'data');
        const panel = g.page.locator('[data-testid=mapping]').first();
        await panel.scrollIntoViewIfNeeded();
        await panel.locator('[data-testid=role-select]').first().focus();
        expect(await axe(g.page, '[aria-labelledby=mapping-title]')).toEqual([]);
      });

      withSample('the Sessions dialog', async ({ g }) => {
        // The sample's session is listed once it is saved.
        await expect.poll(() => sessionCount(g.page), { timeout: 30_000 }).toBe(1);
        await g.page.click('[data-testid=open-sessions]');
        await g.page.locator('[data-testid=session-item]').first().waitFor();
        expect(await axe(g.page)).toEqual([]);
        await g.page.keyboard.press('Escape');
        await g.page.locator('[data-testid=sessions]').waitFor({ state: 'detached' });
      });
    });
  }

  describe('keyboard only', () => {
    const it = appTest(rig, 'file', async (g) => {
      // Ask Playwright to intercept file choosers now: it turns interception on asynchronously,
      // and a key press opens the chooser faster than a click's actionability checks would.
      g.page.on('filechooser', () => undefined);
      await g.page.locator('[data-testid=try-sample]').waitFor();
    });

    it('the drop zone is a focusable button that opens the file picker', async ({ g }) => {
      expect(await tabTo(g.page, '[data-testid=dropzone]', 20)).toBe(true);
      const outline = await g.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      const [chooser] = await Promise.all([g.page.waitForEvent('filechooser'), g.page.keyboard.press('Enter')]);
      expect(chooser.isMultiple()).toBe(true);
    });

    it('Tab to the sample, Enter, Space on a data table toggle, then reach an export button', async ({ g }) => {
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

    it('the Sessions dialog keeps focus inside, closes on Escape and returns focus', async ({ g }) => {
      // With a session open, as when the dialog is used.
      await openSample(g);
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
