// The analysis: what analyze() returns, and its rows. Plain, serialisable data: the worker posts
// it, the JSON export writes it, the charts and the page read it.
import type { CauseShareRow, CauseSource, CrosstabRow, ReasonRow, TaxonomyEntry } from './causes';
import type { InputSummary, Issue } from './ingest';
import type { Role } from './roles';
import type { ChurnModeSetting, CohortPeriod, Settings, StatusClass, TenureUnit } from './settings';

/** A finding the analysis cannot settle alone: what is missing, and the columns that could answer it. */
export type QuestionCode =
  | 'no-churn-signal'
  | 'churn-all-zero'
  | 'churn-all-one'
  | 'reasons-all-unclassified'
  | 'status-values-unknown'
  | 'role-unparsed'
  | 'tenure-unit-assumed';

export interface QuestionCandidate {
  file: string;
  column: string;
  /** Column index in the file's header. */
  index: number;
  /** The column's most frequent values with their counts (all rows of the file). */
  samples: { value: string; count: number }[];
  /** The settings one click applies: merge with `{ ...settings, ...answer }` (maps are given whole). */
  answer: Partial<Settings>;
}

export interface Question {
  code: QuestionCode;
  role?: Role;
  file?: string;
  column?: string;
  params?: Record<string, string | number>;
  /** Best first. */
  candidates: QuestionCandidate[];
}

/** The values of a file's status column, and what each was taken to mean. */
export interface StatusValuesReport {
  file: string;
  column: string;
  values: {
    /** As written (the first spelling met). */
    value: string;
    /** The key of Settings.statusValues for it. */
    key: string;
    count: number;
    as: StatusClass | null;
    source: 'auto' | 'user' | 'unknown';
  }[];
}

export interface CohortRow {
  cohort: string; // YYYY-MM, or YYYY-Qn for quarterly cohorts
  size: number;
  retention: number[]; // retention[0] = 1
}

/** A cohort row of the analysis: the exact-period retention plus the engine's other measures. */
export interface CohortTableRow extends CohortRow {
  /** Share of the cohort active in period k or later (unbounded retention); unbounded[0] = 1. */
  unbounded: number[];
  /** Revenue in period k ÷ cohort revenue in period 0; null without order rows or with no period-0 revenue. */
  revenueRetention: number[] | null;
  /** Cohort revenue in period 0 (purchases), 0 without order rows. */
  revenueBase: number;
  /** Index of the first period that is not over on asOf (the period containing asOf), null when all are complete. */
  incompleteFrom: number | null;
}

/** Churn rate, churned count and lost revenue of one group of a categorical column. */
export interface GroupRow {
  /** The column's value; '' = not stated. */
  group: string;
  customers: number;
  churned: number;
  churnRate: number;
  revenue: number;
  lostRevenue: number;
  /** Fewer than `minGroupSize` customers: shown, flagged, not ranked. */
  small: boolean;
  /** 1 = highest churn rate among the groups that are not small; null for small groups. */
  rank: number | null;
}

export interface Breakdown {
  /** The groupBy entry it answers: a role name or a header name. */
  key: string;
  /** Column header text. */
  label: string;
  groups: GroupRow[];
}

export interface TierRow {
  /** Cumulative share of customers (ranked by revenue, largest first) where the tier starts and ends. */
  from: number;
  to: number;
  customers: number;
  churned: number;
  churnRate: number;
  revenue: number;
  lostRevenue: number;
  /** Smallest revenue in the tier. */
  minRevenue: number;
}

export interface DepartedRep {
  rep: string;
  /** YYYY-MM-DD: roster leave date, or the implied one (the rep's last customer activity). */
  left: string;
  basis: 'roster' | 'implied';
  /** The rep's customers (included on asOf). */
  customers: number;
  churned: number;
  /** Churned customers whose churn followed the departure within the window (windowDays). */
  churnedAfter: number;
  /** churnedAfter ÷ customers. */
  share: number;
  lostRevenue: number;
}

