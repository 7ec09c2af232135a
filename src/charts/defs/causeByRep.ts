// Causes by sales rep: each cause's share of a group's churned customers, as a heatmap.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import type { Locale } from '../../i18n';
import { causeByParts, causeBySpec } from '../causeBy';
import { defineChart, type Localized } from '../chart';

const TITLE: Localized = {
  en: 'Causes by sales rep',
  'zh-Hans': '各销售代表的流失原因',
  'zh-Hant': '各業務員的流失原因',
};

export const causeByRepSpec = (a: Analysis, locale: Locale): TopLevelSpec => causeBySpec(a, locale, 'rep', TITLE[locale]);

export const causeByRep = defineChart({
  id: 'causeByRep',
  section: 'causes',
  title: TITLE,
  spec: causeByRepSpec,
  ...causeByParts('rep'),
});
