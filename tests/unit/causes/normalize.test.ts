import { describe, expect, it } from 'vitest';
import { normalizeReason, toSimplified } from '../../../src/core/causes/normalize';
import { negationMask, segment } from '../../../src/core/causes/segment';

describe('normalizeReason', () => {
  it.each([
    ['ＰＲＩＣＥ ＴＯＯ ＨＩＧＨ', 'price too high'],
    ['業務員離職，客戶跟著走了', '业务员离职,客户跟着走了'],
    ['too_expensive', 'too expensive'],
    ['  acct mgr   quit ', 'account manager quit'],
    ['went w/ competitor', 'went with competitor'],
    ['“太貴”！', '太贵 !'],
    ['轉咗用第二間供應商', '转了用第二间供应商'],
    ['', ''],
  ])('%s → %s', (text, expected) => {
    expect(normalizeReason(text)).toBe(expected);
  });

  it('maps Traditional to Simplified and leaves other text alone', () => {
    expect(toSimplified('價格太貴，服務態度差')).toBe('价格太贵，服务态度差');
    expect(toSimplified('price 价格')).toBe('price 价格');
  });
});

describe('segment', () => {
  const weights = (s: string) => segment(s).map((g) => [s.slice(g.start, g.end).trim(), g.weight]);

  it('weighs what follows a contrast twice, a concession half, the main reason 1.5×', () => {
    expect(weights('price was fine but nobody followed up')).toEqual([
      ['price was fine', 1],
      ['nobody followed up', 2],
    ]);
    expect(weights('虽然服务一般,但主要是返利没兑现')).toEqual([
      ['服务一般', 0.5],
      ['主要是返利没兑现', 3],
    ]);
  });

  it('keeps punctuation-only text as one clause', () => {
    expect(segment('?')).toEqual([{ start: 0, end: 1, weight: 1 }]);
  });
});

describe('negationMask', () => {
  const masked = (s: string) => {
    const m = negationMask(s, segment(s));
    return [...s].filter((_, k) => m[k]).join('');
  };

  it.each([
    ['价格不是问题,质量太差', '价格不是问题'],
    ['not the price, the rep quit', ' the price'],
    ['服务没问题', '服务没问题'],
    ['price was fine', 'price was fine'],
    ['业务员离职了', ''],
  ])('%s: %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });
});
