// The whole path in the real built app, from http://localhost and from file://:
// sample data → dashboard → charts → PNG/SVG export → reload restores → drop files → bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { fileUrl, hasChromium, hasDist, launch, openApp, serveDist, showSection, type Guarded } from './harness';

const sampleDir = new URL('../../src/sample/', import.meta.url);
const sampleAnalysis = () => analyzeSampleAsOf();
const analyzeSampleAsOf = (asOf?: string) =>
  analyze(
    [
      ingestBytes('sample-customers.csv', readFileSync(new URL('customers.csv', sampleDir))),
      ingestBytes('sample-orders.csv', readFileSync(new URL('orders.csv', sampleDir))),
      ingestBytes('sample-staff.csv', readFileSync(new URL('staff.csv', sampleDir))),
    ],
    { ...DEFAULT_SETTINGS, ...(asOf ? { asOf } : {}) },
  );

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
  0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xd7, 0xb4, 0xcc, 0xac, 0x0d, 0x0a,
  0x4b, 0x31, 0x2c, 0xd5, 0xfd, 0xb3, 0xa3, 0x0d, 0x0a,
  0x4b, 0x32, 0x2c, 0xc1, 0xf7, 0xca, 0xa7, 0x0d, 0x0a,
]);

async function kpi(page: Page, id: string): Promise<number> {
  const text = await page.locator(`[data-testid=kpi-${id}] .value`).innerText();
  return Number(text.replace(/[^0-9.]/g, ''));
}

async function waitForDashboard(page: Page) {
  await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=chart-causes][data-rendered=true]').waitFor({ timeout: 60_000 });
}

async function drop(page: Page, files: { name: string; bytes: number[] }[]) {
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' }));
    return d;
  }, files);
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
}

const ready = hasChromium && hasDist;
if (!ready) console.warn(`\n*** e2e SKIPPED: ${hasChromium ? '' : '/usr/bin/chromium missing; '}${hasDist ? '' : 'dist/ not built (run npm run build)'} ***\n`);

describe.skipIf(!ready)('the built app', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  const expected = sampleAnalysis();

  beforeAll(async () => {
    server = await serveDist();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const targets = () => [
    ['http://localhost', server.url],
    ['file://', fileUrl()],
  ];

  for (const which of ['http://localhost', 'file://']) {
    describe(which, () => {
      let g: Guarded;
      beforeAll(async () => {
        const url = targets().find(([w]) => w === which)![1];
        g = await openApp(browser, url);
      });
      afterAll(async () => {
        expect(g.foreign, 'requests that left the machine').toEqual([]);
        expect(g.errors, 'uncaught page errors').toEqual([]);
        await g.context.close();
      });

      it('shows the start screen with a CSP that forbids network egress', async () => {
        await g.page.locator('[data-testid=try-sample]').waitFor();
        const csp = await g.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp).toContain("connect-src 'none'");
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toContain('unsafe-eval');
        const attempt = await g.page.evaluate(() =>
          fetch('http://127.0.0.1:9/leak').then(
            () => 'sent',
            () => 'blocked',
          ),
        );
        expect(attempt).toBe('blocked');
      });

      it('analyses the sample data with the numbers the core computes', async () => {
        await g.page.click('[data-testid=try-sample]');
        await waitForDashboard(g.page);
        expect(await kpi(g.page, 'customers')).toBe(expected.customers.total);
        expect(await kpi(g.page, 'churned')).toBe(expected.customers.churned);
        // Charts are real SVG with marks: one bar per cause.
        const bars = await g.page.locator('[data-testid=chart-causes] svg .mark-rect path').count();
        expect(bars).toBe(expected.causes.length);
        await g.page.locator('[data-testid=chart-controllable][data-rendered=true]').waitFor();
        const ticks = await g.page.locator('[data-testid=chart-controllable] svg .mark-tick line, [data-testid=chart-controllable] svg .mark-tick path, [data-testid=chart-controllable] svg .mark-rect path').count();
        expect(ticks).toBeGreaterThanOrEqual(2);
        // Survival and cohorts are in the "Over time" section, drawn when it is first opened.
        await showSection(g.page, 'time');
        await g.page.locator('[data-testid=chart-survival][data-rendered=true]').waitFor();
        await g.page.locator('[data-testid=chart-cohorts][data-rendered=true]').waitFor();
      });

      it('exports a chart as a valid PNG and as SVG', async () => {
        await showSection(g.page, 'overview');
        const [png] = await Promise.all([g.page.waitForEvent('download'), g.page.click('[data-testid=png-causes]')]);
        const bytes = readFileSync((await png.path())!);
        expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        const width = bytes.readUInt32BE(16);
        const height = bytes.readUInt32BE(20);
        expect(width).toBeGreaterThan(200);
        expect(height).toBeGreaterThan(100);
        const [svg] = await Promise.all([g.page.waitForEvent('download'), g.page.click('[data-testid=svg-causes]')]);
        const text = readFileSync((await svg.path())!, 'utf8');
        expect(text.startsWith('<svg')).toBe(true);
        expect(text).toContain('</svg>');
      });

      it('exports the analysis JSON the command line would print', async () => {
        const [dl] = await Promise.all([g.page.waitForEvent('download'), g.page.click('[data-testid=export-json]')]);
        const json = JSON.parse(readFileSync((await dl.path())!, 'utf8'));
        expect(json.customers).toEqual(expected.customers);
        expect(json.causes).toEqual(expected.causes);
        expect(json.asOf).toBe(expected.asOf);
      });

      it('recomputes on a new as-of date and restores it after a reload', async () => {
        const earlier = analyzeSampleAsOf('2023-12-31');
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

      it('keeps the session when a bad file is dropped, and names the file', async () => {
        await g.page.click('text=New analysis');
        await drop(g.page, [{ name: 'empty.csv', bytes: [] }]);
        const error = g.page.locator('[data-testid=error]');
        await error.waitFor();
        expect(await error.getAttribute('data-code')).toBe('empty-file');
        expect(await error.innerText()).toContain('empty.csv');
        await drop(g.page, [{ name: 'photo.csv', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13] }]);
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

      it('analyses dropped files: an English list and a GBK Chinese list', async () => {
        await g.page.click('text=New analysis');
        await drop(g.page, [{ name: 'clients.csv', bytes: [...Buffer.from(SMALL_CSV)] }]);
        await waitForDashboard(g.page);
        expect(await kpi(g.page, 'customers')).toBe(5);
        expect(await kpi(g.page, 'churned')).toBe(3);
        await g.page.click('text=New analysis');
        await g.page.setInputFiles('[data-testid=file-input]', {
          name: 'gbk.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(GBK_CSV),
        });
        // The inputs table is in the Data section, the KPIs in the Overview.
        await showSection(g.page, 'data');
        await g.page.locator('[data-testid=inputs-table]').waitFor();
        expect(await g.page.locator('[data-testid=inputs-table]').innerText()).toContain('gbk');
        await showSection(g.page, 'overview');
        expect(await kpi(g.page, 'customers')).toBe(2);
        expect(await kpi(g.page, 'churned')).toBe(1);
      });

      it('lists, renames and deletes sessions', async () => {
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