export interface AtRiskCustomer {
  id: string;
  name: string;
  rep: string;
  region: string;
  segment: string;
  /** YYYY-MM-DD of the last purchase on or before asOf; '' when unknown. */
  lastOrder: string;
  daysSilent: number | null;
  silent: boolean;
  declining: boolean;
  /** Purchases in the last `windowDays` up to asOf, and in the `windowDays` before that (null without order rows). */
  recent: number | null;
  prior: number | null;
  /** Revenue at stake: the customer's revenue. */
  revenue: number;
}

export interface SurvivalGroup {
  group: string;
  customers: number;
  events: number;
  curve: SurvivalPoint[];
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
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
    /** What the settings asked for ('auto' unless the user chose). */
    requested: ChurnModeSetting;
    /** Where asOf came from: the settings, the latest date in the data, or today (no dates at all). */
    asOfSource: 'setting' | 'data' | 'today';
    /** What the data offers, so the page can offer only real choices. */
    available: { status: boolean; churnDate: boolean; activity: boolean };
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
  churnByMonth: {
    month: string;
    churned: number;
    revenue: number;
    /** The month's churned customers and lost revenue by cause, largest first. */
    byCause: { cause: string; churned: number; revenue: number }[];
  }[];
  cohorts: {
    period: CohortPeriod;
    basis: 'orders' | 'lastOrder' | 'none';
    rows: CohortTableRow[];
    /** Label of the period containing asOf when it is not over yet, else null. */
    incompletePeriod: string | null;
  };
  survival: {
    unit: TenureUnit;
    curve: SurvivalPoint[];
    median: number | null;
    medianLower: number | null;
    medianUpper: number | null;
    /** Curves by a categorical column with the log-rank test; null when there is no such column. */
    by: {
      key: string;
      label: string;
      /** The largest groups (at most 8); customers of smaller groups are left out of these curves and the test. */
      groups: SurvivalGroup[];
      omitted: number;
      logRank: { chiSquare: number; df: number; pValue: number };
    } | null;
  };
  /** Rows that could not be attributed to a customer (no customer id): left out of every customer analysis. */
  unattributed: { customerRows: number; orderRows: number };
  breakdowns: { minGroupSize: number; options: { key: string; label: string }[]; items: Breakdown[] };
  tiers: TierRow[];
  reps: {
    source: 'roster' | 'implied' | 'none';
    windowDays: number;
    /** Churned customers whose churn followed their rep's departure within windowDays. */
    afterRepLeft: { customers: number; share: number; revenue: number };
    departed: DepartedRep[];
  };
  atRisk: {
    silentDays: number;
    windowDays: number;
    customers: number;
    revenue: number;
    list: AtRiskCustomer[];
  };
  issues: Issue[];
  /** Findings the user should settle (no churn signal, 0% churn, unknown status values…), each with candidate answers. */
  questions: Question[];
  /** Each file's status column: every distinct value, its count and what it was taken to mean. */
  statusValues?: StatusValuesReport[];
  /** Customers left out of the base because their status says not yet a customer (prospect) or ignore. */
  excluded?: { prospect: number; ignore: number };
  /** The tenure column and the unit it was read in (survival uses it). */
  tenure?: { column: string; unit: TenureUnit; source: 'header' | 'values' | 'setting' };
  /** The order log came summarised elsewhere (a customer summary made by the SQL of core/sql): by which SQL, as of when. */
  summary?: SummaryNote;
}

export interface SummaryNote {
  /** The summary file (or, on the command line, the order log DuckDB summarised). */
  file: string;
  /** The file or table the SQL's column roles were read from, and the table it read. */
  source: string;
  table: string;
  dialect: string;
  generator: string;
  /** YYYY-MM-DD the summary was made as of. */
  asOf: string;
  /** Order rows read, customers written. */
  rows: number;
  customers: number;
  /** The SQL, generated again from the spec the summary carries. */
  sql: string;
}
