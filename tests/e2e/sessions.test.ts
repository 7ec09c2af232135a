// Sessions in the built app (issue 12): one loader (a file dropped during a restore wins), ten
// quick edits all kept, files stored once (a second import of the same file adds no file bytes),
// damaged and version-1 records, two tabs, a reload in the middle of a save, and encryption.
// Each test opens its own fresh app (harness.ts) and makes the sessions it needs.
//   npx vite build --outDir dist-sessions && CHURNLENS_DIST=dist-sessions npx vitest run --project e2e tests/e2e/sessions.test.ts
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import {
  appTest,
  closeApp,
  download,
  dropFiles,
  idle,
  kpi,
  notReady,
  openApp,
  ready,
  sessionCount,
  settingsOf,
  showSection,
  startPage,
  storedEntries,
  storedSession,
  useRig,
} from './harness';

const TINY = [
  'Customer ID,Company,Sales Rep,Region,First Order,Last Order,Status,Churn Reason,Annual Revenue',
  'C001,Acme Ltd,Alice,North,2023-01-10,2024-11-30,Active,,"$12,000.00"',
  'C002,Bolt Inc,Bob,South,2023-02-01,2024-03-15,Churned,Went with a competitor,"$8,000.00"',
  'C003,Core Co,Alice,North,2023-03-05,2024-05-20,Churned,Too expensive,"$4,000.00"',
  'C004,Dyna plc,Bob,East,2023-04-11,2024-12-01,Active,,"$20,000.00"',
  'C005,Echo GmbH,Carol,East,2023-05-09,2024-06-30,Churned,Moved abroad,"$1,000.00"',
].join('\n');

const sampleCustomers = readFileSync(new URL('../../src/sample/customers.csv', import.meta.url), 'utf8');
/** Customer names of the sample (column 2), to look for in what is stored. */
const SAMPLE_NAMES = sampleCustomers
  .split('\n')
  .slice(3, 9)
  .map((l) => l.split(',')[1])
  .filter((n) => n && n.length >= 4);

/** Make a big customer list in the page (rows × ~55 bytes) and drop it; the same arguments give the same bytes. */
async function dropBig(page: Page, name: string, rows: number, seed: number) {
  const dt = await page.evaluateHandle(
    ({ name, rows, seed }) => {
      const reasons = ['Too expensive', 'Went with a competitor', 'Moved abroad', 'Sales rep left'];
      const parts = ['Customer ID,Company,Status,Churn Reason,Last Order\n'];
      for (let i = 0; i < rows; i++) {
        const lost = (i + seed) % 3 === 0;
        parts.push(
          `C${String(i).padStart(8, '0')},Company ${(i * seed) % 1000},${lost ? 'Churned' : 'Active'},${lost ? reasons[i % 4] : ''},2024-0${1 + (i % 9)}-15\n`,
        );
      }
      const d = new DataTransfer();
      d.items.add(new File(parts, name));
      return d;
    },
    { name, rows, seed },
  );
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
}

/** The customers KPI of the dashboard shown (-1: none): tells the sessions of this test apart. */
const customers = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector('[data-testid=kpi-customers] .value')?.textContent;
    return v ? Number(v.replace(/[^0-9.]/g, '')) : -1;
  });
const BIG = 1_200_000;
const SAMPLE = 3000;

/** The file records in the store: how many, and their bytes (each file stored once). */
async function storedFiles(page: Page): Promise<{ count: number; bytes: number }> {
  const entries = await storedEntries(page);
  const blobs = entries.filter(([k]) => k.startsWith('blob:'));
  return { count: blobs.length, bytes: blobs.reduce((n, [, v]) => n + (v as { size: number }).size, 0) };
}

/** A session made from `make`, shown and saved: `count` sessions stored, nothing running. */
async function saved(page: Page, count: number, make: () => Promise<unknown>, shown: number) {
  await startPage(page);
  await make();
  await expect.poll(() => customers(page), { timeout: 90_000 }).toBe(shown);
  await expect.poll(() => sessionCount(page), { timeout: 60_000 }).toBe(count);
  await idle(page);
}

