// Churn over time: churned customers and lost revenue per calendar month of the churn day, split by cause.
import { monthLabel } from '../dates';
import type { Analysis } from '../types';
import type { CauseAttribution } from './attribution';
import { monthIndexOfDay } from './periods';

export function churnTimeline(att: CauseAttribution, endDay: Float64Array, revenue: Float64Array): Analysis['churnByMonth'] {
  const months = new Map<number, { churned: number; revenue: number; byCause: Map<string, { churned: number; revenue: number }> }>();
  for (let k = 0; k < att.index.length; k++) {
    const i = att.index[k];
    const d = endDay[i];
    if (Number.isNaN(d)) continue;
    const m = monthIndexOfDay(d);
    let e = months.get(m);
    if (!e) months.set(m, (e = { churned: 0, revenue: 0, byCause: new Map() }));
    e.churned++;
    e.revenue += revenue[i];
    const c = e.byCause.get(att.resolved.cause[k]) ?? { churned: 0, revenue: 0 };
    c.churned++;
    c.revenue += revenue[i];
    e.byCause.set(att.resolved.cause[k], c);
  }
  return [...months.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([m, e]) => ({
      month: monthLabel(m),
      churned: e.churned,
      revenue: e.revenue,
      byCause: [...e.byCause]
        .sort(([a, x], [b, y]) => y.churned - x.churned || y.revenue - x.revenue || (a < b ? -1 : a > b ? 1 : 0))
        .map(([cause, c]) => ({ cause, churned: c.churned, revenue: c.revenue })),
    }));
}
