// All calendar arithmetic lives here, in UTC, on integer "epoch days" (days since 1970-01-01).
// Month buckets are integer "month indexes": year * 12 + (month - 1) (churn/periods.ts
// monthIndexOfDay).

const MS_PER_DAY = 86_400_000;

/** Epoch day of a calendar date; month 1..12. Returns null for impossible dates (2023-02-30). */
export function dayOf(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

/** 'YYYY-MM-DD' of an epoch day. */
export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Epoch day of a strict 'YYYY-MM-DD' string, or null. */
export function parseIsoDay(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return m ? dayOf(+m[1], +m[2], +m[3]) : null;
}

/** 'YYYY-MM' of a month index. */
export function monthLabel(month: number): string {
  const y = Math.floor(month / 12);
  const m = month - y * 12 + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** Excel serial date (1900 system, with its phantom 1900-02-29) → epoch day. */
export function excelSerialToDay(serial: number): number {
  // Serial 25569 is 1970-01-01; serials before 61 are off by one because of Excel's 1900 leap bug.
  const whole = Math.floor(serial);
  return whole < 61 ? whole - 25568 : whole - 25569;
}
