// Causes by segment: each cause's share of a group's churned customers, as a heatmap.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import type { Locale } from '../../i18n';
import { causeByParts, causeBySpec } from '../causeBy';
import { defineChart, type Localized } from '../chart';

const TITLE: Localized = {
  en: 'Causes by segment',
  'zh-Hans': '各客户分类的流失原因',
  'zh-Hant': '各客戶分類的流失原因',
};

export const causeBySegmentSpec = (a: Analysis, locale: Locale): TopLevelSpec => causeBySpec(a, locale, 'segment', TITLE[locale]);

export const causeBySegment = defineChart({
  id: 'causeBySegment',
  section: 'causes',
  title: TITLE,
  spec: causeBySegmentSpec,
  ...causeByParts('segment'),
});
