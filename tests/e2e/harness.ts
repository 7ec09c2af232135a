// Shared set-up for the end-to-end tests: a static server for dist/, Debian's Chromium driven by
// playwright-core, and a guard that records every request that is not local.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Settings } from '../../src/core/types';

// CHURNLENS_DIST lets parallel work build and test its own copy (vite build --outDir dist-x).
export const DIST = resolve(import.meta.dirname, '../..', process.env.CHURNLENS_DIST ?? 'dist');
export const CHROMIUM = '/usr/bin/chromium';

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

/** A request is local when it stays on this machine: our server, a file, or in-memory URLs. */
export function isLocal(url: string, origin: string | null): boolean {
  if (/^(data|blob|about|file|chrome-error):/.test(url)) return true;
  return origin !== null && url.startsWith(origin);
}

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** Every non-local request the page tried. */
  foreign: string[];
  errors: string[];
}

export async function openApp(browser: Browser, url: string): Promise<Guarded> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-US' });
  const origin = url.startsWith('http') ? new URL(url).origin : null;
  const foreign: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    if (!isLocal(r.url(), origin)) foreign.push(r.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { context, page, foreign, errors };
}

export const hasChromium = existsSync(CHROMIUM);
export const hasDist = existsSync(join(DIST, 'index.html'));

/** Every key and value of the page's session store (IndexedDB `churnlens.sessions.v1`, store `kv`). */
export async function storedEntries(page: Page): Promise<[string, unknown][]> {
  return page.evaluate(
    () =>
      new Promise<[string, unknown][]>((resolve, reject) => {
        const open = indexedDB.open('churnlens.sessions.v1');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('kv', 'readonly').objectStore('kv');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => resolve((keys.result as string[]).map((k, i) => [k, values.result[i]]));
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

/**
 * The stored record of the open session (what a reload restores), found through its pointer:
 * `current` → `head:<id>` → `rec:<id>:<nonce>` (see src/store/records.ts).
 */
export async function storedSession(page: Page): Promise<{ id: string; rev: number; name: string; settings: Settings; files: { name: string; key: string; size: number }[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('churnlens.sessions.v1');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('kv', 'readonly').objectStore('kv');
          const cur = store.get('current');
          cur.onsuccess = () => {
            if (cur.result === undefined) return reject(new Error('no current session'));
            const head = store.get(`head:${cur.result}`);
            head.onsuccess = () => {
              if (head.result === undefined) return reject(new Error(`no pointer for session ${cur.result}`));
              const rec = store.get(`rec:${cur.result}:${head.result.rec}`);
              rec.onsuccess = () => (rec.result === undefined ? reject(new Error('no record')) : resolve(rec.result));
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

/** Open a dashboard section by its link in the section bar, and wait until it is the one shown. */
export async function showSection(page: Page, section: string): Promise<void> {
  await page.click(`[data-testid=section-link-${section}]`);
  await page.locator(`[data-testid=section-${section}]`).waitFor({ state: 'visible' });
}

/**
 * Every console warning and error of a page, as text (Vega logs its warnings there, e.g. "WARN
 * Dropping fit-y because spec has discrete height"): a test expects the list to stay empty.
 */
export function consoleProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') seen.push(`${m.type()}: ${m.text()}`);
  });
  return seen;
}

/** Drop files on the start page's drop zone, as a user dragging them from the desktop does. */
export async function dropFiles(page: Page, files: { name: string; bytes: number[] }[]): Promise<void> {
  const dt = await page.evaluateHandle((fs) => {
    const d = new DataTransfer();
    for (const f of fs) d.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return d;
  }, files);
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
}
