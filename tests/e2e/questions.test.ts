// A file with no churn signal the tool can read: the page holds the figures back and asks one
// question (which column says a customer was lost?), the user answers it in one click, then says
// what the column's unknown values mean; the answers reach the figures and survive a reload.
// Each test drops the file in its own fresh app (harness.ts) and gives the answers it needs.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { appTest, dropFiles as drop, type Guarded, idle, kpi, notReady, ready, settingsOf, useRig } from './harness';

// 40 customers; column "Phase" says who left, in words no lexicon holds (German): 10 "Beendet".
const rows = ['Kunde,Name,Phase,Umsatz'];
for (let i = 1; i <= 40; i++) rows.push(`K${i},Firma ${i},${i % 4 === 0 ? 'Beendet' : 'Laufend'},${i * 100}`);
const FILE = { name: 'kunden.csv', bytes: [...new TextEncoder().encode(rows.join('\n') + '\n')] };

/** The file dropped on the start page; the page asks its question. */
async function dropFile(g: Guarded) {
  await g.page.locator('[data-testid=dropzone]').waitFor();
  await drop(g.page, [FILE]);
  await g.page.locator('[data-testid=question][data-code=no-churn-signal]').waitFor({ timeout: 30_000 });
}

/** The status value questions, once the column is chosen. */
const statusValue = (page: Page, value: string) =>
  page.locator(
    `[data-testid=question][data-code=status-values-unknown] [data-testid=status-value][data-value="${value}"] [data-testid=status-value-select]`,
  );

/** Both answers given: Phase is the column, Beendet means lost and Laufend active; no question left. */
async function answer(page: Page) {
  await page.locator('[data-testid=question-apply]').first().click();
  await statusValue(page, 'Beendet').selectOption('lost');
  await expect.poll(async () => (await settingsOf(page)).statusValues?.[FILE.name]).toEqual({ beendet: 'lost' });
  await statusValue(page, 'Laufend').selectOption('active');
  await expect.poll(() => page.locator('[data-testid=question]').count()).toBe(0);
}

notReady('questions');

describe.skipIf(!ready).each(['http', 'file'] as const)('one question, from %s', (via) => {
  const rig = useRig();
  const it = appTest(rig, via, dropFile);

  it('asks which column says a customer was lost, with its values and counts, and shows no 0%', async ({ g }) => {
    const q = g.page.locator('[data-testid=question][data-code=no-churn-signal]');
    const candidate = q.locator('[data-testid=question-candidate]').first();
    expect(await candidate.getAttribute('data-column')).toBe('Phase');
    expect(await candidate.innerText()).toContain('Laufend · 30');
    expect(await candidate.innerText()).toContain('Beendet · 10');
    // The figures are held back: no key figure says 0% churn.
    expect(await g.page.locator('[data-testid=held]').count()).toBe(1);
    expect(await g.page.locator('[data-testid^=kpi-]').count()).toBe(0);
    // The user may still look: the figures show, the question stays above them.
    await g.page.click('[data-testid=show-anyway]');
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    expect(await kpi(g.page, 'customers')).toBe(40);
    expect(await g.page.locator('[data-testid=question][data-code=no-churn-signal]').count()).toBe(1);
  });

  it('one click uses the column, then each unknown value is given its meaning', async ({ g }) => {
    await g.page.locator('[data-testid=question-apply]').first().click();
    const unknown = g.page.locator('[data-testid=question][data-code=status-values-unknown]');
    await unknown.waitFor();
    await statusValue(g.page, 'Beendet').selectOption('lost');
    await expect.poll(async () => (await settingsOf(g.page)).statusValues?.[FILE.name]).toEqual({ beendet: 'lost' });
    await statusValue(g.page, 'Laufend').selectOption('active');
    // Both meanings given: no question is left and the figures show.
    await expect.poll(() => g.page.locator('[data-testid=question]').count()).toBe(0);
    await g.page.locator('[data-testid=kpi-churned]').waitFor();
    expect(await kpi(g.page, 'churned')).toBe(10);
    expect(await kpi(g.page, 'customers')).toBe(40);
  });

  it('the answers are kept in the session: a reload shows the same figures', async ({ g }) => {
    await answer(g.page);
    // Once nothing is being analysed or saved, the stored session has both answers.
    await idle(g.page);
    const settings = await settingsOf(g.page);
    expect(settings.roleOverrides?.[FILE.name]).toEqual({ status: 2 });
    expect(settings.statusValues?.[FILE.name]).toEqual({ beendet: 'lost', laufend: 'active' });
    await g.page.reload();
    await g.page.locator('[data-testid=kpi-churned]').waitFor({ timeout: 30_000 });
    await expect.poll(() => kpi(g.page, 'churned')).toBe(10);
    // The Data section lists the values with their meanings, set by the user.
    await g.page.click('[data-testid=section-link-data]');
    const row = g.page.locator('[data-testid=section-data] [data-testid=status-value][data-value=Beendet]');
    expect(await row.getAttribute('data-source')).toBe('user');
    expect(await row.locator('[data-testid=status-value-select]').inputValue()).toBe('lost');
  });
});
