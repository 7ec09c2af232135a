// Findings in words (core/findings.ts): which sentences an analysis gets, their numbers and their
// wording in three languages, on hand-made analyses (every rule and threshold) and on real files:
// the sample and the dashboard fixtures (tests/fixtures/dashboard/).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { causeName } from '../../src/core/causes/taxonomy';
import { twoProportionTest } from '../../src/core/churn/proportion';
import { dataScope, type Finding, findings, findingText, formatPValue, groupTests, scopeText } from '../../src/core/findings';
import { ingestBytes } from '../../src/core/ingest/index';
import { type Analysis, DEFAULT_SETTINGS } from '../../src/core/types';
import { formatPercent, hasMessage, type Locale, LOCALES } from '../../src/i18n';
import { base } from './analysis-fixture';

const texts = (a: Analysis, l: Locale = 'en') => findings(a).map((f) => findingText(f, a, l));
const ids = (a: Analysis) => findings(a).map((f) => f.id);
const byId = (a: Analysis, id: Finding['id'], l: Locale = 'en') => {
  const f = findings(a).find((x) => x.id === id);
  return f ? findingText(f, a, l) : undefined;
};

describe('two-proportion z-test', () => {
  it('matches the normal tail: 60/100 against 40/100 is z = 2√2, p = erfc(2)', () => {
    const t = twoProportionTest(60, 100, 40, 100);
    expect(t.z).toBeCloseTo(2 * Math.SQRT2, 12);
    expect(t.pValue).toBeCloseTo(0.004677734981047266, 12);
  });

  it('is symmetric, and gives p = 1 when nothing varies', () => {
    expect(twoProportionTest(40, 100, 60, 100).z).toBeCloseTo(-2 * Math.SQRT2, 12);
    expect(twoProportionTest(0, 10, 0, 20)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionTest(10, 10, 20, 20)).toEqual({ z: 0, pValue: 1 });
  });

  it('throws on counts that are not proportions', () => {
    expect(() => twoProportionTest(11, 10, 1, 2)).toThrow(RangeError);
    expect(() => twoProportionTest(1, 0, 1, 2)).toThrow(RangeError);
  });

  it('formats p with two significant digits, and small p as a bound', () => {
    expect([0.31, 0.04, 0.0046777, 0.00099, 1].map(formatPValue)).toEqual(['p = 0.31', 'p = 0.04', 'p = 0.0047', 'p < 0.001', 'p = 1']);
  });
});

