// Every chart's spec runs in Vega without a single warning: compiled by Vega-Lite and run in a
// headless Vega View (rendered to SVG), with loggers that keep every warning, on the sample and on
// edge analyses — nothing churned, one customer, files without reasons, revenue or dates,
// quarterly cohorts. A chart the page would not draw for an analysis (its state is a gap) is still
// run: its spec must stay valid on empty data, so a gap never hides a broken spec.
import { readFileSync } from 'node:fs';
import { type LoggerInterface, parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { breakdownSpec } from '../../src/charts/breakdown';
import { breakdownDrawn, CHARTS } from '../../src/charts/index';
import { vegaLocale } from '../../src/charts/locale';
import { analyze } from '../../src/core/analyze';
import { ingestBytes } from '../../src/core/ingest/index';
import { type Analysis, DEFAULT_SETTINGS } from '../../src/core/types';
import { LOCALES } from '../../src/i18n';
import { base } from './analysis-fixture';

const SAMPLE = new URL('../../src/sample/', import.meta.url);
const DASH = new URL('../fixtures/dashboard/', import.meta.url);
const read = (dir: URL, name: string) => ingestBytes(name, readFileSync(new URL(name, dir)));
const csv = (name: string, text: string) => ingestBytes(name, new TextEncoder().encode(text));

const sampleFiles = () => [read(SAMPLE, 'customers.csv'), read(SAMPLE, 'orders.csv'), read(SAMPLE, 'staff.csv')];

const analyses: Record<string, Analysis> = {
  sample: analyze(sampleFiles(), DEFAULT_SETTINGS),
  'sample by quarter': analyze(sampleFiles(), { ...DEFAULT_SETTINGS, period: 'quarter' }),
  // Empty: one customer, still active — nothing churned, no cohorts, no survival curve.
  'one active customer': analyze([csv('one.csv', 'customer,status\nA,active\n')], DEFAULT_SETTINGS),
  // Edge: one customer who left, with a reason, a date and revenue — one bar, one month, one cohort.
  'one churned customer': analyze(
    [
      csv(
        'left.csv',
        'customer,status,churn date,reason,revenue,start date\nA,churned,2024-02-10,too expensive,100,2023-05-01\nB,active,,,50,2023-06-01\n',
      ),
    ],
    DEFAULT_SETTINGS,
  ),
  'no reasons': analyze([read(DASH, 'no-reasons.csv')], DEFAULT_SETTINGS),
  'no revenue': analyze([read(DASH, 'no-revenue.csv')], DEFAULT_SETTINGS),
  'no dates': analyze([read(DASH, 'no-dates.csv')], DEFAULT_SETTINGS),
  fixture: base,
};

/** A Vega (and Vega-Lite) logger that keeps every warning and error. */
function recorder(seen: string[]): LoggerInterface {
  let level = 2;
  const logger: LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: (...m: unknown[]) => (seen.push(`error: ${m.join(' ')}`), logger),
    warn: (...m: unknown[]) => (seen.push(`warn: ${m.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Compile and run a spec as the page does (its formats for the locale), render it to SVG; the warnings. */
async function run(spec: TopLevelSpec, locale: (typeof LOCALES)[number]): Promise<string[]> {
  const seen: string[] = [];
  const vg = compile(spec, { logger: recorder(seen) }).spec;
  const view = new View(parse(vg, undefined, { ast: true }), { renderer: 'none', logger: recorder(seen), ...vegaLocale(locale) } as never);
  try {
    await view.runAsync();
    const svg = await view.toSVG();
    if (!svg.startsWith('<svg')) seen.push('no SVG');
  } catch (e) {
    seen.push(`threw: ${String(e)}`);
  } finally {
    view.finalize();
  }
  return seen;
}

// A chart as wide as its box listens to the window's resize events; the page has a window, Node has
// not (Vega would warn "Can not resolve event source: window" for a reason of this harness only).
beforeAll(() => void vi.stubGlobal('window', new EventTarget()));
afterAll(() => void vi.unstubAllGlobals());

describe.each(Object.keys(analyses))('charts of %s', (name) => {
  const a = analyses[name];

  // Labels differ by language, warnings hardly: every language on the sample, English on the edges.
  it.each(name === 'sample' ? LOCALES : LOCALES.slice(0, 1))(
    'every chart runs in Vega without a warning (%s)',
    async (locale) => {
      const warnings: Record<string, string[]> = {};
      for (const c of CHARTS) {
        const seen = await run(c.spec(a, locale), locale);
        if (seen.length) warnings[c.id] = seen;
      }
      for (const k of breakdownDrawn(a)) {
        const seen = await run(breakdownSpec(a, locale, k), locale);
        if (seen.length) warnings[`breakdown-${k}`] = seen;
      }
      expect(warnings).toEqual({});
    },
    60_000,
  ); // some 14 charts compiled, run and rendered: seconds on a busy machine
});

describe('the analyses above', () => {
  it('draw every chart of the sample and none of the empty one, and the edge one draws its one churned customer', () => {
    const drawn = (a: Analysis) => CHARTS.filter((c) => c.hasData(a)).map((c) => c.id);
    expect(drawn(analyses.sample)).toEqual(CHARTS.map((c) => c.id));
    expect(drawn(analyses['one active customer'])).toEqual([]);
    expect(analyses['one churned customer'].customers).toMatchObject({ total: 2, churned: 1 });
    expect(drawn(analyses['one churned customer'])).toEqual(
      expect.arrayContaining(['causes', 'controllable', 'churnByMonth', 'lostByMonth', 'tiers']),
    );
  });

  it('a warning fails the check: a spec Vega-Lite warns about is caught', async () => {
    const bad = {
      data: { values: [{ x: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'x', type: 'quantitative' }, size: { field: 'x', type: 'nominal' } },
    } as TopLevelSpec;
    expect((await run(bad, 'en')).length).toBeGreaterThan(0);
    const empty = { data: { values: [] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } } as TopLevelSpec;
    expect(await run(empty, 'en')).toEqual(['warn: Infinite extent for field "x": [Infinity, -Infinity]']);
  });
});
