// Ingestion in the real built app: the corpus dropped as it comes, the mapping panel (roles, kind,
// encoding) kept in the session, paste from Excel, .xlsx, clear failures, and Cancel on a big file.
// Each test opens its own fresh app (harness.ts) and reads the files it needs.
//   npx vite build --outDir dist-ingest && CHURNLENS_DIST=dist-ingest npx vitest run --project e2e tests/e2e/ingest.test.ts
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { appTest, dropFiles as drop, type Guarded, kpi, notReady, ready, sessionCount, settingsOf, showSection, useRig } from './harness';

const corpus = new URL('../fixtures/corpus/', import.meta.url);
const corpusFile = (name: string) => ({ name, bytes: [...readFileSync(new URL(name, corpus))] });
const xlsxPath = fileURLToPath(new URL('../../../shared/data/telco-ibm-reasons.xlsx', import.meta.url));
if (!existsSync(xlsxPath)) console.warn('\n*** ingest e2e: ../shared/data/telco-ibm-reasons.xlsx absent, the .xlsx page test is SKIPPED ***\n');

const expectFor = (names: string[], settings: Partial<Settings> = {}) =>
  analyze(
    names.map((n) => ingestBytes(n, new Uint8Array(readFileSync(new URL(n, corpus))))),
    { ...DEFAULT_SETTINGS, ...settings },
  );

const THREE = ['customers-gbk.csv', 'orders-utf8.csv', 'staff-gbk.csv'];

/** The customer list, the order log and the staff roster dropped together, as the client sent them. */
async function dropThree(g: Guarded) {
  await drop(g.page, THREE.map(corpusFile));
  await g.page.locator('[data-testid=kpi-customers]').waitFor();
}

notReady('ingest');

