// Findings in words: the 3–6 sentences that open the Overview and the report, and the one
// sentence saying what the data allows. Pure: Analysis → sentence keys and typed parameters
// (findings, dataScope), then → text in a locale (findingText, scopeText); the wording is in i18n.
//
// Rules, in the order the sentences appear:
//   headline      churned of customers, and the revenue lost (or: nobody churned)
//   topCauses     the largest stated causes (≤ 3, each ≥ 5% but the first): share of churned
//                 customers and of revenue lost
//   unclassified  ≥ 20% of churned customers have a written reason no cause fits
//   controllable  the controllable share against the ~90% benchmark: near (±5 points), above, below
//   where         the segment/region (any breakdown but the rep) whose churn rate is highest, against
//                 the rest: two-proportion z-test, Bonferroni-corrected for the groups and columns
//                 compared; said as a difference only when p < 0.05, else as "no significant difference"
//   survivalBy    else, lifetimes by the survival grouping when its log-rank p < 0.05
//   rep           the departed rep followed by the most churn within the window (≥ 3 customers and
//                 ≥ 10% of the rep's book), with the total that followed any departure
//   atRisk        active customers with warning signs, and the revenue at stake
// At most six: the "no significant difference" sentence goes first, then the unclassified one.
import { formatNumber, formatPercent, intlTag, type Locale, translate } from '../i18n';
import { causeName } from './causes/taxonomy';
import { twoProportionTest } from './churn/proportion';
import type { Analysis } from './types';

export const MAX_FINDINGS = 6;
export const SIGNIFICANCE = 0.05;
/** Within this many points of the benchmark, the controllable share is "in line" with it. */
export const NEAR_BENCHMARK = 0.05;
export const TOP_CAUSES = 3;
export const MIN_CAUSE_SHARE = 0.05;
export const UNCLASSIFIED_NOTE = 0.2;
export const MIN_REP_CLUSTER = 3;
export const MIN_REP_SHARE = 0.1;

export type FindingId = 'noChurn' | 'headline' | 'topCauses' | 'unclassified' | 'controllable' | 'where' | 'survivalBy' | 'rep' | 'atRisk';

/** A sentence parameter, typed so each locale formats it its own way. */
export type Value =
  | { kind: 'count'; value: number }
  | { kind: 'share'; value: number; digits?: number }
  | { kind: 'money'; value: number }
  | { kind: 'p'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'texts'; value: string[] }
  | { kind: 'causes'; value: { id: string; share: number }[] };

export interface Finding {
  id: FindingId;
  /** Message key in i18n. */
  key: string;
  params: Record<string, Value>;
  /** What the sentence is about: a chart id ('causes', 'survival'…) or a panel ('reps', 'at-risk', 'reasons', 'breakdown:<key>', 'kpis'). */
  target: string;
}

const count = (value: number): Value => ({ kind: 'count', value });
const share = (value: number, digits?: number): Value => (digits === undefined ? { kind: 'share', value } : { kind: 'share', value, digits });
const money = (value: number): Value => ({ kind: 'money', value });
const text = (value: string): Value => ({ kind: 'text', value });

/** Causes the user or the data stated (not only inferred), largest first, unclassified left out. */
function statedCauses(a: Analysis) {
  return a.causes.filter((c) => c.id !== 'unclassified' && c.customers > (c.inferred ?? 0));
}

function headline(a: Analysis): Finding {
  if (a.customers.churned === 0) return { id: 'noChurn', key: 'findings.noChurn', params: { asOf: text(a.asOf) }, target: 'kpis' };
  const revenue = a.revenue.lost > 0;
  // With no dates in the data, "by <today>" would claim a date the data does not have.
  const dated = a.definition.asOfSource !== 'today';
  return {
    id: 'headline',
    key: `findings.${dated ? 'headline' : 'headlineToday'}${revenue ? '' : 'NoRevenue'}`,
    params: {
      churned: count(a.customers.churned),
      customers: count(a.customers.total),
      rate: share(a.customers.churnRate),
      asOf: text(a.asOf),
      ...(revenue ? { lost: money(a.revenue.lost) } : {}),
    },
    target: a.churnByMonth.length > 0 ? 'churnByMonth' : 'kpis',
  };
}

function topCauses(a: Analysis): Finding | null {
  const top = statedCauses(a)
    .slice(0, TOP_CAUSES)
    .filter((c, k) => k === 0 || c.share >= MIN_CAUSE_SHARE);
  if (top.length === 0) return null;
  const lost = a.causes.reduce((s, c) => s + c.revenue, 0);
  const revenue = lost > 0;
  const many = top.length > 1;
  return {
    id: 'topCauses',
    key: `findings.topCauses.${many ? 'many' : 'one'}${revenue ? '' : 'NoRevenue'}`,
    params: {
      causes: { kind: 'causes', value: top.map((c) => ({ id: c.id, share: c.share })) },
      share: share(top.reduce((s, c) => s + c.share, 0)),
      ...(revenue ? { revenueShare: share(top.reduce((s, c) => s + c.revenue, 0) / lost) } : {}),
    },
    target: 'causes',
  };
}

