// Sharing the findings from the built app, from http://localhost and from file://: the churned
// customers, the reasons and the at-risk list as CSV and .xlsx (read back to the same rows as the
// core's full lists, formulas neutralised), and the .churnlens session file (saved, then opened in
// a fresh browser with an empty IndexedDB; a damaged one is refused and the open session stays).
// Each test opens its own fresh app (harness.ts).
import { readSheet } from 'read-excel-file/node';
import { describe, expect } from 'vitest';
import type { SectionId } from '../../src/charts/index';
import { withReasonOverride } from '../../src/core/causes/learn';
import { clipText } from '../../src/core/text';
import type { Analysis } from '../../src/core/types';
import { type Cell, exportTable, neutralise, TABLE_IDS, type TableId } from '../../src/export/tables';
import {
  appTest,
  closeApp,
  download,
  dropFiles,
  kpiText as kpi,
  notReady,
  openApp,
  openSample,
  parseCsv as parseBomCsv,
  ready,
  sampleAnalysis,
  settingsOf,
  showSection,
  startPage,
  useRig,
  type Via,
  waitForDashboard,
} from './harness';

/** A customer list whose names and reasons try to run formulas in a spreadsheet. */
const FORMULA_CSV = [
  'Customer ID,Company,Status,Churn Reason,Annual Revenue',
  'F1,"=HYPERLINK(""http://x"",""y"")",Churned,=1+2,1000',
  'F2,+Plus Co,Churned,+cmd|calc,2000',
  'F3,-Minus Co,Churned,-2+3,3000',
  'F4,@At Co,Churned,@SUM(A1),4000',
  'F5,Plain Co,Active,,5000',
].join('\r\n');

/** The dashboard section each table (and its export buttons) is in. */
const TABLE_SECTION: Record<TableId, SectionId> = { lost: 'causes', reasons: 'causes', 'at-risk': 'risk' };

/** What the CSV must hold for a row of the table: text neutralised, numbers as written. */
const csvExpected = (rows: Cell[][]) => rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : neutralise(v))));
const xlsxExpected = (rows: Cell[][]) => rows.map((r) => r.map((v) => (v === null || v === '' ? null : typeof v === 'number' ? v : neutralise(v))));

/** Rows of a CSV export: a BOM, and CRLF line ends to the last line. */
function parseCsv(bytes: Buffer): string[][] {
  expect(bytes.toString('utf8').endsWith('\r\n')).toBe(true);
  return parseBomCsv(bytes);
}

notReady('share');

describe.skipIf(!ready)('table exports and the session file', () => {
  const rig = useRig();
  const expected: Analysis = sampleAnalysis();

  for (const via of ['http', 'file'] as const satisfies Via[]) {
    describe(via === 'http' ? 'http://localhost' : 'file://', () => {
      const it = appTest(rig, via);
      const withSample = appTest(rig, via, openSample);

      withSample.for(TABLE_IDS)('exports %s as CSV with the rows of the full list', async (id: TableId, { g }) => {
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

      withSample.for(TABLE_IDS)('exports %s as .xlsx that reads back to the same rows', async (id: TableId, { g }) => {
        const table = exportTable(id, expected, 'en');
        await showSection(g.page, TABLE_SECTION[id]);
        const file = await download(g.page, `export-${id}-xlsx`);
        expect(file.name).toMatch(new RegExp(`-${id}\\.xlsx$`));
        expect([...file.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
        const rows = await readSheet(file.bytes);
        expect(rows[0]).toEqual(table.header);
        expect(rows.slice(1)).toEqual(xlsxExpected(table.rows));
      });

      it('neutralises formulas in names and reasons, in CSV and .xlsx', async ({ g }) => {
        await dropFiles(g.page, [{ name: 'formulas.csv', text: FORMULA_CSV }]);
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
        expect(
          reasons
            .slice(1)
            .map((r) => r[0])
            .sort(),
        ).toEqual(["'+cmd|calc", "'-2+3", "'=1+2", "'@SUM(A1)"]);
      });

      withSample('saves a session file that a fresh browser opens with the same KPIs and cause edits', async ({ g }) => {
        const top = expected.reasons[0];
        const target = top.cause === 'price' ? 'product' : 'price';
        await showSection(g.page, 'causes');
        await g.page.locator('[data-testid=reason-row]').first().locator('[data-testid=reason-cause]').selectOption(target);
        // Stored under the reason's key as the core makes it (normalised text).
        await expect.poll(async () => (await settingsOf(g.page)).reasonOverrides).toEqual(withReasonOverride({}, clipText(top.text.trim()), target));
        const settings = await settingsOf(g.page);
        await showSection(g.page, 'overview');
        const kpis = { churned: await kpi(g.page, 'churned'), controllable: await kpi(g.page, 'controllable'), lost: await kpi(g.page, 'lost') };
        const saved = await download(g.page, 'save-session-file');
        expect(saved.name).toMatch(/\.churnlens$/);
        const json = JSON.parse(saved.bytes.toString('utf8')) as { files: { name: string; base64: string }[] };
        expect(json).toMatchObject({ format: 'churnlens-session', version: 1, settings });
        expect(json.files.map((f) => f.name)).toEqual(['sample-customers.csv', 'sample-orders.csv', 'sample-staff.csv']);

        const fresh = await openApp(rig.browser, rig.url(via));
        try {
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
          await startPage(fresh.page);
          await dropFiles(fresh.page, [{ name: 'zip.churnlens', text: 'PK\u0003\u0004 not json' }]);
          await fresh.page.locator('[data-testid=error][data-code=session-file-json]').waitFor();
          expect(await fresh.page.locator('[data-testid=open-sessions]').innerText()).toContain('(1)');
        } finally {
          await closeApp(fresh);
        }
      });
    });
  }
});
