// Each customer's purchases as seen on asOf: nothing after asOf counts, so an analysis "as of" a
// past date reads the data as it stood that day. One pass over the model's per-customer order rows.
import type { CustomerModel } from '../model/customers';

export interface Activity {
  /** Last purchase on or before asOf (epoch day, NaN = unknown). */
  lastDay: Float64Array;
  /** The customer's revenue: the list's revenue column, else purchases on or before asOf (never NaN). */
  revenue: Float64Array;
  /** Purchases in (asOf − window, asOf] and in (asOf − 2·window, asOf − window]; NaN without order rows. */
  recent: Float64Array;
  prior: Float64Array;
}

export function activityAsOf(m: CustomerModel, asOf: number, windowDays: number): Activity {
  const lastDay = new Float64Array(m.n).fill(NaN);
  const revenue = new Float64Array(m.n);
  const recent = new Float64Array(m.n).fill(NaN);
  const prior = new Float64Array(m.n).fill(NaN);
  const o = m.orders;
  for (let i = 0; i < m.n; i++) {
    const listed = m.lastOrderDay[i];
    if (o) {
      let last = NaN;
      let sum = 0;
      let rec = 0;
      let pri = 0;
      for (let k = o.start[i], end = o.start[i + 1]; k < end; k++) {
        const d = o.day[k];
        if (d > asOf) break; // rows are in date order
        const a = o.amount[k];
        last = d;
        sum += a;
        if (d > asOf - windowDays) rec += a;
        else if (d > asOf - 2 * windowDays) pri += a;
      }
      // A customer list's last-order date may be newer than the log; it counts when not after asOf.
      lastDay[i] = listed <= asOf && !(listed <= last) ? listed : last;
      recent[i] = rec;
      prior[i] = pri;
      revenue[i] = m.revenueFromOrders ? sum : Number.isNaN(m.revenue[i]) ? 0 : m.revenue[i];
    } else {
      // Only a last-order date: an order after asOf means the customer was still buying on asOf.
      lastDay[i] = Number.isNaN(listed) ? NaN : Math.min(listed, asOf);
      revenue[i] = Number.isNaN(m.revenue[i]) ? 0 : m.revenue[i];
    }
  }
  return { lastDay, revenue, recent, prior };
}
