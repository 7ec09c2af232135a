// Learning from the user's corrections: keys, nearest-neighbour propagation, followers, undo.
import { describe, expect, it } from 'vitest';
import { classifyDetailed } from '../../../src/core/causes/classify';
import { CorrectionIndex, normalizeOverrides, reasonKey, similarity, SIMILARITY_THRESHOLD, withReasonOverride } from '../../../src/core/causes/learn';
import { resolveCauses } from '../../../src/core/causes/resolve';
import { reasonTable } from '../../../src/core/causes/table';

describe('override keys', () => {
  it('keys a correction by the normalised text and reads old keys the same way', () => {
    expect(reasonKey('  太貴了！ ')).toBe('太贵了!');
    expect([...normalizeOverrides({ 太貴了: 'product', 'Too Expensive': 'price', ' ': 'x' })]).toEqual([
      ['太贵了', 'product'],
      ['too expensive', 'price'],
    ]);
    // Two old keys that normalise alike: the later one wins.
    expect([...normalizeOverrides({ 太贵了: 'product', 太貴了: 'harsh-policy' })]).toEqual([['太贵了', 'harsh-policy']]);
  });

  it('sets and removes a correction under the normalised key, dropping older spellings', () => {
    const old = { 太貴了: 'product', other: 'price' };
    expect(withReasonOverride(old, '太贵了', 'competitor')).toEqual({ other: 'price', 太贵了: 'competitor' });
    expect(withReasonOverride(old, '太贵了', null)).toEqual({ other: 'price' });
    expect(old).toEqual({ 太貴了: 'product', other: 'price' }); // not mutated
  });
});

describe('similarity', () => {
  it('is high for the same reason in another script, wording or language, low for another cause', () => {
    const sims = ['太貴', '价格太贵了吧', 'too pricey', '涨价了', '服务太差'].map((t) => [t, similarity('太贵了', t)]);
    expect(sims).toEqual([
      ['太貴', 0.952],
      ['价格太贵了吧', 0.889],
      ['too pricey', 0.701],
      ['涨价了', 0.03],
      ['服务太差', 0.026],
    ]);
    expect(SIMILARITY_THRESHOLD).toBe(0.65);
  });

  it('keeps a long story that only mentions the price apart from a short price reason', () => {
    expect(similarity('太贵了', 'too expensive, switched to a rival across the street')).toBeLessThan(SIMILARITY_THRESHOLD);
  });

  it('finds the closest correction', () => {
    const index = new CorrectionIndex(
      new Map([
        ['太贵了', 'product'],
        ['too pricey', 'harsh-policy'],
      ]),
    );
    expect(index.nearest('too pricey!!')).toEqual({ key: 'too pricey', cause: 'harsh-policy', similarity: 0.999 });
    expect(index.nearest('太贵')).toMatchObject({ key: '太贵了', cause: 'product' });
    expect(index.nearest('服务太差')).toBeNull();
  });
});

describe('resolveCauses with corrections', () => {
  const reasons = ['太贵了', '太貴', '价格太贵了吧', 'too pricey', '服务太差', '涨价了'];
  const ids = reasons.map((_, k) => `C${k}`);
  const revenue = reasons.map(() => 10);

  it('moves every reason like the corrected one, across script and language', () => {
    const r = resolveCauses({ ids, reasons }, { reasonOverrides: { 太贵了: 'product' } });
    expect(r.cause).toEqual(['product', 'product', 'product', 'product', 'service-quality', 'price']);
    expect(r.source).toEqual(['reason', 'similar', 'similar', 'similar', 'stated', 'stated']);
    expect(r.follows).toEqual([null, '太贵了', '太贵了', '太贵了', null, null]);
    expect(r.confidence.slice(0, 4)).toEqual([1, 0.952, 0.889, 0.701]);
  });

  it('applies an old, un-normalised key to the text and its Traditional twin', () => {
    const r = resolveCauses({ ids: ['a', 'b'], reasons: ['太貴了', '太贵了'] }, { reasonOverrides: { '太貴了 ': 'product' } });
    expect(r.source).toEqual(['reason', 'reason']);
  });

  it('comes back to the model when the correction is removed', () => {
    const before = resolveCauses({ ids, reasons }, {});
    const corrected = resolveCauses({ ids, reasons }, { reasonOverrides: { 太贵了: 'product' } });
    const undone = resolveCauses({ ids, reasons }, { reasonOverrides: withReasonOverride({ 太贵了: 'product' }, '太贵了', null) });
    expect(corrected.cause).not.toEqual(before.cause);
    expect(undone).toEqual(before);
    expect(before.cause.slice(0, 4)).toEqual(['price', 'price', 'price', 'price']);
  });

  it('learns a cause the user added from its corrected examples', () => {
    const texts = ['客户去做直播带货了', '客户转去做直播带货', '客户去做直播了', '客户去做电商了'];
    const r = resolveCauses(
      { ids: texts.map((_, k) => `L${k}`), reasons: texts },
      { reasonOverrides: { 客户去做直播带货了: 'custom-livestream' }, causeEdits: { added: [{ id: 'custom-livestream', controllable: false }] } },
    );
    expect(r.cause).toEqual(['custom-livestream', 'custom-livestream', 'custom-livestream', classifyDetailed([texts[3]])[0].cause]);
    expect(r.source).toEqual(['reason', 'similar', 'similar', 'stated']);
  });

  it('keeps a customer override above a similar correction', () => {
    const r = resolveCauses({ ids, reasons }, { reasonOverrides: { 太贵了: 'product' }, customerOverrides: { C1: 'competitor' } });
    expect([r.cause[1], r.source[1]]).toEqual(['competitor', 'customer']);
  });

  it('counts the followers on the corrected row and names the corrected text on theirs', () => {
    const texts = [...reasons, '太貴', '太贵了'];
    const r = resolveCauses({ ids: texts.map((_, k) => `C${k}`), reasons: texts }, { reasonOverrides: { 太贵了: 'product' } });
    const rows = reasonTable(
      texts,
      r,
      texts.map(() => 10),
    );
    const row = (text: string) => rows.find((x) => x.text === text);
    expect(row('太贵了')).toMatchObject({ cause: 'product', overridden: true, followers: 3, customers: 2 });
    expect(row('太貴')).toMatchObject({ cause: 'product', overridden: false, follows: '太贵了', confidence: 0.952, customers: 2 });
    expect(row('too pricey')).toMatchObject({ follows: '太贵了' });
    expect(row('服务太差')?.follows).toBeUndefined();
    expect(row('服务太差')?.followers).toBeUndefined();
    expect(revenue).toHaveLength(6);
  });
});