describe.skipIf(!ready)('ingestion in the built app', () => {
  const rig = useRig();
  const it = appTest(rig, 'http');
  const withThree = appTest(rig, 'http', dropThree);

  it('a customer list, an order log and a staff roster dropped together, as the client sent them', async ({ g }) => {
    const expected = expectFor(THREE);
    await dropThree(g);
    expect(await kpi(g.page, 'customers')).toBe(expected.customers.total);
    expect(await kpi(g.page, 'churned')).toBe(expected.customers.churned);
    // The inputs, the issues and the mapping panel are in the Data section.
    await showSection(g.page, 'data');
    const table = await g.page.locator('[data-testid=inputs-table]').innerText();
    expect(table).toContain('gbk');
    expect(table).toContain('Staff roster');
    expect(await g.page.locator('[data-testid=issues]').innerText()).toContain('3 order row(s) name a customer that is not in the customer list');
    const kinds = await g.page.locator('[data-testid=kind-select]').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(kinds).toEqual(['customers', 'orders', 'staff']);
  });

  withThree('a role changed in the mapping panel re-runs the analysis and is kept after a reload', async ({ g }) => {
    const settings = { roleOverrides: { 'customers-gbk.csv': { status: null } } };
    const expected = expectFor(THREE, settings);
    await showSection(g.page, 'data');
    const status = g.page.locator('[data-file="customers-gbk.csv"] [data-testid=role-select][data-column="状态"]');
    expect(await status.inputValue()).toBe('status');
    await status.focus();
    await status.selectOption(''); // keyboard-reachable native select
    const table = g.page.locator('[data-testid=inputs-table]');
    await expect.poll(() => table.innerText()).not.toContain('Status: 状态');
    await showSection(g.page, 'overview');
    await expect.poll(() => kpi(g.page, 'churned')).toBe(expected.customers.churned);
    // The session is saved after the analysis is shown: wait until the stored record has the role.
    await expect.poll(async () => (await settingsOf(g.page)).roleOverrides).toEqual(settings.roleOverrides);
    await g.page.reload();
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    expect(await kpi(g.page, 'churned')).toBe(expected.customers.churned);
    await showSection(g.page, 'data');
    expect(await g.page.locator('[data-file="customers-gbk.csv"] [data-testid=role-select][data-column="状态"]').inputValue()).toBe('');
    await g.page.locator('[data-file="customers-gbk.csv"] [data-testid=mapping-reset]').click();
    await expect.poll(() => g.page.locator('[data-testid=inputs-table]').innerText()).toContain('Status: 状态');
  });

  withThree('the kind of a file can be changed', async ({ g }) => {
    await showSection(g.page, 'data');
    const kind = g.page.locator('[data-file="staff-gbk.csv"] [data-testid=kind-select]');
    await kind.selectOption('customers');
    await expect.poll(() => g.page.locator('[data-testid=inputs-table]').innerText()).not.toContain('Staff roster');
    await kind.selectOption('staff');
    await expect.poll(() => g.page.locator('[data-testid=inputs-table]').innerText()).toContain('Staff roster');
  });

  it('an encoding chosen by hand re-reads the file, and the session keeps it', async ({ g }) => {
    await drop(g.page, [corpusFile('customers-big5.csv')]);
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    await showSection(g.page, 'data');
    const enc = g.page.locator('[data-testid=encoding-select]');
    expect(await enc.inputValue()).toBe('big5');
    await enc.selectOption('gbk');
    await expect.poll(() => g.page.locator('[data-testid=inputs-table]').innerText()).toContain('gbk');
    await g.page.reload();
    // Read as GBK, the Big5 headers are garbled: no column says who was lost, so the Overview asks
    // that one question instead of showing the KPIs. The reload reopens the Data section (URL hash).
    await showSection(g.page, 'data');
    // The mapping panel may render a moment after the KPIs: poll rather than read once.
    await expect.poll(() => g.page.locator('[data-testid=encoding-select]').inputValue()).toBe('gbk');
    await g.page.locator('[data-testid=encoding-select]').selectOption('big5');
    await expect.poll(() => g.page.locator('[data-testid=mapping] h3').innerText()).toBe('customers-big5.csv');
    await expect.poll(() => g.page.locator('[data-testid=role-select][data-column="狀態"]').inputValue()).toBe('status');
  });

  it('cells pasted from Excel (tab-separated) are analysed', async ({ g }) => {
    await g.page.click('[data-testid=paste-open]');
    const tsv = ['客户编号\t客户名称\t状态\t流失原因', 'K1\t甲公司\t流失\t价格太高', 'K2\t乙公司\t正常\t', 'K3\t丙公司\t流失\t业务员离职了'].join(
      '\n',
    );
    await g.page.fill('[data-testid=paste-text]', tsv);
    await g.page.click('[data-testid=paste-submit]');
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    expect(await kpi(g.page, 'customers')).toBe(3);
    expect(await kpi(g.page, 'churned')).toBe(2);
  });

  // A session open (saved), then back on the start page: a failed file must not replace it.
  const withSessionOpen = appTest(rig, 'http', async (g) => {
    await drop(g.page, [corpusFile('customers-utf8.csv')]);
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    await expect.poll(() => sessionCount(g.page), { timeout: 30_000 }).toBe(1);
    await g.page.click('text=New analysis');
    await g.page.locator('[data-testid=dropzone]').waitFor();
  });

  withSessionOpen('every failure names the file; the open session stays', async ({ g }) => {
    const before = g.page.locator('[data-testid=dropzone]');
    const lock = new Uint8Array(2048);
    lock.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [...'EncryptionInfo'].forEach((c, i) => (lock[512 + 2 * i] = c.charCodeAt(0)));
    await drop(g.page, [{ name: 'locked.xlsx', bytes: [...lock] }]);
    const error = g.page.locator('[data-testid=error]');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('password-protected');
    expect(await error.innerText()).toContain('locked.xlsx');
    await drop(g.page, [{ name: 'numbers.csv', bytes: [...Buffer.from('1,2,3\n4,5,6\n7,8,9\n')] }]);
    await g.page.locator('[data-testid=error][data-code=no-header]').waitFor();
    expect(await before.count()).toBe(1);
    expect(await sessionCount(g.page)).toBe(1);
  });

  it.skipIf(!existsSync(xlsxPath))('an .xlsx workbook (read in place from shared/data)', async ({ g }) => {
    await g.page.setInputFiles('[data-testid=file-input]', xlsxPath);
    await g.page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
    expect(await kpi(g.page, 'customers')).toBe(7043);
    await showSection(g.page, 'data');
    expect(await g.page.locator('[data-testid=inputs-table]').innerText()).toContain('xlsx');
  });

  it('a big file streams with a progress bar and Cancel keeps the open session', async ({ g }) => {
    // Open a small session first, then start a ~45 MB import and cancel it.
    const count = () => sessionCount(g.page);
    const n0 = await count();
    await drop(g.page, [corpusFile('customers-utf8.csv')]);
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    const total = await kpi(g.page, 'customers');
    await expect.poll(count).toBe(n0 + 1);
    await g.page.evaluate(() => {
      const row = 'C000001,2024-03-05,123.45,North,Alice\n';
      const parts = ['customer_id,order_date,amount,region,rep\n', ...Array<string>(1_200_000).fill(row)];
      const file = new File(parts, 'huge-orders.csv');
      const d = new DataTransfer();
      d.items.add(file);
      (window as unknown as { __big: DataTransfer }).__big = d;
    });
    await g.page.click('text=New analysis');
    const dt = await g.page.evaluateHandle(() => (window as unknown as { __big: DataTransfer }).__big);
    await g.page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
    await g.page.locator('#progress-bar').waitFor();
    await g.page.click('[data-testid=cancel-load]');
    await g.page.locator('.notice', { hasText: 'Import cancelled' }).waitFor();
    expect(await g.page.locator('[data-testid=error]').count()).toBe(0);
    // Nothing was saved for the cancelled import; the earlier session is there and opens.
    await g.page.reload();
    await expect.poll(count).toBe(n0 + 1);
    await g.page.click('[data-testid=open-sessions]');
    await g.page.locator('[data-testid=session-item] >> text=Open').first().click();
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    expect(await kpi(g.page, 'customers')).toBe(total);
  });
});

describe.skipIf(!ready)('ingestion from file://', () => {
  const rig = useRig();
  const it = appTest(rig, 'file');

  it('streams a dropped file and reads an .xlsx workbook with no server', async ({ g }) => {
    await drop(g.page, [corpusFile('customers-utf16le.txt')]);
    await g.page.locator('[data-testid=kpi-customers]').waitFor();
    expect(await kpi(g.page, 'customers')).toBe(10);
    if (existsSync(xlsxPath)) {
      await g.page.click('text=New analysis');
      await g.page.setInputFiles('[data-testid=file-input]', xlsxPath);
      await g.page.locator('[data-testid=section-bar]').waitFor({ timeout: 60_000 });
      await showSection(g.page, 'data');
      await expect
        .poll(
          () =>
            g.page
              .locator('[data-testid=inputs-table]')
              .innerText()
              .catch(() => ''),
          { timeout: 60_000 },
        )
        .toContain('xlsx');
      await showSection(g.page, 'overview');
      expect(await kpi(g.page, 'customers')).toBe(7043);
    }
  });
});
