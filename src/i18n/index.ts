// One messages module for all user-facing text. Pure data and formatting: the core and the
// chart specs may use it; it never touches the DOM.
import { en, type MessageKey } from './en';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';

export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';
export const LOCALES: readonly Locale[] = ['en', 'zh-Hans', 'zh-Hant'];
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文' };
export type { MessageKey };

const tables: Record<Locale, Record<MessageKey, string>> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** BCP 47 tag for Intl formatting. */
export const intlTag = (l: Locale): string => ({ en: 'en-US', 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW' })[l];

/** Pick a locale from the browser's preferred languages. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const raw of languages) {
    const l = raw.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(l)) return 'zh-Hant';
    if (l.startsWith('zh')) return 'zh-Hans';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export function hasMessage(key: string): key is MessageKey {
  return key in en;
}

/** Translate a key, filling {placeholders}. Unknown keys come back as themselves, never as a crash. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = hasMessage(key) ? tables[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? formatParam(locale, params[name]) : `{${name}}`));
}

function formatParam(locale: Locale, v: string | number): string {
  return typeof v === 'number' ? new Intl.NumberFormat(intlTag(locale)).format(v) : v;
}

export const formatNumber = (locale: Locale, v: number, digits = 0): string =>
  new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);

export const formatPercent = (locale: Locale, v: number, digits = 1): string =>
  new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
