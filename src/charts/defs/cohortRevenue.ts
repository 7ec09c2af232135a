// Revenue retention by cohort: revenue in period k ÷ the cohort's period-0 revenue (order logs only).
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import type { Locale } from '../../i18n';
import { defineChart, type Localized } from '../chart';
import { cohortHeatmap, cohortState, cohortSummary, cohortTable } from '../cohortGrid';

const TITLE: Localized = {
  en: 'Revenue retention by cohort (revenue in period k ÷ period 0)',
  'zh-Hans': '同期群营收留存（第 k 期营收 ÷ 首期营收）',
  'zh-Hant': '同期群營收留存（第 k 期營收 ÷ 首期營收）',
};

export const cohortRevenueSpec = (a: Analysis, locale: Locale): TopLevelSpec => cohortHeatmap(a, locale, 'revenueRetention', TITLE[locale]);

export const cohortRevenue = defineChart({
  id: 'cohortRevenue',
  section: 'time',
  title: TITLE,
  state: (a) => {
    const gap = cohortState(a);
    if (gap) return gap;
    if (a.cohorts.basis !== 'orders') return 'no-orders';
    return a.cohorts.rows.some((r) => r.revenueRetention !== null && r.revenueBase > 0) ? null : 'no-revenue';
  },
  spec: cohortRevenueSpec,
  summary: cohortSummary,
  table: cohortTable('revenueRetention'),
});
