// npm run screenshots: pictures of the built app for anyone to look at, without running it.
// Drives dist/index.html (built first when missing) in Debian's Chromium with the sample data and
// writes into screenshots/ (git-ignored): every section of the dashboard in each language
// (section-<section>-<locale>.png, the whole section; dashboard-<locale>.png, the top of the
// Overview as one first sees it), the Overview of a file without reasons (no-reasons-<locale>.png),
// and the first two pages of the report PDF in English and Simplified Chinese, rendered by
// poppler's pdftoppm.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { SECTIONS } from '../src/charts/index';
import { DIST, hasChromium, launch, openApp, serveDist, showSection } from '../tests/e2e/harness';

const OUT = resolve(import.meta.dirname, '..', 'screenshots');
const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
const PDFTOPPM = '/usr/bin/pdftoppm';

/** Wait until every chart of the section shown is drawn, and the fonts are in. */
async function drawn(page: Page, section: string) {
  await page.waitForFunction(
    (id) => [...document.querySelectorAll(`[data-testid=section-${id}] .chart`)].every((c) => c.getAttribute('data-rendered') === 'true'),
    section,
    { timeout: 60_000 },
  );
  await page.evaluate(() => document.fonts.ready);
}

async function showSample(page: Page, locale: string) {
  await page.locator('[data-testid=try-sample]').waitFor({ timeout: 60_000 });
  await page.selectOption('[data-testid=locale]', locale);
  await page.click('[data-testid=try-sample]');
  await page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
  await drawn(page, 'overview');
}

/** Each section, whole, into section-<section>-<locale>.png. */
async function shootSections(page: Page, locale: string) {
  for (const section of SECTIONS) {
    await showSection(page, section);
    await drawn(page, section);
    await page.evaluate(() => window.scrollTo(0, 0));
    const file = join(OUT, `section-${section}-${locale}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
  }
  await showSection(page, 'overview');
}

async function main() {
  if (!hasChromium) {
    console.error('screenshots: /usr/bin/chromium is missing (apt-get install -y chromium)');
    process.exit(1);
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log(`screenshots: ${DIST} is not built, building it…`);
    execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], { stdio: 'inherit' });
  }
  mkdirSync(OUT, { recursive: true });
  const server = await serveDist();
  const browser = await launch();
  try {
    for (const locale of LOCALES) {
      const g = await openApp(browser, server.url);
      await g.page.setViewportSize({ width: 1280, height: 900 });
      await showSample(g.page, locale);
      // The top of the dashboard as one sees it, then every section whole.
      const file = join(OUT, `dashboard-${locale}.png`);
      await g.page.evaluate(() => window.scrollTo(0, 0));
      await g.page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1280, height: 1600 }, fullPage: true });
      console.log(`wrote ${file}`);
      await shootSections(g.page, locale);
      if (locale !== 'zh-Hant') {
        await g.page.click('[data-testid=report-open]');
        await g.page.fill('[data-testid=report-client]', locale === 'en' ? 'Sample Trading Co.' : '示例贸易有限公司');
        const [download] = await Promise.all([g.page.waitForEvent('download', { timeout: 120_000 }), g.page.click('[data-testid=report-create]')]);
        const pdf = join(OUT, `report-${locale}.pdf`);
        await download.saveAs(pdf);
        console.log(`wrote ${pdf}`);
        if (existsSync(PDFTOPPM)) {
          const prefix = join(OUT, `report-${locale}-page`);
          execFileSync(PDFTOPPM, ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, prefix]);
          // pdftoppm numbers pages with as many digits as the document needs: name them -1, -2.
          for (const f of readdirSync(OUT).filter((n) => /^report-.*-page-0\d+\.png$/.test(n) && n.startsWith(`report-${locale}-`))) {
            const to = join(OUT, f.replace(/-page-0+(\d)/, '-page-$1'));
            renameSync(join(OUT, f), to);
          }
          for (const n of [1, 2]) console.log(`wrote ${join(OUT, `report-${locale}-page-${n}.png`)}`);
        } else {
          console.warn(`screenshots: ${PDFTOPPM} missing (apt-get install -y poppler-utils): report pages not rendered`);
        }
      }
      if (g.foreign.length) throw new Error(`requests left the machine: ${g.foreign.join(', ')}`);
      await g.context.close();
      // A file without reasons: what the Overview says instead of empty cause charts.
      const n = await openApp(browser, server.url);
      await n.page.setViewportSize({ width: 1280, height: 900 });
      await n.page.locator('[data-testid=try-sample]').waitFor({ timeout: 60_000 });
      await n.page.selectOption('[data-testid=locale]', locale);
      await n.page.setInputFiles('[data-testid=file-input]', fileURLToPath(new URL('../tests/fixtures/dashboard/no-reasons.csv', import.meta.url)));
      await n.page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
      await drawn(n.page, 'overview');
      const none = join(OUT, `no-reasons-${locale}.png`);
      await n.page.screenshot({ path: none, fullPage: true });
      console.log(`wrote ${none}`);
      await n.context.close();
    }
    writeFileSync(join(OUT, 'README.txt'), `Made by npm run screenshots from ${DIST} on ${new Date().toISOString()}.\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

rmSync(join(OUT, 'README.txt'), { force: true });
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
