// The survival chart's time axis and its data table follow the unit tenure was measured in.
import { describe, expect, it } from 'vitest';
import { survivalSpec } from '../../src/charts/defs/survival';
import { survivalAxisKey } from '../../src/charts/labels';
import type { Analysis } from '../../src/core/types';
import { base } from './analysis-fixture';

const withUnit = (unit: Analysis['survival']['unit']): Analysis => ({ ...base, survival: { ...base.survival, unit } });

describe('survival axis unit', () => {
  it.each([
    ['day', 'chart.survival.xDay'],
    ['month', 'chart.survival.xMonth'],
    ['year', 'chart.survival.xYear'],
  ] as const)('%s → %s', (unit, key) => {
    expect(survivalAxisKey(unit)).toBe(key);
  });

  it.each([
    ['en', 'Tenure (years)'],
    ['zh-Hans', '合作时长（年）'],
    ['zh-Hant', '合作時長（年）'],
  ] as const)('a tenure in years is titled in years (%s)', (locale, title) => {
    const spec = JSON.stringify(survivalSpec(withUnit('year'), locale));
    expect(spec).toContain(title);
    expect(JSON.stringify(survivalSpec(withUnit('month'), locale))).not.toContain(title);
  });
});
