// Causes by region: each cause's share of a group's churned customers, as a heatmap.
import type { TopLevelSpec } from 'vega-lite';
import type { Analysis } from '../../core/types';
import type { Locale } from '../../i18n';
import { causeByParts, causeBySpec } from '../causeBy';
import { defineChart, type Localized } from '../chart';

const TITLE: Localized = {
  en: 'Causes by region',
  'zh-Hans': '各区域的流失原因',
  'zh-Hant': '各區域的流失原因',
};

export const causeByRegionSpec = (a: Analysis, locale: Locale): TopLevelSpec => causeBySpec(a, locale, 'region', TITLE[locale]);

export const causeByRegion = defineChart({
  id: 'causeByRegion',
  section: 'causes',
  title: TITLE,
  spec: causeByRegionSpec,
  ...causeByParts('region'),
});
