// The analysis pipeline, from parsed files to one plain, serialisable Analysis:
//
//   ParsedFile[] ─1─► CustomerModel ─2─► asOf ─3─► churn state ─4─► KPIs
//                      (join on id)                 (definition)   ─5─► causes + reasons (classifier)
//                                                                  ─6─► churn by month
//                                                                  ─7─► cohorts (orders or first/last dates)
//                                                                  ─8─► survival (Kaplan–Meier)
import type { Analysis, InputSummary, LostCustomer, ParsedFile, Role, Settings } from './types';
import { buildCustomerModel, type CustomerModel } from './model/customers';
import { decideChurn, type ChurnState } from './churn/definition';
import { cohortsFromOrders, cohortsFromSpan } from './churn/cohorts';
import { kaplanMeier } from './churn/survival';
import { BENCHMARK } from './causes/taxonomy';
import { resolveCauses } from './causes/resolve';
import { causeCrosstab, causeTable, reasonTable } from './causes/table';
import { effectiveTaxonomy } from './causes/edits';
import { isoDay, monthLabel, monthOfDay, parseIsoDay } from './dates';

export function summarizeInput(f: ParsedFile): InputSummary {
  const roles: Partial<Record<Role, string>> = {};
  for (const [role, c] of Object.entries(f.roles) as [Role, number][]) roles[role] = f.header[c];
  return {
    file: f.file,
    kind: f.kind,
    rows: f.rowCount,
    encoding: f.encoding,
    delimiter: f.delimiter,
    roles,
    skipped: f.skipped,
  };
}

function resolveAsOf(settings: Settings, m: CustomerModel): number {
  if (settings.asOf) {
    const d = parseIsoDay(settings.asOf);
    if (d === null) throw new Error(`bad asOf: ${settings.asOf}`);
    return d;
  }
  if (!Number.isNaN(m.maxDay)) return m.maxDay;
  // No dates at all (e.g. a tenure-only list): the analysis is as of today.
  return Math.floor(Date.now() / 86_400_000);
}

/**
 * Causes of the churned customers: resolved once (overrides, classifier, rep evidence, merges)
 * and shared by every table that needs them. `index[k]` is the customer of churned row k.
 */
function causeBreakdown(m: CustomerModel, s: ChurnState, settings: Settings, repLeft?: ArrayLike<number>) {
  const index: number[] = [];
  for (let i = 0; i < m.n; i++) if (s.churned[i]) index.push(i);
  const texts = index.map((i) => m.reason[i]);
  const revenue = index.map((i) => (Number.isNaN(m.revenue[i]) ? 0 : m.revenue[i]));
  const evidence = repLeft ? index.map((i) => repLeft[i]) : undefined;
  const resolved = resolveCauses({ ids: index.map((i) => m.ids[i]), reasons: texts, repLeft: evidence }, settings);
  const table = causeTable(resolved, revenue, settings.causeEdits);
  const causeBy = (['segment', 'region', 'rep'] as const)
    .filter((d) => index.some((i) => m[d][i] !== ''))
    .map((dimension) => ({ dimension, rows: causeCrosstab(index.map((i) => m[dimension][i]), resolved, revenue) }));
  const lost: LostCustomer[] = index.map((i, k) => ({
    id: m.ids[i],
    name: m.name[i],
    reason: texts[k],
    cause: resolved.cause[k],
    source: resolved.source[k],
    confidence: resolved.confidence[k],
    revenue: revenue[k],
    rep: m.rep[i],
    segment: m.segment[i],
    region: m.region[i],
    churnDate: Number.isNaN(s.endDay[i]) ? '' : isoDay(s.endDay[i]),
  }));
  return {
    index,
    resolved,
    causes: table.causes,
    controllableShare: table.controllableShare,
    reasons: reasonTable(texts, resolved, revenue, evidence),
    taxonomy: effectiveTaxonomy(settings.causeEdits),
    causeBy,
    lost,
  };
}

function churnByMonth(m: CustomerModel, s: ChurnState) {
  const counts = new Map<number, { churned: number; revenue: number }>();
  for (let i = 0; i < m.n; i++) {
    if (!s.churned[i] || Number.isNaN(s.endDay[i])) continue;
    const k = monthOfDay(s.endDay[i]);
    const e = counts.get(k) ?? { churned: 0, revenue: 0 };
    e.churned++;
    if (!Number.isNaN(m.revenue[i])) e.revenue += m.revenue[i];
    counts.set(k, e);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, e]) => ({ month: monthLabel(k), churned: e.churned, revenue: e.revenue }));
}

