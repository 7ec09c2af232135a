// Which column means what: header words first (Simplified, Traditional, English, abbreviations),
// then the values confirm or veto (a date role needs dates, a status needs churn words…).
import type { FileKind, Issue, ParsedFile, Role, RoleMap } from '../types';
import { asColumn, type Column, type ColumnInput } from './columns';
import { isChurnWord, isMissing, parseChurnFlag, parseDateValue, parseNumberValue, toHalfWidth } from './values';

/** 'money' becomes amount (order log) or revenue (customer list); 'date' becomes orderDate in an order log. */
type Target = Role | 'money' | 'date';

type Rule = [Target, RegExp, number];

const D = '(?:日期|时间|時間|日)'; // a date suffix in Chinese headers
const ED = '(?:date|dt|on|at|time|datetime)'; // … and in English

// Headers are matched after norm(): full-width → ASCII, lower case, units in brackets and
// spaces, underscores and punctuation removed ("年销售额（元）" → "年销售额", "Cust_ID" → "custid").
const RULES: Rule[] = [
  // customer id
  [
    'customerId',
    /^(?:客户|客戶|顾客|顧客|会员|會員|用户|用戶|买家|買家|client|customer|cust|account|acct|member|user|buyer|consumer)(?:编号|編號|编码|編碼|代码|代碼|代号|代號|号|號|号码|號碼|id|no|nbr|number|num|code|key|ref)$/,
    10,
  ],
  ['customerId', /(?:客户|客戶|customer|client)(?:编号|編號|id|code|代码|代碼|编码|編碼)/, 7],
  ['customerId', /^(?:id|编号|編號|客户|客戶|customer|client)$/, 4],
  // customer name
  [
    'customerName',
    /^(?:客户|客戶|顾客|顧客|公司|企业|企業|单位|單位|商户|商戶|会员|會員|client|customer|company|account|business|organization|organisation|firm)?(?:名称|名稱|全称|全稱|简称|簡稱|姓名|名字|name|fullname)$/,
    9,
  ],
  ['customerName', /^(?:company|公司|企业|企業|客户全称|客戶全稱)$/, 7],
  ['customerName', /(?:客户|客戶|customer|company|client)(?:名称|名稱|name)/, 7],
  // sales rep
  [
    'rep',
    /^(?:销售代表|銷售代表|销售员|銷售員|销售人员|銷售人員|业务员|業務員|业务代表|業務代表|负责人|負責人|客户经理|客戶經理|销售经理|銷售經理|跟进人|跟進人|对接人|對接人|经办人|經辦人|归属销售|歸屬銷售|所属销售|所屬銷售|员工|員工|员工姓名|員工姓名|salesrep|salesrepresentative|salesperson|salesman|saleswoman|salesowner|salesexec|salesexecutive|salesmanager|salesagent|rep|accountowner|owner|accountmanager|am|csm|kam|employee|employeename|staff|staffname|agent)$/,
    9,
  ],
  ['rep', /(?:销售代表|銷售代表|业务员|業務員|负责人|負責人|客户经理|客戶經理|salesrep|accountowner|accountmanager)/, 7],
  // region
  ['region', /^(?:区域|區域|地区|地區|大区|大區|片区|片區|销售区域|銷售區域|所属区域|所屬區域|region|salesregion|area|territory|zone|market|geo|geography)$/, 9],
  ['region', /^(?:省份|省|省市|所在省份|state|province|地域|所在地|所在地区|所在地區)$/, 8],
  ['region', /^(?:城市|市|所在城市|city|国家|國家|country|district|location)$/, 7],
  ['region', /(?:区域|區域|地区|地區|region|territory)/, 6],
  // segment
  [
    'segment',
    /^(?:行业|行業|所属行业|所屬行業|客户类型|客戶類型|客户类别|客戶類別|客户分类|客戶分類|客户等级|客戶等級|客户级别|客戶級別|等级|等級|级别|級別|类型|類型|类别|類別|分类|分類|规模|規模|客户规模|客戶規模|segment|customersegment|industry|vertical|tier|customertier|contract|contracttype|plan|planname|type|customertype|category|customerclass|level|grade)$/,
    8,
  ],
  ['segment', /(?:行业|行業|类型|類型|等级|等級|segment|industry|tier)/, 6],
  // dates
  [
    'signupDate',
    new RegExp(
      `^(?:签约|簽約|注册|註冊|首次合作|开始合作|開始合作|合作开始|合作開始|开户|開戶|建档|建檔|入会|入會|成为客户|成為客戶|创建|創建|加入|签订|簽訂|开通|開通)${D}?$`,
    ),
    9,
  ],
  [
    'signupDate',
    new RegExp(
      `^(?:signup|signedup|registered|registration|register|created|creation|start|customersince|since|joined|onboarded|onboarding|contractstart|subscriptionstart|activation|activated|open|opened|accountcreated|acquisition|acquired)${ED}?$`,
    ),
    9,
  ],
  ['signupDate', /^(?:join|joining)(?:date|dt|on)$/, 7],
  ['signupDate', /(?:签约|簽約|注册|註冊|首次合作|开户|開戶|signup|createdat|startdate)/, 6],
  [
    'firstOrderDate',
    new RegExp(`^(?:首次|首笔|首筆|首单|首單|第一次|第一笔|第一筆)(?:下单|下單|订单|訂單|购买|購買|交易|采购|採購|成交|消费|消費)?${D}?$`),
    9,
  ],
  ['firstOrderDate', new RegExp(`^first(?:order|purchase|transaction|invoice|sale|buy|payment)${ED}?$`), 9],
  [
    'lastOrderDate',
    new RegExp(
      `^(?:最后|最後|最近|末次|上次|最新)(?:一次|一笔|一筆)?(?:下单|下單|订单|訂單|购买|購買|交易|采购|採購|成交|消费|消費|活跃|活躍|登录|登錄|联系|聯繫|合作)${D}?$`,
    ),
    9,
  ],
  [
    'lastOrderDate',
    new RegExp(`^(?:last|latest|mostrecent|recent)(?:order|purchase|transaction|invoice|sale|activity|active|seen|login|visit|contact|payment)${ED}?$`),
    9,
  ],
  [
    'churnDate',
    new RegExp(
      `^(?:流失|终止|終止|终止合作|終止合作|解约|解約|停止合作|结束合作|結束合作|注销|註銷|关闭|關閉|取消|退出|合作结束|合作結束|结束|結束|停用|到期)${D}$`,
    ),
    9,
  ],
  [
    'churnDate',
    new RegExp(
      `^(?:churn|churned|closed|close|cancel|cancelled|canceled|cancellation|end|contractend|lost|deactivation|deactivated|inactive|expiry|expiration|expired)${ED}$`,
    ),
    9,
  ],
  ['churnDate', new RegExp(`^(?:termination|terminated|exit|left|leave)${ED}$`), 7],
  // churn status
  [
    'status',
    /^(?:是否流失|流失|已流失|是否已流失|流失标记|流失標記|流失标识|流失標識|流失状态|流失狀態|churn|churned|churnlabel|churnvalue|churnflag|churnstatus|ischurned|haschurned|churnyn|attrition|attritionflag|exited|lost)$/,
    10,
  ],
  ['status', /^(?:状态|狀態|客户状态|客戶狀態|合作状态|合作狀態|账户状态|帳戶狀態|status|customerstatus|accountstatus|clientstatus)$/, 9],
  // reason
  [
    'reason',
    /^(?:流失原因|原因|终止原因|終止原因|解约原因|解約原因|离开原因|離開原因|取消原因|流失说明|流失說明|churnreason|reason|reasons|lossreason|lostreason|cancelreason|cancellationreason|churncategory|reasoncode|exitreason|leavereason)$/,
    9,
  ],
  ['reason', /(?:原因|reason)/, 7],
  ['reason', /^(?:备注|備註|说明|說明|反馈|反饋|客户反馈|客戶反饋|comment|comments|note|notes|remark|remarks|feedback)$/, 6],
  // money: revenue first, then generic money, then lifetime values
  [
    'revenue',
    /^(?:年销售额|年銷售額|年度销售额|年度銷售額|年营收|年營收|年收入|年度收入|年度合同额|年度合同額|年合同额|年合同額|合同金额|合同金額|合同额|合同額|年消费|年消費|年度消费|年度消費|arr|annualrevenue|annualrecurringrevenue|acv|annualcontractvalue|contractvalue|yearlyrevenue|annualsales|annualspend)$/,
    10,
  ],
  [
    'revenue',
    /^(?:mrr|monthlyrevenue|monthlyrecurringrevenue|monthlycharges|monthlycharge|monthlyfee|monthlyspend|月费|月費|月租|月收入|月均消费|月均消費|月销售额|月銷售額)$/,
    9,
  ],
  [
    'amount',
    /^(?:订单金额|訂單金額|实付金额|實付金額|实付|實付|应付金额|應付金額|成交金额|成交金額|订单总额|訂單總額|含税金额|含稅金額|发票金额|發票金額|orderamount|ordervalue|ordertotal|linetotal|lineamount|invoiceamount|invoicetotal|invoicevalue|paymentamount|paidamount|netamount|grossamount)$/,
    9,
  ],
  [
    'money',
    /^(?:销售额|銷售額|营收|營收|营业额|營業額|收入|金额|金額|总金额|總金額|总额|總額|消费金额|消費金額|累计消费|累計消費|交易额|交易額|交易金额|交易金額|采购额|採購額|采购金额|採購金額|revenue|sales|salesamount|amount|value|total|totalamount|totalsales|totalrevenue|spend|totalspend|income|turnover|gmv)$/,
    8,
  ],
  ['money', /(?:销售额|銷售額|营收|營收|金额|金額|revenue|sales|amount)/, 6],
  ['revenue', /^(?:totalcharges|totalcharge|totalbilled|lifetimerevenue)$/, 6],
  ['revenue', /^(?:ltv|cltv|clv|lifetimevalue|customerlifetimevalue)$/, 5],
  // tenure
  [
    'tenure',
    /^(?:在网时长|在網時長|在网月数|在網月數|合作月数|合作月數|合作时长|合作時長|合作年限|合作年数|合作年數|客户年限|客戶年限|客龄|客齡|网龄|網齡|使用时长|使用時長|tenure|tenuremonths|tenureinmonths|monthsactive|monthsascustomer|lifetimemonths|customerage|accountage|monthsonbook)$/,
    9,
  ],
  ['tenure', /(?:tenure|在网|在網|网龄|網齡)/, 7],
  // order log
  [
    'orderId',
    /^(?:订单|訂單|订单号|訂單號|订单编号|訂單編號|订单id|訂單id|单号|單號|单据号|單據號|单据编号|單據編號|发票号|發票號|发票号码|發票號碼|发票编号|發票編號|交易号|交易號|交易编号|交易編號|流水号|流水號|orderid|orderno|ordernumber|ordernum|ordercode|orderref|order|invoice|invoiceno|invoiceid|invoicenumber|invoicenum|transactionid|transactionno|transactionnumber|txnid|receiptno|receiptnumber|salesorder|salesorderno|docno|documentno|billno)$/,
    9,
  ],
  ['orderId', /(?:订单号|訂單號|订单编号|訂單編號|orderid|orderno|ordernumber|invoiceno|invoiceid|invoicenumber)/, 7],
  [
    'orderDate',
    new RegExp(`^(?:下单|下單|订单|訂單|交易|购买|購買|采购|採購|成交|销售|銷售|发货|發貨|开票|開票|消费|消費|付款|支付|订购|訂購)${D}$`),
    9,
  ],
  [
    'orderDate',
    new RegExp(`^(?:order|invoice|transaction|purchase|sale|sales|txn|billing|payment|ship|shipping|shipment|booking)${ED}$`),
    9,
  ],
  ['date', /^(?:日期|时间|時間|年月|月份|date|day|datetime|timestamp|time|month|period)$/, 5],
  ['quantity', /^(?:数量|數量|件数|件數|订购数量|訂購數量|订单数量|訂單數量|销量|銷量|销售数量|銷售數量|qty|quantity|units|unitssold|pcs|qnty)$/, 8],
  ['unitPrice', /^(?:单价|單價|价格|價格|售价|售價|销售单价|銷售單價|unitprice|price|unitcost|priceeach|priceperunit|listprice)$/, 8],
  // staff roster
  ['repJoinDate', new RegExp(`^(?:入职|入職|到岗|到崗|聘用|雇佣|僱傭|入司)${D}?$`), 9],
  ['repJoinDate', /^(?:hire|hired|hiring|join|joined|joining|employmentstart)(?:date|dt|on)$/, 8],
  ['repLeaveDate', new RegExp(`^(?:离职|離職|离岗|離崗|离司|離司|辞职|辭職|调离|調離)${D}?$`), 9],
  ['repLeaveDate', /^(?:leave|leaving|left|termination|terminated|resignation|resigned|departure|employmentend|exit)(?:date|dt|on)$/, 8],
];

