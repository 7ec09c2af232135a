// Causes as the analysis reports them: the built-in ids, the user's edits to the taxonomy, and
// the rows of the cause, reason and cross tables. The taxonomy's data (names, descriptions,
// strategies) is in causes/taxonomy.ts.

/** The built-in causes: ten a supplier can act on, two it cannot, and "unclassified". */
export type CauseId =
  | 'staff-turnover'
  | 'competitor'
  | 'price'
  | 'service-negligence'
  | 'service-quality'
  | 'product'
  | 'broken-promises'
  | 'harsh-policy'
  | 'small-customer-neglect'
  | 'no-contact'
  | 'market-volatility'
  | 'customer-circumstances'
  | 'unclassified';

/** One of the classifier's most probable causes for a text, with its calibrated confidence. */
export interface Alternative {
  cause: CauseId;
  confidence: number;
}

/** Where a churned customer's cause came from (causes/resolve.ts gives them in this precedence). */
export type CauseSource = 'customer' | 'reason' | 'similar' | 'hint' | 'stated' | 'inferred' | 'none';

/** The user's changes to the taxonomy, per session. Built-in ids never change; edits apply on top. */
export interface CauseEdits {
  /** id → the user's own name for the cause (any language; shown as typed). */
  names?: Record<string, string>;
  /** id → controllable flag chosen by the user. */
  controllable?: Record<string, boolean | null>;
  /** Causes the user added. Their names are in `names`. */
  added?: { id: string; controllable: boolean | null }[];
  /** id → the id it was merged into. */
  mergedInto?: Record<string, string>;
}

/** A cause a customer can be given after the user's edits. */
export interface TaxonomyEntry {
  id: string;
  controllable: boolean | null;
  /** The user's name, or null to use the built-in name in the reader's language. */
  name: string | null;
  builtin: boolean;
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

/** One distinct reason text (once per cause it was given). */
export interface ReasonRow {
  text: string;
  customers: number;
  cause: string;
  confidence: number;
  revenue: number;
  /** The user chose this reason's cause. */
  overridden: boolean;
  /** Customers with this reason who left within the window after their rep did. */
  repLeft: number;
  /** The classifier's two most probable causes, with calibrated confidences (for review). */
  alternatives?: Alternative[];
  /** The reason follows the user's choice for this similar reason (the corrected text). */
  follows?: string;
  /** On a corrected reason: how many other reasons (distinct texts) follow this choice. */
  followers?: number;
}

/** Churned customers and lost revenue of one (group, cause) pair. */
export interface CrosstabRow {
  group: string;
  cause: string;
  customers: number;
  revenue: number;
}