function cohorts(m: CustomerModel, s: ChurnState, asOf: number): Analysis['cohorts'] {
  const asOfMonth = monthOfDay(asOf);
  const first = new Int32Array(m.n);
  for (let i = 0; i < m.n; i++) {
    const d = m.startDay[i];
    first[i] = s.included[i] && !Number.isNaN(d) ? monthOfDay(d) : -1;
  }
  if (m.orders && m.orders.n > 0) {
    const o = m.orders;
    const month = new Int32Array(o.n);
    for (let k = 0; k < o.n; k++) month[k] = o.day[k] <= asOf ? monthOfDay(o.day[k]) : -1;
    return { period: 'month', basis: 'orders', rows: cohortsFromOrders(first, o.customer, month, asOfMonth) };
  }
  if (m.has.lastOrder) {
    const last = new Int32Array(m.n);
    for (let i = 0; i < m.n; i++) {
      const d = m.lastOrderDay[i];
      last[i] = Number.isNaN(d) ? -1 : monthOfDay(Math.min(d, asOf));
    }
    return { period: 'month', basis: 'lastOrder', rows: cohortsFromSpan(first, last, asOfMonth) };
  }
  return { period: 'month', basis: 'none', rows: [] };
}

function survival(m: CustomerModel, s: ChurnState, asOf: number): Analysis['survival'] {
  const durations: number[] = [];
  const events: number[] = [];
  const useTenure = m.has.tenure;
  for (let i = 0; i < m.n; i++) {
    if (!s.included[i]) continue;
    let t: number;
    if (useTenure) t = m.tenure[i];
    else {
      const end = s.churned[i] ? s.endDay[i] : asOf;
      t = end - m.startDay[i];
    }
    if (Number.isNaN(t) || t < 0) continue;
    durations.push(t);
    events.push(s.churned[i]);
  }
  const km = kaplanMeier(durations, events);
  return { unit: useTenure ? 'month' : 'day', curve: km.curve, median: km.median };
}

/** The user's role choices over the guesses; a column holds at most one role. */
export function applyRoleOverrides(f: ParsedFile, o?: Partial<Record<Role, number | null>>): ParsedFile {
  if (!o) return f;
  const roles = { ...f.roles };
  for (const [role, col] of Object.entries(o) as [Role, number | null][]) {
    delete roles[role];
    if (col === null || col < 0 || col >= f.header.length) continue;
    for (const r of Object.keys(roles) as Role[]) if (roles[r] === col) delete roles[r];
    roles[role] = col;
  }
  return { ...f, roles };
}

/** Run every analysis over the parsed inputs. Pure: same inputs and settings, same Analysis. */
export function analyze(parsed: ParsedFile[], settings: Settings): Analysis {
  const files = parsed.map((f) => applyRoleOverrides(f, settings.roleOverrides?.[f.file]));
  const m = buildCustomerModel(files); // 1
  const asOf = resolveAsOf(settings, m); // 2
  const s = decideChurn(m, asOf, settings.inactiveDays); // 3
  let total = 0;
  let churned = 0;
  let revenueTotal = 0;
  let revenueLost = 0;
  for (let i = 0; i < m.n; i++) {
    if (!s.included[i]) continue;
    total++;
    const r = Number.isNaN(m.revenue[i]) ? 0 : m.revenue[i];
    revenueTotal += r;
    if (s.churned[i]) {
      churned++;
      revenueLost += r;
    }
  } // 4
  const breakdown = causeBreakdown(m, s, settings); // 5
  return {
    version: 1,
    asOf: isoDay(asOf),
    inputs: files.map(summarizeInput),
    definition: { mode: s.mode, inactiveDays: settings.inactiveDays, reason: s.reason },
    customers: { total, churned, active: total - churned, churnRate: total ? churned / total : 0 },
    revenue: { total: revenueTotal, lost: revenueLost },
    causes: breakdown.causes,
    controllableShare: breakdown.controllableShare,
    benchmark: { ...BENCHMARK },
    reasons: breakdown.reasons,
    taxonomy: breakdown.taxonomy,
    causeBy: breakdown.causeBy,
    lost: breakdown.lost,
    churnByMonth: churnByMonth(m, s), // 6
    cohorts: cohorts(m, s, asOf), // 7
    survival: survival(m, s, asOf), // 8
    issues: [...files.flatMap((f) => f.issues), ...m.issues],
  };
}
