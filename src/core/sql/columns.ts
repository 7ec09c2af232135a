// The customer summary's own column names: written by the SQL (generate.ts), recognised by the
// ingest (ingest/summary.ts). One result set holds three kinds of row, told apart by the first
// column: 'meta' (the run's figures and the spec it was made from), 'customer' (one per customer)
// and 'cohort' (one per cell of the cohort matrix).

/** The first column: 'meta' | 'customer' | 'cohort'. */
export const RECORD_COLUMN = 'churnlens';

export const META_COLUMNS = ['meta_key', 'meta_value'] as const;

/** Customer rows, before the category columns. */
export const CUSTOMER_COLUMNS = ['customer_index', 'customer_id', 'customer_name', 'rep', 'region', 'segment'] as const;

/** Customer rows, after the category columns. */
export const ACTIVITY_COLUMNS = [
  'first_purchase', // YYYY-MM-DD, the first purchase (any date: a customer whose first is after asOf did not exist yet)
  'latest_purchase', // YYYY-MM-DD, the latest purchase (any date)
  'last_purchase', // YYYY-MM-DD, the last purchase on or before asOf
  'orders', // purchase rows on or before asOf
  'purchase_rows', // purchase rows, any date
  'revenue', // purchases on or before asOf
  'recent_revenue', // purchases in (asOf − window, asOf]
  'prior_revenue', // purchases in (asOf − 2·window, asOf − window]
  'inactive', // 1 when asOf − last purchase > inactiveDays (the inactivity rule; a status column may say otherwise)
] as const;

/** Cohort rows: cohort (YYYY-MM or YYYY-Qn), period k after it, and the cell's figures. */
export const COHORT_COLUMNS = ['cohort', 'period_offset', 'cohort_size', 'active', 'period_revenue', 'last_active'] as const;

/** category_1 … category_n: columns without a role, named in the spec. */
export const categoryColumn = (k: number): string => `category_${k + 1}`;

/** Every column, in order, for a summary with n category columns. */
export function summaryColumns(n: number): string[] {
  return [
    RECORD_COLUMN,
    ...META_COLUMNS,
    ...CUSTOMER_COLUMNS,
    ...Array.from({ length: n }, (_, k) => categoryColumn(k)),
    ...ACTIVITY_COLUMNS,
    ...COHORT_COLUMNS,
  ];
}

/** Status values of rows that are not sales named in the summary (and in the core's issue). */
export const NOT_SALE_VALUES = 6;

/** Meta keys. */
export const META = {
  generator: 'generator',
  dialect: 'dialect',
  spec: 'spec',
  asOf: 'as_of',
  maxDate: 'max_date',
  rows: 'rows',
  returns: 'returns',
  unattributed: 'unattributed',
  badDates: 'bad_dates',
  /** Rows whose status says they are not sales (cancelled, refunded, pending…). */
  notSales: 'not_sales',
  /** not_sale_value_1 … not_sale_value_6: their status values, most rows first. */
  notSaleValue: 'not_sale_value_',
  badAmount: 'bad_amount',
  badQuantity: 'bad_quantity',
  badUnitPrice: 'bad_unit_price',
  customers: 'customers',
} as const;
