// Hostile cells (issue 12): a customer list whose names, reps, regions, segments and reasons are
// HTML and script tags, javascript: URLs, SVG with handlers, a 1 MB string, right-to-left
// overrides, NUL bytes and lone surrogates (a UTF-16 file, as Excel's "Unicode Text" writes it),
// rendered through every section, chart, data table, tooltip, export and the report: shown as
// text, nothing runs, nothing is injected, no crash; long cells are clipped on the page and kept
// whole in the CSV and JSON exports.
// Each test reads the file in its own fresh app (harness.ts).
//   npx vite build --outDir dist-sessions && CHURNLENS_DIST=dist-sessions npx vitest run --project e2e tests/e2e/hostile.test.ts
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { describe, expect } from 'vitest';
import { SECTIONS } from '../../src/charts/index';
import { decodeSession } from '../../src/export/session';
import { appTest, download, exportedAnalysis, type Guarded, kpi, notReady, parseCsv, ready, showSection, useRig } from './harness';

/** 1,000,000 characters: a pasted e-mail thread, with markup in it. */
const MEGA = 'Re: Re: Fwd: pricing <b>again</b> — we moved to another supplier because the price went up. '.repeat(11_000).slice(0, 1_000_000);

const CORPUS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  'javascript:window.__pwned=3',
  '<a href="javascript:window.__pwned=4">click me</a>',
  '<svg onload="window.__pwned=5"><circle r="5"/></svg>',
  '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  '{{constructor.constructor("window.__pwned=7")()}}',
  '"><style>*{display:none}</style>',
  'invoice\u202Efdp.exe',
  '\u202Bمرحبا\u202C then left to right',
  'nul\u0000byte',
  'lone\uD800high',
  'lone\uDFFFlow',
  '%s%n%x ${7*7} #{7*7}',
  'datum.x && alert(1)',
  MEGA,
];

const HEADER = ['Customer ID', 'Company', 'Sales Rep', 'Region', 'Segment', 'First Order', 'Last Order', 'Status', 'Churn Reason', 'Annual Revenue'];
const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Each cell twice: a churned customer with it as name, rep, region, segment and reason; an active one with it as name. */
function hostileFile(): Buffer {
  const rows = [HEADER];
  CORPUS.forEach((cell, k) => {
    const id = k < 8 ? cell : `H${k}`;
    const short = cell === MEGA ? `${cell.slice(0, 40)}…` : cell;
    rows.push([id, cell, cell, short, short, '2023-01-15', `2024-0${1 + (k % 9)}-10`, 'Churned', cell, String(1000 + k)]);
    rows.push([`${id} (active)`, cell, cell, short, short, '2023-02-15', '2024-01-05', 'Active', '', String(2000 + k)]);
  });
  rows.push(['Z1', 'Plain Co', 'Alice', 'North', 'Retail', '2023-01-01', '2024-12-20', 'Active', '', '5000']);
  const text = '\uFEFF' + rows.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n';
  return Buffer.from(text, 'utf16le'); // lone surrogates and NUL go in as code units
}

const CHURNED = CORPUS.length;
const CUSTOMERS = CORPUS.length * 2 + 1;

/** Nothing ran and nothing was added to the page: no flag set, no CSP violation, no element made from data. */
async function noHarm(page: Page, scripts: number) {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __csp?: string[] };
    return {
      pwned: w.__pwned ?? null,
      csp: w.__csp ?? [],
      scripts: document.scripts.length,
      injected: [...document.querySelectorAll('iframe, img[src="x"], [onerror], [onload], [srcdoc], a[href^="javascript:"], circle[r="5"]')].map(
        (e) => e.outerHTML.slice(0, 80),
      ),
      hidden: getComputedStyle(document.body).display,
    };
  });
  expect(state).toEqual({ pwned: null, csp: [], scripts, injected: [], hidden: 'block' });
}

notReady('hostile-cells');
const hasPoppler = existsSync('/usr/bin/pdfinfo');

