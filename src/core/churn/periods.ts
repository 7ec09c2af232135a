// Calendar periods by arithmetic alone (no Date objects): the hot loops bucket up to a million
// order rows per settings change. Month indexes are year * 12 + month − 1, as in dates.ts;
// quarter indexes are year * 4 + quarter − 1.
import { monthLabel } from '../dates';
import type { CohortPeriod } from '../types';

/** Month index of an epoch day (days since 1970-01-01, UTC); Hinnant's civil_from_days. */
export function monthIndexOfDay(day: number): number {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9; // 1..12
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** Epoch day of the first day of a month index. */
export function firstDayOfMonth(month: number): number {
  const y0 = Math.floor(month / 12);
  const m = month - y0 * 12 + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Period index of a month index. */
export const periodOfMonth = (month: number, period: CohortPeriod): number => (period === 'month' ? month : Math.floor(month / 3));

/** 'YYYY-MM' or 'YYYY-Qn'. */
export function periodLabel(p: number, period: CohortPeriod): string {
  if (period === 'month') return monthLabel(p);
  const y = Math.floor(p / 4);
  return `${y}-Q${p - y * 4 + 1}`;
}

/** Last epoch day of a period index. */
export function lastDayOfPeriod(p: number, period: CohortPeriod): number {
  const nextMonth = period === 'month' ? p + 1 : (p + 1) * 3;
  return firstDayOfMonth(nextMonth) - 1;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** 'YYYY-MM-DD' of an epoch day, as dates.ts isoDay but without a Date object (hot loops). */
export function dayLabel(day: number): string {
  const month = monthIndexOfDay(day);
  const y = Math.floor(month / 12);
  const m = month - y * 12 + 1;
  return `${y}-${pad2(m)}-${pad2(Math.floor(day) - firstDayOfMonth(month) + 1)}`;
}
