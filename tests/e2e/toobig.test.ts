// "Too big for the browser?" in the Data section: the customer-summary SQL for the open session's
// order log, in the engine chosen, the same text the command line prints for those roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fileUrl, hasChromium, hasDist, launch, openApp, type Guarded } from './harness';

const ready = hasChromium && hasDist;
if (!ready) console.warn('\n*** toobig e2e SKIPPED: chromium or the build is missing ***\n');

describe.skipIf(!ready)('Too big for the browser (file://)', () => {
  let browser: Browser;
  let g: Guarded;

  beforeAll(async () => {
    browser = await launch();
    g = await openApp(browser, fileUrl());
    await g.page.click('[data-testid=try-sample]');
    await g.page.locator('[data-testid=kpi-churned]').waitFor({ timeout: 60_000 });
    await g.page.click('[data-testid=section-link-data]');
  });
  afterAll(async () => {
    expect(g.foreign).toEqual([]);
    expect(g.errors).toEqual([]);
    await browser?.close();
  });

  it('shows the summary SQL for the sample order log, per engine and table name', async () => {
    const sql = g.page.locator('[data-testid=section-data] [data-testid=toobig-sql]');
    await sql.waitFor();
    const duck = await sql.inputValue().catch(() => sql.innerText());
    expect(duck).toMatch(/\bFROM\b/i);
    expect(duck).toContain('orders');
    await g.page.fill('[data-testid=toobig-table]', 'client_sales');
    await expect.poll(async () => (await sql.inputValue().catch(() => sql.innerText())).includes('client_sales')).toBe(true);
    await g.page.selectOption('[data-testid=toobig-dialect]', 'bigquery');
    await expect.poll(async () => (await sql.inputValue().catch(() => sql.innerText())) !== duck).toBe(true);
  });
});
