// Shared set-up for the end-to-end tests: a static server for dist/, Debian's Chromium driven by
// playwright-core, a fresh browser context for every test, and a guard on each: every request
// that is not local, every uncaught page error and every console warning or error (Vega logs its
// warnings there) fails the test. Every helper the e2e files share lives here.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { parseDelimited } from '../../src/core/ingest/parse';
import { type Analysis, DEFAULT_SETTINGS, type Settings } from '../../src/core/types';

// CHURNLENS_DIST lets parallel work build and test its own copy (vite build --outDir dist-x).
export const DIST = resolve(import.meta.dirname, '../..', process.env.CHURNLENS_DIST ?? 'dist');
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const hasDist = existsSync(join(DIST, 'index.html'));
/** Both are needed: each e2e file skips itself (and says so) without them. */
export const ready = hasChromium && hasDist;
export const notReady = (what: string): void => {
  if (!ready)
    console.warn(
      `\n*** ${what} e2e SKIPPED: ${hasChromium ? '' : `${CHROMIUM} missing; `}${hasDist ? '' : `${DIST} not built (npm run build)`} ***\n`,
    );
};

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export async function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/index.html`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export const fileUrl = (): string => pathToFileURL(join(DIST, 'index.html')).href;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** How the page is opened: from the local static server, or as a file with no server at all. */
export type Via = 'http' | 'file';

/** One browser and one static server for the tests of a describe (started before them, closed after). */
export interface Rig {
  browser: Browser;
  url(via: Via): string;
}

export function useRig(): Rig {
  let server: Awaited<ReturnType<typeof serveDist>> | undefined;
  const rig = {
    browser: undefined as unknown as Browser,
    url: (via: Via) => (via === 'file' ? fileUrl() : server!.url),
  };
  beforeAll(async () => {
    server = await serveDist();
    rig.browser = await launch();
  });
  afterAll(async () => {
    await rig.browser?.close();
    await server?.close();
  });
  return rig;
}

// ── The guard ───────────────────────────────────────────────────────────────────────────────

/** A request is local when it stays on this machine: our server, a file, or in-memory URLs. */
export function isLocal(url: string, origin: string | null): boolean {
  if (/^(data|blob|about|file|chrome-error):/.test(url)) return true;
  return origin !== null && url.startsWith(origin);
}

export interface Guarded {
  context: BrowserContext;
  /** The page under test (a test that replaces it, after a crash, sets it here). */
  page: Page;
  /** Every non-local request any page of the context tried. */
  foreign: string[];
  /** Every uncaught error of any page of the context. */
  errors: string[];
  /** Every console warning and error of any page of the context, as "type: text". */
  console: string[];
  /**
   * Console messages this test provokes on purpose and must see (each a pattern): they are left
   * out of the guard's check, and the check fails if one never came.
   */
  expectedConsole: RegExp[];
}

export interface AppOptions {
  /** The browser's language (navigator.language); en-US unless said. */
  locale?: string;
  /** A script run in every page of the context before the app's own. */
  init?: () => void;
}

/** A new browser context (its own empty IndexedDB) with the app open at `url`, guarded. */
export async function openApp(browser: Browser, url: string, options: AppOptions = {}): Promise<Guarded> {
  const context = await browser.newContext({ acceptDownloads: true, locale: options.locale ?? 'en-US' });
  const origin = url.startsWith('http') ? new URL(url).origin : null;
  const g: Omit<Guarded, 'page'> = { context, foreign: [], errors: [], console: [], expectedConsole: [] };
  context.on('request', (r) => {
    if (!isLocal(r.url(), origin)) g.foreign.push(r.url());
  });
  context.on('weberror', (e) => g.errors.push(String(e.error())));
  context.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error' || m.type() === 'assert') g.console.push(`${m.type()}: ${m.text()}`);
  });
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  await page.goto(url);
  return { ...g, page };
}

/** The guard's checks: nothing left the machine, no uncaught error, no console warning or error but those expected. */
export function checkGuard(g: Guarded): void {
  expect(g.foreign, 'requests that left the machine').toEqual([]);
  expect(g.errors, 'uncaught page errors').toEqual([]);
  const unexpected = g.console.filter((m) => !g.expectedConsole.some((re) => re.test(m)));
  expect(unexpected, 'console warnings and errors (Vega logs its warnings there)').toEqual([]);
  const missing = g.expectedConsole.filter((re) => !g.console.some((m) => re.test(m))).map(String);
  expect(missing, 'console messages the test expected').toEqual([]);
}

/** The guard's checks, then the context closed (whatever the checks found). */
export async function closeApp(g: Guarded): Promise<void> {
  try {
    checkGuard(g);
  } finally {
    await g.context.close();
  }
}

/**
 * `it` for tests that each get a fresh app: a new browser context opened at `via` (an empty
 * IndexedDB: no session, setting or edit left by another test), brought by `setup` to what the
 * test needs, handed to the test as `g`, then checked by the guard and closed. So each test runs
 * alone (`-t`) or in any order.
 */
export function appTest(rig: Rig, via: Via, setup?: (g: Guarded) => Promise<void>, options?: AppOptions) {
  return test.extend<{ g: Guarded }>({
    // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from its first parameter
    g: async ({}, use) => {
      const g = await openApp(rig.browser, rig.url(via), options);
      try {
        await setup?.(g);
        await use(g);
        checkGuard(g);
      } finally {
        await g.context.close();
      }
    },
  });
}

// ── The page ────────────────────────────────────────────────────────────────────────────────

/** A key figure as a number ("3,000" → 3000, "12.5%" → 12.5). */
export async function kpi(page: Page, id: string): Promise<number> {
  return Number((await kpiText(page, id)).replace(/[^0-9.]/g, ''));
}

/** A key figure exactly as the dashboard shows it. */
export async function kpiText(page: Page, id: string): Promise<string> {
  return page.locator(`[data-testid=kpi-${id}] .value`).innerText();
}

/** The dashboard is up: the key figures and the cause chart drawn. */
export async function waitForDashboard(page: Page): Promise<void> {
  await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=chart-causes][data-rendered=true]').waitFor({ timeout: 60_000 });
}

/** Open the built-in sample from the start page and wait for its dashboard. */
export async function openSample(g: { page: Page }): Promise<void> {
  await g.page.click('[data-testid=try-sample]');
  await waitForDashboard(g.page);
}

/** Back to the start page ("New analysis" when a session is open). */
export async function startPage(page: Page): Promise<void> {
  if (await page.locator('text=New analysis').count()) await page.click('text=New analysis');
  await page.locator('[data-testid=dropzone]').waitFor();
}

/** Open a dashboard section by its link in the section bar, and wait until it is the one shown. */
export async function showSection(page: Page, section: string): Promise<void> {
  await page.click(`[data-testid=section-link-${section}]`);
  await page.locator(`[data-testid=section-${section}]`).waitFor({ state: 'visible' });
}

/** Until the page has no load, edit or save running (main's aria-busy). */
export const idle = (page: Page, timeout = 90_000): Promise<void> =>
  expect.poll(() => page.locator('main').getAttribute('aria-busy'), { timeout }).toBe('false');

/** The number of stored sessions, as the header's "Sessions (N)" button says. */
export const sessionCount = async (page: Page): Promise<number> =>
  Number((await page.locator('[data-testid=open-sessions]').innerText()).replace(/\D/g, ''));

/** Drop files on the start page's drop zone, as a user dragging them from the desktop does. */
export async function dropFiles(page: Page, files: ({ name: string; bytes: number[] } | { name: string; text: string })[]): Promise<void> {
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File('text' in f ? [f.text] : [new Uint8Array(f.bytes)], f.name));
    return d;
  }, files);
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
}

/** Click what starts a download and read the file saved. */
export async function download(
  page: Page,
  click: string | (() => Promise<unknown>),
): Promise<{ name: string; bytes: Buffer; path: string; download: Download }> {
  const start = typeof click === 'string' ? () => page.click(`[data-testid=${click}]`) : click;
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), start()]);
  const path = await dl.path();
  if (!path) throw new Error(`download ${dl.suggestedFilename()} failed`);
  return { name: dl.suggestedFilename(), bytes: readFileSync(path), path, download: dl };
}

/** The analysis JSON the header's button exports (what the command line prints). */
export async function exportedAnalysis(page: Page): Promise<Analysis> {
  return JSON.parse((await download(page, 'export-json')).bytes.toString('utf8')) as Analysis;
}

/** Rows of a CSV export (UTF-8 with a BOM, as Excel wants it), without the trailing empty line. */
export function parseCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  return parseDelimited(bytes.toString('utf8').slice(1), ',').rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

// ── Accessibility ───────────────────────────────────────────────────────────────────────────

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Serious and critical axe-core violations in `include` (default: the whole page), described for
 * the failure message. axe is injected with page.evaluate (through the DevTools protocol): the
 * page's CSP forbids any script it does not know the hash of, so addScriptTag would be refused.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(sel ? { include: [sel] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, include ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} node(s), e.g. ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

// ── The stored sessions ─────────────────────────────────────────────────────────────────────

/** Every key and value of the page's session store (IndexedDB `churnlens.sessions.v1`, store `kv`). */
export async function storedEntries(page: Page): Promise<[string, unknown][]> {
  return page.evaluate(
    () =>
      new Promise<[string, unknown][]>((resolve, reject) => {
        const open = indexedDB.open('churnlens.sessions.v1');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const store = open.result.transaction('kv', 'readonly').objectStore('kv');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => resolve((keys.result as string[]).map((k, i) => [k, values.result[i]]));
          values.onerror = () => reject(values.error ?? new Error('getAll failed'));
        };
      }),
  );
}

/** The fields of a stored session record the tests read (src/store/records.ts has them all). */
export interface StoredRecord {
  id: string;
  rev: number;
  name: string;
  settings: Settings;
  files: { name: string; key: string; size: number }[];
}

/**
 * The stored record of the open session (what a reload restores), found through its pointer:
 * `current` → `head:<id>` → `rec:<id>:<nonce>` (see src/store/records.ts).
 */
export async function storedSession(page: Page): Promise<StoredRecord> {
  return page.evaluate(
    () =>
      new Promise<StoredRecord>((resolve, reject) => {
        const open = indexedDB.open('churnlens.sessions.v1');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const store = open.result.transaction('kv', 'readonly').objectStore('kv');
          const cur = store.get('current');
          cur.onsuccess = () => {
            if (cur.result === undefined) return reject(new Error('no current session'));
            const head = store.get(`head:${cur.result}`);
            head.onsuccess = () => {
              if (head.result === undefined) return reject(new Error(`no pointer for session ${cur.result}`));
              const rec = store.get(`rec:${cur.result}:${(head.result as { rec: string }).rec}`);
              rec.onsuccess = () => (rec.result === undefined ? reject(new Error('no record')) : resolve(rec.result as StoredRecord));
            };
          };
        };
      }),
  );
}

/** The settings of the open session, read back from the page's IndexedDB (what a reload restores). */
export async function settingsOf(page: Page): Promise<Settings> {
  return (await storedSession(page)).settings;
}

/** The settings of the open session once it has been saved (the save follows the analysis shown). */
export async function savedSettings(page: Page): Promise<Settings> {
  await expect
    .poll(
      () =>
        storedSession(page).then(
          (s) => s.name,
          () => null,
        ),
      { timeout: 30_000 },
    )
    .not.toBeNull();
  return settingsOf(page);
}

// ── Expected figures ────────────────────────────────────────────────────────────────────────

const SAMPLE = new URL('../../src/sample/', import.meta.url);

/** The built-in sample's three files, read as the page reads them (under the names it gives them). */
export const sampleFiles = () => [
  ingestBytes('sample-customers.csv', readFileSync(new URL('customers.csv', SAMPLE))),
  ingestBytes('sample-orders.csv', readFileSync(new URL('orders.csv', SAMPLE))),
  ingestBytes('sample-staff.csv', readFileSync(new URL('staff.csv', SAMPLE))),
];

/** What the core computes for the sample with these settings (the defaults otherwise). */
export const sampleAnalysis = (settings: Partial<Settings> = {}): Analysis => analyze(sampleFiles(), { ...DEFAULT_SETTINGS, ...settings });
