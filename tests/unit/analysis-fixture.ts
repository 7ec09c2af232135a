// A small analysis, hand-checkable, shared by the chart, export and chart-alternative tests: `base`
// has every chart's data; `analysis` adds churned customers and reasons.
import type { Analysis } from '../../src/core/types';

export const base: Analysis = {
  version: 1,
  asOf: '2024-03-31',
  inputs: [],
  definition: {
    mode: 'status',
    inactiveDays: 90,
    reason: 'definition-status',
    requested: 'auto',
    asOfSource: 'data',
    available: { status: true, churnDate: false, activity: true },
  },
  customers: { total: 10, churned: 4, active: 6, churnRate: 0.4 },
  revenue: { total: 1000, lost: 300 },
  causes: [
    { id: 'price', controllable: true, customers: 2, share: 0.5, revenue: 200 },
    { id: 'customer-circumstances', controllable: false, customers: 1, share: 0.25, revenue: 60 },
    { id: 'unclassified', controllable: null, customers: 1, share: 0.25, revenue: 40 },
  ],
  causeBy: (['segment', 'region', 'rep'] as const).map((dimension) => ({
    dimension,
    rows: [
      { group: 'North', cause: 'price', customers: 2, revenue: 200 },
      { group: 'South', cause: 'customer-circumstances', customers: 1, revenue: 60 },
      { group: '', cause: 'unclassified', customers: 1, revenue: 40 },
    ],
  })),
  controllableShare: 2 / 3,
  benchmark: { controllable: 0.9, uncontrollable: 0.1 },
  reasons: [],
  churnByMonth: [
    {
      month: '2024-02',
      churned: 4,
      revenue: 300,
      byCause: [
        { cause: 'price', churned: 2, revenue: 200 },
        { cause: 'customer-circumstances', churned: 1, revenue: 60 },
        { cause: 'unclassified', churned: 1, revenue: 40 },
      ],
    },
  ],
  cohorts: {
    period: 'month',
    basis: 'orders',
    incompletePeriod: '2024-03',
    rows: [
      {
        cohort: '2024-01',
        size: 10,
        retention: [1, 0.6, 0.5],
        unbounded: [1, 0.7, 0.5],
        revenueRetention: [1, 0.8, 0.4],
        revenueBase: 500,
        incompleteFrom: 2,
      },
    ],
  },
  survival: {
    unit: 'day',
    curve: [
      { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 10, events: 0, censored: 0 },
      { t: 30, survival: 0.6, lower: 0.3, upper: 0.8, atRisk: 10, events: 4, censored: 6 },
    ],
    median: null,
    medianLower: null,
    medianUpper: null,
    by: {
      key: 'region',
      label: 'Region',
      omitted: 0,
      logRank: { chiSquare: 4.2, df: 1, pValue: 0.04 },
      groups: [
        {
          group: 'North',
          customers: 6,
          events: 2,
          median: null,
          medianLower: null,
          medianUpper: null,
          curve: [
            { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 6, events: 0, censored: 0 },
            { t: 30, survival: 0.67, lower: 0.2, upper: 0.9, atRisk: 6, events: 2, censored: 4 },
          ],
        },
        {
          group: '',
          customers: 4,
          events: 2,
          median: 30,
          medianLower: 30,
          medianUpper: null,
          curve: [
            { t: 0, survival: 1, lower: 1, upper: 1, atRisk: 4, events: 0, censored: 0 },
            { t: 30, survival: 0.5, lower: 0.1, upper: 0.8, atRisk: 4, events: 2, censored: 2 },
          ],
        },
      ],
    },
  },
  unattributed: { customerRows: 0, orderRows: 3 },
  breakdowns: {
    minGroupSize: 20,
    options: [{ key: 'region', label: 'Region' }],
    items: [
      {
        key: 'region',
        label: 'Region',
        groups: [
          { group: 'North', customers: 25, churned: 10, churnRate: 0.4, revenue: 600, lostRevenue: 200, small: false, rank: 1 },
          { group: 'South', customers: 30, churned: 6, churnRate: 0.2, revenue: 300, lostRevenue: 60, small: false, rank: 2 },
          { group: '', customers: 3, churned: 3, churnRate: 1, revenue: 100, lostRevenue: 40, small: true, rank: null },
        ],
      },
    ],
  },
  tiers: [
    { from: 0, to: 0.2, customers: 2, churned: 1, churnRate: 0.5, revenue: 700, lostRevenue: 200, minRevenue: 300 },
    { from: 0.2, to: 1, customers: 8, churned: 3, churnRate: 0.375, revenue: 300, lostRevenue: 100, minRevenue: 10 },
  ],
  reps: {
    source: 'roster',
    windowDays: 90,
    afterRepLeft: { customers: 1, share: 0.25, revenue: 200 },
    departed: [{ rep: 'Bob', left: '2024-01-31', basis: 'roster', customers: 3, churned: 2, churnedAfter: 1, share: 1 / 3, lostRevenue: 200 }],
  },
  atRisk: {
    silentDays: 45,
    windowDays: 90,
    customers: 1,
    revenue: 120,
    list: [
      {
        id: 'K',
        name: 'Kilo',
        rep: 'Alice',
        region: 'North',
        segment: '',
        lastOrder: '2024-01-15',
        daysSilent: 76,
        silent: true,
        declining: false,
        recent: 0,
        prior: 50,
        revenue: 120,
      },
    ],
  },
  issues: [],
  questions: [],
};

/** With the full lists an export reads: churned customers with their causes, reasons and taxonomy. */
export const analysis: Analysis = {
  ...base,
  reasons: [
    { text: '=HYPERLINK("http://x","y")', customers: 2, cause: 'price', confidence: 0.9, revenue: 200, overridden: false, repLeft: 0 },
    { text: '搬到外地了', customers: 1, cause: 'customer-circumstances', confidence: 0.8, revenue: 60, overridden: true, repLeft: 1 },
  ],
  taxonomy: [
    { id: 'price', controllable: true, name: 'Pricing (ours)', builtin: true },
    { id: 'customer-circumstances', controllable: false, name: null, builtin: true },
    { id: 'unclassified', controllable: null, name: null, builtin: true },
  ],
  lost: [
    {
      id: 'C1',
      name: '+Plus Co',
      reason: '=HYPERLINK("http://x","y")',
      cause: 'price',
      source: 'stated',
      confidence: 0.9,
      revenue: 150.5,
      rep: 'Alice',
      segment: '',
      region: 'North',
      churnDate: '2024-02-01',
    },
    {
      id: 'C2',
      name: '@at',
      reason: '-minus',
      cause: 'customer-circumstances',
      source: 'customer',
      confidence: 1,
      revenue: -20,
      rep: 'Bob',
      segment: '',
      region: '',
      churnDate: '2024-02-10',
    },
    {
      id: 'C3',
      name: '\ttab',
      reason: '\rcr',
      cause: 'unclassified',
      source: 'none',
      confidence: 0,
      revenue: 0,
      rep: '',
      segment: '',
      region: 'South',
      churnDate: '',
    },
  ],
};
