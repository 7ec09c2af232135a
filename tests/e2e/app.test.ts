// The whole path in the real built app, from http://localhost and from file://:
// sample data → dashboard → charts → PNG/SVG export → reload restores → drop files → bad input.
// Each test opens its own fresh app (harness.ts): nothing carries over from the test before.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  appTest,
  download,
  dropFiles,
  exportedAnalysis,
  kpi,
  notReady,
  openSample,
  ready,
  sampleAnalysis,
  sessionCount,
  showSection,
  startPage,
  useRig,
  type Via,
  waitForDashboard,
} from './harness';

const SMALL_CSV = [
  'Customer ID,Company,Sales Rep,Region,First Order,Last Order,Status,Churn Reason,Annual Revenue',
  'C001,Acme Ltd,Alice,North,2023-01-10,2024-11-30,Active,,"$12,000.00"',
  'C002,Bolt Inc,Bob,South,2023-02-01,2024-03-15,Churned,Went with a competitor,"$8,000.00"',
  'C003,Core Co,Alice,North,2023-03-05,2024-05-20,Churned,Too expensive,"$4,000.00"',
  'C004,Dyna plc,Bob,East,2023-04-11,2024-12-01,Active,,"$20,000.00"',
  'C005,Echo GmbH,Carol,East,2023-05-09,2024-06-30,Churned,Moved abroad,"$1,000.00"',
].join('\r\n');

/** GBK bytes of a two-customer Chinese list, as Chinese Excel saves "CSV". */
const GBK_CSV = new Uint8Array([
  // 客户编号,状态\r\nK1,正常\r\nK2,流失\r\n
  0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xd7, 0xb4, 0xcc, 0xac, 0x0d, 0x0a, 0x4b, 0x31, 0x2c, 0xd5, 0xfd, 0xb3, 0xa3, 0x0d, 0x0a,
  0x4b, 0x32, 0x2c, 0xc1, 0xf7, 0xca, 0xa7, 0x0d, 0x0a,
]);

/** The English list dropped on the start page: its dashboard shows 5 customers, 3 churned. */
async function dropSmall(page: Page) {
  await dropFiles(page, [{ name: 'clients.csv', text: SMALL_CSV }]);
  await waitForDashboard(page);
}

/** The GBK list chosen with the file picker: its inputs table says gbk. */
async function pickGbk(page: Page) {
  await page.setInputFiles('[data-testid=file-input]', { name: 'gbk.csv', mimeType: 'text/csv', buffer: Buffer.from(GBK_CSV) });
  // The inputs table is in the Data section, the KPIs in the Overview.
  await showSection(page, 'data');
  await page.locator('[data-testid=inputs-table]').waitFor();
}

notReady('app');

