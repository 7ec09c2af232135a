// Cause resolution and the cause tables, on hand-checked churned customers.
import { describe, expect, it } from 'vitest';
import { classifyDetailed } from '../../../src/core/causes/classify';
import { controllableOf, effectiveTaxonomy, newCauseId, resolveMerge } from '../../../src/core/causes/edits';
import { resolveCauses } from '../../../src/core/causes/resolve';
import { causeCrosstab, causeTable, reasonTable, reviewQueue } from '../../../src/core/causes/table';
import type { ReasonRow } from '../../../src/core/types';

const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
const reasons = ['太贵了', '太贵了', '被竞争对手挖走', '', '', 'moved abroad'];
const revenue = [100, 50, 30, 20, 10, 5];
const repLeft = [0, 0, 0, 1, 0, 0];

describe('resolveCauses', () => {
  it('classifies stated reasons and infers staff turnover only where no reason was written', () => {
    const r = resolveCauses({ ids, reasons, repLeft }, {});
    expect(r.cause).toEqual(['price', 'price', 'competitor', 'staff-turnover', 'unclassified', 'customer-circumstances']);
    expect(r.source).toEqual(['stated', 'stated', 'stated', 'inferred', 'none', 'stated']);
  });

  it('applies customer overrides over reason overrides over the classifier', () => {
    const r = resolveCauses(
      { ids, reasons, repLeft },
      { reasonOverrides: { 太贵了: 'product' }, customerOverrides: { B: 'harsh-policy', D: 'no-contact' } },
    );
    expect(r.cause.slice(0, 4)).toEqual(['product', 'harsh-policy', 'competitor', 'no-contact']);
    expect(r.source.slice(0, 4)).toEqual(['reason', 'customer', 'stated', 'customer']);
    expect(r.confidence[0]).toBe(1);
  });

  it('treats ids and texts like "constructor" as data', () => {
    const r = resolveCauses({ ids: ['constructor', 'toString'], reasons: ['constructor', ''] }, { reasonOverrides: {}, customerOverrides: {} });
    expect(r.source).toEqual(['stated', 'none']);
  });

  it('follows merges, also chained ones, and survives a cycle', () => {
    const edits = { mergedInto: { price: 'competitor', competitor: 'custom-market' } };
    expect(resolveMerge('price', edits)).toBe('custom-market');
    expect(resolveMerge('product', edits)).toBe('product');
    expect(resolveMerge('a', { mergedInto: { a: 'b', b: 'a' } })).toBe('a');
    const r = resolveCauses({ ids, reasons }, { causeEdits: edits });
    expect(r.cause.slice(0, 3)).toEqual(['custom-market', 'custom-market', 'custom-market']);
  });
});

describe('causeTable', () => {
  it('counts customers, shares, revenue and inferred customers per cause', () => {
    const t = causeTable(resolveCauses({ ids, reasons, repLeft }, {}), revenue);
    expect(t.causes).toEqual([
      { id: 'price', controllable: true, customers: 2, share: 2 / 6, revenue: 150, inferred: 0 },
      { id: 'competitor', controllable: true, customers: 1, share: 1 / 6, revenue: 30, inferred: 0 },
      { id: 'staff-turnover', controllable: true, customers: 1, share: 1 / 6, revenue: 20, inferred: 1 },
      { id: 'unclassified', controllable: null, customers: 1, share: 1 / 6, revenue: 10, inferred: 0 },
      { id: 'customer-circumstances', controllable: false, customers: 1, share: 1 / 6, revenue: 5, inferred: 0 },
    ]);
    // 4 controllable, 1 uncontrollable; unclassified left out.
    expect(t.controllableShare).toBe(0.8);
  });

  it('uses the flags the user set, for built-in and added causes', () => {
    const edits = {
      controllable: { 'customer-circumstances': true },
      added: [{ id: 'custom-x', controllable: false }],
      names: { 'custom-x': 'Regulation' },
    };
    const r = resolveCauses({ ids, reasons }, { causeEdits: edits, customerOverrides: { A: 'custom-x' } });
    const t = causeTable(r, revenue, edits);
    expect(t.causes.find((c) => c.id === 'custom-x')?.controllable).toBe(false);
    expect(t.causes.find((c) => c.id === 'customer-circumstances')?.controllable).toBe(true);
    // Controllable: B price, C competitor, F (flipped); uncontrollable: A (custom-x).
    expect(t.controllableShare).toBe(3 / 4);
  });

  it('is empty without churned customers', () => {
    expect(causeTable(resolveCauses({ ids: [], reasons: [] }, {}), [])).toEqual({ causes: [], controllableShare: null });
  });
});