describe('findings on a hand-made analysis', () => {
  it('gives the six sentences of the base fixture, in order, with their numbers and charts', () => {
    const input = structuredClone(base);
    const list = findings(base);
    expect(list.map((f) => [f.id, f.target])).toEqual([
      ['headline', 'churnByMonth'],
      ['topCauses', 'causes'],
      ['controllable', 'controllable'],
      ['where', 'breakdown:region'],
      ['survivalBy', 'survival'],
      ['atRisk', 'at-risk'],
    ]);
    expect(texts(base)).toEqual([
      '4 of 10 customers (40.0%) had churned by 2024-03-31, taking 300 of revenue with them.',
      'The top causes are Price (50.0%) and Customer circumstances (25.0%): together 75.0% of churned customers and 86.7% of the revenue lost.',
      'Only 66.7% of the churn with a known cause was controllable, below the ~90% benchmark: reasons such as “moved” or “closed down” often hide a controllable cause, so check them before blaming the market.',
      // North 10/25 against the rest 9/33: z = 1.02, p = 0.306, ×2 groups compared.
      'Churn does not differ significantly by Region: the highest rate, North at 40.0% against 27.3% elsewhere, is within chance (p = 0.61, corrected for the comparisons).',
      'How long customers stay differs by Region (log-rank test, p = 0.04).',
      '1 active customers show warning signs (silent, or ordering less), with 120 of revenue at stake: 17.1% of the revenue of active customers.',
    ]);
    expect(base).toEqual(input);
  });

  it('writes the same findings in Simplified and Traditional Chinese, with 佔 and not 占 in Traditional', () => {
    expect(texts(base, 'zh-Hans').slice(0, 2)).toEqual([
      '截至 2024-03-31，10 个客户中有 4 个流失（40.0%），流失营收 300。',
      '主要流失原因是价格（50.0%）和客户自身原因（25.0%）：合计占流失客户的 75.0%，占流失营收的 86.7%。',
    ]);
    expect(texts(base, 'zh-Hant').slice(0, 2)).toEqual([
      '截至 2024-03-31，10 個客戶中有 4 個流失（40.0%），流失營收 300。',
      `主要流失原因是${causeName('price', 'zh-Hant')}（50.0%）和${causeName('customer-circumstances', 'zh-Hant')}（25.0%）：合計佔流失客戶的 75.0%，佔流失營收的 86.7%。`,
    ]);
    expect(texts(base, 'zh-Hant').join('')).not.toContain('占');
  });

  it('uses only message keys every language has', () => {
    const variants: Analysis[] = [
      base,
      noRevenue(base),
      { ...base, customers: { ...base.customers, churned: 0 } },
      significant(base),
      withRep(base, 3, 10),
    ];
    for (const a of variants) for (const f of findings(a)) expect(hasMessage(f.key), f.key).toBe(true);
    for (const l of LOCALES) for (const a of variants) for (const t of texts(a, l)) expect(t).not.toMatch(/\{\w+\}/);
  });

  it('places the controllable share against the benchmark: in line within 5 points, else above or below', () => {
    const at = (share: number) => findings({ ...base, controllableShare: share }).find((f) => f.id === 'controllable')!.key;
    expect([0.851, 0.9, 0.949, 0.96, 0.84].map(at)).toEqual([
      'findings.controllable.near',
      'findings.controllable.near',
      'findings.controllable.near',
      'findings.controllable.above',
      'findings.controllable.below',
    ]);
    expect(byId({ ...base, controllableShare: 0.96 }, 'controllable')).toBe(
      '96.0% of the churn with a known cause was controllable, above the ~90% benchmark: nearly every loss was within reach.',
    );
  });

  it('says a group churns most only when the difference is significant after correction', () => {
    const a = significant(base);
    expect(byId(a, 'where')).toBe(
      'Churn is highest in North (Region): 60.0% against 20.0% in the other groups, a real difference (p < 0.001, corrected for 2 comparisons).',
    );
    expect(byId(a, 'where', 'zh-Hans')).toBe('Region为“North”的客户流失率最高：60.0%，其他分组为 20.0%，差异显著（p < 0.001，已按 2 次比较校正）。');
    // A significant group difference is the "where" sentence: the survival one is not added.
    expect(ids(a)).not.toContain('survivalBy');
    // The same rates on a tenth of the customers: p = 0.068 before correction, not significant.
    const small = withRegion(base, [
      { group: 'North', customers: 10, churned: 6 },
      { group: 'South', customers: 10, churned: 2 },
    ]);
    expect(findings(small).find((f) => f.id === 'where')!.key).toBe('findings.where.none');
  });

  it('corrects for every group and column compared (Bonferroni)', () => {
    const a = significant(base);
    const [t] = groupTests(a);
    const raw = twoProportionTest(60, 100, 20, 100).pValue;
    expect(t).toMatchObject({ key: 'region', group: 'North', rate: 0.6, restRate: 0.2, groups: 2 });
    expect(t.pAdjusted).toBeCloseTo(raw * 2, 15);
    // The rep column is never tested: its story is the rep-turnover sentence.
    const withRepColumn = {
      ...a,
      breakdowns: { ...a.breakdowns, items: [...a.breakdowns.items, { ...a.breakdowns.items[0], key: 'rep', label: 'Rep' }] },
    };
    expect(groupTests(withRepColumn)).toHaveLength(1);
  });

  it('names a rep whose departure preceded at least 3 losses and 10% of the book', () => {
    expect(byId(withRep(base, 3, 30), 'rep')).toBe(
      `3 of Bob's 30 customers (10.0%) churned within 90 days of the rep leaving on 2024-01-31; in all, 1 churned customers (25.0% of churn) followed a departing rep.`,
    );
    expect(byId(withRep(base, 2, 10), 'rep')).toBeUndefined();
    expect(byId(withRep(base, 3, 31), 'rep')).toBeUndefined();
    const implied = withRep(base, 5, 10);
    implied.reps.departed[0].basis = 'implied';
    expect(byId(implied, 'rep', 'zh-Hant')).toBe(
      'Bob約在 2024-01-31 離開（沒有員工名單，依客戶最後活動推斷），此後 90 天內其 10 個客戶中有 5 個流失（50.0%）；合計有 1 個流失客戶（佔流失的 25.0%）在業務員離職後流失。',
    );
  });

  it('leaves revenue out of every sentence when the data has none', () => {
    const a = noRevenue(base);
    expect(byId(a, 'headline')).toBe('4 of 10 customers (40.0%) had churned by 2024-03-31.');
    expect(byId(a, 'topCauses')).toBe('The top causes are Price (50.0%) and Customer circumstances (25.0%): together 75.0% of churned customers.');
    expect(byId(a, 'atRisk')).toBe('1 active customers (16.7% of them) show warning signs: silent, or ordering less.');
    expect(texts(a).join(' ')).not.toMatch(/revenue/);
  });

  it('does not date the headline when the as-of date is only today (no dates in the data)', () => {
    const a = { ...base, definition: { ...base.definition, asOfSource: 'today' as const } };
    expect(byId(a, 'headline')).toBe('4 of 10 customers (40.0%) have churned, taking 300 of revenue with them.');
  });

  it('has no cause sentences when causes were only inferred, and flags reasons no cause fits', () => {
    const inferredOnly = {
      ...base,
      causes: [
        { id: 'unclassified', controllable: null, customers: 3, share: 0.75, revenue: 100 },
        { id: 'staff-turnover', controllable: true, customers: 1, share: 0.25, revenue: 200, inferred: 1 },
      ],
      controllableShare: 1,
    };
    expect(ids(inferredOnly)).not.toContain('topCauses');
    expect(ids(inferredOnly)).not.toContain('controllable');
    const vague = {
      ...base,
      reasons: [{ text: 'other', customers: 1, cause: 'unclassified', confidence: 0, revenue: 40, overridden: false, repLeft: 0 }],
    };
    expect(byId(vague, 'unclassified')).toBe(
      '1 churned customers (25.0%) gave a reason that no cause fits yet: assigning causes to them would sharpen this picture.',
    );
  });

  it('keeps at most six sentences, dropping "no significant difference" first, then the unclassified one', () => {
    const vague = {
      ...base,
      reasons: [{ text: 'other', customers: 1, cause: 'unclassified', confidence: 0, revenue: 40, overridden: false, repLeft: 0 }],
    };
    // Eight apply: headline, causes, unclassified, controllable, where (none), survival, rep, at risk.
    const eight = withRep(vague, 3, 10);
    expect(ids(eight)).toEqual(['headline', 'topCauses', 'controllable', 'survivalBy', 'rep', 'atRisk']);
    // Seven: without the rep, only the "no significant difference" sentence goes.
    expect(ids(vague)).toEqual(['headline', 'topCauses', 'unclassified', 'controllable', 'survivalBy', 'atRisk']);
  });

  it('says so when nobody churned', () => {
    const a = { ...base, customers: { total: 10, churned: 0, active: 10, churnRate: 0 } };
    expect(texts(a)[0]).toBe('No customer had churned by 2024-03-31 under the churn rule in force.');
  });
});

