// Lines every export carries: where the data came from, and the date, in the reader's language.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../core/types';
import { intlTag, type Locale, translate } from '../i18n';

/** A date as the locale writes it (e.g. "November 23, 2026", "2026年11月23日"). */
export const formatDate = (locale: Locale, d: Date): string =>
  new Intl.DateTimeFormat(intlTag(locale), { year: 'numeric', month: 'long', day: 'numeric' }).format(d);

/** "Source: customers.csv, orders.csv · churnlens · November 23, 2026" */
export function sourceLine(a: Pick<Analysis, 'inputs'>, locale: Locale, now: Date = new Date()): string {
  const files = a.inputs.map((i) => i.file).join(', ');
  return translate(locale, 'export.source', { files, date: formatDate(locale, now) });
}

export type Paper = 'a4' | 'letter';

/** Letter where it is the norm (US, Canada), else A4. */
export function paperFor(language: string): Paper {
  return /^en-(us|ca)\b/i.test(language) ? 'letter' : 'a4';
}

/** A chart spec's title text ('' when it has none). */
export function specTitle(spec: TopLevelSpec): string {
  const t = (spec as { title?: unknown }).title;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.join(' ');
  if (t && typeof t === 'object' && 'text' in t) {
    const text = t.text;
    if (typeof text === 'string') return text;
    return Array.isArray(text) ? text.join(' ') : '';
  }
  return '';
}