describe('reasonTable and causeCrosstab', () => {
  it('has one row per distinct text and cause, with overrides, rep evidence and the two likeliest causes', () => {
    const r = resolveCauses({ ids, reasons, repLeft: [1, 0, 0, 0, 0, 0] }, { customerOverrides: { B: 'product' } });
    const alt = (k: number) => r.alternatives![k];
    expect(alt(0).map((a) => a.cause)[0]).toBe('price');
    expect(reasonTable(reasons, r, revenue, [1, 0, 0, 0, 0, 0])).toEqual([
      {
        text: 'moved abroad',
        customers: 1,
        cause: 'customer-circumstances',
        confidence: r.confidence[5],
        revenue: 5,
        overridden: false,
        repLeft: 0,
        alternatives: alt(5),
      },
      {
        text: '太贵了',
        customers: 1,
        cause: 'price',
        confidence: r.confidence[0],
        revenue: 100,
        overridden: false,
        repLeft: 1,
        alternatives: alt(0),
      },
      { text: '太贵了', customers: 1, cause: 'product', confidence: 1, revenue: 50, overridden: false, repLeft: 0, alternatives: alt(1) },
      {
        text: '被竞争对手挖走',
        customers: 1,
        cause: 'competitor',
        confidence: r.confidence[2],
        revenue: 30,
        overridden: false,
        repLeft: 0,
        alternatives: alt(2),
      },
    ]);
  });

  it('crosses groups with causes', () => {
    const r = resolveCauses({ ids, reasons }, {});
    expect(causeCrosstab(['N', 'N', 'S', 'S', '', 'N'], r, revenue)).toEqual([
      { group: '', cause: 'unclassified', customers: 1, revenue: 10 },
      { group: 'N', cause: 'price', customers: 2, revenue: 150 },
      { group: 'N', cause: 'customer-circumstances', customers: 1, revenue: 5 },
      { group: 'S', cause: 'competitor', customers: 1, revenue: 30 },
      { group: 'S', cause: 'unclassified', customers: 1, revenue: 20 },
    ]);
  });
});

