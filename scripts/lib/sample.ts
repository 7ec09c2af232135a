// The bundled sample: a deterministic, seeded imitation of what a consultant receives from a Chinese
// B2B distributor (华东贸易有限公司) — a customer list with churn status and free-text churn reasons,
// and the order log of the same customers. Everything is derived from one seeded PRNG stream; no
// clock, locale or Math.random is used, so the same seed gives the same bytes on every machine.
//
// Built-in story, for analyses and demos:
//   • 3 of the 12 sales reps left the company (see SAMPLE_REPS); their customers churn much more
//     often in the 90 days after the departure, mostly with reasons like 业务员离职后没人跟进.
//   • Tier C customers churn more, tier A less; hazard falls with tenure.
//   • ≈ 88 % of churn with a classifiable reason is controllable (all causes but
//     market-volatility and customer-circumstances).
//   • A few active customers have not ordered for 3–8 months (the at-risk list).

import { CAUSES as TAXONOMY } from '../../src/core/causes/taxonomy.ts';
import type { CauseId } from '../../src/core/types/index.ts';
import { createRng, type Rng } from './rng.ts';

export const SAMPLE_SEED = 20241231;
export const SAMPLE_AS_OF = '2024-12-31';
export const SAMPLE_TITLE = '华东贸易有限公司 客户流失明细表（2022–2024年度）';
export const CUSTOMER_HEADER = [
  '客户编号',
  '客户名称',
  '销售代表',
  '区域',
  '行业',
  '客户等级',
  '首次合作日期',
  '最后下单日期',
  '状态',
  '流失日期',
  '流失原因',
  '年销售额（元）',
] as const;
export const ORDER_HEADER = ['订单编号', '客户编号', '下单日期', '订单金额'] as const;

const CUSTOMER_COUNT = 3000;
const DEPARTURE_WINDOW_DAYS = 90;

// ---------------------------------------------------------------------------------------------
// Calendar (UTC epoch days)

const MS_PER_DAY = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
function slashOf(day: number): string {
  const dt = new Date(day * MS_PER_DAY);
  return `${dt.getUTCFullYear()}/${dt.getUTCMonth() + 1}/${dt.getUTCDate()}`;
}
const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const AS_OF_DAY = dayOf(2024, 12, 31);

// ---------------------------------------------------------------------------------------------
// Reference data

export type Region = '华东' | '华南' | '华北' | '华中' | '西南' | '西北' | '东北';
const REGIONS: Region[] = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGION_WEIGHTS = [35, 20, 14, 12, 9, 4, 6];
const REGION_HAZARD: Record<Region, number> = {
  华东: 1,
  华南: 1,
  华北: 1,
  华中: 1.05,
  西南: 1.05,
  西北: 1.1,
  东北: 1.15,
};

const CITIES: Record<Region, [zh: string, en: string][]> = {
  华东: [
    ['上海', 'Shanghai'],
    ['杭州', 'Hangzhou'],
    ['南京', 'Nanjing'],
    ['苏州', 'Suzhou'],
    ['宁波', 'Ningbo'],
    ['合肥', 'Hefei'],
    ['无锡', 'Wuxi'],
    ['温州', 'Wenzhou'],
    ['福州', 'Fuzhou'],
    ['厦门', 'Xiamen'],
    ['济南', 'Jinan'],
    ['青岛', 'Qingdao'],
    ['常州', 'Changzhou'],
    ['绍兴', 'Shaoxing'],
  ],
  华南: [
    ['广州', 'Guangzhou'],
    ['深圳', 'Shenzhen'],
    ['东莞', 'Dongguan'],
    ['佛山', 'Foshan'],
    ['南宁', 'Nanning'],
    ['海口', 'Haikou'],
    ['珠海', 'Zhuhai'],
    ['汕头', 'Shantou'],
    ['中山', 'Zhongshan'],
  ],
  华北: [
    ['北京', 'Beijing'],
    ['天津', 'Tianjin'],
    ['石家庄', 'Shijiazhuang'],
    ['太原', 'Taiyuan'],
    ['呼和浩特', 'Hohhot'],
    ['唐山', 'Tangshan'],
    ['保定', 'Baoding'],
  ],
  华中: [
    ['武汉', 'Wuhan'],
    ['长沙', 'Changsha'],
    ['郑州', 'Zhengzhou'],
    ['南昌', 'Nanchang'],
    ['洛阳', 'Luoyang'],
    ['宜昌', 'Yichang'],
  ],
  西南: [
    ['成都', 'Chengdu'],
    ['重庆', 'Chongqing'],
    ['昆明', 'Kunming'],
    ['贵阳', 'Guiyang'],
    ['绵阳', 'Mianyang'],
  ],
  西北: [
    ['西安', "Xi'an"],
    ['兰州', 'Lanzhou'],
    ['乌鲁木齐', 'Urumqi'],
    ['银川', 'Yinchuan'],
    ['西宁', 'Xining'],
  ],
  东北: [
    ['沈阳', 'Shenyang'],
    ['大连', 'Dalian'],
    ['长春', 'Changchun'],
    ['哈尔滨', 'Harbin'],
    ['吉林', 'Jilin'],
  ],
};

