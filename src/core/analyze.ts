// The analysis pipeline, from parsed files to one plain, serialisable Analysis. It runs in two
// halves so a settings change never re-reads the data: prepare() once per load or role change,
// analyzePrepared() on every settings change (well under 100 ms for 100,000 customers).
//
//   ParsedFile[] ─1─► CustomerModel (join on id; orders sorted per customer)      prepare()
//   ──────────────────────────────────────────────────────────────────────────  analyzePrepared()
//   ─2─► asOf ─3─► activity on asOf ─4─► churn state ─5─► KPIs
//        (last purchase, revenue,       (definition) ─6─► rep turnover (who left after their rep did)
//         last/prior 90 days)                        ─7─► cause of each churned customer (uses 6)
//                                                         ─► causes, reasons, cross-tabs, lost customers
//                                                    ─8─► churn by month × cause
//                                                    ─9─► cohorts (month | quarter; logo, unbounded, revenue)
//                                                    ─10► survival (Kaplan–Meier; by group + log-rank)
//                                                    ─11► breakdowns by segment, region, rep, any column
//                                                    ─12► value tiers ─13► at-risk customers
//        (step 4 reads each status value as the user's mapping, else the lexicon, says)      ─14► questions
import { effectiveTaxonomy } from './causes/edits';
import { causeCrosstab, causeTable, reasonTable } from './causes/table';
import { BENCHMARK } from './causes/taxonomy';
import { type Activity, activityAsOf } from './churn/activity';
import { attributeCauses, type CauseAttribution } from './churn/attribution';
import { breakdown, type Categorical, encode, MIN_GROUP_SIZE } from './churn/breakdown';
import { cohortsFromSpan, cohortTable } from './churn/cohorts';
import { type ChurnState, decideChurn } from './churn/definition';
import { dayLabel, lastDayOfPeriod, monthIndexOfDay, periodLabel, periodOfMonth } from './churn/periods';
import { repTurnover } from './churn/reps';
import { atRiskCustomers, RISK_WINDOW_DAYS } from './churn/risk';
import { kaplanMeier, survivalByGroup } from './churn/survival';
import { valueTiers } from './churn/tiers';
import { churnTimeline } from './churn/timeline';
import { isoDay, parseIsoDay } from './dates';
import { diagnose } from './diagnose/questions';
import { resolveStatus } from './diagnose/status';
import { decideTenureUnit, type TenureDecision } from './diagnose/tenure';
import type { Profile } from './ingest/profile';
import { withKind } from './ingest/roles';
import { asSummaryFile, summaryActivity, summaryCohorts, summaryNote, summaryOf, withSummaries } from './ingest/summary';
import { buildCustomerModel, type CustomerModel } from './model/customers';
import { checkedSettings } from './settings';
import { type Analysis, type CohortPeriod, type InputSummary, type LostCustomer, type ParsedFile, type Role, ROLES, type Settings } from './types';

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

/** Columns a breakdown can use, resolved once per model. */
interface ColumnChoice {
  key: string;
  label: string;
  values: readonly string[];
}

/** The data side of an analysis: everything that does not depend on settings other than roles. */
export interface Prepared {
  files: ParsedFile[];
  model: CustomerModel;
  /** Categorical columns offered for breakdowns: the rep / region / segment roles, then other text columns. */
  options: ColumnChoice[];
  /** Dictionary-encoded columns, filled on first use (the model never changes). */
  encoded: Map<string, Categorical>;
  /** Period index of each purchase row and of each customer's start, per period kind, filled on first use. */
  periods: Map<CohortPeriod, { orders: Int32Array; start: Int32Array }>;
  /** Recent step results keyed by the settings they depend on, so a change re-runs only what it affects. */
  memo: Map<string, unknown>;
  /** Column profiles the questions read, by file and column, filled on first use. */
  profiles: Map<string, Profile>;
}

/** The step's result for these inputs, computed once while it stays among the recent ones. */
function memo<T>(p: Prepared, key: string, run: () => T): T {
  if (p.memo.has(key)) return p.memo.get(key) as T;
  if (p.memo.size >= 24) p.memo.clear();
  const v = run();
  p.memo.set(key, v);
  return v;
}

const ATTRIBUTE_ROLES = ['segment', 'region', 'rep'] as const;
/**
 * A column with any role is read for that role (identifiers, numbers, dates and free text; the
 * attribute roles and reasonCategory have breakdowns of their own): never an extra category.
 */
