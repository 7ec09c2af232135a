// Sharing the findings from the built app, from http://localhost and from file://: the churned
// customers, the reasons and the at-risk list as CSV and .xlsx (read back to the same rows as the
// core's full lists, formulas neutralised), and the .churnlens session file (saved, then opened in
// a fresh browser with an empty IndexedDB; a damaged one is refused and the open session stays).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { parseDelimited } from '../../src/core/ingest/parse';
import { withReasonOverride } from '../../src/core/causes/learn';
import { clipText } from '../../src/core/text';
import type { Analysis } from '../../src/core/types';
import type { SectionId } from '../../src/charts/index';
import { exportTable, neutralise, TABLE_IDS, type Cell, type TableId } from '../../src/export/tables';
import { fileUrl, hasChromium, hasDist, launch, openApp, serveDist, settingsOf, showSection, type Guarded } from './harness';

const sampleDir = new URL('../../src/sample/', import.meta.url);
const sampleFiles = () => [
  ingestBytes('sample-customers.csv', readFileSync(new URL('customers.csv', sampleDir))),
  ingestBytes('sample-orders.csv', readFileSync(new URL('orders.csv', sampleDir))),
  ingestBytes('sample-staff.csv', readFileSync(new URL('staff.csv', sampleDir))),
];

/** A customer list whose names and reasons try to run formulas in a spreadsheet. */
const FORMULA_CSV = [
  'Customer ID,Company,Status,Churn Reason,Annual Revenue',
  'F1,"=HYPERLINK(""http://x"",""y"")",Churned,=1+2,1000',
  'F2,+Plus Co,Churned,+cmd|calc,2000',
  'F3,-Minus Co,Churned,-2+3,3000',
  'F4,@At Co,Churned,@SUM(A1),4000',
  'F5,Plain Co,Active,,5000',
].join('\r\n');

async function kpi(page: Page, id: string): Promise<string> {
  return page.locator(`[data-testid=kpi-${id}] .value`).innerText();
}

async function waitForDashboard(page: Page) {
  await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=chart-causes][data-rendered=true]').waitFor({ timeout: 60_000 });
}

/** The dashboard section each table (and its export buttons) is in. */
const TABLE_SECTION: Record<TableId, SectionId> = { lost: 'causes', reasons: 'causes', 'at-risk': 'risk' };

async function download(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** What the CSV must hold for a row of the table: text neutralised, numbers as written. */
const csvExpected = (rows: Cell[][]) => rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : neutralise(v))));
const xlsxExpected = (rows: Cell[][]) => rows.map((r) => r.map((v) => (v === null || v === '' ? null : typeof v === 'number' ? v : neutralise(v))));

function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  return parseDelimited(text, ',').rows.filter((r) => !(r.length === 1 && r[0] === ''));
}