function unclassified(a: Analysis): Finding | null {
  const u = a.causes.find((c) => c.id === 'unclassified');
  const written = a.reasons.filter((r) => r.cause === 'unclassified').reduce((s, r) => s + r.customers, 0);
  if (!u || written === 0 || a.customers.churned === 0) return null;
  const sh = written / a.customers.churned;
  if (sh < UNCLASSIFIED_NOTE) return null;
  return { id: 'unclassified', key: 'findings.unclassified', params: { count: count(written), share: share(sh) }, target: 'reasons' };
}

function controllable(a: Analysis): Finding | null {
  if (a.controllableShare === null || statedCauses(a).length === 0) return null;
  const diff = a.controllableShare - a.benchmark.controllable;
  const where = Math.abs(diff) <= NEAR_BENCHMARK ? 'near' : diff > 0 ? 'above' : 'below';
  return {
    id: 'controllable',
    key: `findings.controllable.${where}`,
    params: { share: share(a.controllableShare), benchmark: share(a.benchmark.controllable, 0) },
    target: 'controllable',
  };
}

export interface GroupTest {
  key: string;
  label: string;
  group: string;
  rate: number;
  restRate: number;
  /** p of the z-test, times the number of comparisons made (capped at 1). */
  pAdjusted: number;
  /** Groups compared in this column. */
  groups: number;
}

/**
 * For each breakdown column but the rep's, its highest-churning ranked group against all other
 * customers of the column. The p-values are Bonferroni-corrected for the ranked groups of the
 * column (the highest was picked among them) and for the columns tested.
 */
export function groupTests(a: Analysis): GroupTest[] {
  const items = a.breakdowns.items.filter((i) => i.key !== 'rep' && i.groups.filter((g) => !g.small).length >= 2);
  return items.map((item) => {
    const ranked = item.groups.filter((g) => !g.small);
    const top = ranked.reduce((m, g) => (g.churnRate > m.churnRate ? g : m), ranked[0]);
    const n = item.groups.reduce((s, g) => s + g.customers, 0);
    const x = item.groups.reduce((s, g) => s + g.churned, 0);
    const restN = n - top.customers;
    const restX = x - top.churned;
    const test = restN > 0 ? twoProportionTest(top.churned, top.customers, restX, restN) : { z: 0, pValue: 1 };
    return {
      key: item.key,
      label: item.label,
      group: top.group,
      rate: top.churnRate,
      restRate: restN > 0 ? restX / restN : 0,
      pAdjusted: Math.min(1, test.pValue * ranked.length * items.length),
      groups: ranked.length,
    };
  });
}

function where(a: Analysis): Finding | null {
  const tests = groupTests(a);
  if (tests.length === 0) return null;
  const best = tests.reduce((m, t) => (t.pAdjusted < m.pAdjusted ? t : m), tests[0]);
  const params = {
    group: text(best.group),
    column: text(best.label),
    rate: share(best.rate),
    rest: share(best.restRate),
    p: { kind: 'p', value: best.pAdjusted } as Value,
  };
  if (best.pAdjusted < SIGNIFICANCE && best.rate > best.restRate) {
    return {
      id: 'where',
      key: 'findings.where.significant',
      params: { ...params, groups: count(best.groups * tests.length) },
      target: `breakdown:${best.key}`,
    };
  }
  return {
    id: 'where',
    key: 'findings.where.none',
    params: { ...params, columns: { kind: 'texts', value: tests.map((t) => t.label) } },
    target: `breakdown:${best.key}`,
  };
}

function survivalBy(a: Analysis): Finding | null {
  const by = a.survival.by;
  if (!by || by.groups.length < 2 || !(by.logRank.pValue < SIGNIFICANCE)) return null;
  return {
    id: 'survivalBy',
    key: 'findings.survivalBy',
    params: { column: text(by.label), p: { kind: 'p', value: by.logRank.pValue } },
    target: 'survival',
  };
}

function rep(a: Analysis): Finding | null {
  const r = a.reps;
  const top = r.departed.find((d) => d.churnedAfter >= MIN_REP_CLUSTER && d.share >= MIN_REP_SHARE);
  if (!top) return null;
  return {
    id: 'rep',
    key: top.basis === 'roster' ? 'findings.rep.roster' : 'findings.rep.implied',
    params: {
      rep: text(top.rep),
      count: count(top.churnedAfter),
      customers: count(top.customers),
      share: share(top.share),
      days: count(r.windowDays),
      date: text(top.left),
      total: count(r.afterRepLeft.customers),
      totalShare: share(r.afterRepLeft.share),
    },
    target: 'reps',
  };
}