export interface SampleRep {
  name: string;
  regions: Region[];
  /** YYYY-MM-DD */
  joined: string;
  /** YYYY-MM-DD, or null while still employed. */
  left: string | null;
}

/** The client's sales team. Three reps left in 2023–2024; 杨雪 was hired to take over 华南. */
export const SAMPLE_REPS: readonly SampleRep[] = [
  { name: '王建国', regions: ['华东'], joined: '2015-03-01', left: null },
  { name: '李静', regions: ['华东'], joined: '2018-07-16', left: null },
  { name: '张伟', regions: ['华东'], joined: '2020-02-10', left: null },
  { name: '陈晓东', regions: ['华东'], joined: '2017-05-08', left: '2023-04-28' },
  { name: '刘芳', regions: ['华南'], joined: '2016-09-01', left: '2023-11-15' },
  { name: '黄志强', regions: ['华南'], joined: '2019-04-22', left: null },
  { name: '杨雪', regions: ['华南'], joined: '2023-12-04', left: null },
  { name: '赵俊杰', regions: ['华北'], joined: '2018-03-12', left: '2024-06-28' },
  { name: '孙丽华', regions: ['华北', '东北'], joined: '2014-11-03', left: null },
  { name: '周涛', regions: ['华中'], joined: '2019-08-19', left: null },
  { name: '吴敏', regions: ['华中', '西南'], joined: '2021-03-01', left: null },
  { name: '郑海波', regions: ['西南', '西北', '东北'], joined: '2016-06-13', left: null },
];

interface RepInfo {
  name: string;
  regions: Region[];
  joined: number;
  left: number | null;
}

function parseIso(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  return dayOf(y, m, d);
}

const REPS: RepInfo[] = SAMPLE_REPS.map((r) => ({
  name: r.name,
  regions: r.regions,
  joined: parseIso(r.joined),
  left: r.left === null ? null : parseIso(r.left),
}));

export type Tier = 'A' | 'B' | 'C';
const TIERS: Tier[] = ['A', 'B', 'C'];
const TIER_WEIGHTS = [12, 30, 58];
const TIER_HAZARD: Record<Tier, number> = { A: 0.45, B: 0.8, C: 1.25 };
/** Median annual purchases in yuan. */
const TIER_REVENUE: Record<Tier, number> = { A: 900_000, B: 220_000, C: 45_000 };
/** Typical days between orders. */
const TIER_INTERVAL: Record<Tier, number> = { A: 20, B: 28, C: 35 };