describe('what the data allows', () => {
  it('names the files, the churn rule and what is missing with its fix', () => {
    const a: Analysis = {
      ...noRevenue(base),
      inputs: [
        {
          file: 'o.csv',
          kind: 'orders',
          rows: 9,
          encoding: 'utf-8',
          delimiter: ',',
          roles: {},
          skipped: { title: 0, blank: 0, totals: 0, repeatedHeader: 0 },
        },
      ],
      definition: { ...base.definition, mode: 'inactivity' },
      causes: [{ id: 'unclassified', controllable: null, customers: 4, share: 1, revenue: 0 }],
      controllableShare: null,
    };
    expect(scopeText(a, 'en')).toBe(
      'What the data allows: an order log only; churn by inactivity (no order for 90 days); no reasons, so the causes need a reason column or a second file with them; no revenue, so revenue lost, value tiers and revenue at stake need a revenue or order-amount column.',
    );
    expect(scopeText(a, 'zh-Hant')).toBe(
      '這份資料能做什麼：只有訂單明細；依不活躍判斷流失（90 天沒有下單）；沒有流失原因，分析原因需要一個原因欄位，或另一個含原因的檔案；沒有營收，流失營收、價值分層和涉及營收需要營收欄位或訂單金額欄位。',
    );
    expect(dataScope({ ...a, definition: { ...a.definition, mode: 'none' } }).map((p) => p.key)).toEqual([
      'scope.only',
      'scope.basis.none',
      'scope.noRevenue',
    ]);
  });
});

