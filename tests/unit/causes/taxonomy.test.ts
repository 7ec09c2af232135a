import { describe, expect, it } from 'vitest';
import { BENCHMARK, causeById, causeName, CAUSES, type Lang } from '../../../src/core/causes/taxonomy';

const LANGS: Lang[] = ['en', 'zh-Hans', 'zh-Hant'];

describe('cause taxonomy', () => {
  it('has stable ids in a fixed order', () => {
    expect(CAUSES.map((c) => c.id)).toEqual([
      'staff-turnover',
      'competitor',
      'price',
      'service-negligence',
      'service-quality',
      'product',
      'broken-promises',
      'harsh-policy',
      'small-customer-neglect',
      'no-contact',
      'market-volatility',
      'customer-circumstances',
      'unclassified',
    ]);
  });

  it('marks the first ten controllable, two uncontrollable and unclassified unknown', () => {
    expect(CAUSES.slice(0, 10).every((c) => c.controllable === true)).toBe(true);
    expect(causeById('market-volatility')?.controllable).toBe(false);
    expect(causeById('customer-circumstances')?.controllable).toBe(false);
    expect(causeById('unclassified')?.controllable).toBeNull();
  });

  it('has text in all three languages', () => {
    for (const c of CAUSES) {
      for (const l of LANGS) {
        expect(c.name[l].trim(), `${c.id} name ${l}`).not.toBe('');
        expect(c.description[l].trim(), `${c.id} description ${l}`).not.toBe('');
        expect(c.signs[l].trim(), `${c.id} signs ${l}`).not.toBe('');
        const s = c.strategies[l];
        expect(s.length, `${c.id} strategies ${l}`).toBeGreaterThanOrEqual(2);
        expect(s.length, `${c.id} strategies ${l}`).toBeLessThanOrEqual(4);
        for (const x of s) expect(x.trim()).not.toBe('');
      }
      // The same number of strategies in every language (they are translations).
      expect(new Set(LANGS.map((l) => c.strategies[l].length)).size, c.id).toBe(1);
    }
  });

  it('has distinct names per language', () => {
    for (const l of LANGS) expect(new Set(CAUSES.map((c) => c.name[l])).size).toBe(CAUSES.length);
  });

  it('looks causes up by id and falls back to the id for unknown ones', () => {
    expect(causeById('price')?.name.en).toBe('Price');
    expect(causeById('nope')).toBeUndefined();
    expect(causeName('price', 'zh-Hans')).toBe('价格');
    expect(causeName('staff-turnover', 'zh-Hant')).toBe('人員流動');
    expect(causeName('my-own-cause', 'en')).toBe('my-own-cause');
    expect(causeName('', 'zh-Hans')).toBe('');
  });

  it('has a benchmark split that sums to one', () => {
    expect(BENCHMARK.controllable + BENCHMARK.uncontrollable).toBeCloseTo(1);
  });
});
