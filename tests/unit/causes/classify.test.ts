// Behaviour of the classifier on hand-picked reasons and families of phrasing: regression checks
// on named examples, not a measure of accuracy. Many of these reasons are also in the training
// data (train/*.tsv, reasons-labelled.ts), so passing them says nothing about unseen text; accuracy
// is asserted only in heldout.test.ts, on held-out reasons the classifier was not tuned on.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { classifyDetailed, classifyMany, classifyReason } from '../../../src/core/causes/classify';
import { shippedModel } from '../../../src/core/causes/model';
import { CAUSES } from '../../../src/core/causes/taxonomy';
import type { CauseId } from '../../../src/core/types';
import { LABELLED } from '../../fixtures/reasons-labelled';

const cases = (list: [string, CauseId][]) =>
  it.each(list)('%s → %s', (text, cause) => {
    expect(classifyReason(text).cause).toBe(cause);
  });

describe('classifyReason: hand-picked cases', () => {
  cases([
    ['too expensive', 'price'],
    ['业务员离职了', 'staff-turnover'],
    ['被竞争对手挖走', 'competitor'],
    ['went w/ competitor', 'competitor'],
    ['投诉没人处理', 'service-negligence'],
    ['服务态度差', 'service-quality'],
    ['经常缺货', 'product'],
    ['返利一直没兑现', 'broken-promises'],
    ['进场费太高', 'harsh-policy'],
    ['促销政策都给大客户', 'small-customer-neglect'],
    ['长期没联系', 'no-contact'],
    ['公司倒闭', 'market-volatility'],
    ['老板移民', 'customer-circumstances'],
    ['a new shop opened across the street', 'competitor'],
    ['Sales离职了，客户没人对接', 'staff-turnover'],
    ['quality 不行', 'product'],
    ['rebate没兑现', 'broken-promises'],
    ['acct mgr quit', 'staff-turnover'],
    ['cx moved away', 'customer-circumstances'],
    ['promised discount never came', 'broken-promises'],
  ]);
});

describe('classifyReason: families', () => {
  describe('negation', () => {
    cases([
      ['不是价格问题，是质量太差', 'product'],
      ['not because of price, quality kept dropping', 'product'],
      ['质量没问题，就是太贵', 'price'],
      ['no problem with the product, support was rude though', 'service-quality'],
      ['价格不贵，只是发货太慢', 'service-negligence'],
      ['Price fine. Quality fine. Rep quit.', 'staff-turnover'],
      ['价格也不算高，客户自己不做了', 'customer-circumstances'],
      ["wasn't the price, competitor gave them better terms", 'competitor'],
      ['不是因为价格，而是资金链断了', 'market-volatility'],
      ['服务没问题，主要是价格涨了', 'price'],
    ]);
  });

  describe('contrast and concession', () => {
    cases([
      ['price was fine but nobody followed up', 'no-contact'],
      ['价格还行，但是业务员离职后没人管了', 'staff-turnover'],
      ['虽然服务一般，但主要是返利没兑现', 'broken-promises'],
      ['虽然价格偏高，但主要是业务员辞职了', 'staff-turnover'],
      ['the product is good but the support guy was rude', 'service-quality'],
    ]);
  });

  describe('Traditional and Simplified Chinese, full width', () => {
    const pairs: [string, string][] = [
      ['業務員離職，客戶跟著走了', '业务员离职，客户跟着走了'],
      ['價格太高！！', '价格太高！！'],
      ['長期沒聯繫', '长期没联系'],
      ['承諾的贈品一直沒給', '承诺的赠品一直没给'],
      ['ＰＲＩＣＥ ＴＯＯ ＨＩＧＨ', 'price too high'],
    ];
    it.each(pairs)('%s reads as %s', (a, b) => {
      expect(classifyDetailed([a])[0]).toEqual(classifyDetailed([b])[0]);
    });
    cases([
      ['業務員離職，客戶跟著走了', 'staff-turnover'],
      ['價格太高！！', 'price'],
      ['長期沒聯繫', 'no-contact'],
    ]);
  });

  describe('typos', () => {
    cases([
      ['too expensiv', 'price'],
      ['expnsive', 'price'],
      ['compettitor', 'competitor'],
      ['被竟争对手挖走', 'competitor'],
      ['服务太度差', 'service-quality'],
      ['custmer service was rude', 'service-quality'],
      ['bankrupcy', 'market-volatility'],
    ]);
  });

  describe('nothing to read', () => {
    cases([
      ["Don't know", 'unclassified'],
      ['原因不明', 'unclassified'],
      ['其他', 'unclassified'],
      ['n/a', 'unclassified'],
      ['-', 'unclassified'],
      ['', 'unclassified'],
    ]);
  });
});