// ---- real files ----------------------------------------------------------------------------

const read = (dir: URL, name: string, as = name) => ingestBytes(as, readFileSync(new URL(name, dir)));
const SAMPLE = new URL('../../src/sample/', import.meta.url);
const DASH = new URL('../fixtures/dashboard/', import.meta.url);

/** The top-causes sentence as the rule builds it from the analysis' own cause table (the classifier may move a reason). */
function expectedTopCauses(a: Analysis, revenue: boolean): string {
  const top = a.causes
    .filter((c) => c.id !== 'unclassified' && c.customers > (c.inferred ?? 0))
    .slice(0, 3)
    .filter((c, k) => k === 0 || c.share >= 0.05);
  const names = new Intl.ListFormat('en-US', { type: 'conjunction' }).format(
    top.map((c) => `${causeName(c.id, 'en')} (${formatPercent('en', c.share)})`),
  );
  const share = formatPercent(
    'en',
    top.reduce((s, c) => s + c.share, 0),
  );
  const lost = a.causes.reduce((s, c) => s + c.revenue, 0);
  const rev = formatPercent('en', top.reduce((s, c) => s + c.revenue, 0) / lost);
  return revenue
    ? `The top causes are ${names}: together ${share} of churned customers and ${rev} of the revenue lost.`
    : `The top causes are ${names}: together ${share} of churned customers.`;
}

describe('findings on the sample (customers, orders, staff)', () => {
  const a = analyze(
    [
      read(SAMPLE, 'customers.csv', 'sample-customers.csv'),
      read(SAMPLE, 'orders.csv', 'sample-orders.csv'),
      read(SAMPLE, 'staff.csv', 'sample-staff.csv'),
    ],
    DEFAULT_SETTINGS,
  );

  it('gives six sentences: churn, causes, the benchmark, no regional story, a rep, the customers at risk', () => {
    expect(ids(a)).toEqual(['headline', 'topCauses', 'controllable', 'where', 'rep', 'atRisk']);
    const t = texts(a);
    expect(t[0]).toBe('848 of 3,000 customers (28.3%) had churned by 2024-12-31, taking 70,738,444 of revenue with them.');
    expect(t[1]).toBe(expectedTopCauses(a, true));
    expect(t[3]).toBe(
      'Churn does not differ significantly by 行业 and 区域: the highest rate, 食品加工 at 31.0% against 28.1% elsewhere, is within chance (p = 1, corrected for the comparisons).',
    );
    expect(t[4]).toBe(
      `34 of 赵俊杰's 176 customers (19.3%) churned within 90 days of the rep leaving on 2024-06-28; in all, 91 churned customers (10.7% of churn) followed a departing rep.`,
    );
    expect(t[5]).toBe(
      '818 active customers show warning signs (silent, or ordering less), with 172,079,979 of revenue at stake: 37.7% of the revenue of active customers.',
    );
  });

  it('says what the data allows', () => {
    expect(scopeText(a, 'en')).toMatch(
      /^What the data allows: a customer list, an order log, and a staff roster; churn as the status column records it; reasons written for \d+\.\d% of churned customers\.$/,
    );
  });
});

