// Which customers are churned, and when: the definition in force is chosen from what the data has.
import type { CustomerModel } from '../model/customers';

export type ChurnMode = 'status' | 'churnDate' | 'inactivity' | 'none';

export interface ChurnState {
  mode: ChurnMode;
  /** Message code: why this definition is in force. */
  reason: string;
  /** 1 when the customer exists on asOf (started on or before it). */
  included: Uint8Array;
  churned: Uint8Array;
  /** Day the relationship ended for churned customers: churn date, else last order; NaN otherwise. */
  endDay: Float64Array;
}

export function decideChurn(m: CustomerModel, asOf: number, inactiveDays: number): ChurnState {
  const included = new Uint8Array(m.n);
  const churned = new Uint8Array(m.n);
  const endDay = new Float64Array(m.n).fill(NaN);
  let stated = 0;
  for (let i = 0; i < m.n; i++) if (m.status[i] >= 0) stated++;
  let datedBeforeAsOf = 0;
  for (let i = 0; i < m.n; i++) if (m.churnDay[i] <= asOf) datedBeforeAsOf++;

  const mode: ChurnMode =
    m.has.status && stated > 0
      ? 'status'
      : m.has.churnDate && datedBeforeAsOf > 0
        ? 'churnDate'
        : m.has.lastOrder
          ? 'inactivity'
          : 'none';
  const reason = {
    status: 'definition-status',
    churnDate: 'definition-churn-date',
    inactivity: 'definition-inactivity',
    none: 'definition-none',
  }[mode];

  for (let i = 0; i < m.n; i++) {
    // A customer who started after asOf did not exist yet on that day.
    if (m.startDay[i] > asOf) continue;
    included[i] = 1;
    let lost = false;
    if (mode === 'status' || mode === 'churnDate') {
      lost = m.status[i] === 1 || m.churnDay[i] <= asOf;
    } else if (mode === 'inactivity') {
      const last = m.lastOrderDay[i];
      lost = !Number.isNaN(last) && asOf - last > inactiveDays;
    }
    if (lost) {
      churned[i] = 1;
      endDay[i] = m.churnDay[i] <= asOf ? m.churnDay[i] : m.lastOrderDay[i];
    }
  }
  return { mode, reason, included, churned, endDay };
}