const NOT_A_CATEGORY: ReadonlySet<string> = new Set(ROLES);
const MAX_CATEGORIES = 50;

function distinctWithin(values: readonly string[], max: number): number {
  const seen = new Set<string>();
  for (const v of values) {
    if (v === '') continue;
    seen.add(v);
    if (seen.size > max) return Infinity;
  }
  return seen.size;
}

function columnOptions(files: ParsedFile[], m: CustomerModel): ColumnChoice[] {
  const out: ColumnChoice[] = [];
  for (const role of ATTRIBUTE_ROLES) {
    const values = m[role];
    if (!values.some((v) => v !== '')) continue;
    const f = files.find((x) => x.roles[role] !== undefined);
    out.push({ key: role, label: f ? f.header[f.roles[role]!] : role, values });
  }
  // The coarse category of the churn reason (Churn Category, 流失类别): a breakdown of its own.
  if (m.reasonCategory?.some((v) => v !== '')) {
    const f = files.find((x) => x.roles.reasonCategory !== undefined);
    out.push({ key: 'reasonCategory', label: f ? f.header[f.roles.reasonCategory!] : 'reasonCategory', values: m.reasonCategory });
  }
  for (const c of m.columns) {
    if (c.role && NOT_A_CATEGORY.has(c.role)) continue;
    const k = distinctWithin(c.values, MAX_CATEGORIES);
    if (k >= 2 && k < m.n) out.push({ key: c.label, label: c.label, values: c.values });
  }
  return out;
}

/** A groupBy / survivalBy entry: a role name, else a header name (case-insensitive), else null. */
function resolveColumn(p: Prepared, key: string): ColumnChoice | null {
  const want = key.trim().toLowerCase();
  const option = p.options.find((o) => o.key.toLowerCase() === want || o.label.toLowerCase() === want);
  if (option) return option;
  if ((ATTRIBUTE_ROLES as readonly string[]).includes(key)) return null; // role absent from the data
  const c = p.model.columns.find((x) => x.label.toLowerCase() === want || x.role === key);
  if (!c) return null;
  const attr = ATTRIBUTE_ROLES.find((r) => r === c.role);
  return { key, label: c.label, values: attr ? p.model[attr] : c.values };
}

function encoded(p: Prepared, c: ColumnChoice): Categorical {
  let e = p.encoded.get(c.label);
  if (!e) p.encoded.set(c.label, (e = encode(c.values)));
  return e;
}

/** Step 1, once per load or role change: role overrides, the customer model, the column choices. */
export function prepare(parsed: ParsedFile[], settings: Pick<Settings, 'roleOverrides' | 'kindOverrides'> = {}): Prepared {
  const files = parsed.map(
    (f) => asSummaryFile(f) ?? applyRoleOverrides(withKind(f, settings.kindOverrides?.[f.file]), settings.roleOverrides?.[f.file]),
  );
  // A customer summary (SQL of core/sql, run elsewhere) stands in for its order log: ingest/summary.ts.
  const model = withSummaries(buildCustomerModel(files.filter((f) => !summaryOf(f))), files);
  return { files, model, options: columnOptions(files, model), encoded: new Map(), periods: new Map(), memo: new Map(), profiles: new Map() };
}

function resolveAsOf(settings: Settings, m: CustomerModel): { day: number; source: Analysis['definition']['asOfSource'] } {
  if (settings.asOf) {
    const d = parseIsoDay(settings.asOf);
    if (d === null) throw new Error(`bad asOf: ${settings.asOf}`);
    return { day: d, source: 'setting' };
  }
  if (!Number.isNaN(m.maxDay)) return { day: m.maxDay, source: 'data' };
  // No dates at all (e.g. a tenure-only list): the analysis is as of today.
  return { day: Math.floor(Date.now() / 86_400_000), source: 'today' };
}

function periodsOf(p: Prepared, period: CohortPeriod): { orders: Int32Array; start: Int32Array } {
  let c = p.periods.get(period);
  if (!c) {
    const m = p.model;
    const month = m.orders?.month ?? new Int32Array(0);
    const orders = period === 'month' ? month : month.map((x) => periodOfMonth(x, period));
    p.periods.set(period, (c = { orders, start: startPeriods(m.startDay, period) }));
  }
  return c;
}