describe('reviewQueue', () => {
  const row = (text: string, confidence: number, revenue: number, extra: Partial<ReasonRow> = {}): ReasonRow => ({
    text,
    customers: 1,
    cause: 'price',
    confidence,
    revenue,
    overridden: false,
    repLeft: 0,
    alternatives: [],
    ...extra,
  });

  it('lists the uncertain reasons, most revenue at stake first, without the decided ones', () => {
    const rows = [
      row('a', 0.9, 500),
      row('b', 0.4, 100),
      row('c', 0.3, 300),
      row('d', 0.2, 300, { customers: 2 }),
      row('e', 0.1, 900, { overridden: true }),
      row('f', 0.1, 800, { follows: 'x' }),
    ];
    expect(reviewQueue(rows, 0.5).map((r) => r.text)).toEqual(['d', 'c', 'b']);
    expect(reviewQueue(rows, 0.3).map((r) => r.text)).toEqual(['d']);
    expect(rows.map((r) => r.text)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']); // not mutated
  });

  it('queues the reasons the classifier could not read', () => {
    // A reason the model is unsure of (the first of these below 0.9); 太贵了 is above it.
    const vague = ['hmm', 'ok then', 'as discussed', 'x1', 'see above'].find((t) => classifyDetailed([t])[0].confidence < 0.9)!;
    expect(vague).toBeDefined();
    const r = resolveCauses({ ids: ['A', 'B'], reasons: ['太贵了', vague] }, {});
    const queue = reviewQueue(reasonTable(['太贵了', vague], r, [10, 20]), 0.9);
    expect(queue.map((q) => q.text)).toEqual([vague]);
    expect(queue[0].alternatives).toHaveLength(2);
  });
});

describe('churn-category hints', () => {
  it('classifies the hint when the reason is empty or says nothing', () => {
    const r = resolveCauses(
      {
        ids: ['A', 'B', 'C', 'D', 'E'],
        reasons: ['', '其他', '', '', ''],
        hints: ['Competitor', 'Price', 'Other', '', 'Attitude'],
        repLeft: [0, 0, 1, 0, 0],
      },
      {},
    );
    expect(r.cause).toEqual(['competitor', 'price', 'staff-turnover', 'unclassified', 'service-quality']);
    expect(r.source).toEqual(['hint', 'hint', 'inferred', 'none', 'hint']);
  });

  it('settles an ambiguous reason, leaves a clear one alone', () => {
    // Mixed reasons; the first whose two likeliest causes are within a factor 2.5 of each other.
    const mixed = ['pricey, slow delivery', '服务差，价格也高', '价格贵，态度差', '贵而且发货慢', 'price high, service poor'];
    const ambiguous = classifyDetailed(mixed).find((c) => c.alternatives[0].confidence < 2.5 * c.alternatives[1].confidence);
    expect(ambiguous).toBeDefined();
    const [first, second] = ambiguous!.alternatives.map((a) => a.cause);
    const hintFor: Record<string, string> = {
      price: 'Price',
      'service-quality': 'Attitude',
      'service-negligence': '发货慢',
      competitor: 'Competitor',
    };
    const text = mixed.find((t) => classifyDetailed([t])[0] === ambiguous)!;
    const plain = resolveCauses({ ids: ['A'], reasons: [text] }, {});
    const nudged = resolveCauses({ ids: ['A'], reasons: [text], hints: [hintFor[second]] }, {});
    expect([plain.cause[0], nudged.cause[0], nudged.source[0]]).toEqual([first, second, 'stated']);
    // Clear reasons keep their cause whatever the hint says.
    const clear = resolveCauses({ ids: ['A', 'B'], reasons: ['expensive and rude staff', '业务员离职了'], hints: ['Price', 'Dissatisfaction'] }, {});
    expect(clear.cause).toEqual(['service-quality', 'staff-turnover']);
  });

  it('gives way to the user and to a corrected reason', () => {
    const r = resolveCauses(
      { ids: ['A', 'B'], reasons: ['', '太贵了'], hints: ['Competitor', 'Competitor'] },
      { customerOverrides: { A: 'no-contact' }, reasonOverrides: { 太贵了: 'product' } },
    );
    expect(r.cause).toEqual(['no-contact', 'product']);
    expect(r.source).toEqual(['customer', 'reason']);
  });
});

describe('taxonomy edits', () => {
  it('lists causes after edits: merged ones gone, added ones in, names kept as typed', () => {
    const t = effectiveTaxonomy({
      names: { price: '价格/报价', 'custom-gov': '政策变化' },
      added: [{ id: 'custom-gov', controllable: false }],
      mergedInto: { 'harsh-policy': 'small-customer-neglect' },
    });
    expect(t.find((e) => e.id === 'harsh-policy')).toBeUndefined();
    expect(t.find((e) => e.id === 'price')).toEqual({ id: 'price', controllable: true, name: '价格/报价', builtin: true });
    expect(t.at(-1)).toEqual({ id: 'custom-gov', controllable: false, name: '政策变化', builtin: false });
    expect(t).toHaveLength(13);
  });

  it('makes distinct ids for added causes', () => {
    expect(newCauseId('Regulation change', [])).toBe('custom-regulation-change');
    expect(newCauseId('政策', ['custom-cause'])).toBe('custom-cause-2');
    expect(controllableOf('no-such-cause', undefined)).toBeNull();
  });
});
