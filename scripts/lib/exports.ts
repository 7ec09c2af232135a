// The exports consultants actually receive (issue 10, item 6): one seeded imitation per system,
// written with that system's headers, encoding, delimiter, date and money forms and value
// spellings, each with the figures it must give worked out from the records written. Pure:
// generateExports() returns the same bytes every time; scripts/gen-fixtures.ts writes them to
// tests/fixtures/exports/ with expected.json, tests/unit/exports.test.ts checks the core on them.
//
// What the real exports look like, and where that was read (public docs and code, looked up for
// this file; no data or code was copied, every row below is generated):
//
// • Salesforce report export (Reports → Export → Details Only, CSV): every field quoted, field
//   labels as headers ("Account Owner", "Account Name", "Type", "Industry", "Billing
//   State/Province", "Annual Revenue", "Created Date", "Last Activity"; opportunity reports
//   "Opportunity Owner", "Opportunity Name", "Stage", "Amount", "Probability (%)", "Close Date",
//   "Type", "Lead Source", "Fiscal Period", and the common custom "Loss Reason"), dates in the
//   user's locale (en_US: 3/14/2024), amounts as plain numbers (help.salesforce.com article
//   000382314 shows "Amount Currency"/"Amount" columns in a multi-currency export), and a footer
//   after a blank line: "Confidential Information - Do Not Distribute" and "Copyright (c)
//   2000-2024 salesforce.com, inc. All rights reserved." (scripts in public repos strip exactly
//   these lines). Stage values Prospecting … Negotiation/Review, Closed Won, Closed Lost; account
//   Type picklist "Customer - Direct", "Customer - Channel", plus the near-universal custom
//   "Former Customer".
// • HubSpot company export: "Record ID", "Company name", "Company owner", "Create Date",
//   "Last Activity Date", "Lifecycle Stage", "Annual Revenue", "Total Revenue", "Industry",
//   "City", "Country/Region", "Number of Employees", "Company Domain Name" (HubSpot property
//   labels, as listed in public property dumps such as hubspot/objects/companies/properties.md);
//   datetimes "2024-03-05 14:22", date properties "2024-03-05"; Lifecycle Stage written as its
//   label (Customer, Evangelist, Other…). "Annual Revenue" is the company's own turnover
//   (firmographic); "Total Revenue" is HubSpot's sum of the company's closed-won deals, i.e. what it
//   paid. Churn is tracked with custom "Churn Date" / "Churn Reason" properties, the stage set to
//   Other when a customer leaves.
// • Shopify customers_export.csv: "Customer ID,First Name,Last Name,Email,Accepts Email
//   Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default
//   Address City,Default Address Province Code,Default Address Country Code,Default Address
//   Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax
//   Exempt,Tags" (seen in many importers' tests); Customer ID, phones and zips written with a
//   leading ' so spreadsheets keep them text; yes/no flags. No dates and no status at all.
// • Stripe subscriptions export (Dashboard → Subscriptions → Export): "id", "Customer ID",
//   "Customer Description", "Customer Email", "Customer Name", "Plan", "Product", "Quantity",
//   "Currency", "Interval", "Amount", "Status", "Created (UTC)", "Start (UTC)", "Current Period
//   Start (UTC)", "Current Period End (UTC)", "Trial Start (UTC)", "Trial End (UTC)", "Canceled At
//   (UTC)", "Cancel At Period End", "Ended At (UTC)", "Cancellation Reason", "Cancellation
//   Feedback", "Cancellation Comment" (column names as read by public loaders of these exports);
//   datetimes "2024-03-05 14:22" UTC. Status: incomplete, incomplete_expired, trialing, active,
//   past_due, canceled, unpaid, paused (Stripe API docs). cancellation_details.reason:
//   cancellation_requested, payment_disputed, payment_failed; .feedback: customer_service,
//   low_quality, missing_features, other, switched_service, too_complex, too_expensive, unused;
//   .comment free text. canceled_at is the time of the request, also for cancel-at-period-end.
// • WooCommerce orders (WP All Export / Advanced Order Export field names): "Order ID", "Order
//   Key", "Order Date" (2024-03-05 14:22:01), "Order Status" (slugs: pending, processing, on-hold,
//   completed, cancelled, refunded, failed), "Order Currency", "Payment Method Title", "Order
//   Shipping", "Order Total Tax", "Order Total", "Customer User ID" (0 for guests), "Billing …".
// • Kingdee (金蝶云星空) customer list: 客户编码, 客户名称, 简称, 客户分组, 销售部门, 销售员,
//   数据状态 (已审核…), 禁用状态 (否/是), 创建日期, 备注 (field list of the 客户 form in
//   public Kingdee API docs: Number 客户编码, Name 客户名称, ForbidStatus 禁用状态, DocumentStatus
//   单据状态, Description 备注, SELLER 销售员, SALDEPTID 销售部门); sales-order list
//   (销售订单列表): 单据编号, 单据日期, 客户, 销售部门, 销售员, 物料编码, 物料名称, 销售数量,
//   含税单价, 价税合计, 单据状态; one row per order line. Exported to GBK CSV with a title row and a
//   合计 row.
// • Yonyou U8 (用友) 客户档案: 客户编码, 客户名称, 客户简称, 客户分类, 所属地区, 分管部门,
//   专管业务员, 发展日期, 停用日期, 信用额度; 销售订单列表: 订单号, 订单日期, 业务类型,
//   销售类型, 客户编码, 客户简称, 销售部门, 业务员, 币种, 存货编码, 存货名称, 数量, 含税单价,
//   价税合计, with a 合计 row; U8 lists export to Excel, handed over here as tab-separated text
//   (GBK, and Excel's "Unicode Text", UTF-16LE with BOM).
// • Youzan (有赞) customer export (help.youzan.com and its 2020 product note): 客户姓名, 客户昵称,
//   客户手机号, 免费等级, 付费等级, 客户积分, 客户储值余额, plus 成为会员时间, 最后消费时间,
//   累计消费金额, 累计消费次数, 客单价 (the fields of its customer detail page). No member id:
//   the phone number is the key. Weidian (微店) member list: 会员ID, 会员昵称, 手机号 (masked
//   138****5678), 会员等级 V1–V5, 成为会员时间, 最近消费时间, 累计消费金额 (￥1,234.50),
//   消费次数, 会员状态 (正常 / 已注销).
// • The five files of the issue: a GBK dealer list (title rows, 合计 row, 客户状态 正常合作/已流失,
//   最后进货日期 2024年12月8日, 年采购额(元)); the well-known telecom file whose "Customer Status" is
//   Stayed / Churned / Joined with "Churn Category" (Competitor, Dissatisfaction, Attitude, Price,
//   Other) and "Churn Reason" and "Tenure in Months"; the bank file (RowNumber, CustomerId,
//   Surname, CreditScore, Geography, Gender, Age, Tenure 0–10 years, Balance, NumOfProducts,
//   HasCrCard, IsActiveMember, EstimatedSalary, Exited 0/1); a tab-separated GBK export with a
//   状态 column and money "1,234.50元"; and two contact lists with no churn signal at all.
//
// Every file is as of 2024-12-08 (the export day).
import { encode } from './corpus.ts';
import { createRng, type Rng } from './rng.ts';

// ---------------------------------------------------------------------------------------------
// What each case must give

export type ChurnMode = 'status' | 'churnDate' | 'inactivity' | 'none';

export interface CaseExpected {
  /** Customers in the analysis, churned, active (= customers − churned), churned ÷ customers. */
  customers: number | null;
  churned: number | null;
  active: number | null;
  churnRate: number | null;
  /** Revenue total and lost revenue; null where the file has no revenue anyone could stand behind. */
  revenue: { total: number; lost: number } | null;
  /** Only the total, for files with revenue but no churn signal. */
  revenueTotal?: number;
  /** The churn definitions that give these figures (the first is the one expected). */
  modes: ChurnMode[];
  /** file → role → header, for the roles this case is about (reason, reasonCategory, status…). */
  roles?: Record<string, Record<string, string>>;
  /** The tenure column and its unit, where the file has one. */
  tenure?: { column: string; unit: 'day' | 'month' | 'year' };
  /** Question codes that must be asked (no-churn-signal for files without one). */
  questions?: string[];
  /** Why the figures are what they are, for whoever reads a failure. */
  notes: string[];
}

