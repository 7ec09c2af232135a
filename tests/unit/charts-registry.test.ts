// One module per chart, one list of them: adding a chart touches its module in src/charts/defs/
// and the list in src/charts/registry.ts, nothing else. Every entry gives its title in each
// language, its state, spec, summary and table; every module in defs/ is listed; and no other
// module of src/ tells charts apart by their ids (no switch, table or comparison on them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type ChartDef, chartDef, CHARTS, chartSummary, chartTable, chartTitle, SECTIONS } from '../../src/charts/index';
import { CONFIG } from '../../src/charts/theme';
import { LOCALES } from '../../src/i18n';
import { base } from './analysis-fixture';

const SRC = resolve(import.meta.dirname, '../../src');
const DEFS = join(SRC, 'charts/defs');
const IDS = new Set<string>(CHARTS.map((c) => c.id));

const CJK = /[\u4e00-\u9fff]/;
const specTitle = (spec: unknown): string => {
  const title = (spec as { title?: string | { text: string } }).title;
  return typeof title === 'string' ? title : (title?.text ?? '');
};

describe('the registry', () => {
  it('lists each chart once, each with a section of the page', () => {
    expect(IDS.size).toBe(CHARTS.length);
    for (const c of CHARTS) expect(SECTIONS).toContain(c.section);
  });

  it.each(CHARTS.map((c) => [c.id, c] as const))('%s gives its title, state, spec, summary and table', (id, c) => {
    for (const f of ['state', 'hasData', 'title', 'spec', 'summary', 'table'] as const) expect(typeof c[f], f).toBe('function');
    expect(c.state(base)).toBeNull();
    for (const locale of LOCALES) {
      const title = c.title(base, locale);
      expect(title.length).toBeGreaterThan(3);
      expect(CJK.test(title)).toBe(locale !== 'en');
      // One title for the picture, the summary, the table and every lookup by id.
      expect(chartTitle(id, base, locale)).toBe(title);
      const spec = c.spec(base, locale) as unknown as Record<string, unknown>;
      expect(specTitle(spec).startsWith(title)).toBe(true);
      expect(c.summary(base, locale).startsWith(title)).toBe(true);
      expect(chartSummary(id, base, locale)).toBe(c.summary(base, locale));
      const table = c.table(base, locale);
      expect(table.caption).toBe(title);
      expect(chartTable(id, base, locale)).toEqual(table);
      // The shared header: schema, full width, the one config.
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      expect(spec.width).toBe('container');
      expect(spec.config).toBe(CONFIG);
    }
  });

  it('gives different charts different titles in every language', () => {
    for (const locale of LOCALES) expect(new Set(CHARTS.map((c) => c.title(base, locale))).size).toBe(CHARTS.length);
  });

  it('names an unknown id as an error, not as some other chart', () => {
    expect(() => chartDef('nope' as never)).toThrow(/no chart nope/);
  });

  // The titles left the message files, so the Traditional Chinese terms test there no longer sees
  // them: the same variants, checked here (see charts-labels.test.ts).
  it('uses the Traditional Chinese terms of the messages in its titles', () => {
    const VARIANTS = /占|收入|業務代表|業務人員|銷售代表|數據|經驗值|閾值|應對|生存曲線|中位生命週期|關鍵指標|客戶類型|窗口/;
    const quarterly = { ...base, cohorts: { ...base.cohorts, period: 'quarter' as const } };
    const titles = CHARTS.flatMap((c) => [c.title(base, 'zh-Hant'), c.title(quarterly, 'zh-Hant')]);
    expect(titles.filter((t) => VARIANTS.test(t))).toEqual([]);
  });
});

describe('one module per chart', () => {
  const modules = import.meta.glob<Record<string, unknown>>('../../src/charts/defs/*.ts', { eager: true });
  const isChart = (v: unknown): v is ChartDef => typeof v === 'object' && v !== null && 'id' in v && 'spec' in v && 'table' in v;

  it('every module in defs/ defines the chart of its file name, and the registry lists it', () => {
    expect(Object.keys(modules).length).toBe(CHARTS.length);
    for (const [path, mod] of Object.entries(modules)) {
      const charts = Object.values(mod).filter(isChart);
      expect(
        charts.map((c) => c.id),
        path,
      ).toEqual([basename(path, '.ts')]);
      expect(CHARTS).toContain(charts[0]);
    }
  });

  it('only the registry imports the chart modules into the app (a page or export reaches a chart through it)', () => {
    const importers = sourceFiles(SRC)
      .filter((f) => !f.startsWith(DEFS))
      .filter((f) => /from '[^']*charts\/defs\/|from '\.\/defs\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    // The value tiers' label is also the tiers panel's row header.
    expect(importers.sort()).toEqual(['charts/registry.ts', 'ui/dashboard/Tiers.svelte']);
  });
});

