// Chart and report exports from the built app, from http://localhost and from file://:
// PNG (2×, margins, source line, white), SVG (parses), a chart's PDF (text kept as text, Chinese
// included) and the client report PDF (pages, page numbers, KPIs as on the dashboard, the cause
// names in the chosen language, the client's name). PDFs are read with poppler (pdftotext, pdfinfo).
// Each test opens the sample in its own fresh app (harness.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { CHARTS } from '../../src/charts/index';
import { causeLabel } from '../../src/charts/labels';
import type { Analysis } from '../../src/core/types';
import { specTitle } from '../../src/export/meta';
import { PNG_LAYOUT } from '../../src/export/png';
import { type Locale, translate } from '../../src/i18n';
import { appTest, download, notReady, openSample, ready, sampleAnalysis, useRig, type Via } from './harness';

const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFINFO = '/usr/bin/pdfinfo';
const hasPoppler = existsSync(PDFTOTEXT) && existsSync(PDFINFO);
notReady('export');
if (ready && !hasPoppler) {
  console.warn(`\n*** PDF export checks SKIPPED: ${PDFTOTEXT} missing (apt-get install -y poppler-utils) ***\n`);
}

const expected: Analysis = sampleAnalysis();

/** Text of a PDF as poppler extracts it, in content order (-raw) or laid out. */
const pdfText = (file: string, raw = true, page?: number) =>
  execFileSync(PDFTOTEXT, [...(raw ? ['-raw'] : []), ...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
const pdfInfo = (file: string) => execFileSync(PDFINFO, [file], { encoding: 'utf8' });
/** Rotated axis labels come out one glyph per line: compare without any whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** The spec titles of the charts the dashboard shows for the sample. */
const chartTitles = (locale: Locale) => CHARTS.filter((c) => c.hasData(expected)).map((c) => specTitle(c.spec(expected, locale)));

/** Width, height and the first pixel (RGBA) of a PNG, decoded here. */
function decodePng(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colorType = bytes[25];
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // The first pixel of the first row is stored as is whatever the row's filter (nothing above or left).
  const first = [...raw.subarray(1, colorType === 6 ? 5 : 4)];
  return { width, height, first };
}

async function setLocale(page: Page, locale: Locale) {
  await page.selectOption('[data-testid=locale]', locale);
  const title = translate(locale, 'chart.causes.title');
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=chart-causes][data-rendered=true]')?.textContent?.includes(t) ?? false,
    title,
    { timeout: 30_000 },
  );
}

/** Click a button (by test id) that saves a file; the path of the file saved. */
const save = async (page: Page, testid: string): Promise<string> => (await download(page, testid)).path;

/** The KPI values exactly as the dashboard shows them. */
const shownKpis = (page: Page) => page.locator('.kpis .kpi .value').allInnerTexts();

async function makeReport(page: Page, client: string) {
  await page.click('[data-testid=report-open]');
  await page.fill('[data-testid=report-client]', client);
  return save(page, 'report-create');
}