function atRisk(a: Analysis): Finding | null {
  const r = a.atRisk;
  if (r.customers === 0 || a.customers.active === 0) return null;
  const active = a.revenue.total - a.revenue.lost;
  if (r.revenue > 0 && active > 0) {
    return {
      id: 'atRisk',
      key: 'findings.atRisk',
      params: { customers: count(r.customers), revenue: money(r.revenue), share: share(r.revenue / active) },
      target: 'at-risk',
    };
  }
  return {
    id: 'atRisk',
    key: 'findings.atRiskNoRevenue',
    params: { customers: count(r.customers), share: share(r.customers / a.customers.active) },
    target: 'at-risk',
  };
}

/** The findings of an analysis, in reading order (at most MAX_FINDINGS). */
export function findings(a: Analysis): Finding[] {
  const first = headline(a);
  if (first.id === 'noChurn') return [first, ...[atRisk(a)].filter((f): f is Finding => f !== null)];
  const w = where(a);
  const list = [
    first,
    topCauses(a),
    unclassified(a),
    controllable(a),
    w,
    w?.key === 'findings.where.significant' ? null : survivalBy(a),
    rep(a),
    atRisk(a),
  ].filter((f): f is Finding => f !== null);
  const dropFirst = (pred: (f: Finding) => boolean) => {
    const k = list.findIndex(pred);
    if (k >= 0) list.splice(k, 1);
  };
  if (list.length > MAX_FINDINGS) dropFirst((f) => f.key === 'findings.where.none');
  if (list.length > MAX_FINDINGS) dropFirst((f) => f.id === 'unclassified');
  return list.slice(0, MAX_FINDINGS);
}

export interface ScopePart {
  key: string;
  params: Record<string, Value>;
}

const KIND_ORDER = ['customers', 'orders', 'staff'] as const;

/**
 * What the data allows, as the parts of one sentence: the files, how churn is decided, whether
 * there are reasons, revenue and dates, each missing one with what would add it.
 */
export function dataScope(a: Analysis): ScopePart[] {
  const kinds = KIND_ORDER.filter((k) => a.inputs.some((i) => i.kind === k));
  const parts: ScopePart[] = [];
  if (kinds.length) {
    parts.push({
      key: kinds.length === 1 ? 'scope.only' : 'scope.kinds',
      params: { kinds: { kind: 'texts', value: kinds.map((k) => `scope.kind.${k}`) } },
    });
  }
  const mode = a.definition.mode;
  parts.push({ key: `scope.basis.${mode}`, params: { days: count(a.definition.inactiveDays) } });
  if (mode !== 'none') {
    const written = a.reasons.reduce((s, r) => s + r.customers, 0);
    if (written === 0) {
      if (!statedCauses(a).length) parts.push({ key: 'scope.noReasons', params: {} });
    } else if (!statedCauses(a).length) parts.push({ key: 'scope.reasonsUnclassified', params: {} });
    else if (a.customers.churned > 0) parts.push({ key: 'scope.reasons', params: { share: share(written / a.customers.churned) } });
  }
  if (!(a.revenue.total > 0)) parts.push({ key: 'scope.noRevenue', params: {} });
  if (a.definition.asOfSource === 'today') parts.push({ key: 'scope.noDates', params: { asOf: text(a.asOf) } });
  return parts;
}

/** p as a comparison, two significant digits: "p = 0.012", "p < 0.001" (the same in every locale). */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}

/** A cause's name as the reader sees it: the user's own name, else the taxonomy's. */
const causeLabel = (a: Analysis, id: string, locale: Locale) => a.taxonomy?.find((e) => e.id === id)?.name ?? causeName(id, locale);

const list = (items: string[], locale: Locale) => new Intl.ListFormat(intlTag(locale), { style: 'long', type: 'conjunction' }).format(items);

function formatValue(v: Value, a: Analysis, locale: Locale): string {
  switch (v.kind) {
    case 'count':
    case 'money':
      return formatNumber(locale, v.value);
    case 'share':
      return formatPercent(locale, v.value, v.digits ?? 1);
    case 'p':
      return formatPValue(v.value);
    case 'text':
      return v.value;
    case 'texts':
      return list(
        v.value.map((s) => (s.startsWith('scope.kind.') ? translate(locale, s) : s)),
        locale,
      );
    case 'causes':
      return v.value.length === 1
        ? causeLabel(a, v.value[0].id, locale)
        : list(
            v.value.map((c) =>
              translate(locale, 'findings.causeShare', { cause: causeLabel(a, c.id, locale), share: formatPercent(locale, c.share) }),
            ),
            locale,
          );
  }
}

function render(key: string, params: Record<string, Value>, a: Analysis, locale: Locale): string {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(params)) out[name] = formatValue(v, a, locale);
  return translate(locale, key, out);
}

export const findingText = (f: Finding, a: Analysis, locale: Locale): string => render(f.key, f.params, a, locale);

/** The scope as one sentence in the locale. */
export function scopeText(a: Analysis, locale: Locale): string {
  const parts = dataScope(a).map((p) => render(p.key, p.params, a, locale));
  return translate(locale, 'scope.sentence', { parts: parts.join(translate(locale, 'scope.join')) });
}