/** Header text → matching key. */
export function normHeader(h: string): string {
  return toHalfWidth(h)
    .toLowerCase()
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s_\-.:：/#*'"、，,?？]+/g, '');
}

/** How many cells are known column names: tells a header row from a title row of the same width. */
export function knownHeaderCount(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    const key = normHeader(cell);
    if (key && RULES.some(([, re]) => re.test(key))) n++;
  }
  return n;
}

const DATE_TARGETS = new Set<Target>([
  'signupDate',
  'firstOrderDate',
  'lastOrderDate',
  'churnDate',
  'orderDate',
  'repJoinDate',
  'repLeaveDate',
  'date',
]);
const NUMBER_TARGETS = new Set<Target>(['revenue', 'amount', 'money', 'tenure', 'quantity', 'unitPrice']);
const CATEGORY_TARGETS = new Set<Target>(['region', 'segment', 'rep']);

/** Below this share of distinct customer ids (with a date and money), the rows are orders. */
const REPEATED_IDS = 0.7;

/** How many values to look at per column: enough to confirm a role, cheap on a million rows. */
const SAMPLE = 5000;

interface Stats {
  filled: number; // non-missing values in the sample
  dates: number; // written dates
  serials: number; // Excel serial numbers (20000..80000), which may as well be ids or amounts
  numbers: number;
  flags: number;
  distinct: number;
}