describe('findings on an order log without reasons', () => {
  const a = analyze([read(DASH, 'no-reasons.csv')], DEFAULT_SETTINGS);

  it('has no cause sentence, finds the region that churns most and the rep whose customers left', () => {
    expect(texts(a)).toEqual([
      '67 of 160 customers (41.9%) had churned by 2024-12-30, taking 310,784 of revenue with them.',
      'Churn is highest in North (Region): 72.0% against 28.2% in the other groups, a real difference (p < 0.001, corrected for 4 comparisons).',
      `20 of Dee's 20 customers (100.0%) churned within 90 days of 2024-06-18, when the rep appears to have left (no staff roster, so inferred); in all, 20 churned customers (29.9% of churn) followed a departing rep.`,
      '13 active customers show warning signs (silent, or ordering less), with 93,797 of revenue at stake: 10.7% of the revenue of active customers.',
    ]);
    expect(scopeText(a, 'en')).toBe(
      'What the data allows: an order log only; churn by inactivity (no order for 90 days); no reasons, so the causes need a reason column or a second file with them.',
    );
  });
});

describe('findings on a customer list without revenue', () => {
  const a = analyze([read(DASH, 'no-revenue.csv')], DEFAULT_SETTINGS);

  it('never mentions revenue, and finds no significant difference between segments or regions', () => {
    const t = texts(a);
    expect(ids(a)).toEqual(['headline', 'topCauses', 'controllable', 'where']);
    expect(t[0]).toBe('79 of 200 customers (39.5%) had churned by 2024-12-31.');
    expect(t[1]).toBe(expectedTopCauses(a, false));
    expect(t[3]).toBe(
      'Churn does not differ significantly by Segment and Region: the highest rate, Online at 48.6% against 34.6% elsewhere, is within chance (p = 0.32, corrected for the comparisons).',
    );
    expect(t.join(' ')).not.toMatch(/revenue/);
    expect(scopeText(a, 'en')).toBe(
      'What the data allows: a customer list only; churn as the status column records it; reasons written for 100.0% of churned customers; no revenue, so revenue lost, value tiers and revenue at stake need a revenue or order-amount column.',
    );
  });
});

describe('findings on a customer list without dates', () => {
  const a = analyze([read(DASH, 'no-dates.csv')], DEFAULT_SETTINGS);

  it('does not date the churn, and says the figures are as of today', () => {
    expect(a.definition.asOfSource).toBe('today');
    expect(texts(a)[0]).toBe('30 of 120 customers (25.0%) have churned, taking 784,701 of revenue with them.');
    expect(scopeText(a, 'en')).toContain(`no dates, so the figures are as of today (${a.asOf}) and nothing can be drawn over time.`);
  });
});

// ---- helpers ----

function noRevenue(a: Analysis): Analysis {
  return {
    ...a,
    revenue: { total: 0, lost: 0 },
    causes: a.causes.map((c) => ({ ...c, revenue: 0 })),
    atRisk: { ...a.atRisk, revenue: 0, list: a.atRisk.list.map((c) => ({ ...c, revenue: 0 })) },
  };
}

function withRegion(a: Analysis, groups: { group: string; customers: number; churned: number }[]): Analysis {
  return {
    ...a,
    breakdowns: {
      ...a.breakdowns,
      items: [
        {
          key: 'region',
          label: 'Region',
          groups: groups.map((g, k) => ({ ...g, churnRate: g.churned / g.customers, revenue: 0, lostRevenue: 0, small: false, rank: k + 1 })),
        },
      ],
    },
  };
}

function significant(a: Analysis): Analysis {
  return withRegion(a, [
    { group: 'North', customers: 100, churned: 60 },
    { group: 'South', customers: 100, churned: 20 },
  ]);
}

function withRep(a: Analysis, churnedAfter: number, customers: number): Analysis {
  return {
    ...a,
    reps: {
      ...a.reps,
      departed: [
        {
          rep: 'Bob',
          left: '2024-01-31',
          basis: 'roster',
          customers,
          churned: churnedAfter,
          churnedAfter,
          share: churnedAfter / customers,
          lostRevenue: 200,
        },
      ],
    },
  };
}