/** Period index of each customer's start day, -1 when unknown; the months of the days spanned looked up in a table. */
function startPeriods(startDay: Float64Array, period: CohortPeriod): Int32Array {
  const n = startDay.length;
  const out = new Int32Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = startDay[i];
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const first = Math.floor(lo);
  const span = Math.floor(hi) - first + 1;
  const table = span > 0 && span <= 1 << 16 ? new Int32Array(span) : null;
  if (table) for (let k = 0; k < span; k++) table[k] = periodOfMonth(monthIndexOfDay(first + k), period);
  for (let i = 0; i < n; i++) {
    const d = startDay[i];
    if (Number.isNaN(d)) out[i] = -1;
    else out[i] = table ? table[Math.floor(d) - first] : periodOfMonth(monthIndexOfDay(d), period);
  }
  return out;
}

function cohorts(p: Prepared, s: ChurnState, act: Activity, asOf: number, period: CohortPeriod): Analysis['cohorts'] {
  const m = p.model;
  const carried = summaryCohorts(m, asOf, period); // the matrix a customer summary carries
  if (carried) return carried;
  const asOfP = periodOfMonth(monthIndexOfDay(asOf), period);
  const incomplete = asOf < lastDayOfPeriod(asOfP, period);
  const label = (x: number) => periodLabel(x, period);
  const pre = periodsOf(p, period);
  const first = new Int32Array(m.n);
  for (let i = 0; i < m.n; i++) first[i] = s.included[i] ? pre.start[i] : -1;
  const base = { period, incompletePeriod: incomplete ? label(asOfP) : null };
  const incompleteFrom = (length: number) => (incomplete ? length - 1 : null);
  const o = m.orders;
  if (o && o.n > 0) {
    const t = cohortTable(first, { start: o.start, period: pre.orders, amount: o.amount, day: o.day, until: asOf }, asOfP, label);
    const rows = t.rows.map((r, j) => {
      const rev = t.revenue[j];
      return {
        ...r,
        unbounded: t.unbounded[j],
        revenueRetention: rev[0] > 0 ? rev.map((v) => v / rev[0]) : null,
        revenueBase: rev[0],
        incompleteFrom: incompleteFrom(r.retention.length),
      };
    });
    return { ...base, basis: 'orders', rows };
  }
  if (m.has.lastOrder) {
    const last = new Int32Array(m.n);
    for (let i = 0; i < m.n; i++) {
      const d = act.lastDay[i];
      last[i] = Number.isNaN(d) ? -1 : periodOfMonth(monthIndexOfDay(d), period);
    }
    const rows = cohortsFromSpan(first, last, asOfP, label).map((r) => ({
      ...r,
      // "Still active k periods later" already is the k-or-later measure.
      unbounded: r.retention,
      revenueRetention: null,
      revenueBase: 0,
      incompleteFrom: incompleteFrom(r.retention.length),
    }));
    return { ...base, basis: 'lastOrder', rows };
  }
  return { ...base, basis: 'none', rows: [] };
}

/** Duration per customer (NaN = not in the estimate) and event flag. */
function durations(m: CustomerModel, s: ChurnState, asOf: number): { t: Float64Array; e: Uint8Array } {
  const t = new Float64Array(m.n).fill(NaN);
  for (let i = 0; i < m.n; i++) {
    if (!s.included[i]) continue;
    const d = m.has.tenure ? m.tenure[i] : (s.churned[i] ? s.endDay[i] : asOf) - m.startDay[i];
    if (d >= 0) t[i] = d;
  }
  return { t, e: s.churned };
}

function survival(p: Prepared, s: ChurnState, asOf: number, by: string | undefined, tenure: TenureDecision | null): Analysis['survival'] {
  const m = p.model;
  const { t, e } = durations(m, s, asOf);
  const km = kaplanMeier(t, e);
  const overall = {
    // Durations are the tenure column in its own unit, else days.
    unit: m.has.tenure ? (tenure?.unit ?? 'month') : ('day' as const),
    curve: km.curve,
    median: km.median,
    medianLower: km.medianLower,
    medianUpper: km.medianUpper,
  };
  let column: ColumnChoice | null = null;
  if (by !== undefined && by !== 'none') column = resolveColumn(p, by);
  else if (by === undefined) {
    column = ATTRIBUTE_ROLES.map((r) => p.options.find((o) => o.key === r)).find((o) => o !== undefined && distinctWithin(o.values, 1) > 1) ?? null;
  }
  if (!column) return { ...overall, by: null };
  const cat = encoded(p, column);
  const g = survivalByGroup(cat.codes, cat.labels, t, e);
  return { ...overall, by: { key: column.key, label: column.label, ...g } };
}