describe.skipIf(!ready)('exports from the built app', () => {
  const rig = useRig();

  for (const via of ['http', 'file'] as const satisfies Via[]) {
    describe(via === 'http' ? 'http://localhost' : 'file://', () => {
      const it = appTest(rig, via, openSample);

      it('exports a chart as a 2× PNG on white, with margins and the source line', async ({ g }) => {
        const svg = g.page.locator('[data-testid=chart-causes] .chart-host svg');
        const size = { w: Number(await svg.getAttribute('width')), h: Number(await svg.getAttribute('height')) };
        expect(size.w).toBeGreaterThan(200);
        const file = await save(g.page, 'png-causes');
        const png = decodePng(readFileSync(file));
        const { scale, pad, source } = PNG_LAYOUT;
        expect(png.width).toBe(scale * (size.w + 2 * pad));
        expect(png.height).toBe(scale * (size.h + 2 * pad + source));
        // Not the bare Vega canvas: that would be exactly 2× the chart.
        expect(png.width).not.toBe(scale * size.w);
        expect(png.first.slice(0, 3)).toEqual([255, 255, 255]);
        if (png.first.length === 4) expect(png.first[3]).toBe(255);
      });

      it('exports a chart as SVG that parses', async ({ g }) => {
        const file = await save(g.page, 'svg-causes');
        const text = readFileSync(file, 'utf8');
        const parse = (s: string) =>
          g.page.evaluate((src) => {
            const d = new DOMParser().parseFromString(src, 'image/svg+xml');
            return {
              root: d.documentElement.nodeName,
              errors: d.getElementsByTagName('parsererror').length,
              texts: Array.from(d.querySelectorAll('text')).map((t) => t.textContent ?? ''),
            };
          }, s);
        const ok = await parse(text);
        expect(ok.root).toBe('svg');
        expect(ok.errors).toBe(0);
        expect(ok.texts).toContain(translate('en', 'chart.causes.title'));
        // The check can fail: a broken document is reported.
        expect((await parse(text.replace('</svg>', ''))).errors).toBeGreaterThan(0);
      });

      it.skipIf(!hasPoppler)('exports a chart as a vector PDF whose text is text, in English and in Chinese', async ({ g }) => {
        const causes = (l: Locale) => expected.causes.map((c) => causeLabel(expected, c.id, l));
        const enFile = await save(g.page, 'pdf-causes');
        const en = squash(pdfText(enFile));
        expect(en).toContain(squash(translate('en', 'chart.causes.title')));
        for (const name of causes('en')) expect(en).toContain(squash(name));
        expect(en).toContain(squash('sample-customers.csv'));
        expect(en).not.toContain(squash(causeLabel(expected, 'price', 'zh-Hans')));
        expect(pdfInfo(enFile)).toMatch(/Pages:\s+1\b/);

        await setLocale(g.page, 'zh-Hans');
        const zhFile = await save(g.page, 'pdf-causes');
        const zh = squash(pdfText(zhFile));
        expect(zh).toContain(squash(translate('zh-Hans', 'chart.causes.title')));
        for (const name of causes('zh-Hans')) expect(zh, name).toContain(squash(name));
        expect(zh).not.toContain(squash(translate('en', 'chart.causes.title')));
        // The text is in the embedded font, not drawn as pictures of glyphs.
        const fonts = execFileSync('/usr/bin/pdffonts', [zhFile], { encoding: 'utf8' });
        expect(fonts).toMatch(/churnlens-pdf\s+CID TrueType\s+Identity-H\s+yes/);
        await setLocale(g.page, 'en');
      });

      it.skipIf(!hasPoppler)('makes the client report: pages, page numbers, KPIs, causes in Chinese, client name', async ({ g }) => {
        await setLocale(g.page, 'zh-Hans');
        const kpis = await shownKpis(g.page);
        expect(kpis).toHaveLength(5);
        const client = `客户 ${via === 'file' ? 'B' : 'A'} Trading`;
        const file = await makeReport(g.page, client);
        await g.page.locator('[data-testid=report-dialog]').waitFor({ state: 'hidden' });

        const info = pdfInfo(file);
        const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
        // navigator.language is en-US in this browser context: US Letter.
        expect(info).toMatch(/Page size:\s+612 x 792 pts/);
        const charts = chartTitles('zh-Hans');
        // Title page, key figures, every chart (at most one a page, at least three to a page),
        // causes, strategies, at-risk list and appendix.
        expect(pages).toBeGreaterThanOrEqual(3 + Math.ceil(charts.length / 3));
        expect(pages).toBeLessThanOrEqual(8 + charts.length);

        const text = pdfText(file);
        const flat = squash(text);
        expect(flat).toContain(squash(client));
        for (const v of kpis) expect(flat, `KPI ${v}`).toContain(squash(v));
        for (const c of expected.causes) expect(flat).toContain(squash(causeLabel(expected, c.id, 'zh-Hans')));
        for (const title of charts) expect(flat, title).toContain(squash(title));
        expect(flat).toContain(squash(translate('zh-Hans', 'report.strategies')));
        expect(flat).toContain(squash(translate('zh-Hans', 'report.appendix')));
        expect(flat).not.toContain(squash(translate('en', 'report.title')));
        // The top at-risk customer is listed; the 51st is not (top 50).
        expect(flat).toContain(expected.atRisk.list[0].id);
        if (expected.atRisk.list.length > 50) expect(flat).not.toContain(expected.atRisk.list[50].id);
        // "n / N" on every page, each on its own page.
        for (let p = 1; p <= pages; p++) expect(pdfText(file, false, p)).toContain(`${p} / ${pages}`);
        expect(text).not.toContain(`${pages + 1} / ${pages}`);
        await setLocale(g.page, 'en');
      });
    });
  }

  // A browser set to Chinese (China): navigator.language is zh-CN.
  const inChina = appTest(rig, 'file', openSample, { locale: 'zh-CN' });

  inChina.skipIf(!hasPoppler)('uses A4 and the browser language outside the US and Canada', async ({ g }) => {
    expect(await g.page.inputValue('[data-testid=locale]')).toBe('zh-Hans');
    const file = await makeReport(g.page, '');
    expect(pdfInfo(file)).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    const flat = squash(pdfText(file));
    expect(flat).toContain(squash(translate('zh-Hans', 'report.noClient')));
  });
});