/** The 1.2M-row customer list (~60 MB), saved as the session "big-customers.csv". */
const bigSession = (page: Page, count = 1) => saved(page, count, () => dropBig(page, 'big-customers.csv', BIG, 1), BIG);
/** The five-customer list, saved as the session "tiny.csv". */
const tinySession = (page: Page, count: number) => saved(page, count, () => dropFiles(page, [{ name: 'tiny.csv', text: TINY }]), 5);
/** The sample, saved as the session "Sample data". */
const sampleSession = (page: Page, count: number) => saved(page, count, () => page.click('[data-testid=try-sample]'), SAMPLE);

notReady('sessions');

describe.skipIf(!ready)('sessions in the built app', () => {
  const rig = useRig();
  const it = appTest(rig, 'http', (g) => g.page.locator('[data-testid=dropzone]').waitFor());
  const withBig = appTest(rig, 'http', (g) => bigSession(g.page));

  it('a file dropped while the last session is being restored wins; the restore never replaces it', async ({ g }) => {
    const { page } = g;
    // A big session (a 1.2M-row customer list, ~60 MB) takes seconds to restore.
    await dropBig(page, 'big-customers.csv', BIG, 1);
    await expect.poll(() => customers(page), { timeout: 90_000 }).toBe(BIG);
    await expect.poll(() => sessionCount(page), { timeout: 60_000 }).toBe(1);
    await page.reload();
    // The start page stays usable during the restore, which says what it is doing.
    await page.locator('#progress-bar').waitFor({ timeout: 60_000 });
    await dropFiles(page, [{ name: 'tiny.csv', text: TINY }]);
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(5);
    // Wait until every load has ended: with the race, the restore would now replace the dashboard.
    await expect
      .poll(
        async () => {
          const shown = await customers(page);
          if (shown === BIG) return 'replaced by the restored session';
          return (await page.locator('main').getAttribute('aria-busy')) === 'false' ? shown : 'busy';
        },
        { timeout: 90_000 },
      )
      .toBe(5);
    expect((await storedSession(page)).name).toBe('tiny.csv');
    expect(await sessionCount(page)).toBe(2);
    // Both sessions are intact: the restored one opens with its own figures.
    await page.click('[data-testid=open-sessions]');
    await page.locator('[data-testid=session-item]', { hasText: 'big-customers.csv' }).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => customers(page), { timeout: 90_000 }).toBe(BIG);
    await idle(page);
  });

  withBig('says "Restoring <name>…" with Cancel, keeps Sessions and the sample usable, and a sample click cancels the restore', async ({ g }) => {
    const { page } = g;
    await page.reload();
    const loader = page.locator('[data-testid=loader][data-kind=restore]');
    await loader.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=loader-label]').innerText()).toBe('Restoring big-customers.csv…');
    expect(await loader.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(true);
    // Sessions opens during the restore.
    await page.click('[data-testid=open-sessions]');
    await page.locator('[data-testid=session-item]').first().waitFor();
    await page.click('[data-testid=close-sessions]');
    await page.click('[data-testid=try-sample]');
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(SAMPLE);
    await idle(page);
    expect(await customers(page)).toBe(SAMPLE);
    expect((await storedSession(page)).name).toBe('Sample data');
    // Cancel during a restore: the start page, and the session is still listed.
    await page.click('[data-testid=open-sessions]');
    await page.locator('[data-testid=session-item]', { hasText: 'big-customers.csv' }).getByRole('button', { name: 'Open' }).click();
    await page.locator('[data-testid=loader][data-kind=open]').waitFor();
    await page.click('[data-testid=cancel-load]');
    await page.locator('.notice', { hasText: 'Stopped opening “big-customers.csv”' }).waitFor();
    await idle(page);
    expect(await customers(page)).toBe(SAMPLE);
  });

  it('ten quick edits all reach the analysis and the stored session', async ({ g }) => {
    const { page } = g;
    const n = await sessionCount(page);
    await page.click('[data-testid=try-sample]');
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(SAMPLE);
    await expect.poll(() => sessionCount(page), { timeout: 60_000 }).toBe(n + 1);
    await showSection(page, 'causes');
    await page.locator('[data-testid=reason-row]').nth(9).waitFor();
    // Ten reassignments in one go: no waiting between them, as a fast user or a script would.
    const { chosen, busyShown } = await page.evaluate(async () => {
      const trs = [...document.querySelectorAll('[data-testid=reason-row]')].slice(0, 10);
      const chosen: Record<string, string> = {};
      for (const tr of trs) {
        const select = tr.querySelector<HTMLSelectElement>('[data-testid=reason-cause]')!;
        const text = tr.querySelector('.reason-text')!.textContent.trim();
        const target = select.value === 'competitor' ? 'price' : 'competitor';
        chosen[text] = target;
        select.value = target;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const status = document.querySelector('[data-testid=edit-status]');
      return {
        chosen,
        busyShown: status?.getAttribute('aria-busy') === 'true' && document.querySelector('main')?.getAttribute('aria-busy') === 'true',
      };
    });
    expect(Object.keys(chosen)).toHaveLength(10);
    /** How many of the ten reasons the analysis shows with the cause they were given, marked as set by the user. */
    const applied = () =>
      page.evaluate((chosen) => {
        const rows = [...document.querySelectorAll('[data-testid=reason-row]')];
        return Object.entries(chosen).filter(([text, cause]) => {
          const tr = rows.find((r) => r.querySelector('.reason-text')!.textContent.trim() === text);
          return tr?.querySelector<HTMLSelectElement>('[data-testid=reason-cause]')?.value === cause && tr.querySelector('.chip') !== null;
        }).length;
      }, chosen);
    await expect.poll(applied, { timeout: 30_000 }).toBe(10);
    expect(busyShown, 'an edit in flight is shown (aria-busy)').toBe(true);
    await idle(page);
    expect(await applied()).toBe(10);
    expect((await settingsOf(page)).reasonOverrides).toEqual(chosen);
    await page.reload();
    await page.locator('[data-testid=reason-row]').nth(9).waitFor({ timeout: 60_000 });
    await idle(page);
    expect((await settingsOf(page)).reasonOverrides).toEqual(chosen);
    expect(await applied()).toBe(10);
  });

  const withBigAndTiny = appTest(rig, 'http', async (g) => {
    await bigSession(g.page);
    await tinySession(g.page, 2);
  });

  withBigAndTiny('files are stored once: importing the same file again offers its session, and adds no file bytes', async ({ g }) => {
    const { page } = g;
    await startPage(page);
    const n0 = await sessionCount(page);
    const files0 = await storedFiles(page);
    await dropBig(page, 'big-customers (again).csv', BIG, 1); // the same bytes as big-customers.csv
    const offer = page.locator('[data-testid=duplicate-offer]');
    await offer.waitFor({ timeout: 60_000 });
    expect(await offer.innerText()).toContain('These files are already in the session “big-customers.csv”');
    await page.click('[data-testid=duplicate-new]');
    await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 90_000 });
    await idle(page);
    // The header's count follows the list, read again after the new session is shown.
    await expect.poll(() => sessionCount(page), { timeout: 30_000 }).toBe(n0 + 1);
    const files1 = await storedFiles(page);
    expect(files1).toEqual(files0);
    process.stderr.write(
      `sessions e2e: ${files0.count} stored files, ${files0.bytes} bytes; after a second import of the ${(files1.bytes / 1048576).toFixed(1)} MB set: +0 file bytes\n`,
    );
    // Offered again: "Open" reopens the existing session, nothing is added.
    await startPage(page);
    await dropFiles(page, [{ name: 'tiny copy.csv', text: TINY }]);
    await page.locator('[data-testid=duplicate-open]').click();
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(5);
    await idle(page);
    expect(await sessionCount(page)).toBe(n0 + 1);
    expect((await storedSession(page)).name).toBe('tiny.csv');
  });

  // A 50,000-row list (~2.7 MB, so the storage figures are not all zero), then the tiny one.
  const withTiny = appTest(rig, 'http', async (g) => {
    await saved(g.page, 1, () => dropBig(g.page, 'mid-customers.csv', 50_000, 3), 50_000);
    await tinySession(g.page, 2);
  });

  withTiny('the Sessions list shows files, key figures and size, and the storage used against the quota', async ({ g }) => {
    const { page } = g;
    await page.click('[data-testid=open-sessions]');
    const item = page.locator('[data-testid=session-item]', { hasText: 'tiny.csv' }).first();
    await item.waitFor();
    const kb = `${(Buffer.byteLength(TINY) / 1024).toFixed(1)} KB`;
    expect(await item.locator('[data-testid=session-files]').innerText()).toBe(`tiny.csv (${kb})`);
    expect(await item.locator('[data-testid=session-figures]').innerText()).toMatch(/^5 customers · 3 churned · controllable \d+\.\d%$/);
    expect(await item.innerText()).toContain(`1 file(s) · ${kb}`);
    const usage = await page.locator('[data-testid=storage-usage]').innerText();
    expect(usage).toMatch(
      /^Files stored: [\d.,]+ MB \(each file once, however many sessions use it\)\. This browser: [\d.,]+ MB used of [\d.,]+ MB available\.$/,
    );
    const filesMb = Number(usage.match(/^Files stored: ([\d.,]+) MB/)![1].replace(/,/g, ''));
    expect(filesMb).toBeCloseTo((await storedFiles(page)).bytes / 1048576, 1);
    await page.click('[data-testid=close-sessions]');
  });

  const withSampleThenTiny = appTest(rig, 'http', async (g) => {
    await sampleSession(g.page, 1);
    await tinySession(g.page, 2);
  });

  withSampleThenTiny('a damaged record is listed as unreadable with its reason; the others open', async ({ g }) => {
    const { page } = g;
    const current = await storedSession(page);
    await page.evaluate(
      ({ id }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('churnlens.sessions.v1');
          open.onsuccess = () => {
            const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
            const head = store.get(`head:${id}`);
            head.onsuccess = () => {
              const key = `rec:${id}:${(head.result as { rec: string }).rec}`;
              const rec = store.get(key);
              rec.onsuccess = () => {
                const record = rec.result as { settings: object };
                store.put({ ...record, settings: { ...record.settings, tiers: 'top 20%' } }, key);
                store.transaction.oncomplete = () => resolve();
              };
            };
          };
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        }),
      { id: current.id },
    );
    await page.reload();
    // The current session cannot be read: the start page, not a crash.
    await page.locator('[data-testid=dropzone]').waitFor();
    await idle(page);
    await page.click('[data-testid=open-sessions]');
    const bad = page.locator(`[data-testid=session-unreadable][data-id="${current.id}"]`);
    await bad.waitFor();
    expect(await bad.getAttribute('data-reason')).toBe('settings');
    expect(await bad.innerText()).toContain('its settings are damaged (tiers)');
    await page.locator('[data-testid=session-item]', { hasText: 'Sample data' }).first().getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(SAMPLE);
    await idle(page);
    // Delete the damaged one.
    await page.click('[data-testid=open-sessions]');
    await bad.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => bad.count()).toBe(0);
    await page.click('[data-testid=close-sessions]');
  });

  it('a version-1 session (churnlens 0.1) is moved to the new layout on start and restores', async ({ g }) => {
    const { page } = g;
    await page.evaluate(
      (text) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('churnlens.sessions.v1');
          open.onsuccess = () => {
            const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
            const bytes = new TextEncoder().encode(text).buffer;
            const files = [{ name: 'legacy.csv', bytes }];
            store.put(
              {
                version: 1,
                id: 'legacy1',
                name: 'Legacy client',
                created: 1_690_000_000_000,
                updated: 1_690_000_100_000,
                files,
                settings: { inactiveDays: 60 },
              },
              'session:legacy1',
            );
            store.put(
              {
                id: 'legacy1',
                name: 'Legacy client',
                created: 1_690_000_000_000,
                updated: 1_690_000_100_000,
                files: [{ name: 'legacy.csv', size: bytes.byteLength }],
              },
              'meta:legacy1',
            );
            store.put('legacy1', 'current');
            store.transaction.oncomplete = () => resolve();
          };
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        }),
      TINY,
    );
    await page.reload();
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(5);
    await idle(page);
    const stored = await storedSession(page);
    expect([stored.id, stored.name, stored.settings.inactiveDays]).toEqual(['legacy1', 'Legacy client', 60]);
    const keys = (await storedEntries(page)).map(([k]) => k);
    expect(keys.filter((k) => k.startsWith('session:') || k.startsWith('meta:'))).toEqual([]);
  });

  // The tiny list with 60 inactive days set in the Data section, saved.
  const withTiny60 = appTest(rig, 'http', async (g) => {
    await tinySession(g.page, 1);
    await showSection(g.page, 'data');
    await g.page.fill('[data-testid=inactive-days]', '60');
    await g.page.click('[data-testid=apply-settings]');
    await expect.poll(async () => (await settingsOf(g.page)).inactiveDays).toBe(60);
    await idle(g.page);
  });

  withTiny60('two tabs on one session: the second is told and does not save over the first', async ({ g }) => {
    const first = g.page;
    const before = await storedSession(first);
    const second = await g.context.newPage();
    const errors: string[] = [];
    second.on('pageerror', (e) => errors.push(String(e)));
    await second.goto(rig.url('http'));
    await expect.poll(() => customers(second), { timeout: 60_000 }).toBe(5);
    const told = second.locator('[data-testid=unsaved]');
    await told.waitFor();
    expect(await told.innerText()).toContain('This session is open in another tab');
    expect(await first.locator('[data-testid=unsaved]').count()).toBe(0);
    // An edit in the second tab is shown there but not saved over the first tab's session.
    await showSection(second, 'data');
    await second.fill('[data-testid=inactive-days]', '33');
    await second.click('[data-testid=apply-settings]');
    await idle(second);
    expect((await storedSession(first)).settings.inactiveDays).toBe(60);
    expect((await storedSession(first)).rev).toBe(before.rev);
    // The first tab still saves normally.
    await showSection(first, 'data');
    await first.fill('[data-testid=inactive-days]', '45');
    await first.click('[data-testid=apply-settings]');
    await idle(first);
    expect((await storedSession(first)).settings.inactiveDays).toBe(45);
    // The second tab can keep its work as a new session.
    const n = await sessionCount(second);
    await second.click('[data-testid=save-copy]');
    await expect.poll(() => sessionCount(second)).toBe(n + 1);
    expect((await storedSession(second)).settings.inactiveDays).toBe(33);
    expect(errors).toEqual([]);
    await second.close();
  });

  // A session stored before the crash, to be found readable after it.
  const withOneStored = appTest(rig, 'http', (g) => tinySession(g.page, 1));

  withOneStored('a tab that dies in the middle of saving a big session leaves every stored session readable', async ({ g }) => {
    const { page, context } = g;
    await idle(page);
    const n = await sessionCount(page);
    await startPage(page);
    // Kill the renderer (as a crash or a closed laptop would) as soon as the page says "Saving…".
    const cdp = await context.newCDPSession(page);
    let savingSeen: () => void = () => undefined;
    const saving = new Promise<void>((resolve) => (savingSeen = resolve));
    await page.exposeFunction('__churnlensSaving', () => savingSeen());
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid=edit-status]')?.textContent?.includes('Saving')) return;
        observer.disconnect();
        (window as unknown as { __churnlensSaving: () => void }).__churnlensSaving();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await dropBig(page, 'other-customers.csv', BIG, 7);
    await saving;
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // never answered: the renderer is gone
    await crashed;
    // The guard watches every page of the context: the new tab's errors and warnings fail the test too.
    const next = await context.newPage();
    g.page = next;
    await next.goto(rig.url('http'));
    await next.locator('[data-testid=dropzone]').waitFor();
    await idle(next);
    await next.click('[data-testid=open-sessions]');
    await next.locator('[data-testid=session-item]').first().waitFor();
    expect(await next.locator('[data-testid=session-unreadable]').count()).toBe(0);
    await next.click('[data-testid=close-sessions]');
    // Whatever the cut, the store holds no record or file that no session uses (gc ran on start).
    await expect
      .poll(async () => {
        const entries = await storedEntries(next);
        const used = new Set<string>();
        const pointed = new Set<string>();
        for (const [k, v] of entries) if (k.startsWith('head:')) pointed.add(`rec:${k.slice(5)}:${(v as { rec: string }).rec}`);
        for (const [k, v] of entries) if (pointed.has(k)) for (const f of (v as { files: { key: string }[] }).files) used.add(`blob:${f.key}`);
        return entries.filter(([k]) => (k.startsWith('blob:') && !used.has(k)) || (k.startsWith('rec:') && !pointed.has(k))).map(([k]) => k);
      })
      .toEqual([]);
    // The interrupted import is either not there at all or there whole (if its pointer was flipped).
    const after = await sessionCount(next);
    process.stderr.write(
      `sessions e2e: tab killed while saving other-customers.csv: ${after === n ? 'cut before its pointer flipped (not listed)' : 'saved whole before the crash'}\n`,
    );
    expect([n, n + 1]).toContain(after);
  });
});

