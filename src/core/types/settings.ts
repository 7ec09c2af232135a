// What the user can set, with the defaults. Checking and normalising settings is settings.ts's job.
import type { CauseEdits } from './causes';
import type { FileKind, Role } from './roles';

export interface Settings {
  /** YYYY-MM-DD; default: the latest date in the inputs. */
  asOf?: string;
  /** Inactivity threshold in days, used when the data has no explicit churn status or date. */
  inactiveDays: number;
  /** Reason text (trimmed) → cause id, set by the user. */
  reasonOverrides?: Record<string, string>;
  /** Customer id → cause id, set by the user for one customer (wins over the reason's cause). */
  customerOverrides?: Record<string, string>;
  /** The user's renames, added causes, merges and controllable flips. */
  causeEdits?: CauseEdits;
  /** File name → role → column index (or null to unassign), set by the user over the guesses. */
  roleOverrides?: Record<string, Partial<Record<Role, number | null>>>;
  /** File name → kind, set by the user over the guess (customer list, order log, staff roster). */
  kindOverrides?: Record<string, FileKind>;
  /** Churn definition: 'auto' (default) picks status, then churn date, then inactivity. */
  churnMode?: ChurnModeSetting;
  /** Cohort period (default 'month'). */
  period?: CohortPeriod;
  /** Breakdown columns: role names (segment, region, rep…) or header names; default: segment, region, rep. */
  groupBy?: string[];
  /** Survival curves by this column (role or header name), 'none' for none; default: segment, else region, else rep. */
  survivalBy?: string;
  /** Value tiers as cumulative shares of customers ranked by revenue, e.g. [0.2] or [0.2, 0.5] (default [0.2]). */
  tiers?: number[];
  /** Rep turnover window in days (default 90). */
  repWindowDays?: number;
  /** File name → status value (as normStatusValue writes it) → what it means, set by the user over the lexicon. */
  statusValues?: Record<string, Record<string, StatusClass>>;
  /** Unit of the tenure column, set by the user over what the header or the values suggest. */
  tenureUnit?: TenureUnit;
}

/** What a status value says: lost, active, not yet a customer (prospect), or a row to leave out. */
export type StatusClass = 'lost' | 'active' | 'prospect' | 'ignore';
export type TenureUnit = 'day' | 'month' | 'year';
export type ChurnModeSetting = 'auto' | 'status' | 'inactivity';
export type CohortPeriod = 'month' | 'quarter';

/** The defaults, once. A session stores them explicitly, so a later change of default does not move old work. */
export const SETTINGS_DEFAULTS = {
  inactiveDays: 90,
  churnMode: 'auto',
  period: 'month',
  tiers: [0.2],
  repWindowDays: 90,
} as const satisfies Partial<Settings>;

/** The smallest valid settings (what a new session starts from before normalisation fills the rest). */
export const DEFAULT_SETTINGS: Settings = { inactiveDays: SETTINGS_DEFAULTS.inactiveDays };