interface Industry {
  name: string;
  weight: number;
  zh: string[];
  en: string[];
}
const INDUSTRIES: Industry[] = [
  {
    name: '批发贸易',
    weight: 30,
    zh: ['贸易有限公司', '商贸有限公司', '商行', '贸易商行', '进出口有限公司'],
    en: ['Trading Co.', 'Trading Co., Ltd.', 'Import & Export Co.'],
  },
  { name: '零售', weight: 20, zh: ['超市', '便利店', '百货商店', '连锁超市有限公司'], en: ['Supermarket', 'Mart', 'Convenience Store'] },
  { name: '医药', weight: 12, zh: ['大药房', '药房', '医药有限公司'], en: ['Pharmacy', 'Pharmaceutical Co., Ltd.'] },
  { name: '五金建材', weight: 14, zh: ['五金店', '五金机电有限公司', '建材商行', '五金交电商店'], en: ['Hardware Co.', 'Hardware & Tools, Inc.'] },
  { name: '电子科技', weight: 12, zh: ['科技有限公司', '电子科技有限公司', '信息技术有限公司'], en: ['Technology Co., Ltd.', 'Electronics Ltd.'] },
  { name: '餐饮', weight: 7, zh: ['餐饮管理有限公司', '酒楼', '食府'], en: ['Catering Services', 'Restaurant Group'] },
  { name: '食品加工', weight: 5, zh: ['食品有限公司', '食品厂'], en: ['Foods Inc.', 'Food Co., Ltd.'] },
];

const BRANDS = [
  '鑫达',
  '恒通',
  '永辉',
  '百佳',
  '金鼎',
  '华盛',
  '宏远',
  '嘉禾',
  '瑞丰',
  '天诚',
  '汇源',
  '利民',
  '兴隆',
  '福满',
  '长青',
  '盛世',
  '万家',
  '顺发',
  '佳美',
  '同仁',
  '康宁',
  '益民',
  '新世纪',
  '东方',
  '美联',
  '宝丰',
  '大正',
  '正泰',
  '博远',
  '创新',
  '聚丰',
  '德信',
  '荣昌',
  '广源',
  '合众',
  '和顺',
  '金利',
  '鸿运',
  '安泰',
  '众诚',
  '明辉',
  '海纳',
  '久安',
  '富康',
  '泰和',
  '润发',
  '优选',
  '惠民',
  '好邻居',
  '四季',
];
const BRANCHES = ['中山路店', '解放路店', '人民路店', '新华店', '城东店', '二店', '旗舰店'];
const EN_FIRST = [
  'Bright',
  'Golden',
  'Silver',
  'Pacific',
  'Evergreen',
  'Red',
  'Blue',
  'Jade',
  'Great',
  'Lucky',
  'Sun',
  'Oriental',
  'Royal',
  'Green',
  'Harmony',
  'Summit',
  'Crown',
  'Unity',
  'Phoenix',
  'Eastern',
];
const EN_SECOND = ['Star', 'Bridge', 'Leaf', 'Ocean', 'River', 'Dragon', 'Garden', 'Wall', 'Tree', 'Rise', 'Peak', 'Way', 'Field', 'Stone', 'Light'];

// ---------------------------------------------------------------------------------------------
// Churn reasons

/** Every cause of the taxonomy but 'unclassified', in the taxonomy's order. */
export type SampleCause = Exclude<CauseId, 'unclassified'>;

export const UNCONTROLLABLE_CAUSES: readonly SampleCause[] = TAXONOMY.filter((c) => c.controllable === false).map((c) => c.id as SampleCause);

