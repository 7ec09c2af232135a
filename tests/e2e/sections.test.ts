// The dashboard in sections (issue 14), in the built app: each section with the charts the data can
// draw and one honest line for each it cannot; the findings with links to their charts; navigation
// by keyboard that survives a reload and the back button; labels whole, the header on one row at
// 1,280 px in three languages, and not one console warning (Vega logs its warnings there).
// Then three client files that miss something (tests/fixtures/dashboard/): no empty chart anywhere.
// Each test opens its own fresh app (harness.ts), whose guard fails it on any console warning.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { breakdownDrawn, CHARTS, sectionGaps, type SectionId, SECTIONS } from '../../src/charts/index';
import { chartTitle } from '../../src/charts/index';
import { kpiItems } from '../../src/charts/kpis';
import { targetPlace } from '../../src/charts/sections';
import { analyze } from '../../src/core/analyze';
import { findings, findingText } from '../../src/core/findings';
import { ingestBytes } from '../../src/core/ingest/index';
import { type Analysis, DEFAULT_SETTINGS } from '../../src/core/types';
import { translate } from '../../src/i18n';
import { appTest, axeViolations, type Guarded, notReady, ready, sampleAnalysis, showSection, useRig } from './harness';

const PDFTOTEXT = '/usr/bin/pdftotext';
const DASH = new URL('../fixtures/dashboard/', import.meta.url);
const read = (dir: URL, name: string, as = name) => ingestBytes(as, readFileSync(new URL(name, dir)));

/** The charts a section draws for an analysis, in page order (breakdowns come before the tiers). */
function expectedCharts(a: Analysis, s: SectionId): string[] {
  const own = CHARTS.filter((c) => c.section === s && c.hasData(a)).map((c) => `chart-${c.id}`);
  return s === 'where' ? [...breakdownDrawn(a).map((k) => `chart-breakdown-${k}`), ...own] : own;
}

/** The empty-state lines of a section, in page order. */
function expectedGaps(a: Analysis, s: SectionId): string[] {
  if (s === 'where')
    return [...(breakdownDrawn(a).length ? [] : ['no-groups']), ...sectionGaps(a, 'where'), ...(a.reps.source === 'none' ? ['no-reps'] : [])];
  if (s === 'risk') return a.definition.available.activity ? [] : ['no-activity'];
  return sectionGaps(a, s);
}

/** Wait until every chart of the shown section is drawn. */
async function sectionDrawn(page: Page, s: SectionId) {
  await page.waitForFunction(
    (id) => {
      const charts = [...document.querySelectorAll(`[data-testid=section-${id}] figure.chart`)];
      return charts.every((c) => c.getAttribute('data-rendered') === 'true');
    },
    s,
    { timeout: 60_000 },
  );
}

/** What a section shows: its charts (with their marks, cut labels and legend overflow) and its empty-state lines. */
async function sectionContent(page: Page, s: SectionId) {
  return page.evaluate((id) => {
    const section = document.querySelector(`[data-testid=section-${id}]`)!;
    const charts = [...section.querySelectorAll('figure.chart')].map((f) => {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const texts = [...(svg?.querySelectorAll('text') ?? [])];
      return {
        id: f.id,
        marks: svg?.querySelectorAll('.mark-rect path, .mark-line path, .mark-area path, .mark-symbol path, .mark-tick path').length ?? 0,
        cut: texts.map((t) => t.textContent ?? '').filter((t) => t.endsWith('…')),
        // Legend entries drawn past the chart's right edge are cut off for the reader.
        overflow: [...(svg?.querySelectorAll('.role-legend-label text') ?? [])]
          .filter((t) => box !== undefined && t.getBoundingClientRect().right > box.right + 1)
          .map((t) => t.textContent),
      };
    });
    const gaps = [...section.querySelectorAll('[data-testid=gap]')].map((g) => g.getAttribute('data-gap'));
    return { charts, gaps, text: (section as HTMLElement).innerText };
  }, s);
}

/** Labels of one axis that overlap their neighbour (cohort months crowded at 14 px a row). */
async function overlappingAxisLabels(page: Page, chart: string): Promise<number> {
  return page.evaluate((id) => {
    let overlaps = 0;
    for (const axis of document.querySelectorAll(`#${id} svg .role-axis-label`)) {
      const boxes = [...axis.querySelectorAll('text')].map((t) => t.getBoundingClientRect()).filter((b) => b.width > 0);
      for (let k = 1; k < boxes.length; k++) {
        const [p, q] = [boxes[k - 1], boxes[k]];
        if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) overlaps++;
      }
    }
    return overlaps;
  }, chart);
}