const RE_SERIAL = /^\d{5}(?:\.\d+)?$/;

function isSerial(v: string): boolean {
  const t = v.trim();
  if (!RE_SERIAL.test(t)) return false;
  const x = +t;
  return x >= 20000 && x <= 80000;
}

const NO_CELLS: Column = asColumn([]);

function columnStats(col: Column): Stats {
  const seen = new Set<string>();
  let filled = 0;
  let dates = 0;
  let serials = 0;
  let numbers = 0;
  let flags = 0;
  for (let r = 0; r < col.length && filled < SAMPLE; r++) {
    const v = col.get(r);
    if (isMissing(v)) continue;
    filled++;
    seen.add(v.trim());
    if (parseDateValue(v) !== null) dates++;
    else if (isSerial(v)) serials++;
    if (parseNumberValue(v) !== null) numbers++;
    if (parseChurnFlag(v) !== null) flags++;
  }
  return { filled, dates, serials, numbers, flags, distinct: seen.size };
}

/** Share of distinct values among the non-blank ones (first 20,000). */
function uniqueShare(col: Column): number {
  const seen = new Set<string>();
  let n = 0;
  for (let r = 0; r < col.length && n < 20000; r++) {
    const v = col.get(r).trim();
    if (!v) continue;
    n++;
    seen.add(v);
  }
  return n ? seen.size / n : 1;
}