export interface ExportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ExportCase {
  /** Case id, e.g. 'stripe'. */
  id: string;
  system: string;
  files: ExportFile[];
  expected: CaseExpected;
}

/** The day every fixture was exported. */
export const EXPORT_DATE = '2024-12-08';

// ---------------------------------------------------------------------------------------------
// Calendar (UTC epoch days) and the forms systems write

const MS = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / MS);
const EXPORT_DAY = dayOf(2024, 12, 8);
const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
function ymd(day: number): { y: number; m: number; d: number } {
  const t = new Date(day * MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const iso = (day: number): string => {
  const t = ymd(day);
  return `${t.y}-${p2(t.m)}-${p2(t.d)}`;
};
const mdy = (day: number): string => {
  const t = ymd(day);
  return `${t.m}/${t.d}/${t.y}`;
};
const slash = (day: number): string => {
  const t = ymd(day);
  return `${t.y}/${t.m}/${t.d}`;
};
const slash0 = (day: number): string => {
  const t = ymd(day);
  return `${t.y}/${p2(t.m)}/${p2(t.d)}`;
};
const cn = (day: number): string => {
  const t = ymd(day);
  return `${t.y}年${t.m}月${t.d}日`;
};
const hm = (r: Rng): string => `${p2(r.int(7, 22))}:${p2(r.int(0, 59))}`;
const hms = (r: Rng): string => `${hm(r)}:${p2(r.int(0, 59))}`;

/** Cents as 1234.50 (no grouping). */
const plain = (cents: number): string => `${Math.trunc(cents / 100)}.${p2(Math.abs(cents) % 100)}`;
/** Cents as 1,234.50. */
const grouped = (cents: number): string => `${String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${p2(Math.abs(cents) % 100)}`;
/** Money totals in currency units from cents, exactly. */
const units = (cents: number): number => cents / 100;

function quoteIf(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
const quoteAll = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

function table(header: string[], rows: string[][], o: { delimiter?: string; eol?: string; quote?: 'all' | 'needed' } = {}): string[] {
  const d = o.delimiter ?? ',';
  const q = o.quote === 'all' ? quoteAll : (c: string) => quoteIf(c, d);
  return [header, ...rows].map((cells) => cells.map(q).join(d));
}

/** A text file: lines joined by eol, with a final eol. */
const text = (lines: string[], eol: string): string => lines.join(eol) + eol;

// ---------------------------------------------------------------------------------------------
// Names

// prettier-ignore
const EN_FIRST = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Maria', 'Wei', 'Priya', 'Ahmed',
  'Fatima', 'Kenji', 'Olga', 'Noah', 'Emma', 'Liam', 'Ava',
];
// prettier-ignore
const EN_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Nguyen', 'Patel', 'Kim', 'Chen',
];
// prettier-ignore
const EN_CO_A = [
  'Apex', 'Birch', 'Cobalt', 'Delta', 'Evergreen', 'Falcon', 'Granite', 'Harbor', 'Ironwood', 'Juniper', 'Keystone',
  'Lumen', 'Maple', 'Northwind', 'Orchid', 'Pioneer', 'Quarry', 'Redwood', 'Summit', 'Tidewater', 'Union', 'Vertex',
  'Willow', 'Yardley', 'Zenith', 'Bluebird', 'Cedar', 'Driftwood', 'Ember', 'Foxglove',
];
// prettier-ignore
const EN_CO_B = [
  'Analytics', 'Logistics', 'Foods', 'Dental', 'Labs', 'Systems', 'Outfitters', 'Media', 'Health', 'Builders',
  'Capital', 'Freight', 'Software', 'Studios', 'Supply', 'Robotics', 'Energy', 'Design',
];
const EN_CO_C = ['Inc', 'LLC', 'Ltd', 'Co', 'Group', 'Corp'];
// prettier-ignore
const US_CITIES: [string, string][] = [
  ['Austin', 'TX'], ['Denver', 'CO'], ['Seattle', 'WA'], ['Boston', 'MA'], ['Chicago', 'IL'], ['Portland', 'OR'],
  ['Atlanta', 'GA'], ['San Diego', 'CA'], ['Brooklyn', 'NY'], ['Miami', 'FL'],
];

// prettier-ignore
const ZH_CITY = ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '重庆', '天津', '青岛', '厦门', '宁波', '长沙', '郑州', '合肥', '济南', '福州'];
// prettier-ignore
const ZH_WORD = ['恒达', '鑫源', '华联', '永盛', '金桥', '宏图', '东方', '新世纪', '瑞丰', '佳美', '诚信', '万通', '博远', '嘉禾', '天成', '润泽', '汇丰', '正和', '锦程', '立信'];
const ZH_KIND = ['商贸', '贸易', '电器', '建材', '五金', '食品', '医药', '科技', '实业', '物流'];
const ZH_SURNAME = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
// prettier-ignore
const ZH_GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建国', '建华', '志强', '晓东', '海燕', '丹', '鹏', '飞'];