notReady('sections');

describe.skipIf(!ready)('dashboard sections', () => {
  const rig = useRig();

  describe('the sample, section by section', () => {
    const a = sampleAnalysis();
    const it = appTest(rig, 'http', async (g) => {
      await g.page.setViewportSize({ width: 1280, height: 900 });
      await g.page.click('[data-testid=try-sample]');
      await g.page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
    });

    it('opens on the Overview: key figures, what the data allows, six findings, why customers left', async ({ g }) => {
      const p = g.page;
      await sectionDrawn(p, 'overview');
      expect(await p.getAttribute('[data-testid=section-link-overview]', 'aria-current')).toBe('page');
      expect(await p.locator('[data-testid=section-causes]').count()).toBe(0); // not built until shown
      const ids = await p.locator('.kpi').evaluateAll((ks) => ks.map((k) => k.getAttribute('data-testid')));
      expect(ids).toEqual(kpiItems(a, 'en').map((k) => `kpi-${k.id}`));
      const items = await p.locator('[data-testid=finding]').evaluateAll((li) => li.map((x) => (x.firstChild?.textContent ?? '').trim()));
      expect(items).toEqual(findings(a).map((f) => findingText(f, a, 'en')));
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.length).toBeLessThanOrEqual(6);
      const c = await sectionContent(p, 'overview');
      expect(c.charts.map((x) => x.id)).toEqual(expectedCharts(a, 'overview'));
      expect(c.gaps).toEqual([]);
      expect(await p.locator('[data-testid=strategies] h3').count()).toBeGreaterThan(0);
      expect(await axeViolations(p, '.dashboard')).toEqual([]);
    });

    for (const s of SECTIONS.filter((x) => x !== 'overview')) {
      it(`${s}: every chart the data allows is drawn, with marks and whole labels`, async ({ g }) => {
        const p = g.page;
        await showSection(p, s);
        expect(p.url()).toMatch(new RegExp(`#${s}$`));
        await sectionDrawn(p, s);
        const c = await sectionContent(p, s);
        expect(c.charts.map((x) => x.id)).toEqual(expectedCharts(a, s));
        expect(c.gaps).toEqual(expectedGaps(a, s));
        for (const chart of c.charts) {
          expect(chart.marks, chart.id).toBeGreaterThan(0);
          expect(chart.cut, chart.id).toEqual([]);
          expect(chart.overflow, chart.id).toEqual([]);
        }
        expect(await axeViolations(p, `[data-testid=section-${s}]`)).toEqual([]);
        if (s === 'causes') {
          expect(await p.locator('[data-testid=reason-row]').count()).toBeGreaterThan(0);
          // The taxonomy editor shows names, whole, and no internal id.
          expect(c.text).not.toMatch(/small-customer-neglect|service-negligence/);
          const clipped = await p
            .locator('[data-testid=editor-name]')
            .evaluateAll((els) => (els as HTMLInputElement[]).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.value));
          expect(clipped).toEqual([]);
        }
        if (s === 'time') {
          expect(a.cohorts.rows.length).toBeGreaterThan(24);
          expect(await overlappingAxisLabels(p, 'chart-cohorts')).toBe(0);
        }
        if (s === 'where') expect(await p.locator('[data-testid=rep-row]').count()).toBe(a.reps.departed.length);
        if (s === 'risk') expect(await p.locator('[data-testid=risk-row]').count()).toBe(Math.min(25, a.atRisk.customers));
        if (s === 'data') {
          // The as-of field shows the date in force, and says where it comes from.
          expect(await p.inputValue('[data-testid=as-of]')).toBe(a.asOf);
          expect(await p.locator('[data-testid=as-of-hint]').innerText()).toBe(`In force: ${a.asOf}, the latest date in the data.`);
          await p.locator('[data-testid=inputs-table]').waitFor();
        }
      });
    }

    it('each finding links to its chart: the section opens and the chart takes focus', async ({ g }) => {
      const p = g.page;
      await showSection(p, 'overview');
      const targets = findings(a)
        .map((f) => targetPlace(f.target, a))
        .filter((x) => x !== null && x.anchor !== 'panel-kpis');
      expect(await p.locator('[data-testid=finding-link]').count()).toBe(targets.length);
      for (let k = 0; k < targets.length; k++) {
        await showSection(p, 'overview');
        await p.locator('[data-testid=finding-link]').nth(k).click();
        const place = targets[k]!;
        await p.locator(`[data-testid=section-${place.section}]`).waitFor({ state: 'visible' });
        await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe(place.anchor);
        expect(p.url()).toContain(`#${place.section}/${place.anchor}`);
      }
    });

    it('moves between sections with the keyboard alone; a reload and the back button return to the same place', async ({ g }) => {
      const p = g.page;
      await showSection(p, 'overview');
      await p.focus('[data-testid=section-link-overview]');
      for (let k = 0; k < 3; k++) await p.keyboard.press('Tab');
      expect(await p.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('section-link-where');
      await p.keyboard.press('Enter');
      await p.locator('[data-testid=section-where]').waitFor({ state: 'visible' });
      expect(await p.locator('[data-testid=section-overview]').isVisible()).toBe(false);
      expect(p.url()).toMatch(/#where$/);
      await p.reload();
      await p.locator('[data-testid=section-where]').waitFor({ state: 'visible', timeout: 60_000 });
      expect(await p.getAttribute('[data-testid=section-link-where]', 'aria-current')).toBe('page');
      await sectionDrawn(p, 'where');
      await showSection(p, 'risk');
      await p.goBack();
      await p.locator('[data-testid=section-where]').waitFor({ state: 'visible' });
      expect(await p.locator('[data-testid=section-risk]').isVisible()).toBe(false);
    });

    it('prints the section shown, under its own title, without the section bar', async ({ g }) => {
      const p = g.page;
      await showSection(p, 'time');
      await p.emulateMedia({ media: 'print' });
      try {
        expect(await p.locator('[data-testid=section-bar]').isVisible()).toBe(false);
        expect(await p.locator('#title-time').isVisible()).toBe(true);
        expect(await p.locator('#title-time').innerText()).toBe('Over time');
        expect(await p.locator('[data-testid=section-where]').isVisible()).toBe(false);
      } finally {
        await p.emulateMedia({ media: 'screen' });
      }
    });

    it('keeps the header on one row at 1,280 px in all three languages', async ({ g }) => {
      const p = g.page;
      for (const locale of ['en', 'zh-Hans', 'zh-Hant']) {
        await p.selectOption('[data-testid=locale]', locale);
        await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe(locale);
        const row = await p.evaluate(() => {
          const top = document.querySelector('header.top') as HTMLElement;
          const tops = [...top.children]
            .filter((e) => (e as HTMLElement).offsetParent !== null)
            .map((e) => Math.round(e.getBoundingClientRect().top));
          return { spread: Math.max(...tops) - Math.min(...tops), overflow: top.scrollWidth - top.clientWidth };
        });
        expect(row.overflow, locale).toBe(0);
        expect(row.spread, locale).toBeLessThanOrEqual(6);
      }
      // Traditional Chinese says 佔, never 占, in the findings and key figures.
      await showSection(p, 'overview');
      expect(await p.locator('[data-testid=findings]').innerText()).not.toContain('占');
      expect(await p.locator('.kpis').innerText()).toContain('佔');
      await p.selectOption('[data-testid=locale]', 'en');
    });

    it('logs not one warning or error in the console (Vega included) drawing every section', async ({ g }) => {
      for (const s of SECTIONS) {
        await showSection(g.page, s);
        await sectionDrawn(g.page, s);
      }
      expect(g.console).toEqual([]);
    });
  });

  // Three client files, each missing what most real files miss. Each opens on a dashboard where
  // every chart drawn has data and every chart left out is one line saying why and how to fix it.
  describe.each(['no-reasons', 'no-revenue', 'no-dates'])('%s.csv', (name) => {
    const a = analyze([read(DASH, `${name}.csv`)], DEFAULT_SETTINGS);
    const it = appTest(rig, 'http', async (g: Guarded) => {
      await g.page.setViewportSize({ width: 1280, height: 900 });
      await g.page.locator('[data-testid=try-sample]').waitFor({ timeout: 60_000 });
      await g.page.setInputFiles('[data-testid=file-input]', fileURLToPath(new URL(`${name}.csv`, DASH)));
      await g.page.locator('[data-testid=kpi-customers]').waitFor({ timeout: 60_000 });
    });

    it('has no empty or meaningless chart in any section, and says what is missing', async ({ g }) => {
      const p = g.page;
      for (const s of SECTIONS) {
        await showSection(p, s);
        await sectionDrawn(p, s);
        const c = await sectionContent(p, s);
        expect(
          c.charts.map((x) => x.id),
          s,
        ).toEqual(expectedCharts(a, s));
        expect(c.gaps, s).toEqual(expectedGaps(a, s));
        for (const chart of c.charts) {
          expect(chart.marks, chart.id).toBeGreaterThan(0);
          expect(chart.cut, chart.id).toEqual([]);
        }
      }
      expect(g.console).toEqual([]);
    });

    it('shows only the key figures and findings the data gives', async ({ g }) => {
      const p = g.page;
      await showSection(p, 'overview');
      const kpis = await p.locator('.kpi').evaluateAll((ks) => ks.map((k) => k.getAttribute('data-testid')));
      expect(kpis).toEqual(kpiItems(a, 'en').map((k) => `kpi-${k.id}`));
      expect(await p.locator('.kpi .value').allInnerTexts()).not.toContain('–');
      const items = await p.locator('[data-testid=finding]').evaluateAll((li) => li.map((x) => (x.firstChild?.textContent ?? '').trim()));
      expect(items).toEqual(findings(a).map((f) => findingText(f, a, 'en')));
      expect(items.length).toBeGreaterThanOrEqual(3);
      const overview = await p.locator('[data-testid=section-overview]').innerText();
      if (name === 'no-reasons') {
        expect(await p.locator('[data-testid=scope]').innerText()).toContain(
          'an order log only; churn by inactivity (no order for 90 days); no reasons',
        );
        expect(overview).not.toContain('Unclassified');
      }
      if (name === 'no-revenue') {
        await showSection(p, 'risk');
        expect(await p.locator('[data-testid=section-risk]').innerText()).not.toMatch(/revenue at stake/i);
      }
      if (name === 'no-dates') {
        expect(await p.locator('[data-testid=as-of-today]').innerText()).toBe(`No dates in the data: the figures are as of today, ${a.asOf}.`);
        await showSection(p, 'time');
        expect(await p.locator('[data-testid=section-time]').innerText()).not.toContain('is not over');
        await showSection(p, 'data');
        expect(await p.inputValue('[data-testid=as-of]')).toBe(a.asOf);
        expect(await p.locator('[data-testid=as-of-hint]').innerText()).toBe(`In force: ${a.asOf}, today (the data has no dates).`);
      }
    });

    it.skipIf(!existsSync(PDFTOTEXT))('the report opens with the findings and says in its appendix what it left out, and why', async ({ g }) => {
      const p = g.page;
      await p.click('[data-testid=report-open]');
      await p.fill('[data-testid=report-client]', 'Fixture Co');
      const [download] = await Promise.all([p.waitForEvent('download', { timeout: 120_000 }), p.click('[data-testid=report-create]')]);
      const file = join(mkdtempSync(join(tmpdir(), 'churnlens-report-')), 'report.pdf');
      await download.saveAs(file);
      const squash = (s: string) => s.replace(/\s+/g, '');
      const page2 = squash(execFileSync(PDFTOTEXT, ['-raw', '-f', '2', '-l', '2', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      expect(page2.startsWith(squash(translate('en', 'report.findings')))).toBe(true);
      for (const f of findings(a)) expect(page2).toContain(squash(findingText(f, a, 'en')));
      const all = squash(execFileSync(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      const from = all.lastIndexOf(squash(translate('en', 'report.omitted')));
      expect(from).toBeGreaterThan(0);
      const appendix = all.slice(from);
      const left = CHARTS.filter((c) => {
        const s = c.state(a);
        return s !== null && s !== 'skip';
      });
      expect(left.length).toBeGreaterThan(0);
      for (const c of left) {
        expect(appendix).toContain(squash(`${chartTitle(c.id, a, 'en')}: ${translate('en', `gap.${c.state(a)}`)}`));
        // A chart left out is not drawn in the report either: its title is found only in the appendix.
        expect(all.indexOf(squash(chartTitle(c.id, a, 'en')))).toBeGreaterThan(from);
      }
      // Drawing the charts for the PDF logged nothing either.
      expect(g.console).toEqual([]);
    });

    it('an empty state links to its fix', async ({ g }) => {
      const p = g.page;
      const first = SECTIONS.find((s) => expectedGaps(a, s).length > 0)!;
      await showSection(p, first);
      const fix = p.locator(`[data-testid=section-${first}] [data-testid=gap-fix]`).first();
      const href = await fix.getAttribute('href');
      await fix.click();
      const [section, anchor] = href!.slice(1).split('/');
      await p.locator(`[data-testid=section-${section}]`).waitFor({ state: 'visible' });
      await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe(anchor);
    });
  });
});