const ready = hasChromium && hasDist;
describe.skipIf(!ready)('table exports and the session file', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  const expected: Analysis = analyze(sampleFiles(), { inactiveDays: 90 });

  beforeAll(async () => {
    server = await serveDist();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const which of ['http://localhost', 'file://'] as const) {
    describe(which, () => {
      const url = () => (which === 'file://' ? fileUrl() : server.url);
      let g: Guarded;
      const others: Guarded[] = [];
      beforeAll(async () => {
        g = await openApp(browser, url());
        await g.page.click('[data-testid=try-sample]');
        await waitForDashboard(g.page);
      });
      afterAll(async () => {
        for (const x of [g, ...others]) {
          expect(x.foreign, 'requests that left the machine').toEqual([]);
          expect(x.errors, 'uncaught page errors').toEqual([]);
          await x.context.close();
        }
      });

      it.each(TABLE_IDS.map((id) => [id]))('exports %s as CSV with the rows of the full list', async (id: TableId) => {
        const table = exportTable(id, expected, 'en');
        const csvId = id === 'at-risk' ? 'export-at-risk' : `export-${id}-csv`;
        await showSection(g.page, TABLE_SECTION[id]);
        const file = await download(g.page, csvId);
        expect(file.name).toMatch(new RegExp(`-${id}\\.csv$`));
        const rows = parseCsv(file.bytes);
        expect(rows[0]).toEqual(table.header);
        expect(rows.slice(1)).toEqual(csvExpected(table.rows));
        if (id === 'lost') {
          await showSection(g.page, 'overview');
          const churned = Number((await kpi(g.page, 'churned')).replace(/[^0-9]/g, ''));
          expect(rows.length - 1).toBe(churned);
          expect(churned).toBe(expected.customers.churned);
        }
        if (id === 'at-risk') expect(rows.length - 1).toBe(expected.atRisk.customers);
      });

      it.each(TABLE_IDS.map((id) => [id]))('exports %s as .xlsx that reads back to the same rows', async (id: TableId) => {
        const table = exportTable(id, expected, 'en');
        await showSection(g.page, TABLE_SECTION[id]);
        const file = await download(g.page, `export-${id}-xlsx`);
        expect(file.name).toMatch(new RegExp(`-${id}\\.xlsx$`));
        expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
        const rows = await readSheet(file.bytes);
        expect(rows[0]).toEqual(table.header);
        expect(rows.slice(1)).toEqual(xlsxExpected(table.rows));
      });

      it('neutralises formulas in names and reasons, in CSV and .xlsx', async () => {
        await g.page.click('text=New analysis');
        const dt = await g.page.evaluateHandle((text) => {
          const d = new DataTransfer();
          d.items.add(new File([text], 'formulas.csv', { type: 'text/csv' }));
          return d;
        }, FORMULA_CSV);
        await g.page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
        // No cause chart here: these reasons name no cause, and the page says so instead of drawing it.
        await g.page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
        expect(await kpi(g.page, 'churned')).toBe('4');
        const want = new Map([
          ['F1', ['\'=HYPERLINK("http://x","y")', "'=1+2"]],
          ['F2', ["'+Plus Co", "'+cmd|calc"]],
          ['F3', ["'-Minus Co", "'-2+3"]],
          ['F4', ["'@At Co", "'@SUM(A1)"]],
        ]);
        await showSection(g.page, 'causes');
        const csv = parseCsv((await download(g.page, 'export-lost-csv')).bytes);
        const [name, reason] = [csv[0].indexOf('Name'), csv[0].indexOf('Reason as written')];
        expect(new Map(csv.slice(1).map((r) => [r[0], [r[name], r[reason]]]))).toEqual(want);
        const xlsx = await readSheet((await download(g.page, 'export-lost-xlsx')).bytes);
        expect(new Map(xlsx.slice(1).map((r) => [r[0], [r[name], r[reason]]]))).toEqual(want);
        const reasons = parseCsv((await download(g.page, 'export-reasons-csv')).bytes);
        expect(reasons.slice(1).map((r) => r[0]).sort()).toEqual(["'+cmd|calc", "'-2+3", "'=1+2", "'@SUM(A1)"]);
      });

      it('saves a session file that a fresh browser opens with the same KPIs and cause edits', async () => {
        await g.page.click('text=New analysis');
        await g.page.click('[data-testid=try-sample]');
        await waitForDashboard(g.page);
        const top = expected.reasons[0];
        const target = top.cause === 'price' ? 'product' : 'price';
        await showSection(g.page, 'causes');
        await g.page.locator('[data-testid=reason-row]').first().locator('[data-testid=reason-cause]').selectOption(target);
        // Stored under the reason's key as the core makes it (normalised text).
        await expect
          .poll(async () => (await settingsOf(g.page)).reasonOverrides)
          .toEqual(withReasonOverride({}, clipText(top.text.trim()), target));
        const settings = await settingsOf(g.page);
        await showSection(g.page, 'overview');
        const kpis = { churned: await kpi(g.page, 'churned'), controllable: await kpi(g.page, 'controllable'), lost: await kpi(g.page, 'lost') };
        const saved = await download(g.page, 'save-session-file');
        expect(saved.name).toMatch(/\.churnlens$/);
        const json = JSON.parse(saved.bytes.toString('utf8'));
        expect(json).toMatchObject({ format: 'churnlens-session', version: 1, settings });
        expect(json.files.map((f: { name: string }) => f.name)).toEqual(['sample-customers.csv', 'sample-orders.csv', 'sample-staff.csv']);

        const fresh = await openApp(browser, url());
        others.push(fresh);
        await fresh.page.locator('[data-testid=try-sample]').waitFor();
        expect(await fresh.page.locator('[data-testid=open-sessions]').innerText()).toContain('(0)');
        await fresh.page.setInputFiles('[data-testid=file-input]', { name: saved.name, mimeType: 'application/json', buffer: saved.bytes });
        await waitForDashboard(fresh.page);
        expect(await kpi(fresh.page, 'churned')).toBe(kpis.churned);
        expect(await kpi(fresh.page, 'controllable')).toBe(kpis.controllable);
        expect(await kpi(fresh.page, 'lost')).toBe(kpis.lost);
        expect(await settingsOf(fresh.page)).toEqual(settings);
        await showSection(fresh.page, 'causes');
        await fresh.page.fill('[data-testid=reasons-filter]', top.text);
        const row = fresh.page.locator('[data-testid=reason-row]', { hasText: top.text }).first();
        expect(await row.locator('[data-testid=reason-cause]').inputValue()).toBe(target);
        expect(await fresh.page.locator('[data-testid=open-sessions]').innerText()).toContain('(1)');
        await showSection(fresh.page, 'overview');

        // A damaged session file: a clear error, and the open session stays as it was.
        const broken = { ...json, files: [{ ...json.files[0], base64: `${json.files[0].base64.slice(0, 100)}*` }] };
        await fresh.page.click('[data-testid=open-sessions]');
        await fresh.page.setInputFiles('[data-testid=session-file-input]', {
          name: 'broken.churnlens',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(broken)),
        });
        const error = fresh.page.locator('[data-testid=error]');
        await error.waitFor();
        expect(await error.getAttribute('data-code')).toBe('session-file-corrupt');
        expect(await error.innerText()).toContain('broken.churnlens');
        expect(await error.innerText()).toContain('Your previous session is unchanged.');
        expect(await kpi(fresh.page, 'churned')).toBe(kpis.churned);
        expect(await settingsOf(fresh.page)).toEqual(settings);
        expect(await fresh.page.locator('[data-testid=open-sessions]').innerText()).toContain('(1)');

        // Not a session file at all (dropped on the start page): refused, nothing replaced.
        await fresh.page.click('text=New analysis');
        const dt = await fresh.page.evaluateHandle(() => {
          const d = new DataTransfer();
          d.items.add(new File(['PK\u0003\u0004 not json'], 'zip.churnlens'));
          return d;
        });
        await fresh.page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
        await fresh.page.locator('[data-testid=error][data-code=session-file-json]').waitFor();
        expect(await fresh.page.locator('[data-testid=open-sessions]').innerText()).toContain('(1)');
      });
    });
  }
});
