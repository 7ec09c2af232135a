// Where things are on the dashboard: its sections in the URL hash (#section or #section/anchor,
// so a reload or a printed page returns to the same place), and the anchors a finding or an empty
// state links to. Pure: the page reads and writes location.hash with these.
import type { Analysis } from '../core/types';
import { type Locale, translate } from '../i18n';
import { breakdownDrawn, chartDef, chartTitle, type Fix, isChartId, type SectionId, SECTIONS } from './index';

export interface Place {
  section: SectionId;
  /** The id of an element in the section to scroll to, if any. */
  anchor: string | null;
}

/** "#where/chart-tiers" → where, chart-tiers; an unknown section (e.g. the skip link's "#content") → null. */
export function parseHash(hash: string): Place | null {
  const [section, ...rest] = decodeURIComponent(hash.replace(/^#/, '')).split('/');
  if (!(SECTIONS as readonly string[]).includes(section)) return null;
  const anchor = rest.join('/');
  return { section: section as SectionId, anchor: anchor || null };
}

export const hashOf = (p: Place): string => `#${p.section}${p.anchor ? `/${p.anchor}` : ''}`;

/** The panels findings and fixes point at: their section and element id. */
const PANELS: Record<string, Place> = {
  kpis: { section: 'overview', anchor: 'panel-kpis' },
  reasons: { section: 'causes', anchor: 'panel-reasons' },
  reps: { section: 'where', anchor: 'panel-reps' },
  'at-risk': { section: 'risk', anchor: 'panel-at-risk' },
  mapping: { section: 'data', anchor: 'panel-mapping' },
  settings: { section: 'data', anchor: 'panel-settings' },
};

/**
 * Where a finding's target is on the page, or null when it is not drawn for this analysis (the
 * sentence then has no link): a chart id, a panel, or "breakdown:<column key>".
 */
export function targetPlace(target: string, a: Analysis): Place | null {
  if (isChartId(target)) {
    const c = chartDef(target);
    return c.hasData(a) ? { section: c.section, anchor: `chart-${target}` } : null;
  }
  if (target.startsWith('breakdown:')) {
    const key = target.slice('breakdown:'.length);
    const index = a.breakdowns.items.findIndex((i) => i.key === key);
    return index >= 0 && breakdownDrawn(a).includes(index) ? { section: 'where', anchor: `chart-breakdown-${index}` } : null;
  }
  if (target === 'reasons' && a.reasons.length === 0) return null;
  return PANELS[target] ?? null;
}

/** The words of a link to a finding's target: the chart's or the panel's title. */
export function targetTitle(target: string, a: Analysis, locale: Locale): string {
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  if (isChartId(target)) return chartTitle(target, a, locale);
  if (target.startsWith('breakdown:')) {
    const item = a.breakdowns.items.find((i) => `breakdown:${i.key}` === target);
    return t('chart.breakdown.title', { column: item?.label ?? '' });
  }
  const TITLES: Record<string, string> = { kpis: 'a11y.kpis', reasons: 'reasons.title', reps: 'reps.title', 'at-risk': 'risk.title' };
  return t(TITLES[target] ?? target);
}

/** Where the fix of an empty state is made. */
export const fixPlace = (fix: Fix): Place => PANELS[fix];
