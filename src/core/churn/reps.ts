// Rep turnover: churned customers whose churn followed their sales rep's departure.
//
// Departure day L of a rep:
//   roster   a staff file (kind 'staff') gives the leave date; reps with no leave date, or one after
//            asOf, have not left. Reps missing from the roster are taken as not departed.
//   implied  no roster: a rep with at least MIN_IMPLIED_BOOK customers, none of them still active on
//            asOf, is taken to have left on their last customer activity (the latest last purchase,
//            else churn date, over their customers). A heuristic: the page and README say so.
// A churned customer counts when their rep left on L ≤ asOf and their churn day d is within the
// window of N days: L ≤ d ≤ L + N for an explicit churn date; L − N ≤ d ≤ L + N when d is the last
// purchase (it precedes the moment the loss shows, and a departing rep's book often goes quiet first).
import type { StaffRoster } from '../model/customers';
import type { DepartedRep } from '../types';
import { dayLabel } from './periods';

export const MIN_IMPLIED_BOOK = 3;

export interface RepInput {
  rep: readonly string[];
  included: Uint8Array;
  churned: Uint8Array;
  endDay: Float64Array;
  endIsChurnDate: Uint8Array;
  lastDay: Float64Array;
  revenue: Float64Array;
  staff: StaffRoster | null;
  asOf: number;
  windowDays: number;
}

export interface RepTurnover {
  source: 'roster' | 'implied' | 'none';
  departed: DepartedRep[];
  /** Per customer: 1 when the customer's churn followed their rep's departure within the window days. */
  afterRepLeft: Uint8Array;
  customers: number;
  revenue: number;
}

function departures(x: RepInput): { source: RepTurnover['source']; left: Map<string, { day: number; basis: 'roster' | 'implied' }> } {
  const left = new Map<string, { day: number; basis: 'roster' | 'implied' }>();
  if (x.staff) {
    const leave = new Map<string, number>();
    x.staff.rep.forEach((name, r) => leave.set(name, x.staff!.leaveDay[r])); // later rows win
    for (const [name, day] of leave) if (day <= x.asOf) left.set(name, { day, basis: 'roster' });
    return { source: 'roster', left };
  }
  const book = new Map<string, { size: number; active: number; last: number }>();
  for (let i = 0; i < x.rep.length; i++) {
    const name = x.rep[i];
    if (!name || !x.included[i]) continue;
    let b = book.get(name);
    if (!b) book.set(name, (b = { size: 0, active: 0, last: -Infinity }));
    b.size++;
    if (!x.churned[i]) b.active++;
    const seen = Number.isNaN(x.lastDay[i]) ? x.endDay[i] : x.lastDay[i];
    if (seen > b.last) b.last = seen;
  }
  if (book.size === 0) return { source: 'none', left };
  for (const [name, b] of book) {
    if (b.size >= MIN_IMPLIED_BOOK && b.active === 0 && Number.isFinite(b.last) && b.last <= x.asOf) {
      left.set(name, { day: b.last, basis: 'implied' });
    }
  }
  return { source: 'implied', left };
}

export function repTurnover(x: RepInput): RepTurnover {
  const { source, left } = departures(x);
  const n = x.rep.length;
  const afterRepLeft = new Uint8Array(n);
  const rows = new Map<string, DepartedRep>();
  for (const [rep, l] of left) {
    rows.set(rep, { rep, left: dayLabel(l.day), basis: l.basis, customers: 0, churned: 0, churnedAfter: 0, share: 0, lostRevenue: 0 });
  }
  let customers = 0;
  let revenue = 0;
  const N = x.windowDays;
  for (let i = 0; i < n; i++) {
    if (!x.included[i]) continue;
    const l = left.get(x.rep[i]);
    if (!l) continue;
    const row = rows.get(x.rep[i])!;
    row.customers++;
    if (!x.churned[i]) continue;
    row.churned++;
    const d = x.endDay[i];
    const from = x.endIsChurnDate[i] ? l.day : l.day - N;
    if (d >= from && d <= l.day + N) {
      afterRepLeft[i] = 1;
      row.churnedAfter++;
      row.lostRevenue += x.revenue[i];
      customers++;
      revenue += x.revenue[i];
    }
  }
  const departed = [...rows.values()]
    .map((r) => ({ ...r, share: r.customers ? r.churnedAfter / r.customers : 0 }))
    .sort((a, b) => b.churnedAfter - a.churnedAfter || b.lostRevenue - a.lostRevenue || (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  return { source, departed, afterRepLeft, customers, revenue };
}
