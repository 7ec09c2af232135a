// Number and date formats of the charts per locale, as plain data: d3-format and d3-time-format
// locale definitions, given to vega-embed (`formatLocale`, `timeFormatLocale`) so Vega's axis
// labels, tooltips and text marks use the reader's conventions. The currency symbol is used only
// by a `$` format; churnlens does not know the client's currency, so revenue is shown as numbers.
import type { Locale } from '../i18n';

export interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent?: string;
  minus?: string;
  nan?: string;
}

export interface TimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

const CN_MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
const NUM_MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];
const CN_DAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export const NUMBER_LOCALES: Record<Locale, NumberLocale> = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '\u2212' },
  'zh-Hans': { decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''], minus: '\u2212' },
  'zh-Hant': { decimal: '.', thousands: ',', grouping: [3], currency: ['NT$', ''], minus: '\u2212' },
};

export const TIME_LOCALES: Record<Locale, TimeLocale> = {
  en: {
    dateTime: '%x, %X',
    date: '%-m/%-d/%Y',
    time: '%-I:%M:%S %p',
    periods: ['AM', 'PM'],
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  'zh-Hans': {
    dateTime: '%x %A %X',
    date: '%Y年%-m月%-d日',
    time: '%H:%M:%S',
    periods: ['上午', '下午'],
    days: CN_DAYS,
    shortDays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    months: CN_MONTHS,
    shortMonths: NUM_MONTHS,
  },
  'zh-Hant': {
    dateTime: '%x %A %X',
    date: '%Y/%-m/%-d',
    time: '%p %I:%M:%S',
    periods: ['上午', '下午'],
    days: CN_DAYS,
    shortDays: ['週日', '週一', '週二', '週三', '週四', '週五', '週六'],
    months: NUM_MONTHS,
    shortMonths: NUM_MONTHS,
  },
};

/** The two options vega-embed takes, for a locale. */
export function vegaLocale(locale: Locale): { formatLocale: Record<string, unknown>; timeFormatLocale: Record<string, unknown> } {
  return {
    formatLocale: { ...NUMBER_LOCALES[locale] },
    timeFormatLocale: { ...TIME_LOCALES[locale] },
  };
}