/** Every CSP violation the page meets, kept in window.__csp (set before the app's own script runs). */
function recordCspViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    const w = window as unknown as { __csp?: string[] };
    (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}

/** The scripts of the page before the file is read (what noHarm compares with). */
const scriptsOf = new WeakMap<Guarded, number>();

/** The hostile file read with the file picker, as a user would; its key figures shown. */
async function readHostile(g: Guarded) {
  await g.page.locator('[data-testid=dropzone]').waitFor();
  scriptsOf.set(g, await g.page.evaluate(() => document.scripts.length));
  await g.page.setInputFiles('[data-testid=file-input]', { name: 'hostile.txt', mimeType: 'text/plain', buffer: hostileFile() });
  await expect.poll(() => kpi(g.page, 'customers').catch(() => -1), { timeout: 60_000 }).toBe(CUSTOMERS);
}

describe.skipIf(!ready)('hostile cells in the built app', () => {
  const rig = useRig();
  const it = appTest(rig, 'http', readHostile, { init: recordCspViolations });

  it('reads the file and shows every section, chart and data table, as text', async ({ g }) => {
    const { page } = g;
    const scripts = scriptsOf.get(g)!;
    expect(await kpi(page, 'customers')).toBe(CUSTOMERS);
    expect(await kpi(page, 'churned')).toBe(CHURNED);
    for (const section of SECTIONS) {
      await showSection(page, section);
      const shown = page.locator(`[data-testid=section-${section}]`);
      const charts = shown.locator('figure.chart');
      await expect
        .poll(async () => (await charts.count()) === (await shown.locator('figure.chart[data-rendered=true]').count()), { timeout: 60_000 })
        .toBe(true);
      const toggles = shown.locator('[data-testid^=table-toggle-]');
      for (let i = 0; i < (await toggles.count()); i++) await toggles.nth(i).click();
      await noHarm(page, scripts);
    }
    await showSection(page, 'causes');
    const body = await page.evaluate(() => document.body.innerText);
    for (const cell of CORPUS.slice(0, 8)) expect(body, cell).toContain(cell);
    // The 1 MB reason is clipped on the page (2,000 characters and "…").
    const clipped = await page.evaluate(
      (start) => {
        const cell = [...document.querySelectorAll('.reason-text')].find((td) => td.textContent.startsWith(start));
        return cell ? [cell.textContent.length, cell.textContent.slice(-1)] : null;
      },
      MEGA.slice(0, 30),
    );
    expect(clipped).toEqual([2001, '…']);
    // The lone surrogates and NUL came in as U+FFFD (the decoder's replacement), the RTL override as written.
    expect(body).toContain('invoice\u202Efdp.exe');
  });

  it('tooltips show the cells as text', async ({ g }) => {
    const { page } = g;
    const scripts = scriptsOf.get(g)!;
    await showSection(page, 'where');
    const marks = page.locator(
      '[data-testid=section-where] figure.chart[data-rendered=true] svg .mark-rect path, [data-testid=section-where] figure.chart[data-rendered=true] svg .mark-rect rect',
    );
    await marks.first().waitFor();
    const n = Math.min(await marks.count(), 12);
    const seen: string[] = [];
    for (let i = 0; i < n; i++) {
      await marks.nth(i).hover({ force: true });
      const tip = page.locator('#vg-tooltip-element.visible');
      if (await tip.count()) {
        seen.push(await tip.innerText());
        expect(await tip.evaluate((el) => el.querySelectorAll('*:not(table):not(tbody):not(tr):not(td)').length)).toBe(0);
      }
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.join('\n')).toMatch(/<script>|<img|javascript:|<svg|<iframe/);
    await noHarm(page, scripts);
  });

  it('CSV and .xlsx exports keep every cell as text; CSV keeps the 1 MB reason whole; .xlsx clips it at Excel’s 32,767', async ({ g }) => {
    const { page } = g;
    const scripts = scriptsOf.get(g)!;
    await showSection(page, 'causes');
    const reasons = parseCsv((await download(page, () => page.click('[data-testid=export-reasons-csv]'))).bytes);
    const texts = reasons.slice(1).map((r) => r[0]);
    expect(texts).toContain(MEGA);
    expect(texts).toContain('<script>window.__pwned=1</script>');
    expect(texts).toContain('nul\u0000byte'); // NUL is a character: kept in the CSV
    expect(texts).toContain('lone\uFFFDhigh'); // a lone surrogate was replaced when the file was decoded
    const lost = parseCsv((await download(page, () => page.click('[data-testid=export-lost-csv]'))).bytes);
    expect(lost.length - 1).toBe(CHURNED);
    expect(lost.flat()).toContain('<img src=x onerror="window.__pwned=2">');
    for (const id of ['lost', 'reasons'] as const) {
      const file = await download(page, () => page.click(`[data-testid=export-${id}-xlsx]`));
      const rows = await readSheet(file.bytes);
      const cells = rows.flat().filter((v): v is string => typeof v === 'string');
      expect(cells, id).toContain('<script>window.__pwned=1</script>');
      const big = cells.find((c) => c.startsWith(MEGA.slice(0, 30)))!;
      expect([big.length, big.endsWith('…')], id).toEqual([32_767, true]);
      expect(
        cells.some((c) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(c)),
        `${id}: control characters`,
      ).toBe(false);
    }
    await showSection(page, 'risk');
    const risk = parseCsv((await download(page, () => page.click('[data-testid=export-at-risk]'))).bytes);
    expect(risk.flat()).toContain(MEGA);
    await noHarm(page, scripts);
  });

  it('the JSON export and the session file keep the cells whole', async ({ g }) => {
    const { page } = g;
    const json = await exportedAnalysis(page);
    expect(json.reasons.map((r) => r.text)).toContain(MEGA);
    expect(json.lost?.map((c) => c.name)).toContain('<svg onload="window.__pwned=5"><circle r="5"/></svg>');
    const session = decodeSession((await download(page, () => page.click('[data-testid=save-session-file]'))).bytes.toString('utf8'));
    expect(session.ok && session.session.files.map((f) => f.bytes.byteLength)).toEqual([hostileFile().byteLength]);
  });

  it('chart images and the report are made without running anything', async ({ g }) => {
    const { page } = g;
    const scripts = scriptsOf.get(g)!;
    await showSection(page, 'where');
    const chart = page.locator('[data-testid=section-where] figure.chart[data-rendered=true]').first();
    const id = (await chart.getAttribute('data-testid'))!.replace(/^chart-/, '');
    const svg = (await download(page, () => page.click(`[data-testid=svg-${id}]`))).bytes.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    // The cells are text in the SVG: parsed, it has no element or attribute made from them.
    const parsed = await page.evaluate((text) => {
      const d = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        errors: d.getElementsByTagName('parsererror').length,
        bad: [...d.querySelectorAll('*')]
          .filter(
            (e) =>
              /^(script|iframe|img|foreignObject|a|circle)$/i.test(e.localName) ||
              [...e.attributes].some((a) => /^on/i.test(a.name) || (/^(href|xlink:href|src)$/i.test(a.name) && /javascript:/i.test(a.value))),
          )
          .map((e) => e.outerHTML.slice(0, 200)),
        text: d.documentElement.textContent ?? '',
      };
    }, svg);
    expect([parsed.errors, parsed.bad]).toEqual([0, []]);
    expect(parsed.text).toMatch(/<script>|<img|<svg|javascript:/);
    const png = (await download(page, () => page.click(`[data-testid=png-${id}]`))).bytes;
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const pdf = await download(page, () => page.click(`[data-testid=pdf-${id}]`));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.click('[data-testid=report-open]');
    await page.fill('[data-testid=report-client]', '<script>window.__pwned=8</script>');
    const report = await download(page, () => page.click('[data-testid=report-create]'));
    expect(report.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPoppler) expect(execFileSync('/usr/bin/pdfinfo', [report.path], { encoding: 'utf8' })).toMatch(/Pages:\s+\d+/);
    await noHarm(page, scripts);
  });
});
