// "Too big for the browser?" in the Data section: the customer-summary SQL for the open session's
// order log, in the engine chosen, the same text the command line prints for those roles.
// The sample is opened in a fresh app (harness.ts).
import { describe, expect } from 'vitest';
import { appTest, notReady, openSample, ready, useRig } from './harness';

notReady('toobig');

describe.skipIf(!ready)('Too big for the browser (file://)', () => {
  const rig = useRig();
  const it = appTest(rig, 'file', async (g) => {
    await openSample(g);
    await g.page.click('[data-testid=section-link-data]');
  });

  it('shows the summary SQL for the sample order log, per engine and table name', async ({ g }) => {
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
