// Tables over churned customers once each has a cause: by cause, by reason text, by group.
import * as aq from 'arquero';
import type { CauseShareRow } from '../types';
import { controllableOf, type CauseEdits } from './edits';
import type { ResolvedCauses } from './resolve';

export interface CauseTable {
  causes: CauseShareRow[];
  /** controllable / (controllable + uncontrollable); unclassified left out. */
  controllableShare: number | null;
}

/** Customers and lost revenue per cause, largest first (ties: revenue, then id). */
export function causeTable(r: ResolvedCauses, revenue: readonly number[], edits?: CauseEdits): CauseTable {
  const churned = r.cause.length;
  const inferred = r.source.map((s) => (s === 'inferred' ? 1 : 0));
  const rows = aq
    .table({ cause: r.cause, revenue, inferred })
    .groupby('cause')
    .rollup({ customers: aq.op.count(), revenue: aq.op.sum('revenue'), inferred: aq.op.sum('inferred') })
    .orderby(aq.desc('customers'), aq.desc('revenue'), 'cause')
    .objects() as { cause: string; customers: number; revenue: number; inferred: number }[];
  const causes = rows.map((c) => ({
    id: c.cause,
    controllable: controllableOf(c.cause, edits),
    customers: c.customers,
    share: churned ? c.customers / churned : 0,
    revenue: c.revenue,
    inferred: c.inferred,
  }));
  let ctrl = 0;
  let unctrl = 0;
  for (const c of causes) {
    if (c.controllable === true) ctrl += c.customers;
    else if (c.controllable === false) unctrl += c.customers;
  }
  return { causes, controllableShare: ctrl + unctrl > 0 ? ctrl / (ctrl + unctrl) : null };
}

export interface ReasonRow {
  text: string;
  customers: number;
  cause: string;
  confidence: number;
  revenue: number;
  /** The user chose this reason's cause. */
  overridden: boolean;
  /** Customers with this reason who left within the window after their rep did. */
  repLeft: number;
}

/**
 * One row per distinct reason text (customers with their own override are counted under the
 * cause they were given, so a text can appear once per cause).
 */
export function reasonTable(
  texts: readonly string[],
  r: ResolvedCauses,
  revenue: readonly number[],
  repLeft?: ArrayLike<number>,
): ReasonRow[] {
  const keep: number[] = [];
  for (let i = 0; i < texts.length; i++) if (texts[i].trim()) keep.push(i);
  const t = aq.table({
    text: keep.map((i) => texts[i].trim()),
    cause: keep.map((i) => r.cause[i]),
    confidence: keep.map((i) => r.confidence[i]),
    revenue: keep.map((i) => revenue[i]),
    overridden: keep.map((i) => (r.source[i] === 'reason' ? 1 : 0)),
    repLeft: keep.map((i) => (repLeft?.[i] ? 1 : 0)),
  });
  return (
    t
      .groupby('text', 'cause')
      .rollup({
        customers: aq.op.count(),
        revenue: aq.op.sum('revenue'),
        confidence: aq.op.max('confidence'),
        overridden: aq.op.max('overridden'),
        repLeft: aq.op.sum('repLeft'),
      })
      .orderby(aq.desc('customers'), 'text', 'cause')
      .objects() as (Omit<ReasonRow, 'overridden'> & { overridden: number })[]
  ).map((x) => ({
    text: x.text,
    customers: x.customers,
    cause: x.cause,
    confidence: x.confidence,
    revenue: x.revenue,
    overridden: x.overridden === 1,
    repLeft: x.repLeft,
  }));
}

export interface CrosstabRow {
  group: string;
  cause: string;
  customers: number;
  revenue: number;
}

/** Churned customers and lost revenue per (group, cause); customers without a group are "". */
export function causeCrosstab(groups: readonly string[], r: ResolvedCauses, revenue: readonly number[]): CrosstabRow[] {
  return aq
    .table({ group: groups.map((g) => g.trim()), cause: r.cause, revenue })
    .groupby('group', 'cause')
    .rollup({ customers: aq.op.count(), revenue: aq.op.sum('revenue') })
    .orderby('group', aq.desc('customers'), 'cause')
    .objects() as CrosstabRow[];
}
