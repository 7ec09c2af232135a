// What a status value says about a customer: lost, active, not yet a customer (prospect), or a row
// to leave out (ignore). From a lexicon in English and Chinese, matched after case, width,
// Traditional/Simplified and spacing are normalised; compound values ("Closed Lost", "已流失客户")
// are read word by word. A value the lexicon cannot place gives null: it is reported, not guessed.
import type { StatusClass } from '../types';
import { normText } from './hanzi';

/**
 * How a header frames yes/no values: 'churn' (Churn, Exited, 是否流失: yes = lost), 'active'
 * (Active, IsActive, 是否有效: yes = active) or 'status' (a plain status: yes/no say nothing).
 */
export type StatusFlavour = 'churn' | 'active' | 'status';

// Whole values. Keys are written as normStatusValue writes them (lower case, Simplified, single spaces).
// prettier-ignore
const LOST = [
  'churned', 'churn', 'churning', 'lost', 'closed', 'closed lost', 'closedlost', 'inactive', 'not active', 'non active',
  'cancelled', 'canceled', 'cancel', 'cancellation', 'terminated', 'termination', 'left', 'exited', 'exit', 'attrited',
  'attrited customer', 'lapsed', 'expired', 'suspended', 'unpaid', 'deactivated', 'disabled', 'dormant',
  'former', 'former customer', 'ex customer', 'ended', 'paused', 'on hold', 'frozen', 'blacklisted', 'blocked', 'deleted',
  'churned customer', 'lost customer', 'discontinued', 'stopped', 'withdrawn', 'defected', 'gone', 'dead', 'closed account',
  'account closed', 'unsubscribed', 'not renewed', 'non renewal', 'did not renew',
  '流失', '已流失', '流失客户', '流失中', '停止合作', '终止合作', '已终止', '终止', '暂停', '暂停合作', '已暂停', '冻结',
  '已冻结', '注销', '已注销', '解约', '已解约', '黑名单', '拉黑', '沉睡', '沉睡客户', '休眠', '休眠客户', '睡眠', '失效',
  '已失效', '无效', '关闭', '已关闭', '取消', '已取消', '退出', '已退出', '停用', '已停用', '禁用', '已禁用', '停止',
  '停止往来', '不再合作', '退网', '销户', '已销户', '离网', '已离网', '过期', '已过期', '到期', '已到期', '退订', '已退订',
  '退会', '清退', '已清退', '倒闭', '已倒闭', '断交', '终止往来', '结束合作', '已结束', '不活跃', '非活跃', '流失客户',
  '丢失', '已丢失', '输单', '丢单', '已解除', '解除合作', '停止供货', '不合作', '未续约', '未续费', '欠费', '欠费停机', '停机',
];
// prettier-ignore
const ACTIVE = [
  'active', 'stayed', 'stay', 'retained', 'current', 'open', 'joined', 'new', 'existing', 'existing customer', 'won',
  'closed won', 'closedwon', 'customer', 'paying', 'paid', 'subscribed', 'renewed', 'renewal', 'enabled', 'normal', 'ok',
  'live', 'valid', 'in good standing', 'good standing', 'recurring customer', 'evangelist', 'not churned', 'non churned',
  'retain', 'kept', 'ongoing', 'in service', 'in progress customer', 'activated', 'reactivated', 'regular', 'loyal',
  // Stripe's "trialing" subscription turns active by itself when the trial ends: a customer, unlike a bare "trial" lead.
  // "past_due" is a failed renewal still being retried: not lost until Stripe cancels it ("unpaid", "canceled").
  'trialing', 'trialling', 'past due', 'overdue',
  '正常', '正常合作', '合作中', '合作', '活跃', '有效', '在用', '存续', '现有', '留存', '未流失', '在网', '续约', '已续约',
  '续费', '已续费', '新客', '新客户', '新签', '启用', '已启用', '正常交易', '合作正常', '在营', '营业中', '老客户',
  '正式客户', '成交客户', '已成交', '成交', '赢单', '在约', '履约中', '服务中', '使用中', '正常使用', '正常营业', '交易中',
  '正常客户', '活跃客户', '有效客户', '现有客户', '在册', '激活', '已激活', '开通', '已开通', '持续合作', '稳定合作', '长期合作',
];
// prettier-ignore
const PROSPECT = [
  'lead', 'prospect', 'prospecting', 'trial', 'in trial', 'free trial', 'on trial', 'opportunity',
  'qualification', 'needs analysis', 'value proposition', 'id. decision makers', 'id decision makers', 'perception analysis',
  'proposal/price quote', 'proposal', 'negotiation/review', 'negotiation', 'subscriber', 'marketing qualified lead',
  'sales qualified lead', 'mql', 'sql', 'incomplete', 'incomplete expired', 'pending', 'pending payment', 'new lead', 'potential',
  'potential customer', 'not yet a customer', 'applicant', 'unqualified', 'qualified',
  '意向', '意向客户', '潜在', '潜在客户', '线索', '试用', '试用中', '待跟进', '跟进中', '洽谈中', '商机', '未成交', '储备客户',
  '目标客户', '待开发', '开发中', '意向中', '潜客', '待转化', '未合作', '待合作', '报价中', '谈判中', '接洽中', '待签约',
];
// prettier-ignore
const IGNORE = [
  'unknown', 'test', 'testing', 'spam', 'spam / unwanted', 'spam/unwanted', 'duplicate', 'other / personal',
  'other/personal', 'supplier', 'vendor', 'employee', 'internal', 'not applicable', 'tbd',
  '未知', '测试', '作废', '重复', '内部', '供应商', '员工', '待定', '不详',
];