/** Reason phrasings with the cause they were generated for and their relative frequency within it. */
const PHRASES: Record<SampleCause | 'vague', [text: string, weight: number][]> = {
  'staff-turnover': [
    ['业务员离职', 30],
    ['业务员离职后没人跟进', 26],
    ['对接人走了', 10],
    ['rep离职了，没人跟进', 4],
    ['業務員離職', 3],
    ['rep left', 2],
    ['rep left, no one took over', 3],
    ['销售离职了　客户没人管', 2],
  ],
  competitor: [
    ['被竞争对手挖走', 30],
    ['改用XX品牌', 10],
    ['被竟争对手挖走', 2],
    ['went w/ competitor', 3],
    ['被對手挖走', 2],
    ['竞品给的返点更高', 3],
  ],
  price: [
    ['价格太高', 24],
    ['嫌贵', 18],
    ['对方报价更低', 8],
    ['价格太高了！！', 4],
    ['too expensive', 3],
    ['客户说"价格没优势"', 1],
  ],
  'service-negligence': [
    ['投诉没人处理', 12],
    ['发货总是延迟', 12],
    ['送错货', 5],
    ['投訴一直沒人處理', 2],
    ['delivery always late', 2],
  ],
  'service-quality': [
    ['服务态度差', 14],
    ['技术支持不专业', 6],
    ['售后服务太差', 4],
    ['服务太度差', 2],
  ],
  product: [
    ['质量不稳定', 12],
    ['经常缺货', 10],
    ['款式跟不上', 4],
    ['质量不稳订', 2],
    ['quality issues', 2],
  ],
  'broken-promises': [
    ['返利一直没兑现', 8],
    ['承诺的赠品没给', 4],
    ['答应的返点没给', 2],
    ['返利一直没兑先', 1],
  ],
  'harsh-policy': [
    ['进场费太高', 5],
    ['压货太多 付款条件苛刻', 5],
    ['账期太短，压力大', 2],
  ],
  'small-customer-neglect': [
    ['小客户没人重视', 6],
    ['促销政策都给大客户', 5],
    ['觉得自己不被重视', 2],
  ],
  'no-contact': [
    ['长期没联系', 12],
    ['很久没拜访', 8],
    ['no follow-up', 3],
    ['長期沒聯繫', 2],
    ['很久没拜仿', 1],
  ],
  'market-volatility': [
    ['资金链断裂', 8],
    ['行业不景气', 8],
    ['公司倒闭', 8],
    ['business closed', 2],
    ['疫情后一直没恢复', 2],
  ],
  'customer-circumstances': [
    ['老板移民', 4],
    ['转行', 5],
    ['搬迁到外地', 5],
    ['店铺关门退休', 3],
    ['老板退休，店面转让了', 2],
  ],
  vague: [
    ['其他', 4],
    ['原因不明', 2],
  ],
};

/** Every phrasing the generator can write, with the cause it stands for (null: too vague to classify). */
export const REASON_PHRASES: readonly { text: string; cause: SampleCause | null }[] = Object.entries(PHRASES).flatMap(([cause, list]) =>
  list.map(([text]) => ({ text, cause: cause === 'vague' ? null : (cause as SampleCause) })),
);

const CAUSES: SampleCause[] = TAXONOMY.filter((c) => c.id !== 'unclassified').map((c) => c.id as SampleCause);
/** Cause mix of churn not triggered by a rep's departure. */
const CAUSE_WEIGHTS: Record<SampleCause, number> = {
  'staff-turnover': 5,
  competitor: 18,
  price: 17,
  'service-negligence': 9,
  'service-quality': 6,
  product: 9,
  'broken-promises': 4,
  'harsh-policy': 4,
  'small-customer-neglect': 5,
  'no-contact': 9,
  'market-volatility': 8,
  'customer-circumstances': 5.5,
};
const TIER_CAUSE_FACTOR: Record<Tier, Partial<Record<SampleCause, number>>> = {
  A: { 'small-customer-neglect': 0, competitor: 1.5, 'harsh-policy': 1.5, 'broken-promises': 1.3 },
  B: {},
  C: { 'small-customer-neglect': 2, price: 1.3, 'customer-circumstances': 1.3 },
};
const NO_REASON_SHARE = 0.08;
const VAGUE_REASON_SHARE = 0.025;
/** Share of churn inside a departed rep's window whose reason names the departure. */
const DEPARTURE_REASON_SHARE = 0.7;

// ---------------------------------------------------------------------------------------------
// Model

export interface SampleCustomer {
  id: string;
  name: string;
  rep: string;
  region: Region;
  industry: string;
  tier: Tier;
  firstDay: number;
  lastDay: number;
  churnDay: number | null;
  /** The cause the reason was generated for; null when there is no or a vague reason, or not churned. */
  cause: SampleCause | null;
  reason: string;
  /** Trailing-12-month order total (cents) as shown, after the display rounding; null for a blank cell. */
  revenueCents: number | null;
  revenueText: string;
  /** True for an active customer deliberately left without orders for months. */
  silent: boolean;
  /** True when the churn fell inside the rep's post-departure window. */
  departureChurn: boolean;
}

export interface SampleOrder {
  id: string;
  customerId: string;
  day: number;
  cents: number;
}

export interface SampleData {
  customers: SampleCustomer[];
  orders: SampleOrder[];
  /** Sum of the displayed revenue cells, in cents (the totals row). */
  totalRevenueCents: number;
}