interface Candidate {
  col: number;
  target: Target;
  score: number;
}

/** Header score for each column and target (best rule per target). */
function headerCandidates(header: string[]): Candidate[] {
  const out: Candidate[] = [];
  for (let c = 0; c < header.length; c++) {
    const key = normHeader(header[c]);
    if (!key) continue;
    const best = new Map<Target, number>();
    for (const [target, re, score] of RULES) {
      if (score > (best.get(target) ?? 0) && re.test(key)) best.set(target, score);
    }
    for (const [target, score] of best) out.push({ col: c, target, score });
  }
  return out;
}

/** Adjust a header score by what the values say; null = vetoed. */
function confirm(target: Target, s: Stats, score: number): number | null {
  if (s.filled === 0) return score - 2; // an empty churn-date column is normal: cannot confirm
  if (DATE_TARGETS.has(target)) return (s.dates + s.serials) / s.filled > 0.5 ? score : null;
  if (NUMBER_TARGETS.has(target)) return s.numbers / s.filled > 0.5 ? score : null;
  if (target === 'status') return s.flags / s.filled >= 0.8 ? score : null;
  if (target === 'customerName' || target === 'reason') {
    if (s.numbers / s.filled > 0.9 || s.dates / s.filled > 0.9) return null;
  }
  if (target === 'customerId' && s.dates / s.filled > 0.9) return null;
  if (CATEGORY_TARGETS.has(target) && s.distinct === 1 && s.filled > 1) return score - 3; // constant: says little
  return score;
}

