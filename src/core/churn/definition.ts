// Which customers are churned, and when: the definition in force is chosen from what the data has,
// or by the user ('status' or 'inactivity'), falling back with a reason when the data cannot serve it.
import type { CustomerModel } from '../model/customers';
import type { ChurnModeSetting } from '../types';

export type ChurnMode = 'status' | 'churnDate' | 'inactivity' | 'none';

export interface ChurnState {
  mode: ChurnMode;
  requested: ChurnModeSetting;
  /** Message code: why this definition is in force. */
  reason: string;
  available: { status: boolean; churnDate: boolean; activity: boolean };
  /** 1 when the customer exists on asOf (started on or before it). */
  included: Uint8Array;
  churned: Uint8Array;
  /** Day the relationship ended for churned customers: churn date, else last order; NaN otherwise. */
  endDay: Float64Array;
  /** endDay is an explicit churn date (1) rather than the last order (0). */
  endIsChurnDate: Uint8Array;
}

const EXPLICIT_REASON = { status: 'definition-status', churnDate: 'definition-churn-date' } as const;

function chooseMode(requested: ChurnModeSetting, available: ChurnState['available']): { mode: ChurnMode; reason: string } {
  const explicit: ChurnMode | null = available.status ? 'status' : available.churnDate ? 'churnDate' : null;
  if (requested === 'inactivity') {
    if (available.activity) {
      return { mode: 'inactivity', reason: explicit ? 'definition-inactivity-chosen' : 'definition-inactivity' };
    }
    return explicit ? { mode: explicit, reason: 'definition-inactivity-unavailable' } : { mode: 'none', reason: 'definition-none' };
  }
  if (explicit) return { mode: explicit, reason: EXPLICIT_REASON[explicit] };
  if (available.activity) {
    return { mode: 'inactivity', reason: requested === 'status' ? 'definition-status-unavailable' : 'definition-inactivity' };
  }
  return { mode: 'none', reason: 'definition-none' };
}

/**
 * @param lastDay each customer's last purchase on or before asOf (see activity.ts); defaults to the
 *   model's last order date.
 */
export function decideChurn(
  m: CustomerModel,
  asOf: number,
  inactiveDays: number,
  opts: { requested?: ChurnModeSetting; lastDay?: Float64Array; status?: Int8Array } = {},
): ChurnState {
  const requested = opts.requested ?? 'auto';
  const lastDay = opts.lastDay ?? m.lastOrderDay;
  // 1 lost, 0 active, 2 not yet a customer, 3 ignored, -2 a value not recognised, -1 none (model/customers.ts).
  const status = opts.status ?? m.status;
  const included = new Uint8Array(m.n);
  const churned = new Uint8Array(m.n);
  const endDay = new Float64Array(m.n).fill(NaN);
  const endIsChurnDate = new Uint8Array(m.n);
  let stated = 0;
  let datedBeforeAsOf = 0;
  for (let i = 0; i < m.n; i++) {
    // A status column with values, even ones not recognised yet, is the definition the data offers.
    if (status[i] === 0 || status[i] === 1 || status[i] === -2) stated++;
    if (m.churnDay[i] <= asOf) datedBeforeAsOf++;
  }
  const available = {
    status: m.has.status && stated > 0,
    churnDate: m.has.churnDate && datedBeforeAsOf > 0,
    activity: m.has.lastOrder,
  };
  const { mode, reason } = chooseMode(requested, available);

  for (let i = 0; i < m.n; i++) {
    // A customer who started after asOf did not exist yet on that day; a prospect or an ignored row is none.
    if (m.startDay[i] > asOf || status[i] >= 2) continue;
    included[i] = 1;
    let lost = false;
    if (mode === 'status' || mode === 'churnDate') {
      lost = status[i] === 1 || m.churnDay[i] <= asOf;
    } else if (mode === 'inactivity') {
      const last = lastDay[i];
      lost = !Number.isNaN(last) && asOf - last > inactiveDays;
    }
    if (lost) {
      churned[i] = 1;
      if (mode !== 'inactivity' && m.churnDay[i] <= asOf) {
        endDay[i] = m.churnDay[i];
        endIsChurnDate[i] = 1;
      } else endDay[i] = lastDay[i];
    }
  }
  return { mode, requested, reason, available, included, churned, endDay, endIsChurnDate };
}