describe.skipIf(!ready)('the built app', () => {
  const rig = useRig();
  const expected = sampleAnalysis();

  for (const via of ['http', 'file'] as const satisfies Via[]) {
    describe(via === 'http' ? 'http://localhost' : 'file://', () => {
      const it = appTest(rig, via);
      const withSample = appTest(rig, via, openSample);

      it('shows the start screen with a CSP that forbids network egress', async ({ g }) => {
        await g.page.locator('[data-testid=try-sample]').waitFor();
        const csp = await g.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toContain("connect-src 'none'");
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toContain('unsafe-eval');
        // The attempt below is refused, and Chromium says so in the console, twice.
        g.expectedConsole.push(
          /^error: Connecting to 'http:\/\/127\.0\.0\.1:9\/leak' violates the following Content Security Policy directive: "connect-src 'none'"/,
          /^error: Fetch API cannot load http:\/\/127\.0\.0\.1:9\/leak\. Refused to connect because it violates the document's Content Security Policy\.$/,
        );
        const attempt = await g.page.evaluate(() =>
          fetch('http://127.0.0.1:9/leak').then(
            () => 'sent',
            () => 'blocked',
          ),
        );
        expect(attempt).toBe('blocked');
      });

      it('analyses the sample data with the numbers the core computes', async ({ g }) => {
        await g.page.click('[data-testid=try-sample]');
        await waitForDashboard(g.page);
        expect(await kpi(g.page, 'customers')).toBe(expected.customers.total);
        expect(await kpi(g.page, 'churned')).toBe(expected.customers.churned);
        // Charts are real SVG with marks: one bar per cause.
        const bars = await g.page.locator('[data-testid=chart-causes] svg .mark-rect path').count();
        expect(bars).toBe(expected.causes.length);
        await g.page.locator('[data-testid=chart-controllable][data-rendered=true]').waitFor();
        const ticks = await g.page
          .locator(
            '[data-testid=chart-controllable] svg .mark-tick line, [data-testid=chart-controllable] svg .mark-tick path, [data-testid=chart-controllable] svg .mark-rect path',
          )
          .count();
        expect(ticks).toBeGreaterThanOrEqual(2);
        // Survival and cohorts are in the "Over time" section, drawn when it is first opened.
        await showSection(g.page, 'time');
        await g.page.locator('[data-testid=chart-survival][data-rendered=true]').waitFor();
        await g.page.locator('[data-testid=chart-cohorts][data-rendered=true]').waitFor();
      });

      withSample('exports a chart as a valid PNG and as SVG', async ({ g }) => {
        const png = (await download(g.page, 'png-causes')).bytes;
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        const width = png.readUInt32BE(16);
        const height = png.readUInt32BE(20);
        expect(width).toBeGreaterThan(200);
        expect(height).toBeGreaterThan(100);
        const text = (await download(g.page, 'svg-causes')).bytes.toString('utf8');
        expect(text.startsWith('<svg')).toBe(true);
        expect(text).toContain('</svg>');
      });

      withSample('exports the analysis JSON the command line would print', async ({ g }) => {
        const json = await exportedAnalysis(g.page);
        expect(json.customers).toEqual(expected.customers);
        expect(json.causes).toEqual(expected.causes);
        expect(json.asOf).toBe(expected.asOf);
      });

      withSample('recomputes on a new as-of date and restores it after a reload', async ({ g }) => {
        const earlier = sampleAnalysis({ asOf: '2023-12-31' });
        // The check below can tell the two dates apart.
        expect(earlier.customers.total).not.toBe(expected.customers.total);
        // The settings are in the Data section, the KPIs in the Overview.
        await showSection(g.page, 'data');
        await g.page.fill('[data-testid=as-of]', '2023-12-31');
        await g.page.click('[data-testid=apply-settings]');
        await showSection(g.page, 'overview');
        await expect.poll(() => kpi(g.page, 'customers')).toBe(earlier.customers.total);
        expect(await kpi(g.page, 'churned')).toBe(earlier.customers.churned);
        await g.page.reload();
        await showSection(g.page, 'overview');
        await waitForDashboard(g.page);
        expect(await kpi(g.page, 'customers')).toBe(earlier.customers.total);
        await showSection(g.page, 'data');
        expect(await g.page.inputValue('[data-testid=as-of]')).toBe('2023-12-31');
        await g.page.fill('[data-testid=as-of]', '');
        await g.page.click('[data-testid=apply-settings]');
        await showSection(g.page, 'overview');
        await expect.poll(() => kpi(g.page, 'customers')).toBe(expected.customers.total);
      });

      withSample('keeps the session when a bad file is dropped, and names the file', async ({ g }) => {
        // The sample's session is saved after its dashboard shows.
        await expect.poll(() => sessionCount(g.page), { timeout: 30_000 }).toBe(1);
        await g.page.click('text=New analysis');
        await dropFiles(g.page, [{ name: 'empty.csv', bytes: [] }]);
        const error = g.page.locator('[data-testid=error]');
        await error.waitFor();
        expect(await error.getAttribute('data-code')).toBe('empty-file');
        expect(await error.innerText()).toContain('empty.csv');
        await dropFiles(g.page, [{ name: 'photo.csv', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13] }]);
        await g.page.locator('[data-testid=error][data-code=binary-file]').waitFor();
        // The saved session is still there and opens.
        await g.page.reload();
        await g.page.locator('[data-testid=open-sessions]').click();
        await g.page.locator('[data-testid=session-item]').first().waitFor();
        expect(await g.page.locator('[data-testid=session-item]').count()).toBe(1);
        await g.page.locator('[data-testid=session-item] >> text=Open').click();
        await waitForDashboard(g.page);
        expect(await kpi(g.page, 'customers')).toBe(expected.customers.total);
      });

      it('analyses dropped files: an English list and a GBK Chinese list', async ({ g }) => {
        await dropSmall(g.page);
        expect(await kpi(g.page, 'customers')).toBe(5);
        expect(await kpi(g.page, 'churned')).toBe(3);
        await g.page.click('text=New analysis');
        await pickGbk(g.page);
        expect(await g.page.locator('[data-testid=inputs-table]').innerText()).toContain('gbk');
        await showSection(g.page, 'overview');
        expect(await kpi(g.page, 'customers')).toBe(2);
        expect(await kpi(g.page, 'churned')).toBe(1);
      });

      // Three sessions of its own: the sample, the English list and the GBK list.
      const withThreeSessions = appTest(rig, via, async (g) => {
        await openSample(g);
        await expect.poll(() => sessionCount(g.page), { timeout: 30_000 }).toBe(1);
        await startPage(g.page);
        await dropSmall(g.page);
        await expect.poll(() => sessionCount(g.page), { timeout: 30_000 }).toBe(2);
        await startPage(g.page);
        await pickGbk(g.page);
        await expect.poll(() => sessionCount(g.page), { timeout: 30_000 }).toBe(3);
      });

      withThreeSessions('lists, renames and deletes sessions', async ({ g }) => {
        await g.page.click('[data-testid=open-sessions]');
        const items = g.page.locator('[data-testid=session-item]');
        await items.first().waitFor();
        expect(await items.count()).toBe(3);
        await items.first().locator('text=Rename').click();
        await g.page.fill('[data-testid=rename-input]', 'Client A review');
        await g.page.keyboard.press('Enter');
        await g.page.locator('[data-testid=session-name] >> text=Client A review').waitFor();
        await items.first().locator('text=Delete').click();
        await expect.poll(() => items.count()).toBe(2);
        await g.page.click('[data-testid=close-sessions]');
      });
    });
  }
});