/** n distinct values of make(). */
function distinct(n: number, make: () => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let guard = 0; out.length < n; guard++) {
    if (guard > n * 1000) throw new Error('distinct: too few possible values');
    const v = make();
    if (seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}
const enPerson = (r: Rng): string => `${r.pick(EN_FIRST)} ${r.pick(EN_LAST)}`;
const enCompanies = (r: Rng, n: number): string[] => distinct(n, () => `${r.pick(EN_CO_A)} ${r.pick(EN_CO_B)} ${r.pick(EN_CO_C)}`);
const zhPerson = (r: Rng): string => r.pick(ZH_SURNAME) + r.pick(ZH_GIVEN);
/** Chinese company names: full name and short name (简称). */
function zhCompanies(r: Rng, n: number): { name: string; short: string }[] {
  return distinct(n, () => `${r.pick(ZH_CITY)}|${r.pick(ZH_WORD)}|${r.pick(ZH_KIND)}`).map((k) => {
    const [city, word, kind] = k.split('|');
    return { name: `${city}${word}${kind}有限公司`, short: `${city}${word}` };
  });
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = (r: Rng, n: number): string => Array.from({ length: n }, () => r.pick([...ALNUM])).join('');
const digits = (r: Rng, n: number): string => Array.from({ length: n }, () => String(r.int(0, 9))).join('');
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

const rate = (churned: number, customers: number): number => churned / customers;

// ---------------------------------------------------------------------------------------------
// Salesforce: an account report and an opportunity report of the same accounts

function salesforce(r: Rng): ExportCase {
  const owners = ['Dana Whitfield', 'Marcus Lee', 'Priya Raman', 'Tom Okafor', 'Elena Petrova', 'Sam Carter'];
  const industries = ['Technology', 'Healthcare', 'Manufacturing', 'Retail', 'Financial Services', 'Education', 'Media', 'Transportation'];
  const lossReasons = ['Price', 'Lost to Competitor', 'No Budget / Lost Funding', 'No Decision / Non-Responsive', 'Product Fit', 'Other'];
  // prettier-ignore
  const openStages: [string, number][] = [
    ['Prospecting', 10], ['Qualification', 20], ['Needs Analysis', 30], ['Proposal/Price Quote', 60], ['Negotiation/Review', 80],
  ];
  const names = enCompanies(r, 50);
  const accounts: string[][] = [];
  const opps: { close: number; row: string[] }[] = [];
  let former = 0;
  let wonAll = 0;
  let wonFormer = 0;
  const oppRow = (
    owner: string,
    account: string,
    type: string,
    stage: string,
    cents: number,
    prob: number,
    close: number,
    lead: string,
    loss: string,
  ) => {
    const t = ymd(close);
    const created = Math.min(close - r.int(14, 90), EXPORT_DAY - r.int(1, 30));
    const label = type === 'New Customer' ? 'New' : type === 'Renewal' ? 'Renewal' : 'Upgrade';
    opps.push({
      close,
      // prettier-ignore
      row: [owner, account, `${account} - ${label} ${t.y}`, type, stage, plain(cents), String(prob), mdy(close), mdy(created), lead, loss, `Q${Math.ceil(t.m / 3)}-${t.y}`],
    });
  };
  for (const account of names) {
    const owner = r.pick(owners);
    const type = r.weighted(['Customer - Direct', 'Customer - Channel', 'Former Customer'], [55, 22, 23]);
    const isFormer = type === 'Former Customer';
    const created = r.int(dayOf(2022, 1, 1), dayOf(2023, 6, 30));
    const firstWon = created + r.int(20, 120);
    const base = r.int(50, 900) * 10_000; // $5,000 – $90,000 in cents
    let won = 0;
    const win = (cents: number, close: number, t: string, lead = '') => {
      won += cents;
      oppRow(owner, account, t, 'Closed Won', cents, 100, close, lead, '');
    };
    win(base, firstWon, 'New Customer', r.pick(['Web', 'Partner Referral', 'Trade Show', 'Phone Inquiry', 'Purchased List']));
    const anniversaries: number[] = [];
    for (let k = 1; firstWon + 365 * k <= EXPORT_DAY - 1; k++) anniversaries.push(firstWon + 365 * k);
    let lastTouch = firstWon;
    if (isFormer) {
      // Renewed until one anniversary, lost that renewal: the account left.
      const lostAt = r.int(0, anniversaries.length - 1);
      for (let k = 0; k < lostAt; k++) win(Math.round((base * r.int(90, 120)) / 100 / 100) * 100, anniversaries[k], 'Renewal');
      oppRow(owner, account, 'Renewal', 'Closed Lost', base, 0, anniversaries[lostAt], '', r.pick(lossReasons));
      lastTouch = anniversaries[lostAt];
      former++;
      wonFormer += won;
    } else {
      for (const a of anniversaries) win(Math.round((base * r.int(95, 125)) / 100 / 100) * 100, a, 'Renewal');
      if (r.chance(0.3)) {
        const at = r.int(firstWon + 30, EXPORT_DAY - 5);
        win(r.int(20, 200) * 10_000, at, 'Existing Customer - Upgrade');
      }
      if (r.chance(0.2)) {
        // An upsell the customer turned down: a lost deal, not a lost customer.
        oppRow(
          owner,
          account,
          'Existing Customer - Upgrade',
          'Closed Lost',
          r.int(20, 200) * 10_000,
          0,
          r.int(firstWon + 30, EXPORT_DAY - 5),
          '',
          r.pick(lossReasons),
        );
      }
      if (r.chance(0.35)) {
        const [stage, prob] = r.pick(openStages);
        oppRow(owner, account, 'Existing Customer - Upgrade', stage, r.int(20, 300) * 10_000, prob, EXPORT_DAY + r.int(10, 120), '', '');
      }
      lastTouch = EXPORT_DAY - r.int(0, 60);
    }
    wonAll += won;
    const [, state] = r.pick(US_CITIES);
    // prettier-ignore
    accounts.push([
      owner, account, type, r.pick(industries), state, String(r.int(1, 900) * 1_000_000), String(r.int(5, 5000)),
      mdy(created), mdy(Math.min(lastTouch + r.int(0, 30), EXPORT_DAY)),
    ]);
  }
  const footer = ['', '"Confidential Information - Do Not Distribute"', '"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."'];
  // prettier-ignore
  const accHeader = ['Account Owner', 'Account Name', 'Type', 'Industry', 'Billing State/Province', 'Annual Revenue', 'Employees', 'Created Date', 'Last Activity'];
  // prettier-ignore
  const oppHeader = ['Opportunity Owner', 'Account Name', 'Opportunity Name', 'Type', 'Stage', 'Amount', 'Probability (%)', 'Close Date', 'Created Date', 'Lead Source', 'Loss Reason', 'Fiscal Period'];
  const sortedAccounts = [...accounts].sort((a, b) => (a[1] < b[1] ? -1 : 1));
  const sortedOpps = opps.sort((a, b) => a.close - b.close || (a.row[1] < b.row[1] ? -1 : 1)).map((o) => o.row);
  if (sortedOpps.length > 200) throw new Error(`salesforce: ${sortedOpps.length} opportunities`);
  const n = names.length;
  return {
    id: 'salesforce',
    system: 'Salesforce account report + opportunity report',
    // prettier-ignore
    files: [
      { name: 'salesforce-accounts.csv', bytes: encode(text([...table(accHeader, sortedAccounts, { quote: 'all' }), ...footer], '\r\n'), 'utf-8', false) },
      { name: 'salesforce-opportunities.csv', bytes: encode(text([...table(oppHeader, sortedOpps, { quote: 'all' }), ...footer], '\r\n'), 'utf-8', false) },
    ],
    expected: {
      customers: n,
      churned: former,
      active: n - former,
      churnRate: rate(former, n),
      revenue: { total: units(wonAll), lost: units(wonFormer) },
      modes: ['status'],
      roles: { 'salesforce-accounts.csv': { status: 'Type', customerId: 'Account Name' } },
      // prettier-ignore
      notes: [
        'Type "Former Customer" is a lost account; "Customer - Direct" / "Customer - Channel" are active.',
        'Revenue is what the accounts paid: the Closed Won opportunities. "Annual Revenue" is the account\'s own turnover (a firmographic field), not revenue to the client; Closed Lost and open opportunities are not sales.',
        'The two footer lines ("Confidential Information…", "Copyright…") are not accounts.',
        'Dates are M/D/YYYY (en_US).',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HubSpot: a company export

function hubspot(r: Rng): ExportCase {
  // prettier-ignore
  const industries = ['Computer Software', 'Hospital & Health Care', 'Retail', 'Construction', 'Financial Services', 'Marketing and Advertising', 'Information Technology and Services'];
  // prettier-ignore
  const reasons = [
    'Moved to Salesforce', 'Budget cuts after layoffs', 'Too expensive for our team size', 'Missing integration with NetSuite',
    'Acquired by another company', 'Support took days to respond', 'Switched to a cheaper competitor', 'Company closed',
    'Not using it enough', 'Onboarding was too complex',
  ];
  const n = 150;
  const names = enCompanies(r, n);
  const ids = distinct(n, () => String(r.int(5_000_000_000, 19_999_999_999)));
  const owners = Array.from({ length: 5 }, () => enPerson(r));
  const rows: string[][] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  names.forEach((name, i) => {
    const stage = r.weighted(['Customer', 'Evangelist', 'Other'], [60, 12, 28]);
    const isLost = stage === 'Other';
    const created = r.int(dayOf(2020, 1, 1), dayOf(2024, 6, 30));
    const paid = r.int(10, 1200) * 5_000; // $500 – $60,000 in cents, whole $50
    total += paid;
    let churnDate = '';
    let reason = '';
    let lastActivity: number;
    if (isLost) {
      const c = r.int(Math.min(created + 120, EXPORT_DAY - 1), EXPORT_DAY - 1);
      churnDate = iso(c);
      reason = r.chance(0.85) ? r.pick(reasons) : '';
      lastActivity = Math.min(c + r.int(-30, 20), EXPORT_DAY);
      churned++;
      lost += paid;
    } else lastActivity = EXPORT_DAY - r.int(0, 45);
    const [city] = r.pick(US_CITIES);
    // prettier-ignore
    rows.push([
      ids[i], name, r.pick(owners), `${iso(created)} ${hm(r)}`, `${iso(lastActivity)} ${hm(r)}`, stage,
      String(r.int(1, 500) * 500_000), String(paid / 100), r.pick(industries), city, 'United States', String(r.int(3, 4000)),
      `${slug(name)}.com`, churnDate, reason,
    ]);
  });
  // prettier-ignore
  const header = [
    'Record ID', 'Company name', 'Company owner', 'Create Date', 'Last Activity Date', 'Lifecycle Stage', 'Annual Revenue',
    'Total Revenue', 'Industry', 'City', 'Country/Region', 'Number of Employees', 'Company Domain Name', 'Churn Date', 'Churn Reason',
  ];
  return {
    id: 'hubspot',
    system: 'HubSpot company export',
    files: [{ name: 'hubspot-companies.csv', bytes: encode(text(table(header, rows), '\n'), 'utf-8', false) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['status', 'churnDate'],
      roles: { 'hubspot-companies.csv': { customerId: 'Record ID', revenue: 'Total Revenue', churnDate: 'Churn Date', reason: 'Churn Reason' } },
      // prettier-ignore
      notes: [
        'Every company here is or was a customer: Customer and Evangelist are active; each company that left has a Churn Date and its stage set to Other.',
        'The mode is status when Lifecycle Stage is read as the status column (Other = lost), else churnDate: either gives the same count.',
        'Revenue is "Total Revenue" (HubSpot: the company\'s closed-won deals), not "Annual Revenue" (the company\'s own turnover).',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shopify: customers_export.csv (no dates, no status)

function shopify(r: Rng): ExportCase {
  // prettier-ignore
  const provinces: [string, string, string][] = [
    ['Toronto', 'ON', 'CA'], ['Montreal', 'QC', 'CA'], ['Vancouver', 'BC', 'CA'], ['Austin', 'TX', 'US'], ['Boston', 'MA', 'US'],
    ['Seattle', 'WA', 'US'], ['Brooklyn', 'NY', 'US'],
  ];
  const tags = ['', '', '', 'VIP', 'wholesale', 'newsletter', 'VIP, wholesale', 'returning'];
  const n = 140;
  const ids = distinct(n, () => `6${digits(r, 12)}`);
  const rows: string[][] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const first = r.pick(EN_FIRST);
    const last = r.pick(EN_LAST);
    const [city, prov, country] = r.pick(provinces);
    const orders = r.int(1, 12);
    const spent = orders * r.int(1500, 18000);
    total += spent;
    const zip = country === 'US' ? `0${digits(r, 4)}` : `${r.pick(['M5V', 'H2X', 'V6B'])} ${r.int(1, 9)}${r.pick(['A', 'K', 'R'])}${r.int(1, 9)}`;
    const phone = `'+1${r.int(200, 989)}${digits(r, 7)}`;
    // prettier-ignore
    rows.push([
      `'${ids[i]}`, first, last, `${first}.${last}${i}@example.com`.toLowerCase(), r.pick(['yes', 'no']), r.chance(0.1) ? `${last} & Co` : '',
      `${r.int(1, 999)} ${r.pick(['Main St', 'King St W', 'Elm Ave', 'Rue Saint-Denis', 'Oak Rd'])}`, r.chance(0.2) ? `Apt ${r.int(1, 40)}` : '',
      city, prov, country, `'${zip}`, phone, r.chance(0.5) ? phone : '', r.pick(['yes', 'no']), plain(spent), String(orders),
      r.chance(0.05) ? 'Prefers pickup' : '', r.chance(0.05) ? 'yes' : 'no', r.pick(tags),
    ]);
  }
  // prettier-ignore
  const header = [
    'Customer ID', 'First Name', 'Last Name', 'Email', 'Accepts Email Marketing', 'Default Address Company', 'Default Address Address1',
    'Default Address Address2', 'Default Address City', 'Default Address Province Code', 'Default Address Country Code', 'Default Address Zip',
    'Default Address Phone', 'Phone', 'Accepts SMS Marketing', 'Total Spent', 'Total Orders', 'Note', 'Tax Exempt', 'Tags',
  ];
  return {
    id: 'shopify',
    system: 'Shopify customers_export.csv',
    files: [{ name: 'shopify-customers_export.csv', bytes: encode(text(table(header, rows), '\n'), 'utf-8', false) }],
    expected: {
      customers: n,
      churned: null,
      active: null,
      churnRate: null,
      revenue: null,
      revenueTotal: units(total),
      modes: ['none'],
      questions: ['no-churn-signal'],
      // prettier-ignore
      notes: [
        'Shopify\'s customer export has no dates and no status: nothing in it says who left, so the user must be asked (no-churn-signal).',
        '"Accepts Email Marketing", "Accepts SMS Marketing" and "Tax Exempt" are yes/no flags, not churn.',
        'Revenue total is the sum of "Total Spent".',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Stripe: a subscriptions export, one subscription per customer

const STRIPE_FEEDBACK: Record<string, string[]> = {
  too_expensive: ['Price went up and we are a 3-person shop', 'Cannot justify the cost anymore'],
  switched_service: ['Moved to a tool that bundles invoicing', 'Going with a competitor our client uses'],
  missing_features: ['No API for exports', 'We needed multi-currency support'],
  low_quality: ['Sync kept failing every week'],
  customer_service: ['Waited a week for a reply to a billing question'],
  unused: ['We barely logged in after the first month', 'Project ended'],
  too_complex: ['The team found the setup confusing'],
  other: ['Company closed', 'Merged with another firm'],
};

function stripe(r: Rng): ExportCase {
  const products: [string, number][] = [
    ['Starter', 1900],
    ['Pro', 4900],
    ['Team', 14900],
  ];
  const priceIds = products.map(() => `price_1${token(r, 23)}`);
  const n = 160;
  const subs: { created: number; row: string[] }[] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  const feedbackCodes = Object.keys(STRIPE_FEEDBACK);
  for (let i = 0; i < n; i++) {
    const status = r.weighted(['active', 'trialing', 'past_due', 'canceled'], [60, 7, 7, 26]);
    const p = r.int(0, products.length - 1);
    const [product, cents] = products[p];
    const first = r.pick(EN_FIRST);
    const last = r.pick(EN_LAST);
    const name = `${first} ${last}`;
    const created = status === 'trialing' ? EXPORT_DAY - r.int(1, 13) : r.int(dayOf(2022, 1, 10), EXPORT_DAY - 40);
    const createdAt = `${iso(created)} ${hm(r)}`;
    let trialStart = '';
    let trialEnd = '';
    if (status === 'trialing' || r.chance(0.3)) {
      trialStart = createdAt;
      trialEnd = `${iso(created + 14)} ${createdAt.slice(11)}`;
    }
    let canceledAt = '';
    let reason = '';
    let feedback = '';
    let comment = '';
    let periodEnd = EXPORT_DAY + r.int(1, 30);
    if (status === 'canceled') {
      const c = r.int(created + 20, EXPORT_DAY - 1);
      canceledAt = `${iso(c)} ${hm(r)}`;
      periodEnd = c;
      reason = r.chance(0.8) ? 'cancellation_requested' : 'payment_failed';
      if (reason === 'cancellation_requested' && r.chance(0.85)) {
        feedback = r.pick(feedbackCodes);
        if (r.chance(0.4)) comment = r.pick(STRIPE_FEEDBACK[feedback]);
      }
      churned++;
      lost += cents;
    }
    total += cents;
    subs.push({
      created,
      // prettier-ignore
      row: [
        `sub_1${token(r, 23)}`, `cus_${token(r, 14)}`, '', `${first}.${last}${i}@example.com`.toLowerCase(), name, priceIds[p], product, '1', 'usd',
        'month', plain(cents), status, createdAt, createdAt, `${iso(periodEnd - 30)} ${createdAt.slice(11)}`, `${iso(periodEnd)} ${createdAt.slice(11)}`,
        trialStart, trialEnd, '', r.chance(0.1) ? 'WELCOME20' : '', '', canceledAt, 'false', canceledAt, reason, feedback, comment,
      ],
    });
  }
  // prettier-ignore
  const header = [
    'id', 'Customer ID', 'Customer Description', 'Customer Email', 'Customer Name', 'Plan', 'Product', 'Quantity', 'Currency', 'Interval',
    'Amount', 'Status', 'Created (UTC)', 'Start (UTC)', 'Current Period Start (UTC)', 'Current Period End (UTC)', 'Trial Start (UTC)',
    'Trial End (UTC)', 'Application Fee Percent', 'Coupon', 'Tax Percent', 'Canceled At (UTC)', 'Cancel At Period End', 'Ended At (UTC)',
    'Cancellation Reason', 'Cancellation Feedback', 'Cancellation Comment',
  ];
  // Newest first, as the dashboard lists them.
  const rows = subs.sort((a, b) => b.created - a.created).map((s) => s.row);
  return {
    id: 'stripe',
    system: 'Stripe subscriptions export',
    files: [{ name: 'stripe-subscriptions.csv', bytes: encode(text(table(header, rows), '\n'), 'utf-8', false) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['status'],
      roles: { 'stripe-subscriptions.csv': { status: 'Status', reason: 'Cancellation Feedback', revenue: 'Amount' } },
      // prettier-ignore
      notes: [
        'Status canceled is lost; active, past_due and trialing are active customers. trialing counts as a customer: Stripe\'s docs say a trialing subscription is "safe to provision", it turns active by itself when the trial ends, and the issue counts a telecom\'s "Joined" (new) customers as customers too.',
        'past_due is a failed renewal payment still being retried: not lost until Stripe cancels it.',
        'The reason is "Cancellation Feedback" (the customer\'s choice among Stripe\'s eight codes); "Cancellation Reason" only says how it ended (requested / payment failed) and "Cancellation Comment" is optional free text.',
        'One subscription per customer; revenue is the monthly "Amount" (all plans monthly, quantity 1).',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// WooCommerce: an order export on its own

function woocommerce(r: Rng): ExportCase {
  const m = 60;
  const userIds = distinct(m, () => String(r.int(2, 900)));
  type Order = { day: number; status: string; user: number; cents: number; ship: number; tax: number };
  const orders: Order[] = [];
  const asOf = EXPORT_DAY;
  let churned = 0;
  let total = 0;
  let lost = 0;
  for (let u = 0; u < m; u++) {
    const isChurned = u !== 0 && r.chance(0.4);
    // The last purchase: well past 90 days before asOf for those who left, within 88 days otherwise.
    const last = u === 0 ? asOf : isChurned ? r.int(asOf - 600, asOf - 92) : r.int(asOf - 88, asOf - 1);
    const k = r.int(1, 4);
    const days = [last];
    for (let j = 1; j < k; j++) {
      const d = days[days.length - 1] - r.int(20, 110);
      if (d < dayOf(2022, 6, 1)) break;
      days.push(d);
    }
    days.reverse();
    let spent = 0;
    days.forEach((day, j) => {
      const sub = r.int(1500, 25000);
      const ship = r.pick([0, 500, 990]);
      const tax = Math.round(sub * 0.08);
      const recent = asOf - day < 5;
      const status = u === 0 && j === days.length - 1 ? 'completed' : recent && r.chance(0.5) ? 'processing' : 'completed';
      orders.push({ day, status, user: u, cents: sub + ship + tax, ship, tax });
      spent += sub + ship + tax;
      // A cancelled or refunded order between two purchases: not a sale, never first or last.
      if (j < days.length - 1 && days[j + 1] - day > 2 && r.chance(0.3)) {
        const s2 = r.int(1500, 25000);
        orders.push({
          day: r.int(day + 1, days[j + 1] - 1),
          status: r.pick(['cancelled', 'refunded']),
          user: u,
          cents: s2 + Math.round(s2 * 0.08),
          ship: 0,
          tax: Math.round(s2 * 0.08),
        });
      }
    });
    total += spent;
    if (isChurned) {
      churned++;
      lost += spent;
    }
  }
  // Order ids follow the date (WordPress post ids: increasing, with gaps); listed newest first.
  orders.sort((a, b) => a.day - b.day || a.user - b.user);
  const people = Array.from({ length: m }, () => [r.pick(EN_FIRST), r.pick(EN_LAST)]);
  let id = 1000;
  const rows = orders.map((o) => {
    id += r.int(1, 7);
    const [first, last] = people[o.user];
    const [city] = r.pick(US_CITIES);
    // prettier-ignore
    return [
      String(id), `wc_order_${token(r, 13)}`, `${iso(o.day)} ${hms(r)}`, o.status, 'USD', r.pick(['Credit Card (Stripe)', 'PayPal', 'Direct bank transfer']),
      plain(o.ship), plain(o.tax), plain(o.cents), userIds[o.user], first, last, `${first}.${last}.${o.user}@example.com`.toLowerCase(),
      `+1 ${r.int(200, 989)}-${digits(r, 3)}-${digits(r, 4)}`, city, 'US',
    ];
  });
  rows.reverse();
  if (rows.length > 200) throw new Error(`woocommerce: ${rows.length} orders`);
  // prettier-ignore
  const header = [
    'Order ID', 'Order Key', 'Order Date', 'Order Status', 'Order Currency', 'Payment Method Title', 'Order Shipping', 'Order Total Tax',
    'Order Total', 'Customer User ID', 'Billing First Name', 'Billing Last Name', 'Billing Email', 'Billing Phone', 'Billing City', 'Billing Country',
  ];
  return {
    id: 'woocommerce',
    system: 'WooCommerce order export (alone)',
    files: [{ name: 'woocommerce-orders.csv', bytes: encode(text(table(header, rows), '\n'), 'utf-8', true) }],
    expected: {
      customers: m,
      churned,
      active: m - churned,
      churnRate: rate(churned, m),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['inactivity'],
      roles: { 'woocommerce-orders.csv': { customerId: 'Customer User ID', orderDate: 'Order Date', amount: 'Order Total' } },
      // prettier-ignore
      notes: [
        'An order log alone: churned = no purchase in the 90 days before asOf (2024-12-08, the latest order, a completed one).',
        'Orders with status cancelled or refunded are not sales: left out of revenue. They sit between two purchases of the same customer, so they change no customer count, only revenue.',
        'completed and processing (paid, not yet shipped) orders are sales; the amount is "Order Total" (shipping and tax are inside it).',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Kingdee (金蝶云星空): customer list + sales-order list, GBK CSV

// prettier-ignore
const KD_ITEMS: [string, string, string, number][] = [
  ['3.01.001', '电热水壶 1.7L', '台', 8900],
  ['3.01.002', '电饭煲 4L', '台', 25900],
  ['3.02.010', '空气炸锅 5L', '台', 31900],
  ['3.03.004', '豆浆机', '台', 19900],
  ['3.05.020', '厨房纸巾(箱)', '箱', 4550],
  ['3.06.001', '不锈钢锅具套装', '套', 45800],
];

function kingdee(r: Rng): ExportCase {
  const n = 50;
  const cos = zhCompanies(r, n);
  const depts = ['华东销售部', '华南销售部', '华北销售部', '西南销售部'];
  const sellers = distinct(6, () => zhPerson(r));
  // prettier-ignore
  const lostNotes = ['价格高于竞品，转向其他供应商', '业务员离职后无人跟进', '回款困难，停止供货', '对方经营不善已倒闭', '质量问题多次投诉', '合同到期未续签'];
  const otherNotes = ['月结30天', '需开增值税专用发票', '仅限现款现货'];
  const customers: string[][] = [];
  const lines: { day: number; order: number; row: string[] }[] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  let orderNo = 0;
  cos.forEach((co, i) => {
    const code = `C${String(10001 + i * 7).padStart(5, '0')}`;
    const disabled = r.chance(0.28);
    const created = r.int(dayOf(2020, 1, 1), dayOf(2024, 3, 31));
    const end = disabled ? r.int(Math.min(created + 180, EXPORT_DAY - 30), EXPORT_DAY - 30) : EXPORT_DAY;
    const dept = r.pick(depts);
    const seller = r.pick(sellers);
    const note = disabled ? (r.chance(0.8) ? r.pick(lostNotes) : '') : r.chance(0.15) ? r.pick(otherNotes) : '';
    // prettier-ignore
    customers.push([code, co.name, co.short, r.pick(['经销商', '直营客户', '零售客户']), dept, seller, '已审核', disabled ? '是' : '否', slash(created), note]);
    let spent = 0;
    const k = r.int(1, 3);
    for (let j = 0; j < k; j++) {
      const day = r.int(created + 1, end);
      orderNo++;
      const nLines = r.int(1, 2);
      for (let l = 0; l < nLines; l++) {
        const [itemCode, item, unit, price] = r.pick(KD_ITEMS);
        const qty = r.int(5, 120);
        spent += qty * price;
        lines.push({
          day,
          order: orderNo,
          row: ['', slash(day), code, co.name, dept, seller, itemCode, item, unit, String(qty), plain(price), plain(qty * price), '已审核'],
        });
      }
    }
    total += spent;
    if (disabled) {
      churned++;
      lost += spent;
    }
  });
  // Order numbers follow the date.
  lines.sort((a, b) => a.day - b.day || a.order - b.order);
  const numbers = new Map<number, string>();
  for (const l of lines) {
    if (!numbers.has(l.order)) numbers.set(l.order, `XSDD${String(numbers.size + 1).padStart(6, '0')}`);
    l.row[0] = numbers.get(l.order)!;
  }
  if (lines.length > 200) throw new Error(`kingdee: ${lines.length} order lines`);
  const qtySum = lines.reduce((s, l) => s + Number(l.row[9]), 0);
  const custHeader = ['客户编码', '客户名称', '简称', '客户分组', '销售部门', '销售员', '数据状态', '禁用状态', '创建日期', '备注'];
  // prettier-ignore
  const orderHeader = ['单据编号', '单据日期', '客户编码', '客户名称', '销售部门', '销售员', '物料编码', '物料名称', '销售单位', '销售数量', '含税单价', '价税合计', '单据状态'];
  const custText = text(['客户档案', ...table(custHeader, customers)], '\r\n');
  const orderText = text(
    [
      '销售订单列表',
      ...table(
        orderHeader,
        lines.map((l) => l.row),
      ),
      ['合计', '', '', '', '', '', '', '', '', String(qtySum), '', plain(total), ''].join(','),
    ],
    '\r\n',
  );
  return {
    id: 'kingdee',
    system: 'Kingdee (金蝶) customer list + sales-order list',
    // prettier-ignore
    files: [
      { name: 'kingdee-customers-gbk.csv', bytes: encode(custText, 'gbk', false) },
      { name: 'kingdee-sales-orders-gbk.csv', bytes: encode(orderText, 'gbk', false) },
    ],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['status'],
      roles: { 'kingdee-customers-gbk.csv': { customerId: '客户编码', status: '禁用状态', reason: '备注' } },
      // prettier-ignore
      notes: [
        '禁用状态 是 = the customer record was disabled: the customer left; 否 = active. 数据状态 (已审核) is the record\'s approval state, not churn.',
        'Revenue is the sum of 价税合计 over the order lines (the customer list has no money column); the 合计 row is not an order.',
        '备注 holds why each disabled customer left (other customers\' notes are payment terms): it is the reason column.',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Yonyou U8 (用友): 客户档案 (GBK, tab) + 销售订单列表 (UTF-16LE, tab)

function yonyou(r: Rng): ExportCase {
  const n = 60;
  const cos = zhCompanies(r, n);
  const depts = ['销售一部', '销售二部', '销售三部'];
  const reps = distinct(5, () => zhPerson(r));
  // prettier-ignore
  const items: [string, string, number][] = [
    ['01001', '螺纹钢 HRB400', 412000], ['01002', '热轧卷板 Q235', 398000], ['02010', '镀锌管 DN50', 56000], ['03005', '焊丝 ER50-6', 9800],
  ];
  const customers: string[][] = [];
  const orders: { day: number; row: string[] }[] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  cos.forEach((co, i) => {
    const code = `01${String(i + 1).padStart(4, '0')}`;
    const dev = r.int(dayOf(2019, 1, 1), dayOf(2023, 12, 31));
    const stopped = i !== 0 && r.chance(0.3);
    const stop = stopped ? r.int(Math.min(dev + 200, EXPORT_DAY - 20), EXPORT_DAY - 20) : NaN;
    const dept = r.pick(depts);
    const rep = r.pick(reps);
    // prettier-ignore
    customers.push([
      code, co.name, co.short, r.pick(['经销商', '终端客户']), r.pick(['华东', '华南', '华北', '华中', '西南']), dept, rep, iso(dev),
      stopped ? iso(stop) : '', plain(r.int(10, 100) * 1_000_000),
    ]);
    let spent = 0;
    const k = r.int(1, 3);
    for (let j = 0; j < k; j++) {
      // Customer 0 ordered on the export day: the latest date, so every 停用日期 is on or before asOf.
      const day = i === 0 && j === 0 ? EXPORT_DAY : r.int(dev + 1, stopped ? stop - 1 : EXPORT_DAY);
      const [itemCode, item, price] = r.pick(items);
      const qty = r.int(1, 40);
      spent += qty * price;
      orders.push({
        day,
        row: [
          '',
          iso(day),
          '普通销售',
          '经销',
          code,
          co.short,
          dept,
          rep,
          '人民币',
          itemCode,
          item,
          String(qty),
          grouped(price),
          grouped(qty * price),
        ],
      });
    }
    total += spent;
    if (stopped) {
      churned++;
      lost += spent;
    }
  });
  orders.sort((a, b) => a.day - b.day);
  orders.forEach((o, k) => (o.row[0] = String(k + 1).padStart(10, '0')));
  const qtySum = orders.reduce((s, o) => s + Number(o.row[11]), 0);
  const custHeader = ['客户编码', '客户名称', '客户简称', '客户分类', '所属地区', '分管部门', '专管业务员', '发展日期', '停用日期', '信用额度'];
  // prettier-ignore
  const orderHeader = ['订单号', '订单日期', '业务类型', '销售类型', '客户编码', '客户简称', '销售部门', '业务员', '币种', '存货编码', '存货名称', '数量', '含税单价', '价税合计'];
  const tab = { delimiter: '\t' };
  const custText = text(['客户档案', ...table(custHeader, customers, tab)], '\r\n');
  const orderText = text(
    [
      '销售订单列表',
      ...table(
        orderHeader,
        orders.map((o) => o.row),
        tab,
      ),
      ['合计', '', '', '', '', '', '', '', '', '', '', String(qtySum), '', grouped(total)].join('\t'),
    ],
    '\r\n',
  );
  return {
    id: 'yonyou',
    system: 'Yonyou U8 (用友) 客户档案 + 销售订单列表',
    // prettier-ignore
    files: [
      { name: 'yonyou-customers-gbk.txt', bytes: encode(custText, 'gbk', false) },
      { name: 'yonyou-sales-orders-utf16.txt', bytes: encode(orderText, 'utf-16le', true) },
    ],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['churnDate'],
      roles: { 'yonyou-customers-gbk.txt': { customerId: '客户编码', churnDate: '停用日期', signupDate: '发展日期' } },
      // prettier-ignore
      notes: [
        '停用日期 (the day the customer was stopped) is the churn date: a customer with one is lost.',
        'Revenue is the sum of 价税合计 (written 12,345.00) over the order rows; 信用额度 is a credit limit, not revenue; the 合计 row is not an order.',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Youzan (有赞) customer export: no status, no id but the phone; churn by inactivity

function youzan(r: Rng): ExportCase {
  const n = 150;
  const phones = distinct(n, () => `1${r.pick(['3', '5', '7', '8', '9'])}${digits(r, 9)}`);
  const nick = ['小鱼儿', '阳光', 'Lily', '晴天', '木子', '大白', 'Coco', '一只猫', '果果', '风'];
  const rows: string[][] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  for (let i = 0; i < n; i++) {
    // 张伟 twice at least: the name is no key.
    const name = i === 3 || i === 77 ? '张伟' : zhPerson(r);
    const isChurned = i !== 0 && r.chance(0.4);
    const last = i === 0 ? EXPORT_DAY : isChurned ? r.int(EXPORT_DAY - 500, EXPORT_DAY - 92) : r.int(EXPORT_DAY - 88, EXPORT_DAY - 1);
    const joined = last - r.int(0, 700);
    const count = r.int(1, 15);
    const spent = count * r.int(3000, 40000);
    total += spent;
    if (isChurned) {
      churned++;
      lost += spent;
    }
    // prettier-ignore
    rows.push([
      name, `${r.pick(nick)}${r.int(1, 99)}`, phones[i], r.pick(['普通会员', '白银会员', '黄金会员']), r.chance(0.1) ? '年卡会员' : '', String(r.int(0, 5000)),
      r.chance(0.2) ? plain(r.int(1, 50) * 1000) : '0.00', `${iso(joined)} ${hms(r)}`, i === 0 ? `${iso(last)} 21:47:10` : `${iso(last)} ${hms(r)}`,
      plain(spent), String(count), plain(Math.round(spent / count)),
    ]);
  }
  // prettier-ignore
  const header = ['客户姓名', '客户昵称', '客户手机号', '免费等级', '付费等级', '客户积分', '客户储值余额', '成为会员时间', '最后消费时间', '累计消费金额', '累计消费次数', '客单价'];
  return {
    id: 'youzan',
    system: 'Youzan (有赞) customer export',
    files: [{ name: 'youzan-members.csv', bytes: encode(text(table(header, rows), '\r\n'), 'utf-8', true) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['inactivity'],
      roles: { 'youzan-members.csv': { customerId: '客户手机号', lastOrderDate: '最后消费时间', revenue: '累计消费金额' } },
      // prettier-ignore
      notes: [
        'No status column: churned = last purchase (最后消费时间) more than 90 days before asOf, 2024-12-08 (the latest date in the file).',
        'The phone number is the only key: two members are both called 张伟.',
        'Revenue is 累计消费金额; 客单价 (per order), 客户积分 and 客户储值余额 are not revenue.',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Weidian (微店) member list: 会员状态 正常 / 已注销

function weidian(r: Rng): ExportCase {
  const n = 120;
  const ids = distinct(n, () => String(r.int(1_000_000_000, 1_999_999_999)));
  const nick = ['小鱼儿', '阳光', '晴天', '木子', '大白', '果果', '清风', '小米'];
  const rows: string[][] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  for (let i = 0; i < n; i++) {
    const gone = r.chance(0.25);
    const joined = r.int(dayOf(2021, 1, 1), dayOf(2024, 10, 31));
    const last = r.int(joined, EXPORT_DAY);
    const count = r.int(1, 20);
    const spent = count * r.int(2000, 30000);
    total += spent;
    if (gone) {
      churned++;
      lost += spent;
    }
    // prettier-ignore
    rows.push([
      ids[i], `${r.pick(nick)}${r.int(1, 999)}`, `1${r.pick(['3', '5', '8'])}${r.int(0, 9)}****${digits(r, 4)}`, `V${r.int(1, 5)}`, slash0(joined), slash0(last),
      `￥${grouped(spent)}`, String(count), gone ? '已注销' : '正常',
    ]);
  }
  const header = ['会员ID', '会员昵称', '手机号', '会员等级', '成为会员时间', '最近消费时间', '累计消费金额', '消费次数', '会员状态'];
  return {
    id: 'weidian',
    system: 'Weidian (微店) member list',
    files: [{ name: 'weidian-members.csv', bytes: encode(text(table(header, rows), '\n'), 'utf-8', false) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['status'],
      roles: { 'weidian-members.csv': { customerId: '会员ID', status: '会员状态', revenue: '累计消费金额' } },
      // prettier-ignore
      notes: [
        '会员状态 已注销 (account closed) is lost, 正常 active; with a status column the status decides, not the last purchase.',
        'Phones are masked (138****5678) and repeat: 会员ID is the key. Money is written ￥1,234.50.',
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The files

function dealers(r: Rng): ExportCase {
  const n = 180;
  const cos = zhCompanies(r, n);
  const reps = distinct(8, () => zhPerson(r));
  const regions = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
  // prettier-ignore
  const reasons = ['价格比竞品高', '业务员离职后没人跟进', '厂家调整渠道，改为直供', '资金周转困难，停止进货', '产品质量问题', '转做其他品牌', '店面关闭'];
  const rows: string[][] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  cos.forEach((co, i) => {
    const isLost = r.chance(0.29);
    const first = r.int(dayOf(2016, 1, 1), dayOf(2023, 6, 30));
    const last = i === 0 ? EXPORT_DAY : isLost ? r.int(first + 60, EXPORT_DAY - 60) : r.int(Math.max(first + 30, EXPORT_DAY - 120), EXPORT_DAY);
    // Whole hundreds of yuan, so the 万 form of the property test reads back exactly.
    const cents = r.int(30, 9000) * 10_000;
    total += cents;
    if (isLost) {
      churned++;
      lost += cents;
    }
    // prettier-ignore
    rows.push([
      `JXS${String(i + 1).padStart(4, '0')}`, co.name, r.pick(regions), r.pick(reps), isLost ? '已流失' : '正常合作', cn(first), cn(last), grouped(cents),
      isLost && r.chance(0.9) ? r.pick(reasons) : '',
    ]);
  });
  const header = ['客户编码', '客户名称', '所属区域', '业务员', '客户状态', '首次合作日期', '最后进货日期', '年采购额(元)', '流失原因'];
  // prettier-ignore
  const lines = ['2024年度经销商客户档案', '导出时间：2024年12月8日', ...table(header, rows), ['合计', '', '', '', '', '', '', quoteIf(grouped(total), ','), ''].join(',')];
  return {
    id: 'dealers',
    system: 'GBK dealer list (issue 10)',
    files: [{ name: 'dealers-gbk.csv', bytes: encode(text(lines, '\r\n'), 'gbk', false) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['status'],
      roles: { 'dealers-gbk.csv': { status: '客户状态', lastOrderDate: '最后进货日期', revenue: '年采购额(元)', reason: '流失原因' } },
      // prettier-ignore
      notes: ['客户状态 已流失 is lost, 正常合作 active; two title rows and a 合计 row are not customers; dates 2024年12月8日; money 1,234.00 in 年采购额(元).'],
    },
  };
}

const TELCO_REASONS: Record<string, string[]> = {
  // prettier-ignore
  Competitor: ['Competitor had better devices', 'Competitor made better offer', 'Competitor offered more data', 'Competitor offered higher download speeds'],
  // prettier-ignore
  Dissatisfaction: [
    'Product dissatisfaction', 'Network reliability', 'Service dissatisfaction', 'Limited range of services', 'Poor expertise of online support',
    'Poor expertise of phone support', 'Lack of self-service on Website',
  ],
  Attitude: ['Attitude of support person', 'Attitude of service provider'],
  Price: ['Price too high', 'Extra data charges', 'Long distance charges', 'Lack of affordable download/upload speed'],
  Other: ['Moved', 'Deceased', "Don't know"],
};

function telco(r: Rng): ExportCase {
  const n = 200;
  // prettier-ignore
  const cities: [string, number][] = [['Los Angeles', 90001], ['San Diego', 92101], ['San Jose', 95112], ['Sacramento', 95814], ['Fresno', 93650], ['Oakland', 94601]];
  const ids = distinct(n, () => `${digits(r, 4)}-${Array.from({ length: 5 }, () => r.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).join('')}`);
  const rows: string[][] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  for (let i = 0; i < n; i++) {
    const status = r.weighted(['Stayed', 'Churned', 'Joined'], [67, 27, 6]);
    const tenure = status === 'Joined' ? r.int(1, 3) : status === 'Stayed' ? r.int(4, 72) : r.int(1, 72);
    const monthly = r.int(1825, 11875); // cents
    const charges = monthly * tenure;
    const refunds = r.chance(0.1) ? r.int(100, 4900) : 0;
    const extra = r.chance(0.1) ? r.int(10, 150) * 100 : 0;
    total += monthly;
    let category = '';
    let reason = '';
    if (status === 'Churned') {
      churned++;
      lost += monthly;
      category = r.weighted(Object.keys(TELCO_REASONS), [45, 16, 16, 11, 12]);
      reason = r.pick(TELCO_REASONS[category]);
    }
    const [city, zip] = r.pick(cities);
    const internet = r.chance(0.8);
    // prettier-ignore
    rows.push([
      ids[i], r.pick(['Female', 'Male']), String(r.int(19, 80)), r.pick(['Yes', 'No']), String(r.weighted([0, 1, 2, 3], [70, 12, 12, 6])), city, String(zip + r.int(0, 40)),
      String(r.int(0, 5)), String(tenure), r.pick(['None', 'None', 'Offer A', 'Offer B', 'Offer C', 'Offer D', 'Offer E']), r.pick(['Yes', 'Yes', 'No']),
      internet ? 'Yes' : 'No', internet ? r.pick(['Cable', 'DSL', 'Fiber Optic']) : 'None', r.pick(['Month-to-Month', 'One Year', 'Two Year']),
      r.pick(['Yes', 'No']), r.pick(['Bank Withdrawal', 'Credit Card', 'Mailed Check']), plain(monthly), plain(charges), plain(refunds), plain(charges - refunds + extra),
      status, category, reason,
    ]);
  }
  // prettier-ignore
  const header = [
    'Customer ID', 'Gender', 'Age', 'Married', 'Number of Dependents', 'City', 'Zip Code', 'Number of Referrals', 'Tenure in Months', 'Offer',
    'Phone Service', 'Internet Service', 'Internet Type', 'Contract', 'Paperless Billing', 'Payment Method', 'Monthly Charge', 'Total Charges',
    'Total Refunds', 'Total Revenue', 'Customer Status', 'Churn Category', 'Churn Reason',
  ];
  return {
    id: 'telco',
    system: 'Telecom customer file with Customer Status Stayed / Churned / Joined (issue 10)',
    files: [{ name: 'telco-customer-status.csv', bytes: encode(text(table(header, rows), '\n'), 'utf-8', false) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['status'],
      roles: {
        'telco-customer-status.csv': {
          status: 'Customer Status',
          reason: 'Churn Reason',
          reasonCategory: 'Churn Category',
          tenure: 'Tenure in Months',
          revenue: 'Monthly Charge',
        },
      },
      tenure: { column: 'Tenure in Months', unit: 'month' },
      // prettier-ignore
      notes: [
        'Churned is lost; Stayed and Joined (new this quarter) are active customers.',
        '"Churn Reason" (20 detailed texts) is the reason; "Churn Category" (5 coarse groups) is the category.',
        'Revenue is the monthly charge, as for the IBM telco file (MonthlyCharges over TotalCharges).',
      ],
    },
  };
}

function bank(r: Rng): ExportCase {
  const n = 150;
  const ids = distinct(n, () => String(r.int(15_565_701, 15_815_690)));
  // prettier-ignore
  const surnames = ['Hargrave', 'Hill', 'Onio', 'Boni', 'Mitchell', 'Chu', 'Bartlett', 'Obinna', 'He', 'Bearce', 'Andrews', 'Kay', 'Chin', 'Scott', 'Goforth', 'Romeo', 'Henderson', 'Muldrow', 'Hao', 'McDonald'];
  const rows: string[][] = [];
  let churned = 0;
  for (let i = 0; i < n; i++) {
    const exited = r.chance(0.2);
    if (exited) churned++;
    const balance = r.chance(0.35) ? '0' : plain(r.int(3_000_000, 22_000_000));
    // prettier-ignore
    rows.push([
      String(i + 1), ids[i], r.pick(surnames), String(r.int(350, 850)), r.pick(['France', 'France', 'Spain', 'Germany']), r.pick(['Female', 'Male']),
      String(r.int(18, 92)), String(r.int(0, 10)), balance, String(r.weighted([1, 2, 3, 4], [50, 45, 4, 1])), String(r.chance(0.7) ? 1 : 0),
      String(r.chance(0.5) ? 1 : 0), plain(r.int(1158, 19999248)), exited ? '1' : '0',
    ]);
  }
  // prettier-ignore
  const header = ['RowNumber', 'CustomerId', 'Surname', 'CreditScore', 'Geography', 'Gender', 'Age', 'Tenure', 'Balance', 'NumOfProducts', 'HasCrCard', 'IsActiveMember', 'EstimatedSalary', 'Exited'];
  return {
    id: 'bank',
    system: 'Bank customer file with Tenure in years and Exited 0/1 (issue 10)',
    files: [{ name: 'bank-churn.csv', bytes: encode(text(table(header, rows), '\n'), 'utf-8', false) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: null,
      modes: ['status'],
      roles: { 'bank-churn.csv': { customerId: 'CustomerId', status: 'Exited', tenure: 'Tenure' } },
      tenure: { column: 'Tenure', unit: 'year' },
      // prettier-ignore
      notes: [
        'Exited 1 is lost. IsActiveMember (0/1) is product usage, not churn; HasCrCard is a flag.',
        'Tenure holds whole years 0–10 (the file\'s own definition); read as months it would say every customer is under a year old.',
        'No revenue asserted: Balance is a deposit and EstimatedSalary the customer\'s income, neither is revenue.',
      ],
    },
  };
}

function gbkTab(r: Rng): ExportCase {
  const n = 100;
  const cos = zhCompanies(r, n);
  const rows: string[][] = [];
  let churned = 0;
  let total = 0;
  let lost = 0;
  cos.forEach((co, i) => {
    const stopped = i !== 0 && r.chance(0.3);
    const opened = r.int(dayOf(2018, 1, 1), dayOf(2023, 12, 31));
    const last = i === 0 ? EXPORT_DAY : r.int(opened, stopped ? EXPORT_DAY - 60 : EXPORT_DAY);
    const cents = r.int(50_000, 50_000_000);
    total += cents;
    if (stopped) {
      churned++;
      lost += cents;
    }
    const phone = r.chance(0.5)
      ? `1${r.pick(['3', '5', '8'])}${digits(r, 9)}`
      : `0${r.pick(['21', '10', '20', '755'])}-${r.int(2, 8)}${digits(r, 7)}`;
    // prettier-ignore
    rows.push([`KH${String(i + 1).padStart(4, '0')}`, co.name, zhPerson(r), phone, co.short.slice(0, 2), stopped ? '停止合作' : '合作中', iso(opened), iso(last), `${grouped(cents)}元`]);
  });
  const header = ['客户编号', '客户名称', '联系人', '联系电话', '所在城市', '状态', '开户日期', '最近下单日期', '累计销售额'];
  return {
    id: 'gbk-tab',
    system: 'Tab-separated GBK export with a status column and money 1,234.50元 (issue 10)',
    files: [{ name: 'customers-gbk-tab.txt', bytes: encode(text(table(header, rows, { delimiter: '\t' }), '\r\n'), 'gbk', false) }],
    expected: {
      customers: n,
      churned,
      active: n - churned,
      churnRate: rate(churned, n),
      revenue: { total: units(total), lost: units(lost) },
      modes: ['status'],
      roles: { 'customers-gbk-tab.txt': { customerId: '客户编号', status: '状态', revenue: '累计销售额' } },
      notes: ['状态 停止合作 is lost, 合作中 active; 累计销售额 is written 1,234.50元.'],
    },
  };
}

const NO_SIGNAL = (file: string): CaseExpected => ({
  customers: null,
  churned: null,
  active: null,
  churnRate: null,
  revenue: null,
  modes: ['none'],
  questions: ['no-churn-signal'],
  notes: [`${file} has no dates, no status and no money: it must ask which column says a customer was lost (no-churn-signal).`],
});

function contacts(r: Rng): ExportCase {
  const n = 60;
  const titles = ['Purchasing Manager', 'CFO', 'Office Manager', 'Owner', 'Operations Lead', 'Buyer'];
  const rows = enCompanies(r, n).map((co, i) => {
    const first = r.pick(EN_FIRST);
    const last = r.pick(EN_LAST);
    const [city] = r.pick(US_CITIES);
    // prettier-ignore
    return [`${first} ${last}`, `${first}.${last}${i}@${slug(co)}.com`.toLowerCase(), `(${r.int(200, 989)}) ${digits(r, 3)}-${digits(r, 4)}`, co, r.pick(titles), city];
  });
  const name = 'contacts.csv';
  return {
    id: 'contacts',
    system: 'A plain contact list (no churn signal)',
    files: [{ name, bytes: encode(text(table(['Name', 'Email', 'Phone', 'Company', 'Job Title', 'City'], rows), '\n'), 'utf-8', false) }],
    expected: NO_SIGNAL(name),
  };
}

function contactsGbk(r: Rng): ExportCase {
  const rows = zhCompanies(r, 60).map((co) => [
    zhPerson(r),
    `1${r.pick(['3', '5', '8'])}${digits(r, 9)}`,
    co.name,
    r.pick(['采购经理', '总经理', '财务', '店长', '业务主管']),
    `${co.short.slice(0, 2)}市${r.pick(['人民路', '解放路', '中山路'])}${r.int(1, 300)}号`,
    `${token(r, 8).toLowerCase()}@qq.com`,
  ]);
  const name = 'contacts-gbk.csv';
  return {
    id: 'contacts-gbk',
    system: 'A GBK 通讯录 (no churn signal)',
    files: [{ name, bytes: encode(text(table(['姓名', '手机', '单位', '职务', '地址', '电子邮箱'], rows), '\r\n'), 'gbk', false) }],
    expected: NO_SIGNAL(name),
  };
}

/** Every case, in a fixed order; the same bytes for the same seed. */
export function generateExports(seed = 20241208): ExportCase[] {
  const r = createRng(seed);
  // Each system draws from its own stream, so changing one leaves the others' bytes alone.
  const sub = (): Rng => createRng(r.int(1, 2 ** 31 - 1));
  // prettier-ignore
  const makers = [salesforce, hubspot, shopify, stripe, woocommerce, kingdee, yonyou, youzan, weidian, dealers, telco, bank, gbkTab, contacts, contactsGbk];
  return makers.map((make) => make(sub()));
}