function breakdowns(p: Prepared, s: ChurnState, act: Activity, groupBy: string[] | undefined): Analysis['breakdowns'] {
  const keys = groupBy ?? p.options.filter((o) => (ATTRIBUTE_ROLES as readonly string[]).includes(o.key)).map((o) => o.key);
  const items: Analysis['breakdowns']['items'] = [];
  for (const key of keys) {
    const c = resolveColumn(p, key);
    if (!c || items.some((x) => x.label === c.label)) continue;
    items.push({ key, label: c.label, groups: breakdown(encoded(p, c), s.included, s.churned, act.revenue) });
  }
  return { minGroupSize: MIN_GROUP_SIZE, options: p.options.map((o) => ({ key: o.key, label: o.label })), items };
}

/** Step 7's outputs: the cause tables over the resolved churned customers. */
/** One row per churned customer, with the cause given and where it came from. */
function lostCustomers(m: CustomerModel, s: ChurnState, att: CauseAttribution): LostCustomer[] {
  const r = att.resolved;
  return Array.from(att.index, (i, k) => ({
    id: m.ids[i],
    name: m.name[i],
    reason: att.reasons[k],
    cause: r.cause[k],
    source: r.source[k],
    confidence: r.confidence[k],
    revenue: att.revenue[k],
    rep: m.rep[i],
    segment: m.segment[i],
    region: m.region[i],
    churnDate: Number.isNaN(s.endDay[i]) ? '' : dayLabel(s.endDay[i]),
  }));
}

function causeViews(m: CustomerModel, s: ChurnState, att: CauseAttribution, settings: Settings, withLost: boolean) {
  const r = att.resolved;
  const table = causeTable(r, att.revenue, settings.causeEdits);
  const pick = (values: readonly string[]) => Array.from(att.index, (i) => values[i]);
  const causeBy = ATTRIBUTE_ROLES.filter((d) => m[d].some((v) => v !== '')).map((dimension) => ({
    dimension,
    rows: causeCrosstab(pick(m[dimension]), r, att.revenue),
  }));
  const lost = withLost ? lostCustomers(m, s, att) : undefined;
  return {
    causes: table.causes,
    controllableShare: table.controllableShare,
    reasons: reasonTable(att.reasons, r, att.revenue, att.repLeft),
    taxonomy: effectiveTaxonomy(settings.causeEdits),
    causeBy,
    lost,
  };
}

/** Steps 2–13: every analysis of a prepared model under these settings. */
/** Points per survival-by-group curve in a page-sized analysis (the overall curve is kept whole). */
export const GROUP_CURVE_POINTS = 300;

/** Evenly spaced points of a long curve, first and last kept: enough to draw it. */
function thin<T>(curve: T[], max: number): T[] {
  if (curve.length <= max) return curve;
  const step = (curve.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, k) => curve[Math.round(k * step)]);
}

function pageSized(sv: Analysis['survival'], full: boolean): Analysis['survival'] {
  if (full || !sv.by) return sv;
  return { ...sv, by: { ...sv.by, groups: sv.by.groups.map((g) => ({ ...g, curve: thin(g.curve, GROUP_CURVE_POINTS) })) } };
}

/** How many at-risk customers a page-sized analysis carries (the count and revenue cover all). */
export const AT_RISK_PREVIEW = 100;

/**
 * Every analysis from the prepared model. With `full: false` (the page on a settings change) the
 * per-customer lists are left out or cut: `lost` (one row per churned customer) is omitted and
 * `atRisk.list` keeps its top AT_RISK_PREVIEW, survival-by-group curves are thinned to
 * GROUP_CURVE_POINTS; building and posting them whole on every change would
 * cost more than all the statistics together. The page asks for the full analysis to export.
 */