// The state of a row of an order log: a sale ('active') or not (cancelled, refunded, lost deal,
// still open). Read before the customer lexicon, which places the rest (Closed Won, cancelled…).
// prettier-ignore
const ORDER_SALE = [
  'completed', 'complete', 'processing', 'shipped', 'delivered', 'fulfilled', 'partially fulfilled', 'invoiced', 'settled',
  'paid', 'partially paid', 'closed won', 'won', 'booked', 'confirmed', 'approved', 'posted', 'audited', 'done', 'success',
  '已完成', '完成', '交易成功', '已发货', '已收货', '已签收', '已付款', '待发货', '已支付', '已审核', '已记账', '已结算', '已出库',
  '已确认', '成功', '已成交', '已关闭',
];
// prettier-ignore
const ORDER_NOT_SALE: [string, StatusClass][] = [
  ...['refunded', 'returned', 'reversed', 'voided', 'void', 'chargeback', 'cancelled', 'canceled', 'closed lost', 'lost',
    '已退款', '退款', '已退货', '退货', '已作废', '作废', '已取消', '取消', '交易关闭', '退款成功'].map((w) => [w, 'lost'] as [string, StatusClass]),
  ...['failed', 'draft', 'checkout draft', 'trash', 'deleted', '交易失败', '草稿', '已删除'].map((w) => [w, 'ignore'] as [string, StatusClass]),
  ...['pending', 'pending payment', 'on hold', 'on-hold', 'awaiting payment', 'quote', 'quoted', 'unpaid',
    '待付款', '待支付', '未付款', '待审核', '未审核', '报价'].map((w) => [w, 'prospect'] as [string, StatusClass]),
];
const ORDER = new Map<string, StatusClass>(ORDER_NOT_SALE);
for (const w of ORDER_SALE) ORDER.set(w, 'active');

/**
 * The class of an order row's status: 'active' for a sale, 'lost' (cancelled, refunded, lost
 * deal), 'prospect' (open, awaiting payment) or 'ignore' (failed, draft) for rows that are not
 * sales; null when neither lexicon knows the value.
 */
export function orderStatusClassOf(value: string): StatusClass | null {
  return orderStatusClassOfKey(normStatusValue(value));
}

/** orderStatusClassOf for a value already normalised by normStatusValue. */
export function orderStatusClassOfKey(key: string): StatusClass | null {
  if (!key) return null;
  return ORDER.get(key) ?? statusClassOfKey(key, 'status');
}

/** Yes/no words: what they say depends on the header (see StatusFlavour). */
const YES = ['yes', 'y', 'true', 't', '1', '是', '有', '√', '✓', 'x'];
const NO = ['no', 'n', 'false', 'f', '0', '否', '×', '✗'];

const LEXICON = new Map<string, StatusClass>();
for (const [words, as] of [
  [LOST, 'lost'],
  [ACTIVE, 'active'],
  [PROSPECT, 'prospect'],
  [IGNORE, 'ignore'],
] as const) {
  for (const w of words) LEXICON.set(w, as);
}
const FLAG = new Map<string, boolean>();
for (const w of YES) FLAG.set(w, true);
for (const w of NO) FLAG.set(w, false);