interface Draft {
  order: number; // generation index, a stable tie-breaker
  name: string;
  rep: RepInfo;
  region: Region;
  industry: Industry;
  tier: Tier;
  firstDay: number;
  lastDay: number;
  churnDay: number | null;
  departureChurn: boolean;
  silent: boolean;
  baseRevenue: number; // yuan per year
  interval: number; // days between orders
  cause: SampleCause | null;
  reason: string;
}

function makeName(r: Rng, region: Region, industry: Industry, used: Set<string>): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [cityZh, cityEn] = r.pick(CITIES[region]);
    let name: string;
    if (r.chance(0.1)) {
      const core = `${r.pick(EN_FIRST)} ${r.pick(EN_SECOND)}`;
      name = `${r.chance(0.35) ? `${cityEn} ` : ''}${core} ${r.pick(industry.en)}`;
    } else {
      const suffix = r.pick(industry.zh);
      name = `${cityZh}${r.pick(BRANDS)}${suffix}`;
      if ((suffix.endsWith('超市') || suffix.endsWith('药房')) && r.chance(0.08)) name += `（${r.pick(BRANCHES)}）`;
    }
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('makeName: could not find an unused name');
}

function tenureFactor(days: number): number {
  if (days < 180) return 1.3;
  if (days < 365) return 1;
  if (days < 730) return 0.6;
  return 0.4;
}

function pickPhrase(r: Rng, key: SampleCause | 'vague'): string {
  const list = PHRASES[key];
  return r.weighted(
    list.map((p) => p[0]),
    list.map((p) => p[1]),
  );
}

function pickCause(r: Rng, tier: Tier): SampleCause {
  const factor = TIER_CAUSE_FACTOR[tier];
  return r.weighted(
    CAUSES,
    CAUSES.map((c) => CAUSE_WEIGHTS[c] * (factor[c] ?? 1)),
  );
}

/** First-cooperation months 2022-01 … 2024-11, with the client acquiring more customers lately. */
const FIRST_MONTHS: [number, number][] = [];
for (let y = 2022; y <= 2024; y++) for (let m = 1; m <= 12; m++) if (y < 2024 || m <= 11) FIRST_MONTHS.push([y, m]);
const FIRST_MONTH_WEIGHTS = FIRST_MONTHS.map((_, i) => 1 + 0.05 * i);

/** Daily churn hazard of a base customer: ≈ 2 % a month. */
const BASE_HAZARD = 0.00074;
const DEPARTURE_HAZARD = 6;

function draftCustomers(r: Rng): Draft[] {
  const used = new Set<string>();
  const drafts: Draft[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const region = r.weighted(REGIONS, REGION_WEIGHTS);
    const [y, m] = r.weighted(FIRST_MONTHS, FIRST_MONTH_WEIGHTS);
    const firstDay = dayOf(y, m, r.int(1, daysInMonth(y, m)));
    let reps = REPS.filter((p) => p.regions.includes(region) && p.joined <= firstDay && (p.left === null || p.left > firstDay));
    if (reps.length === 0) reps = REPS.filter((p) => p.joined <= firstDay && (p.left === null || p.left > firstDay));
    const rep = r.pick(reps);
    const tier = r.weighted(TIERS, TIER_WEIGHTS);
    const industry = r.weighted(
      INDUSTRIES,
      INDUSTRIES.map((x) => x.weight),
    );
    const name = makeName(r, region, industry, used);
    const baseRevenue = r.lognormal(Math.log(TIER_REVENUE[tier]), 0.75);
    const interval = Math.min(95, Math.max(18, r.lognormal(Math.log(TIER_INTERVAL[tier]), 0.35)));

    // Churn: a daily hazard from the first week on.
    const hazard0 = BASE_HAZARD * TIER_HAZARD[tier] * REGION_HAZARD[region];
    const windowStart = rep.left !== null && rep.left > firstDay ? rep.left : null;
    let churnDay: number | null = null;
    let departureChurn = false;
    for (let d = firstDay + 7; d <= AS_OF_DAY; d++) {
      const inWindow = windowStart !== null && d >= windowStart && d < windowStart + DEPARTURE_WINDOW_DAYS;
      const h = hazard0 * tenureFactor(d - firstDay) * (inWindow ? DEPARTURE_HAZARD : 1);
      if (r.rng() < h) {
        churnDay = d;
        departureChurn = inWindow;
        break;
      }
    }

    let lastDay: number;
    let silent = false;
    if (churnDay !== null) {
      const gap = r.weighted([r.int(3, 20), r.int(21, 45), r.int(46, 62)], [4, 4, 2]);
      lastDay = Math.max(firstDay, churnDay - gap);
    } else if (firstDay <= AS_OF_DAY - 150 && r.chance(0.04)) {
      silent = true;
      lastDay = Math.max(firstDay, AS_OF_DAY - r.int(95, 240));
    } else {
      lastDay = Math.max(firstDay, AS_OF_DAY - Math.floor(80 * Math.pow(r.rng(), 1.4)));
    }

    let cause: SampleCause | null = null;
    let reason = '';
    if (churnDay !== null && !r.chance(NO_REASON_SHARE)) {
      if (departureChurn && r.chance(DEPARTURE_REASON_SHARE)) cause = 'staff-turnover';
      else if (!r.chance(VAGUE_REASON_SHARE)) cause = pickCause(r, tier);
      reason = pickPhrase(r, cause ?? 'vague');
    }

    drafts.push({
      order: i,
      name,
      rep,
      region,
      industry,
      tier,
      firstDay,
      lastDay,
      churnDay,
      departureChurn,
      silent,
      baseRevenue,
      interval,
      cause,
      reason,
    });
  }
  return drafts;
}

