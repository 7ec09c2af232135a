// Cohort retention: cohorts (month or quarter of first order) × periods since, coloured by the
// share of each cohort still a customer.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import type { Locale } from '../../i18n';
import { defineChart, type Localized } from '../chart';
import { cohortHeatmap, cohortState, cohortSummary, cohortTable } from '../cohortGrid';

const BY_MONTH: Localized = {
  en: 'Cohort retention by month of first order',
  'zh-Hans': '按首单月份的同期群留存',
  'zh-Hant': '依首單月份的同期群留存',
};
const BY_QUARTER: Localized = {
  en: 'Cohort retention by quarter of first order',
  'zh-Hans': '按首单季度的同期群留存',
  'zh-Hant': '依首單季度的同期群留存',
};
const title = (a: Analysis): Localized => (a.cohorts.period === 'quarter' ? BY_QUARTER : BY_MONTH);

export const cohortsSpec = (a: Analysis, locale: Locale): TopLevelSpec => cohortHeatmap(a, locale, 'retention', title(a)[locale]);

export const cohorts = defineChart({
  id: 'cohorts',
  section: 'time',
  title,
  state: cohortState,
  spec: cohortsSpec,
  summary: cohortSummary,
  table: cohortTable('retention'),
});