// Compound values: words that decide a class on their own, read after splitting the value.
// Strong words outweigh weak ones: "Closed Won" is won, "Closed Lost" is lost.
// prettier-ignore
const STRONG: [string, StatusClass][] = [
  ['churn', 'lost'], ['churned', 'lost'], ['lost', 'lost'], ['cancelled', 'lost'], ['canceled', 'lost'], ['lapsed', 'lost'],
  ['attrited', 'lost'], ['exited', 'lost'], ['terminated', 'lost'], ['inactive', 'lost'], ['suspended', 'lost'],
  ['expired', 'lost'], ['former', 'lost'], ['dormant', 'lost'], ['won', 'active'], ['active', 'active'], ['stayed', 'active'],
  ['retained', 'active'], ['existing', 'active'], ['current', 'active'], ['lead', 'prospect'], ['prospect', 'prospect'],
  ['trial', 'prospect'], ['opportunity', 'prospect'], ['test', 'ignore'], ['spam', 'ignore'],
  ['duplicate', 'ignore'],
];
// prettier-ignore
const WEAK: [string, StatusClass][] = [
  ['closed', 'lost'], ['open', 'active'], ['new', 'active'], ['paid', 'active'], ['customer', 'active'], ['client', 'active'],
];
const STRONG_MAP = new Map(STRONG);
const WEAK_MAP = new Map(WEAK);

// Chinese compounds: a status word with a prefix (已, 客户…) or suffix (客户, 状态…) around it.
const CN_PREFIX = /^(?:已经|已|客户|会员|用户|状态|当前|目前|账户|账号)+/;
const CN_SUFFIX = /(?:客户|会员|用户|状态|中|了|的|户)+$/;
// Negated forms that are not in the lexicon as a whole: 未流失 is active, 不活跃 is lost.
const NEGATION = /^(?:未|不|没有|没|非|无)(.+)$/;

/** A status value as the lexicon and Settings.statusValues key it. */
export function normStatusValue(s: string): string {
  return normText(s)
    .replace(/[_\-–—]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[。.!！]+$/, '')
    .trim();
}

/** The class a normalised value's words decide, or null. */
function byWords(key: string): StatusClass | null {
  const words = key.split(/[\s/,;|()]+/).filter(Boolean);
  if (words.length < 2) return null;
  let strong: StatusClass | null = null;
  let weak: StatusClass | null = null;
  for (const w of words) {
    const s = STRONG_MAP.get(w);
    if (s) {
      if (strong && strong !== s) return null; // "active / lost": contradictory
      strong = s;
      continue;
    }
    const k = WEAK_MAP.get(w);
    if (k) weak = weak && weak !== k ? null : k;
  }
  return strong ?? weak;
}

/** The class of a Chinese value with prefixes or suffixes around a known word, or null. */
function byAffixes(key: string): StatusClass | null {
  if (!/[\u4e00-\u9fff]/.test(key)) return null;
  const core = key.replace(CN_PREFIX, '').replace(CN_SUFFIX, '');
  if (core && core !== key) {
    const c = LEXICON.get(core);
    if (c) return c;
  }
  const neg = NEGATION.exec(core || key);
  if (neg) {
    const c = LEXICON.get(neg[1]) ?? LEXICON.get(neg[1].replace(CN_SUFFIX, ''));
    if (c === 'lost') return 'active';
    if (c === 'active') return 'lost';
  }
  return null;
}

/**
 * The class of a status value under a header of this flavour, or null when the lexicon cannot
 * place it (or it is a yes/no under a plain status header). Blank values are null too.
 */
export function statusClassOf(value: string, flavour: StatusFlavour = 'status'): StatusClass | null {
  const key = normStatusValue(value);
  return statusClassOfKey(key, flavour);
}

/** statusClassOf for a value already normalised by normStatusValue. */
export function statusClassOfKey(key: string, flavour: StatusFlavour): StatusClass | null {
  if (!key) return null;
  const flag = FLAG.get(key);
  if (flag !== undefined) {
    if (flavour === 'churn') return flag ? 'lost' : 'active';
    if (flavour === 'active') return flag ? 'active' : 'lost';
    return null;
  }
  return LEXICON.get(key) ?? byAffixes(key) ?? byWords(key);
}

/** Whether a value is a bare yes/no word (1/0, Y/N, true/false, 是/否…). */
export function isYesNo(value: string): boolean {
  return FLAG.has(normStatusValue(value));
}

/** isYesNo for a value already normalised by normStatusValue. */
export const isYesNoKey = (key: string): boolean => FLAG.has(key);

/** Whether the value is a status word that is not a bare yes/no: evidence of a status column by itself. */
export function isStatusWord(value: string): boolean {
  const key = normStatusValue(value);
  return !FLAG.has(key) && statusClassOfKey(key, 'status') !== null;
}
