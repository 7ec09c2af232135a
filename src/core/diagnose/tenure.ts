// The unit of the tenure column: the user's setting, else what the header says ("Tenure in
// Months", "合作年限"), else what the values suggest: small whole numbers are years (a bank's
// 0–10), up to ten years' worth are months (a telecom's 0–72), larger ones days.
import type { TenureSource } from '../model/customers';
import type { Settings, TenureUnit } from '../types';

export interface TenureDecision {
  column: string;
  unit: TenureUnit;
  source: 'header' | 'values' | 'setting';
}

/** Largest tenure read as years, and as months, when the header does not say. */
export const YEARS_UP_TO = 15;
export const MONTHS_UP_TO = 120;

/** The unit tenure values this large suggest. */
export function unitFromValues(max: number): TenureUnit {
  if (max <= YEARS_UP_TO) return 'year';
  if (max <= MONTHS_UP_TO) return 'month';
  return 'day';
}

export function decideTenureUnit(t: TenureSource | null | undefined, settings: Pick<Settings, 'tenureUnit'>): TenureDecision | null {
  if (!t) return null;
  if (settings.tenureUnit) return { column: t.column, unit: settings.tenureUnit, source: 'setting' };
  if (t.headerUnit) return { column: t.column, unit: t.headerUnit, source: 'header' };
  return { column: t.column, unit: unitFromValues(t.max), source: 'values' };
}