describe.skipIf(!ready)('encryption at rest in the built app', () => {
  const rig = useRig();
  const it = appTest(rig, 'http');
  const PASS = 'blue lantern 42 river';

  /** The needles found anywhere in the stored keys and values (text, and bytes read as UTF-8 and Latin-1). */
  const plaintextIn = (page: Page, needles: string[]) =>
    page.evaluate(
      (needles) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('churnlens.sessions.v1');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const store = open.result.transaction('kv', 'readonly').objectStore('kv');
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () => {
              const parts: string[] = (keys.result as string[]).slice();
              const walk = (v: unknown): void => {
                if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
                  const b = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
                  parts.push(new TextDecoder().decode(b));
                  let latin = '';
                  for (let i = 0; i < b.length; i += 8192) latin += String.fromCharCode(...b.subarray(i, i + 8192));
                  parts.push(latin);
                } else if (typeof v === 'string') parts.push(v);
                else if (v && typeof v === 'object') {
                  for (const [k, x] of Object.entries(v)) {
                    parts.push(k);
                    walk(x);
                  }
                }
              };
              values.result.forEach(walk);
              const all = parts.join('\n');
              resolve(needles.filter((n) => all.includes(n)));
            };
          };
        }),
      needles,
    );

  it('a passphrase encrypts what is stored; the session reopens only with it; a wrong one changes nothing', async ({ g }) => {
    const { page } = g;
    await page.click('[data-testid=try-sample]');
    await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
    await idle(page);
    const churned = await kpi(page, 'churned');
    const needles = [...SAMPLE_NAMES, 'sample-customers.csv', 'Sample data', '客户编号'];
    expect(SAMPLE_NAMES.length).toBeGreaterThan(2);
    expect(await plaintextIn(page, needles)).toEqual(needles);

    await page.click('[data-testid=open-sessions]');
    await page.fill('[data-testid=passphrase]', PASS);
    await page.fill('[data-testid=passphrase-confirm]', PASS);
    await page.click('[data-testid=passphrase-set]');
    await page.locator('[data-testid=crypto-on]').waitFor({ timeout: 60_000 });
    const message = await page.locator('[data-testid=crypto-message]').innerText();
    const iterations = Number(message.match(/([\d,]+) PBKDF2 iterations/)![1].replace(/,/g, ''));
    expect(iterations).toBeGreaterThanOrEqual(600_000);
    process.stderr.write(`sessions e2e: PBKDF2 iterations chosen by measurement in Chromium: ${iterations}\n`);
    expect(await plaintextIn(page, [...needles, PASS])).toEqual([]);
    await page.click('[data-testid=close-sessions]');

    // A saved session file is sealed too.
    const fileText = (await download(page, 'save-session-file')).bytes.toString('utf8');
    const json = JSON.parse(fileText) as { format: string; version: number; encryption: { cipher: string; iterations: number } };
    expect([json.format, json.version, json.encryption.cipher, json.encryption.iterations]).toEqual(['churnlens-session', 2, 'AES-GCM', iterations]);
    expect(needles.filter((n) => fileText.includes(n))).toEqual([]);

    // A reload forgets the key: the start page says so; Sessions asks for the passphrase.
    await page.reload();
    await page.locator('.notice', { hasText: 'Your saved sessions are encrypted' }).waitFor();
    expect(await page.locator('[data-testid=kpi-customers]').count()).toBe(0);
    await page.click('[data-testid=open-sessions]');
    expect(await page.locator('[data-testid=session-unreadable][data-reason=locked]').count()).toBe(1);
    const stored = JSON.stringify((await storedEntries(page)).map(([k]) => k));
    await page.fill('[data-testid=passphrase]', 'blue lantern 42 rivers');
    await page.click('[data-testid=passphrase-unlock]');
    await page.locator('[data-testid=crypto-message]', { hasText: 'Wrong passphrase. Nothing was changed.' }).waitFor({ timeout: 60_000 });
    expect(JSON.stringify((await storedEntries(page)).map(([k]) => k))).toBe(stored);
    await page.fill('[data-testid=passphrase]', PASS);
    await page.click('[data-testid=passphrase-unlock]');
    await page.locator('[data-testid=crypto-on]').waitFor({ timeout: 60_000 });
    await page.click('[data-testid=close-sessions]');
    await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
    expect(await kpi(page, 'churned')).toBe(churned);

    // The sealed file opens elsewhere only with its passphrase.
    const other = await openApp(rig.browser, rig.url('http'));
    try {
      await other.page.locator('[data-testid=dropzone]').waitFor();
      await other.page.setInputFiles('[data-testid=file-input]', {
        name: 'client.churnlens',
        mimeType: 'application/json',
        buffer: Buffer.from(fileText),
      });
      await other.page.locator('[data-testid=file-passphrase]').waitFor();
      await other.page.fill('[data-testid=file-passphrase-input]', 'wrong passphrase!');
      await other.page.keyboard.press('Enter');
      await other.page.locator('[data-testid=file-passphrase] [role=alert]', { hasText: 'Wrong passphrase' }).waitFor({ timeout: 60_000 });
      await other.page.fill('[data-testid=file-passphrase-input]', PASS);
      await other.page.keyboard.press('Enter');
      await other.page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
      expect(await kpi(other.page, 'churned')).toBe(churned);
    } finally {
      await closeApp(other);
    }

    // Forgot the passphrase: the only way on is to delete.
    await page.reload();
    await page.click('[data-testid=open-sessions]');
    page.once('dialog', (d) => d.accept());
    await page.click('[data-testid=passphrase-forgot]');
    await expect.poll(() => page.locator('[data-testid=crypto]').getAttribute('data-state')).toBe('off');
    expect(await storedEntries(page)).toEqual([]);
  });
});

describe.skipIf(!ready)('sessions from file://', () => {
  const rig = useRig();
  const it = appTest(rig, 'file');

  it('stores by content hash, restores, and tells a second tab, with no server', async ({ g }) => {
    const { page } = g;
    expect(await page.evaluate(() => [isSecureContext, typeof crypto.subtle?.digest, typeof navigator.locks?.request])).toEqual([
      true,
      'function',
      'function',
    ]);
    await page.locator('[data-testid=dropzone]').waitFor();
    await dropFiles(page, [{ name: 'tiny.csv', text: TINY }]);
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(5);
    await idle(page);
    expect((await storedSession(page)).files.map((f) => f.key)).toEqual([expect.stringMatching(/^s:[0-9a-f]{64}$/)]);
    const second = await g.context.newPage();
    await second.goto(rig.url('file'));
    await expect.poll(() => customers(second), { timeout: 60_000 }).toBe(5);
    await second.locator('[data-testid=unsaved]', { hasText: 'open in another tab' }).waitFor();
    await second.close();
    await page.reload();
    await expect.poll(() => customers(page), { timeout: 60_000 }).toBe(5);
  });
});
