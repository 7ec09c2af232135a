// The words column names are made of, as data: concepts (lists of words in English and Simplified
// Chinese; Traditional headers are simplified before matching) and, per role, the concepts a
// header must hold. Names were collected from real exports: Salesforce and HubSpot reports,
// Shopify, Stripe and WooCommerce exports, Kingdee/Yonyou (金蝶/用友) customer and sales-order
// lists, Youzan/Weidian (有赞/微店) member lists, the IBM telco and bank churn files.
import type { Role } from '../types';

/** 'money' becomes amount (order log) or revenue (customer list); 'date' becomes orderDate in an order log. */
export type Target = Role | 'money' | 'date' | 'orderStatus' | 'closeDate';

// prettier-ignore
export const CONCEPTS = {
  customer: [
    'customer', 'customers', 'cust', 'client', 'clients', 'account', 'acct', 'member', 'user', 'buyer', 'consumer', 'shopper',
    'patron', 'subscriber', 'contact', 'dealer', 'distributor', 'store', 'shop',
    '客户', '顾客', '会员', '用户', '买家', '买方', '购买方', '经销商', '代理商', '门店', '商户', '终端', '往来单位', '客商',
    '粉丝', '店铺', '购方', '订货方', '收货方',
  ],
  company: ['company', 'business', 'organization', 'organisation', 'firm', 'org', '公司', '企业', '单位', '商户', '店铺', '门店', '机构'],
  id: [
    'id', 'no', 'nbr', 'number', 'num', 'code', 'key', 'ref', 'reference', 'identifier', 'uid', 'guid', '#',
    '编号', '编码', '代码', '代号', '号', '号码', '账号', '帐号', '卡号', 'id号', '序列号', '识别码', '档案号',
  ],
  name: ['name', 'names', 'fullname', 'surname', 'nickname', '名称', '全称', '简称', '姓名', '名字', '名', '昵称', '户名'],
  email: ['email', 'e-mail', 'mail', 'emailaddress', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  phone: ['phone', 'mobile', 'tel', 'telephone', 'cell', 'cellphone', '手机', '手机号', '手机号码', '电话', '联系电话', '电话号码'],
  rep: [
    'rep', 'representative', 'salesrep', 'salesperson', 'salesman', 'saleswoman', 'salespeople', 'owner', 'agent', 'manager',
    'am', 'csm', 'kam', 'employee', 'staff', 'seller', 'advisor', 'adviser', 'consultant', 'assignee', 'exec', 'executive',
    '销售代表', '销售员', '销售人员', '业务员', '业务代表', '负责人', '客户经理', '销售经理', '跟进人', '对接人', '经办人',
    '归属销售', '所属销售', '员工', '职员', '导购', '专属导购', '业务经理', '客服', '专员', '顾问', '销售顾问', '经理', '营业员',
    '跟单员', '制单人', '所属员工', '归属员工', '开单人',
  ],
  sales: ['sales', 'sale', 'selling', '销售', '营销'],
  region: ['region', 'area', 'territory', 'zone', 'market', 'geo', 'geography', 'regions', '区域', '地区', '大区', '片区', '战区', '地域'],
  province: ['state', 'province', 'prefecture', 'county', '省份', '省', '省市', '所在省份', '所在地', '省区'],
  city: ['city', 'country', 'district', 'location', 'town', 'suburb', '城市', '市', '国家', '国别', '区县', '县', '地市', '所在城市'],
  address: ['billing', 'shipping', 'default', 'address', 'mailing', 'primary', '所在', '所属', '收货', '归属'],
  segment: [
    'industry', 'vertical', 'segment', 'tier', 'plan', 'contract', 'class', 'level', 'grade', 'type', 'category', 'kind',
    'group', 'classification', 'membership',
    '行业', '类型', '类别', '分类', '等级', '级别', '规模', '分组', '档次', '客户群', '群组', '套餐', '会员等级', '客户分类',
    '分级', '层级', '性质', '类', '组',
  ],
  category: ['category', 'categories', 'type', 'class', 'group', 'kind', 'bucket', '类别', '类型', '分类', '大类', '归类', '类'],
  signup: [
    'signup', 'signedup', 'registered', 'registration', 'created', 'creation', 'start', 'started', 'since', 'joined',
    'onboarded', 'onboarding', 'activation', 'activated', 'acquisition', 'acquired', 'contractstart', 'subscriptionstart',
    'customersince', 'accountcreated',
    '签约', '注册', '首次合作', '开始合作', '合作开始', '开户', '建档', '入会', '成为客户', '成为会员', '创建', '加入', '签订',
    '开通', '入网', '开卡', '建立', '登记', '入驻', '合作起始', '起始', '发展', '建户', '开发',
  ],
  signupWeak: ['open', 'opened', 'opening', 'join', 'joining', 'create', 'register', 'begin', 'commencement', 'effective', '开始', '成立'],
  first: ['first', 'earliest', 'initial', '首次', '首笔', '第一次', '第一笔', '最早'],
  firstOrder: ['首单', '首购', '首次购买', '首次下单', '首次消费', '首次交易', '首次采购', '首次进货'],
  last: ['last', 'latest', 'recent', 'mostrecent', 'lastest', '最后', '最近', '末次', '上次', '最新', '最后一次', '最近一次', '最终'],
  order: [
    'order', 'purchase', 'purchased', 'transaction', 'invoice', 'invoiced', 'sale', 'sales', 'buy', 'bought', 'payment',
    'paid', 'txn', 'shipment', 'ship', 'shipped', 'booking', 'receipt', 'delivery', 'charge', 'billed',
    '下单', '订单', '购买', '交易', '采购', '成交', '消费', '进货', '拿货', '订货', '购货', '提货', '发货', '开票', '付款', '支付',
    '订购', '单据', '出库', '销货', '购物', '结算', '收款', '送货', '销售',
  ],
  orderWord: ['order', 'invoice', 'transaction', 'receipt', 'txn', '订单', '发票', '交易', '小票', '单据'],
  frequency: [
    'orders', 'ordercount', 'frequency', 'purchases', 'transactions', 'visits', 'logins',
    '订单数', '消费次数', '购买次数', '交易次数', '下单次数', '订单量', '进货次数', '采购次数', '次数',
  ],
  period: ['month', 'period', 'yearmonth', '月份', '年月', '期间', '会计期间'],
  close: ['close', 'closing', 'won', '成交'],
  notRevenue: [
    'credit', 'limit', 'balance', 'salary', 'discount', 'deposit', 'tax', 'shipping', 'points', 'budget', 'quota', 'target', 'forecast',
    'cost', 'expected', 'potential', 'estimated', 'outstanding', 'refunded', 'refund',
    '信用', '额度', '余额', '积分', '工资', '薪资', '折扣', '优惠', '储值', '税额', '运费', '预算', '目标', '预计', '预估', '成本', '欠款', '退款',
  ],
  activity: [
    'activity', 'active', 'seen', 'login', 'logon', 'visit', 'visited', 'contact', 'contacted', 'engagement', 'interaction',
    'touch', 'touchpoint', 'used', 'usage',
    '活跃', '登录', '联系', '合作', '到店', '访问', '跟进', '拜访', '互动', '使用', '来访', '沟通',
  ],
  date: ['date', 'dt', 'on', 'at', 'time', 'datetime', 'timestamp', 'day', 'when', '日期', '时间', '日', '时', '年月', '时刻'],
  churnStrong: ['churn', 'churned', 'churning', 'attrition', 'attrited', 'exited', 'lost', '流失', '已流失'],
  churnEvent: [
    'cancel', 'cancelled', 'canceled', 'cancellation', 'cancelation', 'terminated', 'termination', 'end', 'ended', 'deactivated',
    'deactivation', 'inactive', 'expiry', 'expiration', 'expired', 'expire', 'closed', 'closure', 'unsubscribed', 'lapsed',
    'lapse', 'suspended', 'discontinued', 'contractend', 'loss',
    '终止', '解约', '停止合作', '结束合作', '注销', '关闭', '取消', '退出', '结束', '停用', '到期', '失效', '退订', '退会', '销户',
    '离网', '合作结束', '合作终止', '停止', '断交', '冻结', '过期', '解除', '清退', '拉黑', '停止往来', '终止合作', '禁用',
    '封存', '作废',
  ],
  leave: ['leave', 'leaving', 'left', 'resignation', 'resigned', 'departure', 'departed', 'exit', 'termination', 'terminated', 'employmentend', '离职', '离岗', '离司', '辞职', '调离', '退休'],
  hire: ['hire', 'hired', 'hiring', 'join', 'joined', 'joining', 'employmentstart', 'onboard', '入职', '到岗', '聘用', '雇佣', '入司', '报到'],
  status: ['status', 'stage', 'lifecyclestage', 'standing', '状态', '阶段', '情况', '状况', '现状'],
  relationship: ['lifecycle', 'relationship', 'subscription', 'membership', 'contract', 'cooperation', 'service', 'business', 'deal', '合约', '业务', '经营', '营业', '服务', '订阅'],
  active: ['active', 'isactive', 'activeflag', 'enabled', '有效', '是否有效', '活跃', '是否活跃', '在网', '是否在网', '启用', '是否启用'],
  is: ['is', 'has', 'was', 'did', 'ever', 'if', '是否', '已', '有无', '曾'],
  label: ['label', 'value', 'flag', 'indicator', 'yn', 'y/n', 'tag', 'mark', 'marker', '标记', '标识', '标志', '指标', '标签', '判断', '结果', 'binary'],
  reason: ['reason', 'reasons', 'cause', 'causes', 'why', 'motive', '原因', '理由', '缘由', '缘故', '动因', '主因'],
  feedback: [
    'comment', 'comments', 'note', 'notes', 'remark', 'remarks', 'feedback', 'memo', 'explanation', 'detail', 'details', 'verbatim',
    '备注', '说明', '反馈', '意见', '留言', '描述', '详情', '情况说明', '备注说明', '具体原因', '附言', '评语',
  ],
  money: [
    'revenue', 'revenues', 'sales', 'amount', 'amt', 'value', 'total', 'spend', 'spent', 'spending', 'income', 'turnover', 'gmv',
    'charges', 'charge', 'fee', 'fees', 'billed', 'billing', 'subtotal', 'payments', 'paid', 'worth', 'sum',
    '销售额', '营收', '营业额', '收入', '金额', '总额', '总金额', '消费额', '消费金额', '交易额', '交易金额', '采购额', '采购金额', '进货额',
    '进货金额', '合同额', '合同金额', '价税合计', '货款', '应收', '应收金额', '实收', '实收金额', '实付', '实付金额', '业绩', '成交额',
    '成交金额', '订单金额', '订单总额', '含税金额', '发票金额', '销售金额', '购买金额', '消费', '贡献', '产值', '流水', '总价', '合计金额',
    '应付金额', '支付金额', '付款金额', '订货额', '订货金额', '费用', '营业收入', '销售收入', '收款金额',
  ],
  annual: ['annual', 'annually', 'yearly', 'year', 'yr', 'per year', 'pa', '年', '年度', '全年', '年均', '每年', '年化'],
  monthly: ['monthly', 'month', 'mo', 'per month', 'pm', '月', '月度', '月均', '每月', '月租'],
  recurring: ['arr', 'acv', 'tcv', 'annualrecurringrevenue', 'annualcontractvalue'],
  mrr: ['mrr', 'monthlyrecurringrevenue'],
  lifetime: ['lifetime', 'ltv', 'cltv', 'clv', 'cumulative', 'alltime', 'historical', '累计', '历史', '累积', '总计', '全部', '终身'],
  tenure: [
    'tenure', 'seniority', '在网时长', '在网月数', '在网时间', '网龄', '客龄', '会龄', '使用时长', '合作时长', '合作年限', '合作年数',
    '合作月数', '合作期限', '客户年限', '入网时长', '会员时长', '司龄',
  ],
  duration: ['duration', 'age', 'length', '时长', '年限', '年数', '月数', '天数', '期限', '龄', '时间长度'],
  quantity: ['qty', 'quantity', 'units', 'unitssold', 'pcs', 'qnty', 'items', '数量', '件数', '销量', '订购数量', '订单数量', '销售数量', '件', '个数'],
  unitPrice: ['price', 'unitprice', 'priceeach', 'priceperunit', 'listprice', 'unitcost', '单价', '价格', '售价', '销售单价', '含税单价', '无税单价', '零售价'],
  unit: ['unit', 'each', 'per', 'list', 'selling', 'retail', 'item', 'lineitem', 'line', '含税', '无税', '不含税', '销售'],
  orderNo: [
    '单号', '订单号', '订单编号', '单据号', '单据编号', '发票号', '发票号码', '发票编号', '交易号', '交易编号', '流水号', '订单id', '销售单号',
    '出库单号', '小票号', 'salesorder', 'docno', 'billno',
  ],
  orderDate: ['业务日期', '单据日期', '制单日期', '开单日期', '出库日期', '发货日期', '记账日期'],
  doc: ['document', 'doc', 'bill', 'voucher', 'ticket', '凭证', '票据'],
  deny: [
    // Qualifiers of an order, a payment or a lead: "Order Status", "Payment Status" and "Lead Status" say nothing about churn.
    'order', 'orders', 'payment', 'financial', 'fulfillment', 'fulfilment', 'shipping', 'shipment', 'delivery', 'lead', 'task',
    'approval', 'invoice', 'refund', 'return', 'ticket', 'email', 'marketing', 'sms', 'tax', 'verification', 'kyc',
    '订单', '付款', '支付', '发货', '物流', '审核', '审批', '单据', '开票', '退款', '退货', '线索', '任务', '配送', '发票', '认证', '实名',
  ],
  score: ['score', 'probability', 'prob', 'risk', 'rate', 'propensity', 'likelihood', 'predicted', 'prediction', 'count', 'number', 'months', 'days', '得分', '评分', '概率', '风险', '预测', '次数', '率'],
  filler: [
    'the', 'of', 'in', 'a', 'an', 'for', 'by', 'to', 'per', 'and', 'or', 'with', 'from', 'as', 'utc', 'gmt', 'cst', 'local', 'yyyy',
    'mm', 'dd', 'yyyymmdd', 'yyyy/mm/dd', 'hh', 'ss', 'current', 'main', 'primary', 'actual', 'final', 'reported',
    '的', '之', '及', '与', '和', '一次', '一笔', '名下', '所属', '当前', '主要', '本次', '实际', '最终', '信息', '资料',
  ],
  unitWord: [
    'months', 'month', 'mos', 'mo', 'years', 'year', 'yrs', 'yr', 'days', 'day', 'weeks', 'week', 'yuan', 'rmb', 'cny', 'usd',
    'eur', 'gbp', 'hkd', 'jpy', 'k', 'm', 'mn', 'bn', 'thousands', 'millions', '000', '000s',
    '元', '万元', '千元', '百万元', '亿元', '万', '千', '百万', '亿', '月', '个月', '年', '天', '日', '周', '美元', '人民币', '港币', '欧元',
  ],
} as const;

export type Concept = keyof typeof CONCEPTS;

/**
 * One way a role is named in a header: `all` concepts must each be met by a word; `any` lists
 * alternatives for a slot. (The classifier's cue rules on reason texts are CueRule, causes/rules.ts.)
 */
export interface HeaderRule {
  target: Target;
  /** Each slot is one concept or a list of alternatives; every slot must be filled by its own word. */
  all: (Concept | Concept[])[];
  score: number;
  /** Other words that may stand beside without a penalty. */
  allow?: Concept[];
  /** Words that rule this reading out. */
  deny?: Concept[];
  /** Without `loose`, any word that is neither in a slot, allowed nor filler rules the reading out. */
  loose?: boolean;
}

const CHURN: Concept[] = ['churnStrong', 'churnEvent'];
const QUAL_CUSTOMER: Concept[] = ['customer', 'company'];

// prettier-ignore
export const RULES: HeaderRule[] = [
  // customer id, name
  { target: 'customerId', all: ['customer', 'id'], score: 10, allow: ['company', 'name'], loose: true, deny: ['rep', 'order', 'orderNo', 'phone', 'email'] },
  { target: 'customerId', all: ['company', 'id'], score: 8, loose: true, deny: ['rep', 'order', 'orderNo'] },
  { target: 'customerId', all: ['id'], score: 4 },
  { target: 'customerId', all: ['customer'], score: 4 },
  { target: 'customerId', all: ['email'], score: 3.5, allow: ['customer', 'address', 'company'] },
  { target: 'customerId', all: ['phone'], score: 3.5, allow: ['customer', 'company', 'id'] },
  { target: 'customerName', all: ['name'], score: 9, allow: QUAL_CUSTOMER },
  { target: 'customerName', all: ['name'], score: 7, allow: ['first', 'last', 'address', 'customer', 'company'], loose: true, deny: ['rep', 'sales', 'region', 'province', 'city', 'segment', 'order', 'email'] },
  { target: 'customerName', all: ['company'], score: 7, allow: ['customer', 'address'] },
  // sales rep
  { target: 'rep', all: ['rep'], score: 9, allow: ['sales', 'customer', 'company', 'name', 'activity', 'id', 'address'] },
  { target: 'rep', all: ['rep'], score: 7, loose: true, allow: ['sales', 'customer', 'name'], deny: ['date', 'hire', 'leave'] },
  // region
  { target: 'region', all: ['region'], score: 9, allow: ['sales', 'region', 'province', 'city', 'address', 'customer', 'name'] },
  { target: 'region', all: ['province'], score: 8, allow: ['province', 'city', 'address', 'customer', 'name'] },
  { target: 'region', all: ['city'], score: 7, allow: ['city', 'address', 'customer', 'name'] },
  { target: 'region', all: ['region'], score: 6, loose: true, deny: ['id', 'date'] },
  // segment, and the coarse category of a churn reason
  { target: 'segment', all: ['segment'], score: 8, allow: ['customer', 'company', 'sales', 'name', 'segment'], deny: [...CHURN, 'reason'] },
  { target: 'segment', all: ['segment'], score: 6, loose: true, deny: [...CHURN, 'reason', 'date', 'id', 'money', 'rep'] },
  { target: 'reasonCategory', all: [['churnStrong', 'churnEvent', 'reason'], 'category'], score: 9, allow: ['customer', 'reason', 'churnEvent', 'churnStrong'] },
  // dates
  { target: 'signupDate', all: ['signup'], score: 9, allow: ['date', 'customer', 'company', 'first', 'activity'] },
  { target: 'signupDate', all: ['signupWeak', 'date'], score: 7, allow: ['customer', 'company'] },
  { target: 'signupDate', all: ['signup'], score: 6, loose: true, deny: ['hire', 'leave', 'order', 'last', ...CHURN] },
  { target: 'firstOrderDate', all: ['first', ['order', 'activity']], score: 9, allow: ['date', 'customer'] },
  { target: 'firstOrderDate', all: ['firstOrder'], score: 9, allow: ['date', 'customer'] },
  { target: 'lastOrderDate', all: ['last', ['order', 'activity']], score: 9, allow: ['date', 'customer', 'sales'] },
  { target: 'lastOrderDate', all: ['last', ['order', 'activity'], 'date'], score: 8, loose: true },
  { target: 'churnDate', all: [['churnStrong', 'churnEvent'], 'date'], score: 9, allow: ['customer', 'company', 'activity', 'status'] },
  { target: 'churnDate', all: [['churnStrong', 'churnEvent'], 'date'], score: 7, loose: true, deny: ['hire', 'order', 'signup'] },
  { target: 'churnDate', all: ['leave', 'date'], score: 7, allow: ['customer'] },
  { target: 'orderDate', all: ['order', 'date'], score: 9, allow: ['sales', 'customer', 'doc', 'first'] },
  { target: 'orderDate', all: ['orderDate'], score: 9 },
  { target: 'closeDate', all: ['close', 'date'], score: 8, allow: ['customer', 'doc'] },
  { target: 'date', all: ['date'], score: 5, allow: ['doc'] },
  { target: 'date', all: ['period'], score: 5 },
  // churn status: a churn word, a plain status, or an "active" flag
  { target: 'status', all: ['churnStrong'], score: 10, allow: ['is', 'label', 'status', 'customer', 'company'] },
  { target: 'status', all: ['status'], score: 9, allow: ['customer', 'company', 'activity', 'label', 'signup', 'churnStrong', 'relationship'] },
  { target: 'status', all: ['status'], score: 7, loose: true, deny: ['deny', 'date', 'reason', 'id', 'money'] },
  { target: 'status', all: ['churnEvent'], score: 8, allow: ['is', 'label', 'customer', 'status'] },
  { target: 'status', all: ['active'], score: 7, allow: ['is', 'label', 'customer', 'status'] },
  // The state of each row of an order log (completed / cancelled / refunded, Closed Won / Closed Lost).
  { target: 'orderStatus', all: ['status', ['orderWord', 'order', 'doc', 'relationship']], score: 8 },
  // reason
  { target: 'reason', all: ['reason'], score: 9, allow: [...CHURN, 'customer', 'feedback', 'leave', 'label'] },
  { target: 'reason', all: ['reason'], score: 7, loose: true, deny: ['category', 'date', 'id', 'money'] },
  { target: 'reason', all: [['churnStrong', 'churnEvent'], 'feedback'], score: 9, allow: ['customer'] },
  { target: 'reason', all: ['feedback'], score: 6, allow: ['customer'] },
  // money: revenue first, then generic money, then lifetime values
  { target: 'revenue', all: ['annual', 'money'], score: 10, allow: ['money', 'customer', 'sales', 'order', 'segment'] },
  { target: 'revenue', all: ['recurring'], score: 10, allow: ['money', 'customer'] },
  { target: 'revenue', all: ['segment', 'money'], score: 8, allow: ['money', 'customer'], deny: ['order'] },
  { target: 'revenue', all: ['monthly', 'money'], score: 9, allow: ['money', 'customer', 'recurring'] },
  { target: 'revenue', all: ['mrr'], score: 9, allow: ['money'] },
  { target: 'amount', all: ['order', 'money'], score: 9, allow: ['money', 'sales', 'customer', 'unit'], deny: ['unitPrice', 'quantity'] },
  { target: 'money', all: ['money'], score: 8, allow: ['money', 'sales', 'customer', 'lifetime', 'unit'], deny: ['unitPrice'] },
  { target: 'money', all: ['money'], score: 6, loose: true, deny: ['unitPrice', 'quantity', 'date', 'id', 'score', 'reason', 'frequency', 'notRevenue', ...CHURN] },
  { target: 'revenue', all: ['lifetime', 'money'], score: 6, allow: ['money', 'customer'] },
  { target: 'revenue', all: ['lifetime'], score: 5, allow: ['customer', 'money'] },
  // tenure
  { target: 'tenure', all: ['tenure'], score: 9, allow: ['customer', 'company', 'unitWord', 'activity'] },
  { target: 'tenure', all: ['duration', ['customer', 'activity', 'company', 'active', 'signup']], score: 9, allow: ['unitWord'] },
  // order log
  { target: 'orderId', all: [['order', 'doc'], 'id'], score: 9, allow: ['sales', 'customer'] },
  { target: 'orderId', all: ['orderNo'], score: 9, allow: ['sales', 'id'] },
  { target: 'orderId', all: ['orderWord'], score: 9 },
  { target: 'quantity', all: ['quantity'], score: 8, allow: ['order', 'sales', 'unit'] },
  { target: 'unitPrice', all: ['unitPrice'], score: 8, allow: ['unit', 'sales', 'order'] },
  // staff roster
  { target: 'repJoinDate', all: ['hire'], score: 9, allow: ['date', 'rep'], deny: [] },
  { target: 'repLeaveDate', all: ['leave', 'date'], score: 8, allow: ['rep'] },
  { target: 'repLeaveDate', all: ['leave'], score: 8, allow: ['rep'], deny: [] },
];

/** Whole headers (after normHeader) of one odd word, and the role they name. */
export const EXACT: Record<string, [Target, number]> = {
  monthsonbook: ['tenure', 9],
  monthsactive: ['tenure', 9],
  monthsascustomer: ['tenure', 9],
  lifetimemonths: ['tenure', 9],
  tenuremonths: ['tenure', 9],
  tenureinmonths: ['tenure', 9],
  customerage: ['tenure', 9],
  accountage: ['tenure', 9],
  churnyn: ['status', 10],
  recordid: ['customerId', 6],
  // In a CRM, "Annual Revenue" is the account's own turnover: below any other money column.
  annualrevenue: ['revenue', 7.5],
  totalcharges: ['revenue', 6],
  totalcharge: ['revenue', 6],
  totalbilled: ['revenue', 6],
  lifetimerevenue: ['revenue', 6],
};

/** Money headers that describe the customer (a CRM's "Annual Revenue": their own turnover), not what they pay. */
export const FIRMOGRAPHIC = new Set(['annualrevenue', 'companyrevenue', 'accountrevenue']);