describe('confidence and alternatives', () => {
  it('gives 0 confidence to empty text and no alternatives', () => {
    expect(classifyReason('')).toEqual({ cause: 'unclassified', confidence: 0 });
    expect(classifyReason('   ')).toEqual({ cause: 'unclassified', confidence: 0 });
    expect(classifyDetailed([''])[0].alternatives).toEqual([]);
  });

  it('is more confident about a clear reason than a mixed one', () => {
    const clear = classifyReason('价格太高，嫌贵');
    const mixed = classifyReason('价格高，服务也一般');
    expect(clear.cause).toBe('price');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
  });

  it('keeps confidence within [0, 1] and lists the two most probable causes, never unclassified', () => {
    const got = classifyDetailed(LABELLED.map((r) => r.text));
    for (const c of got) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      if (c.key === '') continue;
      expect(c.alternatives).toHaveLength(2);
      expect(c.alternatives.map((a) => a.cause)).not.toContain('unclassified');
      expect(c.alternatives[0].confidence).toBeGreaterThanOrEqual(c.alternatives[1].confidence);
      if (c.cause !== 'unclassified') expect(c.alternatives[0]).toEqual({ cause: c.cause, confidence: c.confidence });
    }
  });

  it('answers unclassified below the abstain threshold', () => {
    const { threshold } = shippedModel();
    expect(threshold).toBeGreaterThan(0);
    expect(threshold).toBeLessThan(0.5);
    const texts = [...LABELLED.map((r) => r.text), 'hmm', 'see notes', 'x1', '见备注', 'ok then', 'as discussed'];
    const got = classifyDetailed(texts);
    let below = 0;
    for (const c of got) {
      if (c.confidence >= threshold) continue;
      below++;
      expect(c.cause).toBe('unclassified');
    }
    expect(below).toBeGreaterThan(0);
  });
});

describe('classifyMany', () => {
  it('equals mapping classifyReason, including repeats and variants', () => {
    const texts = [...LABELLED.map((r) => r.text), '太贵', '太贵', ' 太贵 ', '太貴', ''];
    expect(classifyMany(texts)).toEqual(texts.map((t) => classifyReason(t)));
  });

  it('returns independent objects', () => {
    const [a, b] = classifyMany(['太贵', '太贵']);
    a.confidence = 0;
    expect(b.confidence).toBeGreaterThan(0);
    expect(classifyMany(['太贵'])[0].confidence).toBeGreaterThan(0);
  });

  // Speed is measured by npm run bench (tests never assert wall-clock time).
  it('classifies 100,000 repeated reasons through the cache with the same answers', () => {
    const texts = Array.from({ length: 100_000 }, (_, i) => LABELLED[i % LABELLED.length].text);
    const out = classifyMany(texts);
    expect(out).toHaveLength(100_000);
    const single = LABELLED.map((r) => classifyReason(r.text).cause);
    expect(out.every((c, i) => c.cause === single[i % LABELLED.length])).toBe(true);
  });
});

describe('the shipped model', () => {
  it('covers every cause and fits the size budget', () => {
    const m = shippedModel();
    expect([...m.classes]).toEqual(CAUSES.map((c) => c.id));
    expect(m.q.length).toBe(m.dim * m.classes.length);
    expect(m.q.byteLength).toBeLessThanOrEqual(400 * 1024);
    expect(shippedModel()).toBe(m); // decoded once
  });
});

const telcoUrl = new URL('../../../../shared/data/telco-ibm-reasons.csv', import.meta.url);
const telcoPath = fileURLToPath(telcoUrl);
const hasTelco = existsSync(telcoPath);
if (!hasTelco) console.warn(`SKIPPED: telco reasons test, ${telcoPath} not found`);

describe.skipIf(!hasTelco)('classifyReason: IBM telco churn reasons', () => {
  const expected: Record<string, CauseId> = {
    'Attitude of support person': 'service-quality',
    'Attitude of service provider': 'service-quality',
    'Service dissatisfaction': 'service-quality',
    'Poor expertise of online support': 'service-quality',
    'Poor expertise of phone support': 'service-quality',
    'Competitor offered higher download speeds': 'competitor',
    'Competitor offered more data': 'competitor',
    'Competitor made better offer': 'competitor',
    'Competitor had better devices': 'competitor',
    'Price too high': 'price',
    'Extra data charges': 'price',
    'Long distance charges': 'price',
    'Lack of affordable download/upload speed': 'price',
    'Product dissatisfaction': 'product',
    'Network reliability': 'product',
    'Limited range of services': 'product',
    'Lack of self-service on Website': 'product',
    Moved: 'customer-circumstances',
    Deceased: 'customer-circumstances',
    "Don't know": 'unclassified',
  };

  it('maps every distinct reason in the file to the expected cause', () => {
    const res = Papa.parse<Record<string, string>>(readFileSync(telcoPath, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    const distinct = [...new Set(res.data.map((r) => (r['Churn Reason'] ?? '').trim()))].filter((t) => t !== '');
    expect(distinct.length).toBeGreaterThan(10);
    expect(new Set(distinct)).toEqual(new Set(Object.keys(expected)));
    for (const text of distinct) expect([text, classifyReason(text).cause]).toEqual([text, expected[text]]);
  });
});
