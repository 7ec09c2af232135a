// Tables over churned customers once each has a cause: by cause, by reason text, by group.
// Plain loops over the resolved arrays: they run on every settings change, and Map-based
// grouping is several times faster here than building Arquero tables (see FIELD-NOTES).
import type { CauseEdits, CauseShareRow, CrosstabRow, ReasonRow } from '../types';
import { controllableOf } from './edits';
import { normalizeReason } from './normalize';
import type { ResolvedCauses } from './resolve';

export interface CauseTable {
  causes: CauseShareRow[];
  /** controllable / (controllable + uncontrollable); unclassified left out. */
  controllableShare: number | null;
}

const byCustomersThenRevenue = (a: { customers: number; revenue: number }, b: { customers: number; revenue: number }) =>
  b.customers - a.customers || b.revenue - a.revenue;
const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Customers and lost revenue per cause, largest first (ties: revenue, then id). */
export function causeTable(r: ResolvedCauses, revenue: readonly number[], edits?: CauseEdits): CauseTable {
  const churned = r.cause.length;
  const acc = new Map<string, { customers: number; revenue: number; inferred: number }>();
  for (let k = 0; k < churned; k++) {
    let e = acc.get(r.cause[k]);
    if (!e) acc.set(r.cause[k], (e = { customers: 0, revenue: 0, inferred: 0 }));
    e.customers++;
    e.revenue += revenue[k];
    if (r.source[k] === 'inferred') e.inferred++;
  }
  const causes: CauseShareRow[] = [...acc]
    .map(([id, e]) => ({
      id,
      controllable: controllableOf(id, edits),
      customers: e.customers,
      share: e.customers / churned,
      revenue: e.revenue,
      inferred: e.inferred,
    }))
    .sort((a, b) => byCustomersThenRevenue(a, b) || codeOrder(a.id, b.id));
  let ctrl = 0;
  let unctrl = 0;
  for (const c of causes) {
    if (c.controllable === true) ctrl += c.customers;
    else if (c.controllable === false) unctrl += c.customers;
  }
  return { causes, controllableShare: ctrl + unctrl > 0 ? ctrl / (ctrl + unctrl) : null };
}

/**
 * One row per distinct reason text (customers with their own override are counted under the
 * cause they were given, so a text can appear once per cause).
 */
export function reasonTable(texts: readonly string[], r: ResolvedCauses, revenue: readonly number[], repLeft?: ArrayLike<number>): ReasonRow[] {
  // Text → cause → row, and the rows in the order met; each distinct text trimmed once.
  const acc = new Map<string, Map<string, ReasonRow>>();
  const rows: ReasonRow[] = [];
  const trimmed = new Map<string, string>();
  /** correction key → the texts that follow it */
  const followers = new Map<string, Set<string>>();
  for (let k = 0; k < texts.length; k++) {
    let text = trimmed.get(texts[k]);
    if (text === undefined) trimmed.set(texts[k], (text = texts[k].trim()));
    if (!text) continue;
    let byCause = acc.get(text);
    if (!byCause) acc.set(text, (byCause = new Map<string, ReasonRow>()));
    let e = byCause.get(r.cause[k]);
    if (!e) {
      e = { text, customers: 0, cause: r.cause[k], confidence: 0, revenue: 0, overridden: false, repLeft: 0 };
      e.alternatives = r.alternatives?.[k] ?? [];
      byCause.set(r.cause[k], e);
      rows.push(e);
    }
    e.customers++;
    e.revenue += revenue[k];
    if (r.confidence[k] > e.confidence) e.confidence = r.confidence[k];
    if (r.source[k] === 'reason') e.overridden = true;
    const follows = r.follows?.[k];
    if (r.source[k] === 'similar' && follows) {
      e.follows = follows;
      let set = followers.get(follows);
      if (!set) followers.set(follows, (set = new Set()));
      set.add(text);
    }
    if (repLeft?.[k]) e.repLeft++;
  }
  // Corrected rows: their follower count; followers: the corrected text as the data wrote it.
  const shown = new Map<string, string>();
  for (const e of rows) {
    if (!e.overridden) continue;
    const key = normalizeReason(e.text);
    e.followers = followers.get(key)?.size ?? 0;
    if (!shown.has(key)) shown.set(key, e.text);
  }
  for (const e of rows) if (e.follows !== undefined) e.follows = shown.get(e.follows) ?? e.follows;
  return rows.sort((a, b) => b.customers - a.customers || codeOrder(a.text, b.text) || codeOrder(a.cause, b.cause));
}

/** Reasons the classifier gave less confidence than this go to the review queue. */
export const REVIEW_THRESHOLD = 0.6;

/**
 * "Check the uncertain ones": reasons the classifier gave less than `threshold` confidence, most
 * revenue at stake first (then most customers, then text). Reasons the user decided, directly or
 * through a similar reason, are left out.
 */
export function reviewQueue(rows: readonly ReasonRow[], threshold: number): ReasonRow[] {
  return rows
    .filter((row) => !row.overridden && row.follows === undefined && row.confidence < threshold)
    .sort((a, b) => b.revenue - a.revenue || b.customers - a.customers || codeOrder(a.text, b.text));
}

/** Churned customers and lost revenue per (group, cause); customers without a group are "". */
export function causeCrosstab(groups: readonly string[], r: ResolvedCauses, revenue: readonly number[]): CrosstabRow[] {
  // group → cause → row: no key strings built per customer.
  const acc = new Map<string, Map<string, CrosstabRow>>();
  for (let k = 0; k < groups.length; k++) {
    const group = groups[k];
    let byCause = acc.get(group);
    if (!byCause) acc.set(group, (byCause = new Map<string, CrosstabRow>()));
    let e = byCause.get(r.cause[k]);
    if (!e) byCause.set(r.cause[k], (e = { group: group.trim(), cause: r.cause[k], customers: 0, revenue: 0 }));
    e.customers++;
    e.revenue += revenue[k];
  }
  // Groups that differ only by surrounding spaces are one group.
  const merged = new Map<string, CrosstabRow>();
  for (const byCause of acc.values()) {
    for (const e of byCause.values()) {
      const key = `${e.group}\u0000${e.cause}`;
      const m = merged.get(key);
      if (m) {
        m.customers += e.customers;
        m.revenue += e.revenue;
      } else merged.set(key, e);
    }
  }
  return [...merged.values()].sort((a, b) => codeOrder(a.group, b.group) || b.customers - a.customers || codeOrder(a.cause, b.cause));
}
