// Customers still active on asOf who show the signs before churn:
//   silent     no purchase for more than half the inactivity threshold (asOf − last purchase > T/2);
//   declining  purchases in the last W days (asOf − W, asOf] below half of the W days before that
//              (asOf − 2W, asOf − W], which must be positive: "sharing us with a competitor".
// Ranked by revenue at stake (the customer's revenue), largest first, then by id.
import type { CustomerModel } from '../model/customers';
import type { AtRiskCustomer } from '../types';
import type { Activity } from './activity';
import type { ChurnState } from './definition';
import { dayLabel } from './periods';

export const RISK_WINDOW_DAYS = 90;

export interface AtRisk {
  silentDays: number;
  windowDays: number;
  customers: number;
  revenue: number;
  list: AtRiskCustomer[];
}

export function atRiskCustomers(
  m: CustomerModel,
  s: ChurnState,
  act: Activity,
  asOf: number,
  inactiveDays: number,
  limit = Infinity,
  windowDays = RISK_WINDOW_DAYS,
): AtRisk {
  const silentDays = inactiveDays / 2;
  // Who is at risk, and the revenue at stake, in one typed pass; rows are made only for those listed.
  const atRisk = new Int32Array(m.n);
  let count = 0;
  let revenue = 0;
  for (let i = 0; i < m.n; i++) {
    if (!s.included[i] || s.churned[i]) continue;
    const last = act.lastDay[i];
    const silent = !Number.isNaN(last) && asOf - last > silentDays;
    const prior = act.prior[i];
    const declining = prior > 0 && act.recent[i] < prior / 2;
    if (!silent && !declining) continue;
    revenue += act.revenue[i];
    atRisk[count++] = i;
  }
  let listed = atRisk.subarray(0, count);
  if (count > limit) {
    // The first `limit` by revenue are among those earning at least the limit-th largest revenue.
    const byRevenue = new Float64Array(count);
    for (let k = 0; k < count; k++) byRevenue[k] = act.revenue[listed[k]];
    byRevenue.sort();
    const floor = byRevenue[count - limit];
    listed = listed.filter((i) => act.revenue[i] >= floor);
  }
  const list: AtRiskCustomer[] = Array.from(listed, (i) => {
    const last = act.lastDay[i];
    const daysSilent = Number.isNaN(last) ? null : asOf - last;
    const recent = act.recent[i];
    const prior = act.prior[i];
    return {
      id: m.ids[i],
      name: m.name[i],
      rep: m.rep[i],
      region: m.region[i],
      segment: m.segment[i],
      lastOrder: Number.isNaN(last) ? '' : dayLabel(last),
      daysSilent,
      silent: daysSilent !== null && daysSilent > silentDays,
      declining: prior > 0 && recent < prior / 2,
      recent: Number.isNaN(recent) ? null : recent,
      prior: Number.isNaN(prior) ? null : prior,
      revenue: act.revenue[i],
    };
  });
  list.sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { silentDays, windowDays, customers: count, revenue, list: list.length > limit ? list.slice(0, limit) : list };
}