export function analyzePrepared(p: Prepared, settings: Settings, opts: { full?: boolean } = {}): Analysis {
  settings = checkedSettings(settings); // defaults and checks in one place (core/settings.ts)
  const full = opts.full !== false;
  const m = p.model;
  const inactiveDays = settings.inactiveDays;
  const { day: asOf, source } = resolveAsOf(settings, m); // 2
  const act = memo(p, `activity|${asOf}`, () => summaryActivity(m, asOf) ?? activityAsOf(m, asOf, RISK_WINDOW_DAYS)); // 3
  const st = resolveStatus(m, settings);
  const s = decideChurn(m, asOf, inactiveDays, { requested: settings.churnMode, lastDay: act.lastDay, status: st.status }); // 4
  const tenure = decideTenureUnit(m.tenureSource, settings);
  let total = 0;
  let churned = 0;
  let revenueTotal = 0;
  let revenueLost = 0;
  for (let i = 0; i < m.n; i++) {
    if (!s.included[i]) continue;
    total++;
    revenueTotal += act.revenue[i];
    if (s.churned[i]) {
      churned++;
      revenueLost += act.revenue[i];
    }
  } // 5
  const windowDays = settings.repWindowDays ?? 90;
  const reps = repTurnover({
    rep: m.rep,
    included: s.included,
    churned: s.churned,
    endDay: s.endDay,
    endIsChurnDate: s.endIsChurnDate,
    lastDay: act.lastDay,
    revenue: act.revenue,
    staff: m.staff,
    asOf,
    windowDays,
  }); // 6
  const attribution = attributeCauses(m, s, act.revenue, reps.afterRepLeft, settings); // 7
  const views = causeViews(m, s, attribution, settings, full);
  let stated = 0;
  let unclassified = 0;
  attribution.resolved.source.forEach((src, k) => {
    if (src !== 'stated') return;
    stated++;
    if (attribution.resolved.cause[k] === 'unclassified') unclassified++;
  });
  const found = diagnose({
    files: p.files,
    model: m,
    settings,
    state: s,
    customers: { total, churned },
    status: st.report,
    tenure,
    reasons: { stated, unclassified },
    profiles: p.profiles,
  }); // 14
  const excludedIssues = [...st.excluded.byFile].map(([file, e]) => ({
    code: 'status-excluded',
    file,
    params: { prospect: e.prospect, ignore: e.ignore },
  }));
  return {
    version: 1,
    asOf: isoDay(asOf),
    inputs: p.files.map(summarizeInput),
    definition: {
      mode: s.mode,
      inactiveDays,
      reason: s.reason,
      requested: s.requested,
      asOfSource: source,
      available: s.available,
    },
    customers: { total, churned, active: total - churned, churnRate: total ? churned / total : 0 },
    revenue: { total: revenueTotal, lost: revenueLost },
    causes: views.causes,
    controllableShare: views.controllableShare,
    benchmark: { ...BENCHMARK },
    reasons: views.reasons,
    taxonomy: views.taxonomy,
    causeBy: views.causeBy,
    ...(views.lost ? { lost: views.lost } : {}),
    churnByMonth: churnTimeline(attribution, s.endDay, act.revenue), // 8
    // Cohorts depend on asOf alone (who exists, who bought when); survival also on the churn state.
    // The user's status mapping changes who is a customer: it is part of both keys.
    cohorts: memo(p, `cohorts|${asOf}|${settings.period ?? 'month'}|${st.key}`, () => cohorts(p, s, act, asOf, settings.period ?? 'month')), // 9
    survival: pageSized(
      memo(p, `survival|${asOf}|${inactiveDays}|${s.mode}|${settings.survivalBy ?? ''}|${st.key}|${tenure?.unit ?? ''}`, () =>
        survival(p, s, asOf, settings.survivalBy, tenure),
      ),
      full,
    ), // 10
    unattributed: { ...m.unattributed },
    breakdowns: breakdowns(p, s, act, settings.groupBy), // 11
    tiers: valueTiers(s.included, s.churned, act.revenue, settings.tiers), // 12
    reps: {
      source: reps.source,
      windowDays,
      afterRepLeft: { customers: reps.customers, share: churned ? reps.customers / churned : 0, revenue: reps.revenue },
      departed: reps.departed,
    },
    atRisk: atRiskCustomers(m, s, act, asOf, inactiveDays, full ? Infinity : AT_RISK_PREVIEW), // 13
    issues: [...p.files.flatMap((f) => f.issues), ...m.issues, ...excludedIssues, ...found.issues],
    questions: found.questions,
    ...(st.report.length ? { statusValues: st.report } : {}),
    ...(st.excluded.prospect || st.excluded.ignore ? { excluded: { prospect: st.excluded.prospect, ignore: st.excluded.ignore } } : {}),
    ...(tenure ? { tenure } : {}),
    ...summaryNote(p.files),
  };
}

/** Run every analysis over the parsed inputs. Pure: same inputs and settings, same Analysis. */
export function analyze(parsed: ParsedFile[], settings: Settings): Analysis {
  return analyzePrepared(prepare(parsed, settings), settings);
}
