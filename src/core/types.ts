// Shared types of the pure core. Everything here is plain, serialisable data:
// the worker posts it, the JSON export writes it, the charts read it.
import type { CauseEdits, TaxonomyEntry } from './causes/edits';
import type { CauseSource } from './causes/resolve';
import type { CrosstabRow, ReasonRow } from './causes/table';

/** What a column means. `ignore` is a user's explicit "not used". */
export type Role =
  | 'customerId'
  | 'customerName'
  | 'rep'
  | 'region'
  | 'segment'
  | 'signupDate'
  | 'firstOrderDate'
  | 'lastOrderDate'
  | 'churnDate'
  | 'status'
  | 'reason'
  | 'revenue'
  | 'tenure'
  | 'orderId'
  | 'orderDate'
  | 'amount'
  | 'quantity'
  | 'unitPrice'
  | 'repJoinDate'
  | 'repLeaveDate';

export const ROLES: readonly Role[] = [
  'customerId',
  'customerName',
  'rep',
  'region',
  'segment',
  'signupDate',
  'firstOrderDate',
  'lastOrderDate',
  'churnDate',
  'status',
  'reason',
  'revenue',
  'tenure',
  'orderId',
  'orderDate',
  'amount',
  'quantity',
  'unitPrice',
  'repJoinDate',
  'repLeaveDate',
];

/** Role → column index in `ParsedFile.header`. */
export type RoleMap = Partial<Record<Role, number>>;

export type FileKind = 'customers' | 'orders' | 'staff';

/** A data problem, collected rather than thrown. `code` is a message key in i18n. */
export interface Issue {
  code: string;
  file?: string;
  row?: number; // 1-based line number in the source file, when it applies
  column?: string;
  params?: Record<string, string | number>;
}

/** A caller-facing failure with a message code (see i18n). Thrown by ingest for unusable files. */
export class IngestError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly params?: Record<string, string | number>;
  constructor(code: string, file?: string, params?: Record<string, string | number>) {
    super(`${code}${file ? ` (${file})` : ''}`);
    this.name = 'IngestError';
    this.code = code;
    this.file = file;
    this.params = params;
  }
}

/** One file after decode → parse → shape → roles. Data is column-major strings, as in the source. */
export interface ParsedFile {
  file: string;
  kind: FileKind;
  encoding: string; // WHATWG label: utf-8, gbk, gb18030, big5, utf-16le, utf-16be
  delimiter: string;
  header: string[];
  /** columns[c][r]: raw cell text of data row r (title, blank, repeated-header and totals rows removed). */
  columns: string[][];
  rowCount: number;
  /** 1-based source line of each data row, for messages. */
  lineOf?: number[];
  roles: RoleMap;
  skipped: { title: number; blank: number; totals: number; repeatedHeader: number };
  issues: Issue[];
}

export interface CauseShareRow {
  id: string;
  controllable: boolean | null;
  customers: number;
  share: number; // customers / churned customers
  revenue: number;
  /** Of `customers`, those given the cause from evidence in the data, with no reason written. */
  inferred?: number;
}

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
}

export const DEFAULT_SETTINGS: Settings = { inactiveDays: 90 };

export interface InputSummary {
  file: string;
  kind: FileKind;
  rows: number;
  encoding: string;
  delimiter: string;
  roles: Partial<Record<Role, string>>; // role → header text
  skipped: ParsedFile['skipped'];
}

export interface CohortRow {
  cohort: string; // YYYY-MM
  size: number;
  retention: number[]; // retention[0] = 1
}

export interface SurvivalPoint {
  t: number;
  survival: number;
  lower: number;
  upper: number;
  atRisk: number;
  events: number;
  censored: number;
}

export interface LostCustomer {
  id: string;
  name: string;
  reason: string;
  cause: string;
  source: CauseSource;
  confidence: number;
  revenue: number;
  rep: string;
  segment: string;
  region: string;
  /** YYYY-MM-DD, or '' when unknown. */
  churnDate: string;
}

export interface Analysis {
  version: 1;
  asOf: string;
  inputs: InputSummary[];
  definition: {
    mode: 'status' | 'churnDate' | 'inactivity' | 'none';
    inactiveDays: number;
    /** Message code explaining which definition is in force and why. */
    reason: string;
  };
  customers: { total: number; churned: number; active: number; churnRate: number };
  revenue: { total: number; lost: number };
  causes: CauseShareRow[];
  controllableShare: number | null;
  benchmark: { controllable: number; uncontrollable: number };
  reasons: ReasonRow[];
  /** Causes after the user's edits, with the user's names (null: the taxonomy's name). */
  taxonomy?: TaxonomyEntry[];
  /** Churned customers per cause within each group of a dimension present in the data. */
  causeBy?: { dimension: 'segment' | 'region' | 'rep'; rows: CrosstabRow[] }[];
  /** Every churned customer with the cause they were given and where it came from. */
  lost?: LostCustomer[];
  churnByMonth: { month: string; churned: number; revenue: number }[];
  cohorts: { period: 'month'; basis: 'orders' | 'lastOrder' | 'none'; rows: CohortRow[] };
  survival: { unit: 'day' | 'month'; curve: SurvivalPoint[]; median: number | null };
  issues: Issue[];
}