interface RawOrder {
  day: number;
  cust: number; // index into the id-sorted customers
  seq: number; // generation sequence, a stable tie-breaker
  cents: number;
}

function draftOrders(r: Rng, drafts: Draft[]): RawOrder[] {
  const out: RawOrder[] = [];
  let seq = 0;
  drafts.forEach((c, ci) => {
    const days: number[] = [c.firstDay];
    let t = c.firstDay;
    for (;;) {
      t += Math.max(5, Math.round(c.interval * r.lognormal(0, 0.35)));
      if (t > c.lastDay - 4) break;
      days.push(t);
    }
    if (c.lastDay > c.firstDay) days.push(c.lastDay);
    const perOrder = (c.baseRevenue * c.interval) / 365;
    const mine: RawOrder[] = [];
    for (const day of days) {
      const yuan = Math.max(80, perOrder * r.lognormal(-0.06, 0.35));
      // Most order totals are whole yuan; some carry fen.
      const cents = r.chance(0.7) ? Math.round(yuan) * 100 : Math.round(yuan * 100);
      mine.push({ day, cust: ci, seq: seq++, cents });
    }
    // Returns: about 0.5 % of rows, after an order and never after the last order date.
    for (let k = 0; k < mine.length - 1; k++) {
      if (!r.chance(0.005)) continue;
      const day = Math.min(c.lastDay, mine[k].day + r.int(2, 20));
      const cents = -Math.max(100, Math.round((mine[k].cents * r.int(10, 100)) / 100 / 100) * 100);
      mine.push({ day, cust: ci, seq: seq++, cents });
    }
    out.push(...mine);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** 1234567 cents → "12,345.67" (sign kept). */
export function formatMoney(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100);
  const fen = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}.${fen < 10 ? '0' : ''}${fen}`;
}

function yuanSign(cents: number): string {
  return cents < 0 ? `-¥${formatMoney(-cents)}` : `¥${formatMoney(cents)}`;
}

/** A revenue cell in one of the client's styles; returns the text and the value it shows (cents). */
function formatRevenue(r: Rng, cents: number): { text: string; cents: number | null } {
  const u = r.rng();
  if (u < 0.015) return { text: '', cents: null };
  if (u < 0.075 && cents >= 1_000_000) {
    // 1.2万: tenths of 万 (10,000 yuan = 1,000,000 cents)
    const tenths = Math.round(cents / 100_000);
    return { text: `${Math.floor(tenths / 10)}.${tenths % 10}万`, cents: tenths * 100_000 };
  }
  if (u < 0.155) {
    // 12345.5: plain number, at most one decimal, no trailing zero
    const dimes = Math.round(cents / 10);
    const neg = dimes < 0;
    const a = Math.abs(dimes);
    const text = `${neg ? '-' : ''}${Math.floor(a / 10)}${a % 10 ? `.${a % 10}` : ''}`;
    return { text, cents: dimes * 10 };
  }
  return { text: yuanSign(cents), cents };
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(',');

// ---------------------------------------------------------------------------------------------
// Public API

/** The sample as records (for statistics and tests); generateSample() renders exactly this. */
export function buildSample(seed = SAMPLE_SEED): SampleData {
  const r = createRng(seed);
  const drafts = draftCustomers(r);
  // ERP ids follow the order customers were created in.
  drafts.sort((a, b) => a.firstDay - b.firstDay || a.order - b.order);
  const ids = drafts.map((_, i) => `KH${String(i + 1).padStart(5, '0')}`);

  const raw = draftOrders(r, drafts);
  raw.sort((a, b) => a.day - b.day || a.cust - b.cust || a.seq - b.seq);
  const perYear = new Map<number, number>();
  const orders: SampleOrder[] = raw.map((o) => {
    const year = yearOf(o.day);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    return { id: `DD${year}${String(n).padStart(6, '0')}`, customerId: ids[o.cust], day: o.day, cents: o.cents };
  });

  // Annual revenue: the order total of the 12 months up to the last order.
  const trailing = new Array<number>(drafts.length).fill(0);
  for (const o of raw) {
    const c = drafts[o.cust];
    if (o.day > c.lastDay - 365 && o.day <= c.lastDay) trailing[o.cust] += o.cents;
  }

  let totalRevenueCents = 0;
  const customers: SampleCustomer[] = drafts.map((c, i) => {
    const rev = formatRevenue(r, trailing[i]);
    if (rev.cents !== null) totalRevenueCents += rev.cents;
    return {
      id: ids[i],
      name: c.name,
      rep: c.rep.name,
      region: c.region,
      industry: c.industry.name,
      tier: c.tier,
      firstDay: c.firstDay,
      lastDay: c.lastDay,
      churnDay: c.churnDay,
      cause: c.cause,
      reason: c.reason,
      revenueCents: rev.cents,
      revenueText: rev.text,
      silent: c.silent,
      departureChurn: c.departureChurn,
    };
  });
  return { customers, orders, totalRevenueCents };
}

/** Render sample data as the two client files (customers: UTF-8; orders: UTF-8 with BOM; both CRLF). */
export const STAFF_HEADER = ['销售代表', '负责区域', '入职日期', '离职日期'];

export interface SampleFiles {
  customers: string;
  orders: string;
  /** The sales reps with their join and leave dates, as HR would export them. */
  staff: string;
}

function renderStaff(): string {
  const EOL = '\r\n';
  const rows = SAMPLE_REPS.map((r) => csvLine([r.name, r.regions.join('、'), r.joined, r.left ?? '']));
  return [csvLine(STAFF_HEADER), ...rows].join(EOL) + EOL;
}

export function renderSample(data: SampleData): SampleFiles {
  const EOL = '\r\n';
  const lines: string[] = [SAMPLE_TITLE, '', csvLine(CUSTOMER_HEADER)];
  for (const c of data.customers) {
    lines.push(
      csvLine([
        c.id,
        c.name,
        c.rep,
        c.region,
        c.industry,
        c.tier,
        isoOf(c.firstDay),
        isoOf(c.lastDay),
        c.churnDay === null ? '正常' : '已流失',
        c.churnDay === null ? '' : isoOf(c.churnDay),
        c.reason,
        c.revenueText,
      ]),
    );
  }
  lines.push(csvLine(['合计', '', '', '', '', '', '', '', '', '', '', yuanSign(data.totalRevenueCents)]));

  const orderLines: string[] = [csvLine(ORDER_HEADER)];
  for (const o of data.orders) orderLines.push(csvLine([o.id, o.customerId, slashOf(o.day), formatMoney(o.cents)]));

  return {
    customers: lines.join(EOL) + EOL,
    orders: '\uFEFF' + orderLines.join(EOL) + EOL,
    staff: renderStaff(),
  };
}

/** The bundled sample files, byte for byte (see src/sample/, written by scripts/gen-sample.ts). */
export function generateSample(seed = SAMPLE_SEED): SampleFiles {
  return renderSample(buildSample(seed));
}