/** Every .ts and .svelte file under a directory. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|svelte)$/.test(p) ? [p] : [];
  });
}

/**
 * The places in a file that tell charts apart by id: a switch with two or more chart ids as cases,
 * an object or array literal with two or more chart ids as keys or items, a Record keyed by
 * ChartId, or an id compared with a chart id (`c.id === 'tiers'`).
 */
function chartIdSwitches(text: string, file: string, ids: ReadonlySet<string>): string[] {
  const svelte = file.endsWith('.svelte');
  const code = svelte ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isId = (n: ts.Node | undefined) => !!n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && ids.has(n.text);
  const nameOf = (n: ts.PropertyName | undefined) => (n && (ts.isIdentifier(n) || ts.isStringLiteral(n)) ? n.text : undefined);
  const at = (n: ts.Node, what: string) => found.push(`${what} at line ${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
  const visit = (n: ts.Node): void => {
    if (ts.isSwitchStatement(n)) {
      const cases = n.caseBlock.clauses.filter((c) => ts.isCaseClause(c) && isId(c.expression));
      if (cases.length >= 2) at(n, 'switch on chart ids');
    } else if (ts.isObjectLiteralExpression(n)) {
      const keys = n.properties.filter((p) => ids.has(nameOf(p.name) ?? ''));
      if (keys.length >= 2) at(n, 'table keyed by chart ids');
    } else if (ts.isArrayLiteralExpression(n)) {
      if (n.elements.filter(isId).length >= 2) at(n, 'list of chart ids');
    } else if (ts.isTypeReferenceNode(n)) {
      if (n.typeName.getText(source) === 'Record' && n.typeArguments?.[0]?.getText(source) === 'ChartId') at(n, 'Record<ChartId, …>');
    } else if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      const eq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
      const other = isId(n.left) ? n.right : isId(n.right) ? n.left : null;
      if (eq && other && /(^|\.)(id|chartId|chart)$/i.test(other.getText(source))) at(n, 'comparison with a chart id');
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  if (svelte) {
    // The markup's expressions: a comparison of an id with a chart id.
    const list = [...ids].join('|');
    const re = new RegExp(
      `\\b(?:id|chartId|\\w+\\.id)\\s*[!=]==\\s*['"](?:${list})['"]|['"](?:${list})['"]\\s*[!=]==\\s*(?:id|chartId|\\w+\\.id)\\b`,
      'g',
    );
    for (const m of text.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').matchAll(re)) found.push(`markup: ${m[0]}`);
  }
  return found;
}

describe('no module tells charts apart by id but the chart modules', () => {
  it('finds a switch, a table, a list, a Record or a comparison on chart ids (the check can fail)', () => {
    const ids = new Set(['causes', 'tiers', 'survival']);
    const bad = [
      `function f(id: string) { switch (id) { case 'causes': return 1; case 'tiers': return 2; } }`,
      `const TITLES = { causes: 'a', tiers: 'b' };`,
      `const ORDER = ['survival', 'tiers'];`,
      `type T = Record<ChartId, string>;`,
      `const x = c.id === 'survival' ? 1 : 2;`,
    ];
    for (const code of bad) expect(chartIdSwitches(code, 'x.ts', ids), code).toHaveLength(1);
    expect(chartIdSwitches(`<script>let id = 'x';</script>{#if c.id === 'tiers'}<p></p>{/if}`, 'x.svelte', ids)).toHaveLength(1);
    // A single chart named as a link target, or a section that shares a chart's name, is not a switch.
    const fine = [`const f = { target: 'causes' };`, `if (section === 'causes') go();`, `switch (v.kind) { case 'causes': break; case 'p': break; }`];
    for (const code of fine) expect(chartIdSwitches(code, 'x.ts', ids), code).toEqual([]);
  });

  // The core is left out: its Analysis has fields named like the charts that draw them (causes,
  // cohorts, survival, tiers), and it knows no chart.
  it('holds for every module of src/ outside src/charts/defs/ and the core', () => {
    const found = sourceFiles(SRC)
      .filter((f) => !f.startsWith(DEFS) && !f.startsWith(join(SRC, 'core')))
      .flatMap((f) => chartIdSwitches(readFileSync(f, 'utf8'), f, IDS).map((w) => `${relative(SRC, f)}: ${w}`));
    expect(found).toEqual([]);
  });
});