/** Where guessRoles reports a column whose header names a date but which holds none. */
export interface RoleContext {
  file: string;
  issues: Issue[];
  lineOf?: number[];
}

/** Column → role from header words, checked against the values. Each role and column at most once. */
export function guessRoles(header: string[], given: readonly ColumnInput[], ctx?: RoleContext): RoleMap {
  const columns = given.map(asColumn);
  const stats = new Map<number, Stats>();
  const statsOf = (c: number): Stats => {
    let s = stats.get(c);
    if (!s) {
      s = columnStats(columns[c] ?? NO_CELLS);
      stats.set(c, s);
    }
    return s;
  };

  let cands: Candidate[] = [];
  const noDates = new Set<number>();
  for (const cand of headerCandidates(header)) {
    const st = statsOf(cand.col);
    const score = confirm(cand.target, st, cand.score);
    if (score !== null) cands.push({ ...cand, score });
    else if (DATE_TARGETS.has(cand.target) && cand.score >= 8 && st.dates + st.serials === 0) noDates.add(cand.col);
  }
  if (ctx) {
    for (const c of noDates) {
      if (cands.some((k) => k.col === c)) continue; // it has another meaning after all
      const col = columns[c];
      let r = 0;
      while (r < col.length && isMissing(col.get(r))) r++;
      const value = col.get(r);
      ctx.issues.push({
        code: 'no-dates-in-column',
        file: ctx.file,
        column: header[c],
        row: ctx.lineOf ? ctx.lineOf[r] : r + 2,
        params: { value: value.length > 40 ? `${value.slice(0, 40)}…` : value },
      });
    }
  }

  // Status from values alone: every value a churn word and some specific to churn (流失, churned…).
  if (!cands.some((k) => k.target === 'status')) {
    for (let c = 0; c < header.length; c++) {
      const s = statsOf(c);
      if (s.filled === 0 || s.flags < s.filled || s.distinct > 6) continue;
      const col = columns[c];
      let specific = false;
      for (let r = 0; r < col.length && r < SAMPLE && !specific; r++) specific = isChurnWord(col.get(r));
      if (specific) cands.push({ col: c, target: 'status', score: 3 });
    }
  }

  // What kind of file is this? Decides the generic money and date columns.
  const best = (t: Target): Candidate | undefined =>
    cands.filter((k) => k.target === t).sort((a, b) => b.score - a.score || a.col - b.col)[0];
  const idCand = best('customerId');
  const hasDate = cands.some((k) => DATE_TARGETS.has(k.target));
  const hasMoney = cands.some((k) => k.target === 'money' || k.target === 'amount' || k.target === 'revenue');
  const orderish =
    best('orderId') !== undefined ||
    best('orderDate') !== undefined ||
    (idCand !== undefined && hasDate && hasMoney && uniqueShare(columns[idCand.col]) < REPEATED_IDS);
  const staffish =
    idCand === undefined &&
    !orderish &&
    Math.max(best('repJoinDate')?.score ?? 0, best('repLeaveDate')?.score ?? 0) >= 8;

  const resolved: Candidate[] = [];
  for (const k of cands) {
    if (k.target === 'money') resolved.push({ ...k, target: orderish ? 'amount' : 'revenue' });
    else if (k.target === 'date') {
      if (orderish) resolved.push({ ...k, target: 'orderDate' });
    } else if (staffish && k.target === 'customerName') resolved.push({ ...k, target: 'rep' });
    else resolved.push(k);
  }
  // A unique id column is what a customer list is keyed on: prefer it among id candidates.
  if (!orderish) {
    for (const k of resolved) if (k.target === 'customerId' && uniqueShare(columns[k.col]) >= 0.9) k.score += 0.5;
  }
  cands = resolved;

  // Greedy: best score first, then leftmost column.
  cands.sort((a, b) => b.score - a.score || a.col - b.col);
  const roles: RoleMap = {};
  const usedCols = new Set<number>();
  for (const k of cands) {
    const role = k.target as Role;
    if (roles[role] !== undefined || usedCols.has(k.col)) continue;
    roles[role] = k.col;
    usedCols.add(k.col);
  }
  return remapForKind(roles, guessKind(roles, columns));
}

