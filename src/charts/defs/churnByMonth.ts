// Churned customers per month, stacked by cause (controllable causes at the bottom).
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import type { Locale } from '../../i18n';
import { monthState, monthSummary, monthTable, stackedByCause } from '../byMonth';
import { defineChart, localizedMessage } from '../chart';

// Kept in the messages: the summary test reads it by its key.
const TITLE = localizedMessage('chart.month.title');

export const churnByMonthSpec = (a: Analysis, locale: Locale): TopLevelSpec => stackedByCause(a, locale, 'churned', TITLE[locale]);

export const churnByMonth = defineChart({
  id: 'churnByMonth',
  section: 'time',
  title: TITLE,
  state: monthState,
  spec: churnByMonthSpec,
  summary: (a, locale, title) => monthSummary(a, locale, title, 'churned'),
  table: monthTable('churned'),
});
