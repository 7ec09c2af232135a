// normalizeSettings: the defaults, what is refused (with its path), what is dropped, what is kept.
import { describe, expect, it } from 'vitest';
import { checkedSettings, normalizeSettings, patchSettings, SettingsError } from '../../src/core/settings';
import { DEFAULT_SETTINGS, SETTINGS_DEFAULTS } from '../../src/core/types';

const FULL_DEFAULTS = { inactiveDays: 90, churnMode: 'auto', period: 'month', tiers: [0.2], repWindowDays: 90 };

describe('normalizeSettings', () => {
  it('fills the defaults, from one place', () => {
    expect(normalizeSettings({})).toEqual({ ok: true, settings: FULL_DEFAULTS, dropped: [] });
    expect(normalizeSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: FULL_DEFAULTS, dropped: [] });
    expect(SETTINGS_DEFAULTS).toEqual(FULL_DEFAULTS);
    expect(DEFAULT_SETTINGS).toEqual({ inactiveDays: 90 });
  });

  it('keeps every valid field as given, and does not change its input', () => {
    const input = {
      asOf: '2024-06-30',
      inactiveDays: 60,
      reasonOverrides: { 太贵了: 'price', 'my own': 'custom-x' },
      customerOverrides: { K1: 'competitor' },
      causeEdits: {
        names: { price: '价格', 'custom-x': 'Mine' },
        controllable: { 'market-volatility': true },
        added: [{ id: 'custom-x', controllable: null }],
        mergedInto: { product: 'price' },
      },
      roleOverrides: { 'orders.csv': { amount: 3, quantity: null } },
      kindOverrides: { 'staff.csv': 'staff' },
      churnMode: 'inactivity',
      period: 'quarter',
      groupBy: ['region', 'Channel'],
      survivalBy: 'none',
      tiers: [0.2, 0.5],
      repWindowDays: 30,
      statusValues: { 'c.csv': { 流失: 'lost', 试用: 'prospect' } },
      tenureUnit: 'year',
    };
    const copy = structuredClone(input);
    const out = normalizeSettings(input);
    expect(out).toEqual({ ok: true, settings: input, dropped: [] });
    expect(input).toEqual(copy);
  });

  it('keeps fields it does not know (written by a newer version)', () => {
    const out = normalizeSettings({ inactiveDays: 30, futureThing: { a: [1, 2] } });
    expect(out).toEqual({ ok: true, settings: { ...FULL_DEFAULTS, inactiveDays: 30, futureThing: { a: [1, 2] } }, dropped: [] });
  });

  it('treats empty and undefined as "not set"', () => {
    const out = normalizeSettings({ asOf: '', survivalBy: '', groupBy: undefined, inactiveDays: 45 });
    expect(out).toEqual({ ok: true, settings: { ...FULL_DEFAULTS, inactiveDays: 45 }, dropped: [] });
  });

  it('sorts and de-duplicates tiers and group columns', () => {
    const out = normalizeSettings({ tiers: [0.5, 0.2, 0.5], groupBy: ['rep', 'rep', 'region'] });
    expect(out.ok && out.settings.tiers).toEqual([0.2, 0.5]);
    expect(out.ok && out.settings.groupBy).toEqual(['rep', 'region']);
  });

  it.each([
    ['not an object', 'x', 'settings', 'type'],
    ['an array', [], 'settings', 'type'],
    ['null', null, 'settings', 'type'],
    ['days as text', { inactiveDays: '90' }, 'inactiveDays', 'type'],
    ['zero days', { inactiveDays: 0 }, 'inactiveDays', 'range'],
    ['fractional days', { inactiveDays: 1.5 }, 'inactiveDays', 'range'],
    ['NaN days', { inactiveDays: NaN }, 'inactiveDays', 'range'],
    ['a century and a day', { inactiveDays: 36_501 }, 'inactiveDays', 'range'],
    ['rep window negative', { repWindowDays: -3 }, 'repWindowDays', 'range'],
    ['a date that is not one', { asOf: '2024-02-30' }, 'asOf', 'range'],
    ['a date in another form', { asOf: '30/06/2024' }, 'asOf', 'range'],
    ['a date as a number', { asOf: 20240630 }, 'asOf', 'type'],
    ['tiers not numbers', { tiers: ['20%'] }, 'tiers[0]', 'type'],
    ['tiers as a number', { tiers: 0.2 }, 'tiers', 'type'],
    ['tiers of 100%', { tiers: [0.2, 1] }, 'tiers[1]', 'range'],
    ['no tiers', { tiers: [] }, 'tiers', 'range'],
    ['an unknown churn mode', { churnMode: 'magic' }, 'churnMode', 'range'],
    ['a period as a number', { period: 3 }, 'period', 'type'],
    ['overrides as text', { reasonOverrides: 'x' }, 'reasonOverrides', 'type'],
    ['overrides as a list', { customerOverrides: [['K1', 'price']] }, 'customerOverrides', 'type'],
    ['an override to a number', { reasonOverrides: { dear: 3 } }, 'reasonOverrides["dear"]', 'type'],
    ['cause edits as a list', { causeEdits: [] }, 'causeEdits', 'type'],
    ['an added cause without id', { causeEdits: { added: [{ controllable: true }] } }, 'causeEdits.added[0]', 'type'],
    ['an added cause named like a built-in one', { causeEdits: { added: [{ id: 'price', controllable: true }] } }, 'causeEdits.added[0].id', 'range'],
    ['a controllable flag as text', { causeEdits: { controllable: { price: 'yes' } } }, 'causeEdits.controllable["price"]', 'type'],
    ['a column as text', { roleOverrides: { 'a.csv': { amount: '3' } } }, 'roleOverrides["a.csv"].amount', 'type'],
    ['a negative column', { roleOverrides: { 'a.csv': { amount: -1 } } }, 'roleOverrides["a.csv"].amount', 'range'],
    ['a kind that is not one', { kindOverrides: { 'a.csv': 'invoices' } }, 'kindOverrides["a.csv"]', 'range'],
    ['a status class that is not one', { statusValues: { 'a.csv': { x: 'gone' } } }, 'statusValues["a.csv"]["x"]', 'range'],
    ['status values per file as text', { statusValues: { 'a.csv': 'lost' } }, 'statusValues["a.csv"]', 'type'],
    ['a tenure unit that is not one', { tenureUnit: 'week' }, 'tenureUnit', 'range'],
    ['group columns not text', { groupBy: ['region', 2] }, 'groupBy[1]', 'type'],
    ['survival column not text', { survivalBy: 1 }, 'survivalBy', 'type'],
  ])('refuses %s, naming the field', (_, raw, path, code) => {
    const out = normalizeSettings(raw);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problems[0]).toEqual({ path, code });
  });

  it('drops overrides and edits naming causes that do not exist, and says which', () => {
    const out = normalizeSettings({
      reasonOverrides: { dear: 'price', gone: 'custom-deleted' },
      customerOverrides: { K1: 'no-such-cause' },
      causeEdits: { names: { nope: 'x', price: 'P' }, mergedInto: { product: 'nope' } },
    });
    expect(out).toEqual({
      ok: true,
      settings: {
        ...FULL_DEFAULTS,
        reasonOverrides: { dear: 'price' },
        customerOverrides: {},
        causeEdits: { names: { price: 'P' }, mergedInto: {} },
      },
      dropped: [
        { path: 'causeEdits.names["nope"]', code: 'unknown-cause' },
        { path: 'causeEdits.mergedInto["product"]', code: 'unknown-cause' },
        { path: 'reasonOverrides["gone"]', code: 'unknown-cause' },
        { path: 'customerOverrides["K1"]', code: 'unknown-cause' },
      ],
    });
  });

  it('drops role overrides for roles this build does not have', () => {
    const out = normalizeSettings({ roleOverrides: { 'a.csv': { amount: 2, futureRole: 4 } } });
    expect(out.ok && out.settings.roleOverrides).toEqual({ 'a.csv': { amount: 2 } });
    expect(out.ok && out.dropped).toEqual([{ path: 'roleOverrides["a.csv"].futureRole', code: 'unknown-role' }]);
  });

  it('keeps "__proto__" and "constructor" as data keys', () => {
    const raw = JSON.parse('{"reasonOverrides":{"__proto__":"price","constructor":"product"}}') as { reasonOverrides: Record<string, string> };
    const out = normalizeSettings(raw);
    if (!out.ok) throw new Error('refused');
    expect(Object.keys(out.settings.reasonOverrides!)).toEqual(['__proto__', 'constructor']);
    expect(Object.hasOwn(out.settings.reasonOverrides!, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(out.settings.reasonOverrides))).toEqual(raw.reasonOverrides);
  });

  it('checkedSettings throws for a caller mistake; patchSettings clears with undefined', () => {
    expect(() => checkedSettings({ inactiveDays: -1 })).toThrow(SettingsError);
    const base = checkedSettings({ asOf: '2024-01-31', survivalBy: 'region' });
    const out = patchSettings(base, { asOf: '', survivalBy: undefined, inactiveDays: 30 });
    expect(out).toEqual({ ok: true, settings: { ...FULL_DEFAULTS, inactiveDays: 30 }, dropped: [] });
  });
});