/** The file as the kind the user chose: roles that differ between kinds follow (signup ↔ join date…). */
export function withKind(f: ParsedFile, kind: FileKind | undefined): ParsedFile {
  if (!kind || kind === f.kind) return f;
  return { ...f, kind, roles: remapForKind({ ...f.roles }, kind) };
}

/** Move roles whose header is ambiguous between file kinds ("Start date", "Termination date"). */
function remapForKind(roles: RoleMap, kind: FileKind): RoleMap {
  const move = (from: Role, to: Role): void => {
    if (roles[from] !== undefined && roles[to] === undefined) {
      roles[to] = roles[from];
      delete roles[from];
    }
  };
  if (kind === 'staff') {
    move('signupDate', 'repJoinDate');
    move('churnDate', 'repLeaveDate');
    move('customerName', 'rep');
  } else {
    move('repJoinDate', 'signupDate');
    move('repLeaveDate', 'churnDate');
    if (kind === 'orders') move('revenue', 'amount');
    else move('amount', 'revenue');
  }
  return roles;
}

const DATE_ROLES: Role[] = ['signupDate', 'firstOrderDate', 'lastOrderDate', 'churnDate', 'orderDate'];

/**
 * 'orders' with an order date or order id, or when customer ids repeat a lot next to a date and
 * an amount; 'staff' for reps with join/leave dates and no customer id; else 'customers'.
 */
export function guessKind(roles: RoleMap, columns: readonly ColumnInput[]): FileKind {
  if (roles.orderDate !== undefined || roles.orderId !== undefined) return 'orders';
  if (roles.customerId !== undefined) {
    const hasDate = DATE_ROLES.some((r) => roles[r] !== undefined);
    const hasMoney = roles.amount !== undefined || roles.revenue !== undefined;
    if (hasDate && hasMoney && uniqueShare(asColumn(columns[roles.customerId] ?? NO_CELLS)) < REPEATED_IDS) return 'orders';
    return 'customers';
  }
  if (roles.rep !== undefined && (roles.repJoinDate !== undefined || roles.repLeaveDate !== undefined)) return 'staff';
  return 'customers';
}
