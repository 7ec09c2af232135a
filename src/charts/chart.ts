// What a chart is. Each chart of the dashboard is one module in src/charts/defs/ that owns all of
// it: its title in every language, when it can be drawn, its Vega-Lite spec, its one-sentence
// summary and its data table. src/charts/registry.ts lists the modules; nothing else in the app
// knows one chart from another. This file imports no chart.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { type Locale, LOCALES, translate } from '../i18n';

/** The dashboard's sections, in the order of the section bar. */
export type SectionId = 'overview' | 'causes' | 'time' | 'where' | 'risk' | 'data';
export const SECTIONS: readonly SectionId[] = ['overview', 'causes', 'time', 'where', 'risk', 'data'];

/**
 * Why a chart (or a table) is not drawn: what the data lacks. Each has a message (`gap.<code>`)
 * that names what is missing and the fix, and a place where the fix is made (GAP_FIX).
 */
export type Gap =
  | 'no-churn'
  | 'no-reasons'
  | 'unclassified-reasons'
  | 'no-revenue'
  | 'no-churn-dates'
  | 'no-cohorts'
  | 'one-period'
  | 'no-orders'
  | 'no-survival'
  | 'no-groups'
  | 'no-activity'
  | 'no-reps';

/** Where the fix of a gap is made: a panel of the dashboard (Data › mapping or settings, Causes › reasons), or nowhere in the page. */
export type Fix = 'mapping' | 'settings' | 'reasons';
export const GAP_FIX: Record<Gap, Fix | null> = {
  'no-churn': 'settings',
  'no-reasons': 'mapping',
  'unclassified-reasons': 'reasons',
  'no-revenue': 'mapping',
  'no-churn-dates': 'mapping',
  'no-cohorts': 'mapping',
  'one-period': 'settings',
  'no-orders': null,
  'no-survival': 'mapping',
  'no-groups': 'mapping',
  'no-activity': 'mapping',
  'no-reps': 'mapping',
};

/**
 * A chart's state for an analysis: null = drawn; a Gap = not drawn, and the page says why;
 * 'skip' = not drawn and nothing to say (the data has no such column, and a sibling chart covers it).
 */
export type ChartState = Gap | 'skip' | null;

/** A text in each language of the page: a chart's own words (its title) live in its module. */
export type Localized = Readonly<Record<Locale, string>>;

/** The words of a message key in every language, for a chart text other code also reads by its key. */
export const localizedMessage = (key: string): Localized => Object.fromEntries(LOCALES.map((l) => [l, translate(l, key)])) as Record<Locale, string>;

/**
 * A chart's data as a table: the text alternative a screen reader (or anyone who prefers numbers)
 * can read in place of the picture, and the rows of its CSV. Text formatted for the locale; the
 * first cell of a row names it (a row header); the caption is the chart's title.
 */
export interface ChartTable {
  caption: string;
  header: string[];
  rows: string[][];
}

/** What a chart module writes: every function is pure, from the analysis (and the reader's language). */
export interface ChartModule<Id extends string = string> {
  /** Its id: the anchor `chart-<id>`, the target of findings, the name of its PNG/SVG. */
  id: Id;
  section: SectionId;
  /** The title, also the caption of its table and the start of its summary; per analysis when it depends on the data. */
  title: Localized | ((a: Analysis) => Localized);
  /** Drawn (null) or why not. */
  state: (a: Analysis) => ChartState;
  /** The Vega-Lite spec, begun with `chartHeader` (theme.ts) and the same title. */
  spec: (a: Analysis, locale: Locale) => TopLevelSpec;
  /** One sentence for screen readers and the report, given the title in the reader's language. */
  summary: (a: Analysis, locale: Locale, title: string) => string;
  /** The rows behind the picture (the caption is added: it is the title). */
  table: (a: Analysis, locale: Locale) => Omit<ChartTable, 'caption'>;
}

/** A chart as the page, the report and the tests use it. */
export interface ChartDef<Id extends string = string> {
  id: Id;
  section: SectionId;
  state: (a: Analysis) => ChartState;
  /** Drawn for this analysis (state null). */
  hasData: (a: Analysis) => boolean;
  title: (a: Analysis, locale: Locale) => string;
  spec: (a: Analysis, locale: Locale) => TopLevelSpec;
  summary: (a: Analysis, locale: Locale) => string;
  table: (a: Analysis, locale: Locale) => ChartTable;
}

/** A chart module as a ChartDef: its title resolved for the reader, handed to its summary and table. */
export function defineChart<const Id extends string>(m: ChartModule<Id>): ChartDef<Id> {
  const title = (a: Analysis, locale: Locale): string => (typeof m.title === 'function' ? m.title(a) : m.title)[locale];
  return {
    id: m.id,
    section: m.section,
    state: m.state,
    hasData: (a) => m.state(a) === null,
    title,
    spec: m.spec,
    summary: (a, locale) => m.summary(a, locale, title(a, locale)),
    table: (a, locale) => ({ caption: title(a, locale), ...m.table(a, locale) }),
  };
}
