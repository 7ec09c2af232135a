// Revenue lost per month, stacked by cause.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import type { Locale } from '../../i18n';
import { monthState, monthSummary, monthTable, stackedByCause } from '../byMonth';
import { defineChart, type Localized } from '../chart';

const TITLE: Localized = {
  en: 'Revenue lost per month, by cause',
  'zh-Hans': '每月流失营收（按原因）',
  'zh-Hant': '每月流失營收（依原因）',
};

export const lostByMonthSpec = (a: Analysis, locale: Locale): TopLevelSpec => stackedByCause(a, locale, 'revenue', TITLE[locale]);

export const lostByMonth = defineChart({
  id: 'lostByMonth',
  section: 'time',
  title: TITLE,
  state: (a) => monthState(a) ?? (a.churnByMonth.some((m) => m.revenue > 0) ? null : 'no-revenue'),
  spec: lostByMonthSpec,
  summary: (a, locale, title) => monthSummary(a, locale, title, 'revenue'),
  table: monthTable('revenue'),
});
