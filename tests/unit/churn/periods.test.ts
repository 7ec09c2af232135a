import { describe, expect, it } from 'vitest';
import { dayLabel, firstDayOfMonth, lastDayOfPeriod, monthIndexOfDay, periodLabel, periodOfMonth } from '../../../src/core/churn/periods';
import { dayOf, isoDay } from '../../../src/core/dates';

/** Month index of an epoch day by Date, the check on the arithmetic of monthIndexOfDay. */
const monthOfDay = (day: number): number => {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

describe('calendar arithmetic without Date', () => {
  it('agrees with the Date-based functions on every day from 1899 to 2101', () => {
    for (let d = dayOf(1899, 1, 1)!; d <= dayOf(2101, 12, 31)!; d += 1) {
      if (monthIndexOfDay(d) !== monthOfDay(d) || dayLabel(d) !== isoDay(d)) throw new Error(`day ${d}`);
    }
    expect(firstDayOfMonth(2024 * 12 + 1)).toBe(dayOf(2024, 2, 1));
  });

  it.each([
    [2024 * 12 + 0, 'month', '2024-01', '2024-01-31'],
    [2024 * 12 + 1, 'month', '2024-02', '2024-02-29'],
    [2024 * 12 + 11, 'quarter', '2024-Q4', '2024-12-31'],
    [2023 * 12 + 3, 'quarter', '2023-Q2', '2023-06-30'],
  ] as const)('month %i as a %s: %s, ends %s', (month, period, label, last) => {
    const p = periodOfMonth(month, period);
    expect(periodLabel(p, period)).toBe(label);
    expect(isoDay(lastDayOfPeriod(p, period))).toBe(last);
  });
});
