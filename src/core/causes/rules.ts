// Cue rules as data: each rule is a concept ("the price is high", "the rep left") written once for
// Chinese and English, matched on the normalised text. A rule hit is a feature of the learned model
// (its weight scales the feature), and because one concept matches 贵, 貴, expensive and pricey
// alike, it is also the bridge that carries a user's correction across languages. Rules never
// decide a cause on their own. Every rule's examples must match it (tests/unit/causes/rules.test.ts).
import type { CauseId } from '../types';

/** A cue on reason texts (not a header-naming HeaderRule of ingest/vocabulary.ts). */
export interface CueRule {
  /** Stable name: the weights file lists the ids it was trained with. */
  id: string;
  cause: CauseId;
  /** Prior strength of the cue: the feature's value is weight / 3.5 (before segment weights). */
  weight: number;
  /** Regular expression source, on normalised text (lower case, Simplified Chinese). */
  pattern: string;
  /** Short real-looking reasons that must match this rule. */
  examples: string[];
}

const r = String.raw;
/** Alternatives written on separate lines. */
const alt = (...parts: string[]) => parts.join('|');
/** One character inside a clause (no clause punctuation). */
const G = r`[^,.;:!?。、…~\n|]`;
/** A clause character that does not start a negation: keeps "价格也不算高" from matching 价格…高. */
const NG = r`(?:(?!不|没|未|并非|并不)${G})`;

const ZH_REP = alt(
  r`(?:sales|reps?\b|am\b|kam\b|对接的|负责的|同事|业务员?|销售员?|客户经理|业务经理|区域经理|大区经理|销售经理|经理|对接人`,
  r`负责人|跟单员?|业代|客服|主管|采购|联系人|专员|代表|我们的人|原来的人|老业务|之前的人|导购|店长|顾问|美容师|理发师|发型师|小姐姐|姑娘|师傅|店员|熟人)`,
);
const ZH_LEAVE = alt(
  r`(?:离职|辞职|走了|走人|跳槽|离开|不干了|调走|调岗|调动|调职|调回|换人|换了|换片区|被挖|被调|退休|离岗|去了别家|去别家|跑了|挖过去|挖走|不在了|一走|全换)`,
);
const EN_REP = alt(
  r`(?:reps?|sales ?reps?|salesperson|sales ?person|sales ?guy|sales ?girl|sales ?lady|sales ?manager|salesman|saleswoman`,
  r`account (?:manager|exec|executive|rep|owner)|am|kam|manager|contact(?: person)?|buyer|purchaser|purchasing manager`,
  r`representative|agent|csm|point of contact|poc|our guy|their guy|procurement (?:lead|manager|guy)|stylist|hairdresser`,
  r`barista|pharmacist|consultant|advisor|adviser|champion|sponsor|exec sponsor|admin|power user|assistant|coordinator`,
  r`office manager|store manager|purchasing contact|head of procurement|employee|girl|lady|guy|optician|florist|trainer)`,
);
const EN_LEAVE = alt(
  r`(?:left|leaving|leaves|quit|quits|resigned|retired|retiring|was let go|got fired|fired|laid off|moved on|departed`,
  r`moved (?:to )?(?:another|a different|a new) (?:territory|region|role|team|position|department|job|area|branch)`,
  r`changed jobs?|switched jobs?|was replaced|replaced|turnover|transferred|was reassigned|reassigned|gone|poached|churned|exit(?:ed)?`,
  r`(?:went )?on (?:maternity |parental |sick |long-term )?leave|moved to (?:another|a different|a new|the) (?:company|branch|store|shop|practice|office|employer)`,
  r`moved to (?:enterprise|head office))`,
);
const EN_VENDOR = alt(
  r`(?:vendors?|suppliers?|providers?|carriers?|brands?|competitors?|distributors?|wholesalers?|platforms?|solutions?|shops?`,
  r`stores?|sites?|marketplaces?|apps?|services?|products?|compan(?:y|ies)|agenc(?:y|ies)|firms?|partners?|manufacturers?|factor(?:y|ies)|dealers?)`,
);
/** Promised things: rebates, gifts, discounts. */
const ZH_PERK = r`(?:返利|返点|奖励|奖金|赠品|礼品|赠送|折扣|优惠|补贴|提成|佣金|回扣|年终奖|返现|红包|积分|支持费用|市场支持|广告支持)`;
const EN_PERK = alt(
  r`(?:rebates?|bonus(?:es)?|rewards?|incentives?|kickbacks?|free \w+|gifts?|store credit|credit note|cashback claim`,
  r`discounts?|commissions?|cashback|cash back|coupons?|vouchers?|allowances?|subsid(?:y|ies)|loyalty points?|points)`,
);

export const RULES: readonly CueRule[] = [
  // ---------------------------------------------------------------- staff-turnover
  {
    id: 'staff-rep-left',
    cause: 'staff-turnover',
    weight: 6,
    pattern: alt(r`${ZH_REP}${G}{0,6}?${ZH_LEAVE}`, r`\b${EN_REP}\b${G}{0,25}?\b${EN_LEAVE}\b`),
    examples: ['业务员离职了', '業務員離職', '对接人走了', 'rep left', 'acct mgr quit', 'the stylist I always booked with left'],
  },
  {
    id: 'staff-resigned',
    cause: 'staff-turnover',
    weight: 3.5,
    pattern: alt(r`离职|辞职|跳槽`, r`\bresign(?:ed|ation|s)?\b`),
    examples: ['小王辞职了', '跳槽去同行', 'resigned in march'],
  },
  {
    id: 'staff-handover',
    cause: 'staff-turnover',
    weight: 3.5,
    pattern: alt(r`交接|没人接手|无人接手|接手的人`, r`\bhand-?overs?\b|\bhanded over\b|\bhand over\b|\b(?:nobody|no one) (?:took over|picked up)\b`),
    examples: ['交接没做好', '没人接手', 'no proper handover', 'nobody took over the account'],
  },
  {
    id: 'staff-new-person',
    cause: 'staff-turnover',
    weight: 4,
    pattern: alt(
      r`换了?${G}{0,3}(?:负责人|对接人|业务员?|采购|经理|联系人|窗口|店长|老板)|换人|人员(?:流动|变动|调整|更替|变更)|人事(?:变动|调整|变更)`,
      r`新(?:来的)?(?:业务员?|负责人|对接人|经理|采购|店长|老板|面孔)`,
      r`\bnew (?:${EN_REP}|owners?|management|office manager|purchasing|procurement|admin|team)\b|\bturnover\b`,
      r`\b(?:staff|personnel|employee|rep|account) (?:changes?|churn)\b|\bchanged hands\b|\blost (?:our |their |the )?(?:exec |executive )?(?:sponsor|champion)\b`,
      r`人${G}{0,2}换得|换了一批|人换来换去`,
    ),
    examples: ['换了负责人', '人员变动', '新采购不认我们', 'new buyer has own suppliers', 'staff turnover'],
  },
  {
    id: 'staff-followed-rep',
    cause: 'staff-turnover',
    weight: 4.5,
    pattern: alt(
      r`带走|跟着${G}{0,6}走|跟(?:着)?${G}{0,4}?(?:过去|去了)`,
      r`\bfollowed (?:the |our |their |his |her |my )?(?:old |former |ex-? ?)?\w+\b|\b(?:former|ex|old) (?:rep|salesperson|account manager|am|sales ?rep)\b`,
      r`\bwent with (?:him|her|them)\b|\btook (?:his|her) (?:book|accounts?|clients?|customers?)\b`,
    ),
    examples: ['客户跟着他走了', '原業務帶走客戶', 'followed our former rep', 'account went with him'],
  },

  // ---------------------------------------------------------------- competitor
  {
    id: 'competitor-rival',
    cause: 'competitor',
    weight: 3,
    pattern: alt(r`竞争对手|竞品|竞争品牌|竞对|友商|对手|竟争`, r`\bcomp[ei]t(?!itive|itively)\w*|\bcomptit\w*|\brivals?\b`),
    examples: ['被竞争对手挖走', '竞品便宜', 'went w/ competitor', 'lost to a rival'],
  },
  {
    id: 'competitor-other-vendor',
    cause: 'competitor',
    weight: 3,
    pattern: alt(
      r`同行|同业|别家|别的厂家?|其他厂家?|其他品牌|别的品牌|另一家|其他供应商|别的供应商|其他公司|别的公司|外地厂家?|其他(?:店|商家|平台)|别的(?:店|商家|平台)`,
      r`\b(?:another|other|different|new|local|alternative|second) ${EN_VENDOR}\b`,
    ),
    examples: ['改从别家拿货', '被同業搶走', 'using a different marketplace', 'found another supplier'],
  },
  {
    id: 'competitor-nearby',
    cause: 'competitor',
    weight: 3,
    pattern: alt(
      r`隔壁|对面|街对面|楼下|附近${G}{0,4}?新开|新开(?:了)?(?:一)?(?:家|个)|旁边(?:的|那家|开了)|家门口(?:新开|开了)`,
      r`\bacross the (?:street|road)\b|\bdown the (?:road|street)\b|\bnext (?:county|town|door|village)\b|\b(?:round|around) the corner\b`,
      r`\bnew (?:shop|store|supermarket|mall|dealer|outlet|branch|pharmacy|boutique)\b${G}{0,20}?\bopen\w*|\bopened (?:up )?(?:nearby|next door|near)\b`,
    ),
    examples: ['对面新开了一家', '隔壁超市更近', 'a new supermarket opened across the street', 'dealer in the next county'],
  },
  {
    id: 'competitor-poached',
    cause: 'competitor',
    weight: 3.5,
    pattern: alt(
      r`挖走|挖角|抢走|抢单|抢客户|撬走|撬了|截胡|拉走|拐走|抢了|被挖|被抢|被撬|转单`,
      r`\bpoach(?:ed|ing)?\b|\bstole\b|\bstolen\b|\blured\b|\bsnatched\b|\bwon (?:them|the account|the deal|the business|the tender)\b`,
      r`\btook (?:them|the account|the customer|our customer|the business|our business)\b|\blost (?:them |it |the account |the deal |the business )?to\b`,
    ),
    examples: ['被对手抢走了', '客户被撬了', 'poached by a distributor', 'lost to competitor on a tender'],
  },
  {
    id: 'competitor-switched',
    cause: 'competitor',
    weight: 3.5,
    pattern: alt(
      r`(?:改用|换成|转用|改做|转做|换了|换到|转投|改投|投向|转向|改进|改买|改从|换用|改拿|改签|签了|转到|跑到|跑去|去了|选了|选择了|找了|用了)` +
        r`${G}{0,8}?(?:品牌|牌子|厂家?|供应商|家|公司|产品|的货|渠道|平台|店)`,
      r`(?:改从|改在|改去|转从|换从|转去|改由)${G}{0,8}?(?:进货|拿货|采购|订货|买)|现在(?:改)?(?:进|拿|用|做|找|在)`,
      r`(?:做|经营|代理|卖|进)(?:起了?|了)?${G}{0,2}(?:别的|其他|别家|另一个|另外的|竞争)(?:品牌|牌子|厂家?|产品|的货)`,
      r`(?:拿|进|分|下)${G}{0,4}(?:别家|别的|其他|同行)的?(?:货|单|产品)|分单|分给别家|两家(?:一起|同时)?(?:做|拿|进)|携号转网|携码|转网`,
    ),
    examples: ['改做别的牌子了', '客户改从XX进货了', '现在在拼多多买', '换成别家的货'],
  },
  {
    id: 'competitor-switched-en',
    cause: 'competitor',
    weight: 3.5,
    pattern: alt(
      r`\b(?:switched|switching|switch(?:es)?|changed|changing|migrated|migrating|defected|ported|porting|churned|jumped|jumping|signed|signing|went over|gone over)` +
        r`\s+(?:over\s+)?(?:to|with)\b`,
      r`\bmov(?:ed|ing) (?:over )?to (?:a |an |another |other |the |some |new |different |cheaper )*${EN_VENDOR}\b`,
      r`\b(?:went|gone|going|go)\s+(?:back\s+)?(?:with|to (?:a|an|another|other|some|new|different|cheaper|their|the) (?!hospital|school|university|college)\w+)`,
      r`\bswitch(?:ed|ing|es)? (?:providers?|vendors?|suppliers?|carriers?|brands?)\b|\bport(?:ed|ing)?[- ](?:out|in|to|away)\b|\bpac (?:code|requested)\b`,
      r`\b(?:chose|picked|selected|opted for|went for|prefer(?:red|s)?)\b|\bdropped (?:us|our line|our brand)\b`,
      r`\bnow (?:buying|buys|uses|using|ordering|orders|with|going with|shopping|shops|gets|getting)\b|\b(?:bought|buying|buy|ordered|shopping|shop) (?:it )?(?:on|at|from) \w+`,
    ),
    examples: ['switched to Temu', 'moved to a cheaper provider', 'going with Ocado', 'now buying from Apex', 'Bought it on Amazon instead'],
  },
  {
    id: 'competitor-better-offer',
    cause: 'competitor',
    weight: 3,
    pattern: alt(
      r`(?:给的?|开的?|提供的?)(?:条件|政策|返点|返利|扶持|支持|方案|待遇|优惠|账期|折扣)${G}{0,3}(?:更|比较|比我们)(?:好|优|高|多|大|低|长)`,
      r`(?:条件|政策|待遇|服务|优惠)更好|更好的(?:条件|政策|待遇|价格|方案)`,
      r`\bbetter (?:offer|deal|terms|rates?|package|plan|contract|devices?|phones?|equipment|coverage|speeds?|loyalty|app)\b|\bmore data\b`,
      r`\bhigher (?:download |upload )?speeds?\b|\bin-?house\b|\bbuilt (?:their|its) own\b|\boffered (?:free|a|them|more|better)\b`,
    ),
    examples: ['对面给的折扣更大', '竞品给的政策更好', 'competitor made better offer', 'Competitor offered more data'],
  },
  {
    id: 'competitor-platform',
    cause: 'competitor',
    weight: 3,
    pattern: alt(
      r`淘宝|天猫|京东|拼多多|抖音|快手|1688|美团|盒马|山姆|costco|小红书|唯品会|直播间`,
      r`\b(?:amazon|ebay|temu|shein|aliexpress|walmart|target|tesco|lidl|aldi|ocado|chewy|zalando|wayfair|etsy|staples|boots|asos)\b`,
    ),
    examples: ['现在都在拼多多买', '京东更快', 'switched to Temu', 'Shein'],
  },

  // ---------------------------------------------------------------- price
  {
    id: 'price-high',
    cause: 'price',
    weight: 3.5,
    pattern: alt(
      r`贵|价高|不便宜|价(?:格|钱|位)${NG}{0,4}?(?:高|没有?优势|不(?:占|具)?有?优势|劣势|没有?竞争力|缺乏竞争力|不具?竞争力|接受不了|承受不了|不实惠|不合理)`,
      r`\b(?:expensive|expensve|expnsive|expencive|expesive|pricey|pricy|costly|overpriced|over-priced|overcharg\w*|rip-?off|ripoff)\b|\bexpe?n[cs]i?v\w*|\bpric[iey]{1,2}\b`,
      r`\bpric(?:e|es|ing|ed)\s+(?:\w+\s+){0,2}?(?:too high|high|higher|steep|ridiculous|crazy|silly)\b|\btoo (?:high|much)\b(?! (?:stock|inventory|paperwork|hassle|trouble))`,
      r`\bcosts? (?:too much|a lot|more)\b|\bprice[ds]? out\b|\btoo dear\b|\bcan't justify\b|\bcannot justify\b|\bshrinkflation\b`,
      r`(?:喝|吃|穿|玩)不起|价签|心疼钱`,
    ),
    examples: ['太贵了', '太貴', '价格太贵了吧', 'too pricey', 'expensive', 'too expensiv', 'overpriced', 'costly', '价格偏高', 'price too high'],
  },
  {
    id: 'price-rise',
    cause: 'price',
    weight: 3.5,
    pattern: alt(
      r`涨价|提价|调价|加价|涨了|涨费|上调|涨得|价(?:格|钱)${NG}{0,4}?(?:上涨|上调|涨)`,
      r`\bpric(?:e|es|ing)\s+(?:\w+\s+){0,2}?(?:went up|going up|increased?|increases|hikes?|rises?|jumped|doubled|raised|up)\b`,
      r`\b(?:price|rate|fee|cost)\s+(?:increases?|hikes?|rises?|changes?)\b|\b(?:raised|increased|hiked|doubled|upped)\s+(?:the |our |their |its )?(?:prices?|rates?|fees?|costs?|pricing)\b`,
    ),
    examples: ['又涨价了', '价格上涨', 'Prices went up', 'price hike in Q2', 'membership fee increase'],
  },
  {
    id: 'price-cheaper-elsewhere',
    cause: 'price',
    weight: 3,
    pattern: alt(
      r`更便宜|便宜(?:很多|不少|一些|点|一半|些|好多)|比我们(?:便宜|低|实惠)|低价|价格战|压价|杀价|砍价|降价|价低|价格更低|更低的价|更实惠|出价更低|报价(?:更|比我们|比较)?低`,
      r`\bcheaper\b|\blower (?:prices?|quotes?|bids?|costs?|rates?|pricing)\b|\bundercut\w*|\bprice war\b|\blow-?ball\w*|\bbetter pric\w*|\bbeat (?:our|the) price\b|\bfor less\b`,
    ),
    examples: ['别家更便宜', '同行低价', 'found a cheaper supplier online', 'for less'],
  },
  {
    id: 'price-fees',
    cause: 'price',
    weight: 3,
    pattern: alt(
      r`收费${G}{0,2}(?:高|贵|乱|多)|乱收费|多收|额外(?:收费|费用|的费用)|附加费|隐形(?:收费|消费|费用)|运费|邮费|手续费|服务费|月费|年费|会员费|套餐费|话费|流量费|漫游费|长途费|超额(?:收费|费用)`,
      r`包邮|另(?:外)?收费|另交钱|要收钱|加钱|开户费|装机费|设定费|月租|资费`,
      r`\bsurcharges?\b|\bon top\b|\bup-?lift\b|\badds? up\b`,
      r`\b(?:extra|additional|hidden|surprise|unexpected|overage|long[- ]distance|roaming|excess|data|late|service|monthly|shipping|delivery|freight|bank|admin|processing|membership|subscription)` +
        r` (?:charges?|fees?|costs?)\b`,
    ),
    examples: ['运费太高', '服务费太高', 'Extra data charges', 'Delivery fee too high', 'shipping costs are ridiculous'],
  },
  {
    id: 'price-value',
    cause: 'price',
    weight: 3,
    pattern: alt(
      r`性价比(?:低|不高|差|不行|一般|太低)|不划算|不值(?:这个?价|钱)|不值得买|太坑|坑人|宰客`,
      r`\b(?:not|un)(?: price)?[- ]?competitive\b|\bvalue for money\b|\bpoor value\b|\bnot worth (?:it|the (?:money|price|cost))\b`,
    ),
    examples: ['性价比低', '不值这个价', 'poor value for money', 'not worth the money'],
  },
  {
    id: 'price-margin',
    cause: 'price',
    weight: 3,
    pattern: alt(
      r`利润${G}{0,2}(?:低|薄|少)|没有?利润|没钱赚|赚不到钱|利润空间|毛利(?:低|太低)`,
      r`\bmargins? (?:too )?(?:thin|low|small)\b|\blow margins?\b|\bno margin\b|\b(?:can't|couldn't|cannot) make (?:money|a profit)\b`,
    ),
    examples: ['利润太低', '没钱赚', 'margins too thin'],
  },
  {
    id: 'price-afford',
    cause: 'price',
    weight: 3,
    pattern: alt(
      r`预算(?:不够|不足|有限|超了?)|没有?预算|买不起|用不起|负担不起|承受不起|舍不得`,
      r`\b(?:un)?afford\w*|\bbudget (?:too )?(?:tight|limited)\b|\bno budget\b|\bout of (?:their |our |my )?budget\b|\b(?:above|over|exceeded|beyond) (?:their |the |our )?budget\b`,
    ),
    examples: ['买不起了', '预算不够', "can't afford it anymore", 'Lack of affordable download/upload speed'],
  },
  {
    id: 'price-discount-small',
    cause: 'price',
    weight: 3,
    pattern: alt(
      r`(?:折扣|优惠|返点)(?:力度)?${G}{0,2}(?:太|很)?(?:少|小|低)|没有?(?:折扣|优惠)|不打折`,
      r`\b(?:discounts?|deals?|offers?) (?:too |are |were )?(?:small|stingy|not enough)\b|\bno (?:discounts?|deals|sales)\b`,
    ),
    examples: ['折扣太少', '优惠力度小', 'discounts too small', 'no discounts anymore'],
  },

  // ---------------------------------------------------------------- service-negligence
  {
    id: 'negligence-complaint-ignored',
    cause: 'service-negligence',
    weight: 3.5,
    pattern: alt(
      r`(?:投诉|客诉|反馈|要求)${G}{0,10}?(?:没人|没有人|无人|不|没|未|迟迟|一直|拖)|石沉大海|没有?下文|不了了之`,
      r`\b(?:complaints?|tickets?|issues?|requests?|claims?|emails?|calls?|problems?|queries|inquir(?:y|ies)|rma|returns?|refunds?|warranty)\b${G}{0,25}?` +
        r`\b(?:ignored|not (?:handled|resolved|addressed|answered|fixed|processed|followed up)|never (?:handled|resolved|addressed|answered|fixed|processed)` +
        r`|unresolved|unanswered|went nowhere|dragged on|took (?:forever|ages|weeks|months|days|too long))\b`,
      r`\b(?:ignored|unanswered|unresolved|unreturned|unhandled|neglected|missed|dropped|forgotten)\s+(?:\w+\s+)?(?:complaints?|tickets?|requests?|emails?|calls?|issues?|messages?|orders?|claims?)\b`,
    ),
    examples: ['投诉没人处理', '客訴一直沒人理', '反馈了也没下文', 'svc tickets ignored for weeks', 'complaints never resolved'],
  },
  {
    id: 'negligence-not-handled',
    cause: 'service-negligence',
    weight: 3,
    pattern: alt(
      r`(?:没人|没有人|无人|不|没|未|迟迟不?)(?:处理|解决|理会|理睬|答复|受理)`,
      r`售后${G}{0,4}?(?:不(?:处理|管|理|来|到位|及时|解决|回)|没(?:有人|人)?(?:处理|管|来|解决|回)|慢|拖|迟迟|推诿|推脱|无人|没人|找不到人|等了)`,
      r`没人(?:来)?修|不(?:来|给)修|报修${G}{0,6}?(?:没人|没|不)`,
      r`\b(?:never|not|wasn't|weren't) (?:handled|resolved|fixed|sorted|processed)\b|\bnobody (?:fixed|sorted|handled)\b`,
    ),
    examples: ['问题一直没人解决', '售后迟迟不上门', '坏了没人修', 'issue was never resolved'],
  },
  {
    id: 'negligence-slow',
    cause: 'service-negligence',
    weight: 3,
    pattern: alt(
      r`\b(?:promised|said|told)\b${G}{0,30}?\b(?:callback|call back|by (?:monday|tuesday|wednesday|thursday|friday|tomorrow)|ready|arrive|deliver\w*|ship\w*)\b`,
      r`(?:说好|答应|承诺)的?${G}{0,4}?(?:时间|几号|周.|星期.|明天|今天|下周|月底|回电|回电话|送到|到货|发货|改好)`,
      r`\b(?:queue|hold) (?:times? )?(?:too )?(?:long|slow)\b|\bslow with\b`,
      r`(?:维修|修理|上门|安装|处理|回复|回应|响应|反应|答复|反馈|退款|退货|换货|补货|补发|对账|开票)${G}{0,3}?(?:慢|不及时|拖|迟迟|等了|半天|好几天|几天|一周|一个月|很久)`,
      r`\btook (?:forever|ages|weeks|months|days|too long|so long)\b|\bkept (?:them |us |him |her |me )?waiting\b|\bwait(?:ed|ing)? (?:for )?(?:weeks|months|days|forever|ages)\b|\bon hold\b`,
      r`\bslow (?:support|service|to respond|to reply|to fix|to answer|repairs?|refunds?)\b|\b(?:queue|hold) (?:times?|too long)\b|\bdidn't turn up\b|\bno-?show\b`,
      r`排队${G}{0,6}?(?:分钟|小时|半天|很久)|一直在排队|没(?:有)?(?:事先|提前)?通知|不通知|不归${G}{0,4}管`,
    ),
    examples: [
      '维修太慢',
      '客訴處理太慢',
      '退款拖了一个月',
      'refund took weeks',
      'kept us waiting',
      'Promised callback never happened',
      '说好的时间还没改好',
      'Support queue too slow',
    ],
  },
  {
    id: 'negligence-late-delivery',
    cause: 'service-negligence',
    weight: 3.5,
    pattern: alt(
      r`\bnever (?:arrived|came|turned up|showed up|sent)\b|\bnot (?:communicated|informed|notified)\b|\bwithout (?:any )?(?:notice|warning)\b|\bno (?:notice|warning|updates?)\b`,
      r`(?:发货|送货|交货|交期|到货|物流|配送|快递|出货|货期)${G}{0,4}?(?:慢|延迟|延误|迟|晚|拖|不及时|不准时|丢)|没发货|不发货|货${G}{0,4}?没发`,
      r`\b(?:late|delayed|slow|missed) (?:deliver(?:y|ies)|shipments?|shipping|orders?|dispatch|installs?|installation)\b`,
      r`\b(?:deliver(?:y|ies|ed)|shipments?|orders?|parcels?|packages?)\b${G}{0,20}?\b(?:late|delayed|slow|never arrived|never came|behind|lost)\b|\blead times?\b`,
    ),
    examples: [
      '发货太慢',
      '交期老是延误',
      'Deliveries kept arriving late',
      'parcel never arrived',
      'New SIM never arrived',
      'Subscription skipped a month without notice',
    ],
  },
  {
    id: 'negligence-wrong-delivery',
    cause: 'service-negligence',
    weight: 3.5,
    pattern: alt(
      r`送错|发错|寄错|拿错|错发|漏发|少发|发漏|送漏|货不对|货发错|装错|配错|搞混|(?:到货|收到|货)${G}{0,4}?(?:破损|坏的|少了|不全)|破损`,
      r`\b(?:wrong|incorrect|missing|damaged|short|partial|incomplete|broken) (?:deliver(?:y|ies)|shipments?|orders?|items?|goods|parts|parcels?|packages?|sizes?|colou?rs?)\b`,
      r`\b(?:shipped|sent|delivered) (?:\w+ )?(?:the )?wrong\b|\bwrong (?:products?|models?|versions?|quantit(?:y|ies)|amounts?|stuff|address|skus?)\b|\barrived (?:damaged|broken)\b`,
    ),
    examples: ['老是发错货', '到货破损', 'wrong items shipped', 'order arrived damaged'],
  },
  {
    id: 'negligence-no-reply',
    cause: 'service-negligence',
    weight: 3.5,
    pattern: alt(
      r`回复(?:慢|太慢|很慢|不及时)|不回(?:复|消息|信息|电话|邮件|微信|应)|没有?回(?:复|音|应|消息|电话)|没人接|不接电话|没人(?:回|答|应)|打不通|联系不到`,
      r`催${G}{0,6}?(?:没|不|还没)|不理人|已读不回|响应慢|反应慢|半天才回|几天才回|消息不回|电话不接|找不到人|找不到负责人|联系不上(?:业务|销售|客服|我们|人)`,
      r`\b(?:slow|no|poor|late|delayed|zero|lack of) (?:response|reply|replies|responses|responsiveness|turnaround|reaction|answers?|callback|call back)\b|\bunresponsive\b`,
      r`\b(?:never|didn't|did not|doesn't|does not|don't|wouldn't|won't|no one|nobody|noone|not|never once)\s+(?:\w+\s+)?(?:answer(?:ed|s)?|respond(?:ed|s)?|repl(?:y|ied|ies)` +
        r`|returned? (?:\w+ )?calls?|call(?:ed|s)? (?:\w+ )?back|got back|get back|gets back|pick(?:ed|s)? up (?:the )?phone|showed up|show up)\b`,
    ),
    examples: ['消息不回', '客服电话打不通', 'nobody answered our emails', 'never called back', 'unresponsive'],
  },
  {
    id: 'negligence-mistakes',
    cause: 'service-negligence',
    weight: 3,
    pattern: alt(
      r`出错|搞错|弄错|开错|算错|错单|错漏|发票(?:错|问题|开错|不对|有误)|账目?(?:错|不对|对不上)|对账${G}{0,3}?(?:出错|不清|对不上|乱)|对不上`,
      r`马虎|粗心|大意|失误|差错|不上心|不用心|敷衍了事|漏单|丢单|忘了(?:发|送|下单|处理|回)`,
      r`\b(?:billing|invoice|invoicing|shipping|order|data entry) (?:errors?|mistakes?|mix-?ups?|issues|problems|screw-?ups?)\b|\bmistakes?\b|\berrors?\b`,
      r`\bmessed up\b|\bscrewed up\b|\bmix-?ups?\b|\bcareless\w*|\bsloppy\b|\bnegligen\w*|\bdropped the ball\b|\bforgot (?:to|their|his|her|my|our)\b`,
    ),
    examples: ['发票一直开错', '对账老出错', 'billing errors', 'they forgot to ship'],
  },
  {
    id: 'negligence-details',
    cause: 'service-negligence',
    weight: 3.5,
    pattern: alt(
      r`细节|疏忽|怠慢|没人?接待|不接待|无人接待|接待${G}{0,6}?(?:没有|都没|没)|没安排|招待不周|被晾|晾着|晾在`,
      r`\bnot (?:received|welcomed|greeted|hosted)\b|\b(?:nobody|no one) (?:met|received|greeted|hosted)\b|\bdetails?\b|\bignored\b`,
    ),
    examples: ['来访没人接待', '细节做得不好', 'nobody greeted the visiting dealer'],
  },

  // ---------------------------------------------------------------- service-quality
  {
    id: 'quality-attitude',
    cause: 'service-quality',
    weight: 3.5,
    pattern: alt(
      r`(?:态度|太度)${NG}{0,4}?(?:差|不好|恶劣|冷淡|傲慢|凶|不行|差劲|不耐烦|冲|蛮横|敷衍|恶心|一般|有问题|不端正|不友好|冷漠|不咋地|不怎么样)`,
      r`\battitudes?\b`,
    ),
    examples: ['服务态度差', '服务太度差', '態度不好', 'Attitude of support person'],
  },
  {
    id: 'quality-rude',
    cause: 'service-quality',
    weight: 3.5,
    pattern: alt(
      r`\brolled (?:her|his|their) eyes\b|\bsexist\b|\bracist\b|\baggressive\b|\blectured\b|\bunprepared\b|\b(?:no one|nobody) knew how\b|\btold (?:her|him|me|them) to\b`,
      r`不热情|冷淡(?!了)|冷漠|爱理不理|爱答不理|脸色|甩脸|摆脸|怼|骂人|骂了|吵架|吵起来|争吵|吵了?一?架|说话${G}{0,2}?(?:冲|难听|不客气|刺耳)|口角|冲突|凶`,
      r`不礼貌|没礼貌|傲慢|粗鲁|无礼|不尊重|瞧不起人|看不起人|嫌弃|服务意识|没耐心|不耐烦|敷衍|白眼`,
      r`\b(?:rude|rudeness|impolite|unfriendly|arrogant|arrogance|condescending|disrespectful|disrespect|dismissive|hostile|yelled|yelling|shouted|snippy|snarky`,
      r`argued|argument|fight|fought|patroni[sz]ing|impatient|abrasive|obnoxious|pushy|snooty|snobby|judgy|judgmental|eye-?roll\w*)\b`,
    ),
    examples: [
      '客服说话很冲',
      '店员爱答不理',
      'support guy was rude on the phone',
      'staff were condescending',
      'The sales girl rolled her eyes',
      'Retention team was aggressive',
    ],
  },
  {
    id: 'quality-incompetent',
    cause: 'service-quality',
    weight: 3.5,
    pattern: alt(
      r`不专业|不懂(?:产品|技术|行|业务)?|外行|专业(?:度|性|水平|能力|知识)?${G}{0,2}(?:不够|差|不足|不行|欠缺|太低|低)|技术(?:支持|服务|人员)?${G}{0,4}?(?:不行|差|不专业|不懂|水平低|太菜|菜|不过关|不到位)`,
      r`水平(?:太)?(?:差|低|不行|有限|一般)|能力(?:不行|差|不够|不足|太差)|一问三不知|问什么都不知道|什么都不懂|答不上来|解决不了|处理不了|搞不定|说不清楚|讲不清楚|培训不到位|乱推荐|瞎推荐`,
      r`\b(?:unprofessional|incompetent|incompetence|clueless|unhelpful|untrained|poorly trained|useless)\b`,
      r`\b(?:poor|bad|lack of|lacking|no|low|limited|weak|insufficient|little|zero)\s+(?:technical\s+)?(?:expertise|knowledge|product knowledge|skills?|competence|training|know-how` +
        r`|professionalism|advice)\b`,
      r`\b(?:not|un)(?: very)? (?:knowledgeable|professional|helpful|competent|trained)\b|\b(?:couldn't|could not|unable to|can't|cannot) (?:fix|solve|resolve|help|answer|explain)\b`,
      r`\b(?:didn't|did not) know (?:what|how|anything|the product)\b|\bno idea (?:what|how)\b|\bno clue\b|\bwrong advice\b|\bbad advice\b|\b(?:answers?|advice) (?:were |was )?wrong\b` +
        r`|\bblamed (?:me|us|them)\b|\blaughed\b`,
      r`修不好|改坏|说不是他的问题|推卸|甩锅|讲的全是空话|手法不对`,
    ),
    examples: ['技术服务不行，啥都不懂', '一问三不知', 'Poor expertise of phone support', 'Technician did not know how to fix the machine'],
  },
  {
    id: 'quality-bad-service',
    cause: 'service-quality',
    weight: 3.5,
    pattern: alt(
      r`服务${NG}{0,4}?(?:差|不好|不行|烂|一般|不到位|不满|垃圾|糟糕|不周|跟不上|不专业|不咋地|不怎么样|水平)|对服务不满|服务体验|体验(?:差|不好|很差|太差|糟糕)|不满意(?:服务|售后)|服务质量|服务品质`,
      r`客服${NG}{0,4}?(?:差|不行|不专业|太差|垃圾|冷漠|敷衍|凶|不耐烦|一般|水平)`,
      r`\b(?:bad|poor|terrible|awful|horrible|lousy|crappy|crap|shitty|subpar|sub-par|mediocre|unacceptable|disappointing|worst|horrendous|atrocious|appalling|abysmal|dreadful)` +
        r`\s+(?:customer\s+)?(?:service|support|experience|care|help|helpdesk|help desk|treatment|staff|technicians?|tech support)\b`,
      r`\b(?:service|support|experience|staff|helpdesk|help desk|technicians?|agents?)\s+(?:\w+\s+){0,2}?(?:was|were|is|are|has been|got|been)?\s*` +
        r`(?:bad|poor|terrible|awful|horrible|lousy|crappy|crap|shitty|subpar|mediocre|unacceptable|disappointing|worse|useless|a joke|a nightmare|inadequate)\b`,
      r`\b(?:service|support)\s+dissatisfaction\b` +
        r`|\b(?:dissatisf\w*|unhappy|unsatisfied|not happy|not satisfied|frustrated|disappointed|fed up)\s+(?:with\s+)?(?:the\s+|our\s+)?(?:customer\s+)?(?:service|support|staff|team|treatment` +
        r`|helpdesk)\b`,
    ),
    examples: ['服务太差', '服務態度很差', 'Service dissatisfaction', 'terrible customer service'],
  },

  // ---------------------------------------------------------------- product
  {
    id: 'product-quality-bad',
    cause: 'product',
    weight: 3.5,
    pattern: alt(
      r`(?<!服务)(?:质量|品质|质素|做工|用料|面料)${NG}{0,4}?(?:差|不好|不行|问题|不稳|太差|一般|下降|下滑|不过关|有问题|投诉|堪忧|不达标|不合格|参差|不如|不够|垃圾|粗糙)`,
      r`\b(?:poor|bad|low|inconsistent|declining|terrible|awful|shoddy|cheap|subpar|variable|mixed|questionable|lousy)\s+(?:product\s+|build\s+)?quality\b`,
      r`\b(?<!service )quality (?:issues?|problems?|complaints?|concerns?|control|dropped|declined|went down|got worse|is bad|was bad|has gone down)\b`,
    ),
    examples: ['质量太差', '品質不穩定', 'poor quality, lots of defects', 'quality has gone down'],
  },
  {
    id: 'product-stock',
    cause: 'product',
    weight: 3.5,
    pattern: alt(
      r`缺货|断货|没货|少货|无货|供货${G}{0,3}?(?:不足|不稳|不上|跟不上|不及时|紧张|困难|短缺)|货源(?:不足|紧张|短缺|不稳)|库存(?:不足|不够|紧张|短缺)|到不了货|拿不到货|订不到货|买不到|老是没货|售罄|卖完`,
      r`\b(?:out of stock|stock-?outs?|backorder(?:ed|s)?|back-?ordered|shortages?|unavailable|no stock|ran out|sold out|availability|supply (?:issues?|problems?|shortages?))\b`,
    ),
    examples: ['经常缺货', '老是断货', 'always out of stock', 'sold out again'],
  },
  {
    id: 'product-sizes',
    cause: 'product',
    weight: 3,
    pattern: alt(
      r`断码|缺码|尺码|码数|没有?(?:我的|合适的?)?(?:码|号|尺寸|颜色)|颜色(?:不全|太少|少)|尺寸(?:不全|不对|不合适)|偏大|偏小`,
      r`\bsizes?\b|\bsizing\b|\b(?:colou?rs?|shades?) (?:missing|not available|unavailable|never in stock|limited)\b|\bnever (?:in|had) (?:my|the right) \w+\b`,
    ),
    examples: ['断码严重', '没有我的尺码', 'never in my size', 'sizes missing'],
  },
  {
    id: 'product-style',
    cause: 'product',
    weight: 3.5,
    pattern: alt(
      r`(?:款式|样式|花色|设计|产品)${NG}{0,4}?(?:跟不上|太老|老旧|陈旧|过时|少|单一|不好看|难看|土|落后|更新慢|不更新|没有?新意|不新)`,
      r`\b(?:outdated|old-?fashioned|obsolete|dated|stale|ugly|out of style|out of fashion|boring)\b|\b(?:styles?|designs?|collections?)\b${G}{0,15}?\b(?:old|boring|dated|same)\b`,
    ),
    examples: ['款式太老', '货不好卖，款式土', 'styles are outdated', 'collection is boring'],
  },
  {
    id: 'product-range',
    cause: 'product',
    weight: 3.5,
    pattern: alt(
      r`(?:品类|品种|种类|产品线|型号|规格|选择|sku)${G}{0,3}?(?:少|不全|单一|不够|有限|不多|不丰富|窄)`,
      r`\b(?:range|selection|assortment|variety|catalog(?:ue)?|choice)\b${G}{0,15}?\b(?:narrow|limited|small|thin|poor|lacking)\b`,
      r`\b(?:limited|narrow|small|poor|lack of|no|not enough) (?:range|selection|choices?|assortment|catalog|catalogue|variety|options|lineup|line-up|portfolio|models)\b` +
        r`|\brange of (?:products|services|options|plans)\b`,
    ),
    examples: ['品类太少', '产品线单一', 'Limited range of services', 'selection is too small'],
  },
  {
    id: 'product-bad',
    cause: 'product',
    weight: 3.5,
    pattern: alt(
      r`产品${NG}{0,4}?(?:不好|差|问题|不行|不满|不稳|老化|落后|不适合|不好卖|卖不动|滞销|不对路|不受欢迎|没有?竞争力|竞争力不足|单一|不全)|对产品不满|不满意产品`,
      r`\bproduct dissatisfaction\b` +
        r`|\b(?:dissatisf\w*|unhappy|unsatisfied|not happy|not satisfied|disappointed)\s+(?:with\s+)?(?:the\s+|our\s+)?(?:products?|quality|goods|items|devices?|equipment|software|system` +
        r`|platform|tool)\b`,
    ),
    examples: ['产品不行', '对产品不满', 'Product dissatisfaction', 'unhappy with the product'],
  },
  {
    id: 'product-not-selling',
    cause: 'product',
    weight: 3,
    pattern: alt(
      r`卖不动|滞销|不好卖|动销(?:慢|差|不好)|不走货|走不动|卖不出去`,
      r`\b(?:doesn't|didn't|does not|did not|don't|won't) sell\b|\bnot selling\b|\bslow (?:sellers?|moving|movers?)\b`,
    ),
    examples: ['货卖不动', 'product not selling in their store'],
  },
  {
    id: 'product-features',
    cause: 'product',
    weight: 3,
    pattern: alt(
      r`功能${G}{0,3}?(?:少|不够|不全|缺|不行|跟不上|落后|不满足|太弱|单一|有限|不完善)|缺少?功能|不支持|自助|网站|官网|小程序|app|系统${G}{0,3}?(?:不好用|难用|太烂|不稳|老是出问题|卡)`,
      r`难用|不好用|操作(?:复杂|麻烦|不便)|报表|对接不了|对接不上|集成|导出|权限|不能在线|不能网上|没法在线`,
      r`\bexport\w*|\bpermissions?\b|\bdata residency\b|\bcan't (?:track|manage|export|change|book|order) \w+ online\b|\bno (?:online|self-serve)\b|\bself-serve\b`,
      r`\b(?:missing|lack(?:ed|s|ing)?(?: of)?|no|limited|not enough|needed more|wanted more) (?:features?|functionality|functions?|integrations?|capabilit(?:y|ies)|api|reporting|customi[sz]ation)\b`,
      r`\bself-?service\b|\bweb ?site\b|\bonline portal\b|\bportal\b|\bapp\b|\bonline ordering\b|\bhard to use\b|\bclunky\b|\bnot user[- ]friendly\b|\bconfusing (?:interface|system|app|website)\b`,
    ),
    examples: ['不支持自助下单', '系统太难用', 'Lack of self-service on Website', 'no integration with our ERP'],
  },
  {
    id: 'product-defects',
    cause: 'product',
    weight: 3.5,
    pattern: alt(
      r`故障|坏了|易坏|容易坏|经常坏|老坏|返修|退货率|次品|不良品?|瑕疵|毛病|死机|卡顿|闪退|掉线|宕机|断网|网速|网络|信号|稳定性|不稳定|可靠性|不可靠|耐用|寿命短|漏水|异味|过期|保质期|变质`,
      r`包装${G}{0,2}?(?:差|问题|破)|技术落后|色差|起球|掉色|褪色|开线|过敏|红屁股|漏尿|侧漏`,
      r`\b(?:defects?|defective|faulty|broken|broke|breaks|breaking|malfunction\w*|buggy|bugs?|crash(?:es|ed|ing)?|glitch(?:es|y)?|downtime|outages?|unreliable|reliability|unstable`,
      r`instability|network|coverage|dropped calls?|signal|connectivity|disconnect\w*|lag(?:gy|s|ging)?|recalls?|leak(?:s|ing|ed|y)?|expired|spoiled|shrank|shrunk|pilling|faded|rash|allerg\w*)\b`,
      r`\b(?:doesn't|didn't|did not|stopped|not|wasn't) work(?:ing)?\b|\bslow (?:speeds?|internet|connection|app|system|software|platform|website|site)\b|\bperformance issues?\b` +
        r`|\b(?:kept|keeps|keep) (?:failing|breaking|crashing)\b`,
      r`\blatency\b|\bpolyester\b|\bfabric\b|\bmaterial\b|\bstitching\b|\bruns? (?:small|large|big)\b|\bthe fit\b|\bfit (?:is|was)\b|\bpatchy\b` +
        r`|\bslow\b(?! (?:to|response|reply|support|service|deliver))`,
      r`面料|透气|闷热|便秘|上火|起疹|不齐|变形|生锈|褪色|缩水|信号差|网${G}{0,2}断`,
    ),
    examples: ['设备经常坏', 'app keeps crashing', 'Network reliability', '尿不湿老是侧漏', 'shrank after one wash'],
  },
  {
    id: 'product-fit',
    cause: 'product',
    weight: 3,
    pattern: alt(
      r`不符合(?:要求|需求|标准)|满足不了|不能满足|达不到(?:要求|标准)|效果(?:不好|差|不明显|一般)|没效果|不适合`,
      r`\b(?:didn't|did not|doesn't|does not|don't|couldn't|could not|failed to)\s+(?:meet|fit|suit|match|satisfy|serve)\s+(?:their |our |the |his |her |my )?(?:needs?|requirements?|specs?` +
        r`|use case|expectations?)\b`,
    ),
    examples: ['满足不了客户需求', "didn't meet their needs"],
  },

  // ---------------------------------------------------------------- broken-promises
  {
    id: 'promise-perk-not-given',
    cause: 'broken-promises',
    weight: 4.5,
    pattern: alt(
      r`\b${EN_PERK}\b${G}{0,30}?\b(?:rejected|refused|delayed|disappeared|removed|never (?:arrived|came|showed up|scheduled))\b`,
      r`(?:${ZH_PERK}|承诺|答应|许诺|说好|约定|讲好|保证)${G}{0,10}?(?:没|未|不|迟迟不?|一直没|始终没|拖着不?|拖欠|拖了)${G}{0,2}?` +
        r`(?:兑现|兑先|对现|给|发|到|落实|算|结|返|付|做到|实现|履行|拿到|批|核销|下来|来)`,
      r`拖欠(?:返利|返点|奖励|奖金|提成|佣金|补贴|费用)|欠(?:返利|返点|奖励|补贴)`,
      r`\b${EN_PERK}\b${G}{0,30}?\b(?:never|not|didn't|did not|wasn't|weren't|still (?:not|waiting|unpaid|pending|outstanding)|unpaid|outstanding|overdue|withheld|cancell?ed|denied)\b`,
      r`\b(?:never|didn't|did not|not|haven't|hasn't|never once)\s+(?:get|got|gotten|receive|received|paid|pay|honou?r(?:ed)?|deliver(?:ed)?|give|gave|given|see|saw|apply|applied` +
        r`|credit(?:ed)?|issue[ds]?|process(?:ed)?)\b${G}{0,25}?\b(?:${EN_PERK}|promo(?:tion)?s?|free \w+|what (?:was|we|they|he|she) (?:promised|agreed|offered))\b`,
    ),
    examples: [
      '返利一直没兑现',
      '承諾的贈品一直沒給',
      '奖励一直没发',
      'promised discount never came',
      'never got the loyalty points',
      'Cashback claim rejected',
      'Free welcome box never arrived',
    ],
  },
  {
    id: 'promise-broken',
    cause: 'broken-promises',
    weight: 4.5,
    pattern: alt(
      r`\btrust\b|\bprice (?:lock|protection|match|guarantee)\w*|\bback on (?:its|his|her|their|our) word\b|\bwouldn't back\b`,
      r`\bunlimited\b${G}{0,20}?\b(?:throttl|cap|limit)\w*|\b(?:rejected|refused|declined|disappeared|removed|expired early)\b`,
      r`没有?兑现|未兑现|不兑现|兑现不了|没有?兑先|没对现|没有?落实|不履行|没有?履行|说话不算数?|说了不算|言而无信|失信|诚信|信誉|不守信|不讲信用|不讲诚信`,
      r`忽悠|被骗|骗人|骗了|画饼|空头支票|食言|反悔|出尔反尔|变卦|不认账|不认了|不承认|赖账|说一套做一套|承诺${G}{0,4}?(?:落空|没做到|做不到|不算)|虚假宣传|宣传${G}{0,4}?不(?:符|一样)|货不对板|与宣传不符`,
      r`\bbroken promises?\b|\bbroke (?:our|their|his|her|the|a|its|every) (?:promises?|word|commitments?|agreement)\b|\bunkept\b|\bover-?promis\w*`,
      r`\b(?:didn't|did not|never|failed to) (?:keep|honou?r|deliver on|follow through on|live up to) (?:\w+ )?(?:promises?|word|commitments?|agreement|deal|offer|terms)\b`,
      r`\blied\b|\blying\b|\blies\b|\bdishonest\w*|\bnot honest\b|\bmisled\b|\bmisleading\b|\bbait and switch\b|\breneged\b|\bwent back on\b|\bbad faith\b|\buntrustworthy\b`,
      r`\blost (?:\w+ )?trust\b|\bintegrity\b|\bcredibility\b|\bfalse advertising\b|\bnot as (?:advertised|described|sold|promised)\b` +
        r`|\bnot what (?:was|we were|i was|they were) (?:sold|promised|told)\b`,
      r`\b(?:not|never|wasn't|weren't|wouldn't|refused to|didn't) (?:honou?red?|applied|apply)\b|\bmisrepresent\w*|\boversold\b|\bturned out\b|\bgreenwash\w*` +
        r`|\bfalse(?:ly)? (?:claims?|advertis\w*)\b|\bwas told\b`,
      r`说是${G}{0,12}?(?:其实|结果|实际)|广告不实|不实|当时(?:根本)?没说|根本没说|说不限|宣传的?${G}{0,8}?(?:用不了|没有|不能|不符)|结果没(?:补|给|送|算)|又不算了`,
    ),
    examples: [
      '承诺没兑现',
      '说话不算数',
      '虚假宣传',
      'broken promises',
      'not as advertised',
      'plan was not what we were sold',
      'Trust issues',
      'Price lock for subscribers was broken',
    ],
  },
  {
    id: 'promise-changed',
    cause: 'broken-promises',
    weight: 4,
    pattern: alt(
      r`(?:说好|讲好|答应|约定)的?${G}{0,10}?(?:后来|结果|却|又)${G}{0,6}?(?:给了?别人|变了|没了|取消|不算|反悔)`,
      r`\b(?:promised|agreed|committed|guaranteed|pledged|assured)\b${G}{0,50}?\b(?:never|not|didn't|did not|wasn't|weren't|no|broke|broken|failed|nothing|reneged|backed out|fell through` +
        r`|didn't happen|never happened|still waiting)\b`,
    ),
    examples: ['说好的独家代理后来又给了别人', 'promised a rebate that never came'],
  },

  // ---------------------------------------------------------------- harsh-policy
  {
    id: 'policy-entry-fees',
    cause: 'harsh-policy',
    weight: 4.5,
    pattern: alt(
      r`进场费|上架费|入场费|条码费|陈列费|堆头费|加盟费|保证金|押金|通道费|坑位费|渠道费|门店费|扣点`,
      r`\b(?:entry|listing|slotting|joining|franchise|onboarding|placement|shelf|display|participation) fees?\b|\b(?:security )?deposits?\b`,
    ),
    examples: ['进场费太高', '上架費太貴', 'deposit requirement too high', 'slotting fees'],
  },
  {
    id: 'policy-minimum-order',
    cause: 'harsh-policy',
    weight: 4,
    pattern: alt(
      r`门槛|考核|最低(?:进货|拿货|采购|订货)量?|起订量|最低起订|起批量|起订|最低订货|最小订量|最低订量|最低采购|订货量(?:太|要求)|任务量|销售任务|(?:任务|指标)${G}{0,3}?(?:太重|太高|压力|重|高)|(?:没|未)完成(?:任务|指标)`,
      r`\bminimum (?:order|purchase|quantity|quantities|volume|commitment|spend)s?\b|\bmoq\b|\bmin(?:imum)? orders?\b|\border minimums?\b|\bthresholds?\b`,
      r`\bvolume (?:commitments?|requirements?|targets?)\b|\bquotas?\b|\bsales targets?\b|\btargets?\b`,
    ),
    examples: ['起订量太高', '最低起订量一千件', 'minimum order too high', 'MOQ'],
  },
  {
    id: 'policy-penalty',
    cause: 'harsh-policy',
    weight: 4,
    pattern: alt(
      r`扣(?:返利|返点|钱|款|奖励|保证金)|被扣|罚款|扣款|罚钱|扣钱|违约金|滞纳金`,
      r`\bpenalt(?:y|ies)\b|\bfined\b|\bfines\b|\b(?:a|late|heavy|big|hefty) fine\b|\bclawbacks?\b|\bcancellation fees?\b|\bearly termination\b`,
    ),
    examples: ['被罚款', '扣返利', 'penalty for late payment', 'early termination fee'],
  },
  {
    id: 'policy-stock-push',
    cause: 'harsh-policy',
    weight: 4,
    pattern: alt(
      r`压货|压库存|压库|硬塞|强压|强制|必须(?:进货|订货|拿货|采购|完成)|每月(?:必须|要|得)(?:进|拿|订)|搭售|捆绑|买断|包销`,
      r`\b(?:forced|pushed|pushing|stuffed|dumped|loaded)\s+(?:\w+\s+){0,3}?(?:stock|inventory|product|units)\b|\bchannel stuffing\b|\boverstock\w*`,
      r`\btoo much (?:stock|inventory)\b|\bexcess (?:stock|inventory)\b|\bforced (?:to buy|bundles?|purchases?)\b|\bbundl\w*`,
    ),
    examples: ['压货太多', '强制搭售', 'forced to take extra stock', 'channel stuffing'],
  },
  {
    id: 'policy-strict-terms',
    cause: 'harsh-policy',
    weight: 4,
    pattern: alt(
      r`\bcan't (?:cancel|pause|leave|downgrade|exit|return)\b|\bnotice period\b|\b\d+ days'? notice\b|\bno (?:monthly|rolling)\b|\bfelt trapped\b|\btrapped\b`,
      r`\bmust (?:call|buy|bundle|pay|order|take|commit|sign)\b|\b(?:etf|exit fees?|termination fees?)\b|\b(?:direct debit|card) only\b|\bacceptable use\b`,
      r`不能退订|退订难|取消不了|必须打电话|提前解约|解约费|合约期|绑定期|只能(?:用|通过)`,
      r`独家(?:要求|协议|条款)|排他|霸王条款|不平等条款|店大欺客|条件${G}{0,2}?苛刻|苛刻|太严|太死|死板|不灵活|不近人情|不退不换|退货政策|退换货政策|合同${G}{0,4}?(?:绑定|太长|苛刻)`,
      r`政策${G}{0,4}?(?:苛刻|太严|严格|太死|不合理|变来变去|多变|朝令夕改|不灵活|不稳定|太多|太复杂|不公平|霸道)`,
      r`\b(?:strict|harsh|tough|rigid|unfair|aggressive|draconian|restrictive|punitive|inflexible|onerous|one-sided|predatory|heavy-handed|demanding|unreasonable)` +
        r`\s+(?:\w+\s+)?(?:polic(?:y|ies)|terms|conditions|contracts?|rules|penalt(?:y|ies)|requirements?|clauses?|agreement|demands?)\b`,
      r`\block-?in\b|\blocked in\b|\bauto-?renew\w*|\breturn policy\b|\bno returns?\b|\bexclusivity\b`,
    ),
    examples: [
      '条件太苛刻',
      '政策变来变去',
      'strict return policy',
      'contract lock-in',
      "can't pause the subscription",
      'Cancellation notice period too long',
      'ETF too high to stay',
      '合约期内不能退订',
    ],
  },
  {
    id: 'policy-payment-terms',
    cause: 'harsh-policy',
    weight: 4,
    pattern: alt(
      r`账期${G}{0,3}?(?:短|紧|苛刻|严|少|不够)|没有?账期|不给账期|取消账期|缩短账期|付款(?:条件|方式|要求|周期)|结算(?:条件|方式|周期)|现款现货|先款后货|款到发货|预付|全款|定金|押款`,
      r`回款(?:压力|要求|太急)|催款|催得${G}{0,2}?紧|信用额度`,
      r`\b(?:payment|credit) terms?\b|\bnet ?\d+\b|\bupfront payment\b|\bpay(?:ment)? (?:up ?front|in advance)\b|\bprepay(?:ment)?s?\b`,
      r`\bcash (?:in advance|on delivery|up ?front)\b|\bno credit\b|\bcredit (?:limit|line)\b|\b(?:shorter|short|tight|strict) (?:payment )?terms\b`,
    ),
    examples: ['账期太短', '要求现款现货', 'Payment terms were too strict for them', 'credit limit cut'],
  },

  // ---------------------------------------------------------------- small-customer-neglect
  {
    id: 'small-account',
    cause: 'small-customer-neglect',
    weight: 3,
    pattern: alt(
      r`小(?:客户|户|店|代理商?|经销商|商户|门店|卖家|买家|单|订单|b)|散户|量小|量少|单量小|规模小|体量小|小本生意|小生意|夫妻店|太小|订单小|单子小|单小|生意小|业务量小`,
      r`\bsmall(?:er)?\s+(?:customers?|accounts?|clients?|shops?|stores?|buyers?|dealers?|retailers?|business(?:es)?|guys?|fish|players?|orders?|volume|potatoes|fry|resellers?|partners?)\b`,
      r`\btoo small\b|\bmom[- ]and[- ]pop\b|\blow[- ](?:volume|tier|value) (?:customers?|accounts?|clients?)\b|\bsmb\b|\btier[- ](?:c|3|three)\b`,
    ),
    examples: ['小客户没人管', '我们量小', 'small accounts get nothing', 'too small for them'],
  },
  {
    id: 'small-not-valued',
    cause: 'small-customer-neglect',
    weight: 3.5,
    pattern: alt(
      r`(?:不|没|没有)被?重视|没人重视|不受重视|被忽视|被忽略|被冷落|受冷落|冷落|看不上|瞧不上|不当回事|不放在眼里|区别对待|差别对待|偏心|厚此薄彼|二等公民|可有可无|没有?存在感|边缘化|不受待见`,
      r`\b(?:felt|feel|feels|feeling)\s+(?:\w+\s+)?(?:ignored|neglected|overlooked|unimportant|unvalued|undervalued|unappreciated` +
        r`|like (?:a |an )?(?:afterthought|low priority|second-class|number|nobody)` +
        r`|second-class|left out|forgotten|deprioriti[sz]ed|not (?:valued|important|a priority|appreciated))\b`,
      r`\blow priority\b|\bnot a priority\b|\bdeprioriti[sz]ed\b|\bsecond-class\b|\bafterthought\b|\bnot worth (?:our|their|the) time\b|\bnot valued\b|\bunimportant\b|\bundervalued\b`,
    ),
    examples: ['感觉不被重视', '区别对待', 'They felt ignored because they were a small account', 'low priority'],
  },
  {
    id: 'small-big-favoured',
    cause: 'small-customer-neglect',
    weight: 4,
    pattern: alt(
      r`只(?:顾|重视|管|照顾|关心|服务)(?:着)?大|大客户优先|优先(?:照顾|服务|安排)?大|都给了?大|给大客户|大户优先|(?:促销|资源|支持|活动|政策)${G}{0,8}?大(?:客户|户|店|代理)`,
      r`\b(?:only|just|mainly)\s+(?:\w+\s+)?(?:cared|care|cares|focus(?:ed|es)?|looked after|look after|serv(?:ed|es))\s+(?:about\s+|on\s+)?(?:the\s+)?(?:big|large|key|major|bigger)\b`,
      r`\bfavou?r(?:ed|s|ing)?\s+(?:the\s+)?(?:big|large|bigger|key)\b|\bpromotions? (?:only )?(?:for|to|went to) (?:the )?(?:big|large|key|bigger)\b` +
        r`|\bbig (?:guys|accounts|customers|clients) (?:got|get)\b`,
      r`\bprioriti[sz]ed (?:the )?(?:big|large|key|bigger)\b`,
    ),
    examples: ['促销政策都给大客户', '只顾着大客户', 'big clients get all the promos, small ones get nothing'],
  },

  // ---------------------------------------------------------------- no-contact
  {
    id: 'contact-long-silence',
    cause: 'no-contact',
    weight: 4.5,
    pattern: alt(
      r`(?:长期|很久|好久|许久|半年|一年|一年多|大半年|几个月|长时间|多年|一直|很长时间|好几个月|很长一段时间|\d+个?月|两个月|三个月|半年多|几年)${G}{0,3}?(?:没|没有|未|不|没人|无人)人?` +
        r`(?:联系|联络|拜访|拜仿|拜方|走访|回访|跟进|沟通|来往|打过?电话|电话|见面|见过|见到|上门|问候|跟|去过?|过去|来过|理|管|关心|维护)`,
      r`\b(?:months|a year|over a year|ages|a long time|long time|years|weeks|quarters?|\d+ (?:months|weeks|years))\s+(?:without|with no|since (?:the |our )?last|of no|no)\s+(?:a |any )?` +
        r`(?:visits?|contact|calls?|communication|follow[- ]?ups?|touch|word|check-?ins?)\b`,
      r`\blast (?:visit|contact|call) (?:was )?(?:months|a year|ages|years|over a year)\b|\bin (?:months|ages|a year|years)\b`,
    ),
    examples: ['长期没联系', '長期沒聯繫', '一年多没人去拜访过', 'havent heard from us in ages', 'months without a visit'],
  },
  {
    id: 'contact-nobody',
    cause: 'no-contact',
    weight: 4,
    pattern: alt(
      r`(?:没|没有|没人|无人|缺少|缺乏|很少|极少|疏于|不|未)人?(?:主动|定期|经常|再)?(?:联系|联络|拜访|拜仿|拜方|走访|回访|跟进|跟踪|维护|上门|问候|沟通|关心|维系|关怀)`,
      r`\b(?:no|zero|lack of|poor|little|minimal|infrequent|not enough|insufficient)\s+(?:regular\s+)?(?:follow[- ]?ups?|followups?|contact|communication|touch ?points?|touch|visits?` +
        r`|check-?ins?|engagement|relationship management|account management|outreach)\b`,
      r`\b(?:no ?one|nobody|never|didn't|did not|hadn't|haven't|hasn't|not|wasn't|weren't|rarely|seldom|barely|hardly ever|never once)\s+(?:had\s+|has\s+|have\s+)?(?:been\s+|ever\s+|really\s+` +
        r`|once\s+|even\s+)?` +
        r`(?:follow(?:ed)?[- ]?up|followup|visit(?:ed)?|contact(?:ed)?|call(?:ed)?(?! back)|check(?:ed)? in|reach(?:ed)? out|touch(?:ed)? base|heard from|kept in touch|stay(?:ed)? in touch` +
        r`|spoke|spoken|talked|met|engaged)\b`,
      r`\bstopped (?:calling|visiting|contacting|following up|coming)\b|\bno (?:calls?|visits?)\b|\boff the radar\b|\bdormant\b|\bwent stale\b|\bnever (?:got|had) a call\b|\bnever asked\b` +
        r`|\bnobody asked\b|\bforgot we were\b`,
      r`没露(?:过)?面|从来不(?:通知|联系|问|发)|没问过|一次也没问|只有(?:要)?收钱的时候才(?:会)?出现|没人(?:记得|注意|发现)`,
    ),
    examples: ['没有定期拜访', '没人跟进', 'no follow up after the trial', 'Nobody had called them in months'],
  },
  {
    id: 'contact-drifted',
    cause: 'no-contact',
    weight: 4,
    pattern: alt(
      r`忘了我们|把我们忘了|忘记我们|没人管|无人管|没人问|无人问津|没人关心|没人理|失联|断联|断了联系|联系(?:少|太少|不够|不及时|中断|断了)|沟通(?:少|太少|不够|不足|不畅)`,
      r`跟进不(?:够|及时|到位)|回访不(?:够|及时|到位)|自然流失|没再(?:去|来往|联系|拜访|上门|跟进)|慢慢(?:就)?(?:不|没)(?:来|下单|订|进货|买|联系)|渐渐|不知不觉|淡了`,
      r`关系(?:淡|疏远|冷)|疏远|冷淡了|没有?(?:维护|经营)好?(?:关系|客情)|客情${G}{0,3}?(?:淡|差|没维护|维护不够)`,
      r`\b(?:lost touch|out of touch|went (?:quiet|silent|dark|cold)|radio silence|ghosted|drifted(?: away| off)?|faded away|fizzled(?: out)?|relationship (?:faded|cooled|died|went cold)` +
        r`|forgot (?:about )?(?:them|the customer|the account|the client|us|me)|natural (?:churn|attrition|loss)|unmanaged|orphan(?:ed)? account)\b`,
    ),
    examples: ['慢慢就不来了', '自然流失', 'relationship went cold', 'just drifted away'],
  },
  {
    id: 'contact-holidays',
    cause: 'no-contact',
    weight: 4,
    pattern: alt(
      r`(?:逢年过节|过年过节|过年|过节|节日|春节|中秋|端午|生日)${G}{0,8}?(?:没|没有|不|连)${G}{0,6}?(?:问候|祝福|礼品|礼物|电话|短信|表示|消息|一声)`,
      r`\bno (?:holiday|christmas|xmas|new year|birthday|season's) (?:cards?|greetings?|calls?|gifts?|wishes|messages?)\b|\bnot even a (?:card|greeting|call)\b`,
      r`\b(?:never|didn't|did not) (?:even )?(?:send|get|receive|wish) (?:us |them |me )?(?:a |any )?(?:card|greeting|gift|happy)\b|\bso much as an? \w+\b` +
        r`|\b(?:christmas|xmas|birthday|season's greetings)\b`,
    ),
    examples: ['逢年过节连个问候都没有', '过年也没个电话', 'no christmas card, no call, nothing'],
  },

  // ---------------------------------------------------------------- market-volatility
  {
    id: 'market-closed-down',
    cause: 'market-volatility',
    weight: 4.5,
    pattern: alt(
      r`倒闭|破产|跑路|资金链|清算|资不抵债|注销|停业|歇业|停产|关停|黄了|垮了|垮掉|做不下去|撑不下去|干不下去|经营不下去`,
      r`\bout of business\b|\bwent (?:out of business|under|bust|bankrupt|belly[- ]up)\b|\bbankru\w*|\bbankrupcy\b|\binsolven(?:t|cy)\b|\bliquidat\w*|\bchapter (?:7|11)\b`,
      r`\bclos(?:ed|ing) (?:down|shop|doors|for good|permanently|the business|their (?:doors|business|shop|store)|up shop)\b|\bshut(?:ting)? (?:down|their doors|up shop)\b|\bshutdown\b`,
      r`\bceased (?:trading|operations)\b|\bfolded\b|\breceivership\b|\b(?:went into|entered|in) administration\b|\bwound up\b|\bdefunct\b|\bno longer (?:in business|operating|trading)\b` +
        r`|\bbusiness failed\b`,
    ),
    examples: ['公司倒闭', '公司倒閉了', 'Company went bankrupt', 'bankrupcy', 'Ceased trading'],
  },
  {
    id: 'market-closed-word',
    cause: 'market-volatility',
    weight: 3.5,
    pattern: alt(r`关门|关店|关厂|关了|停了`, r`\bclosed\b|\bclosing\b|\bshut\b`),
    examples: ['店关了', 'store closed'],
  },
  {
    id: 'market-cash',
    cause: 'market-volatility',
    weight: 3.5,
    pattern: alt(
      r`资金${G}{0,2}?(?:紧张|周转|困难|问题|短缺|断了|不足|压力|吃紧)|周转(?:不开|不灵|困难)|缺钱|没钱|欠款|欠债|欠${G}{0,4}?债|债务|(?:老板|人)跑了|负债|拖欠货款|付不起|付不出`,
      r`经营(?:困难|不善|惨淡|状况不好|问题)|亏损|亏本|亏钱|赔钱|亏了|公司(?:出事|出问题|不行了)`,
      r`\bcash[- ]?flow\b|\bfunding\b|\bran out of (?:money|cash|funds)\b|\bcash (?:crunch|problems?|issues?|strapped|shortage)\b`,
      r`\bfinancial (?:troubles?|difficult(?:y|ies)|problems?|issues?|distress|hardship|reasons)\b|\bstruggling financially\b|\b(?:can't|couldn't|could not|cannot|unable to) pay\b` +
        r`|\bunpaid invoices\b|\bdebts?\b`,
    ),
    examples: ['资金周转不开', '资金链断了', 'cash flow problem', "struggling financially, can't pay for stock"],
  },
  {
    id: 'market-downturn',
    cause: 'market-volatility',
    weight: 3.5,
    pattern: alt(
      r`生意${G}{0,2}?(?:不好|差|难做|不行|惨淡|下滑|冷清|萎缩)|行业${G}{0,2}?(?:不景气|下滑|萎缩|低迷|寒冬|洗牌|不行|不好)|不景气|经济(?:下行|不好|差|形势|环境|危机|萧条)|萧条`,
      r`市场${G}{0,2}?(?:不好|低迷|萎缩|下滑|波动|变化|行情|不景气|饱和)|行情${G}{0,2}?(?:不好|差|不行)|撑不住|疫情|封控|封城|订单(?:减少|下滑|少了|锐减|骤减|没了)|需求(?:下降|减少|萎缩)`,
      r`\bdownturn\b|\brecession\b|\bslowdown\b|\bslump\w*|\beconom(?:y|ic|ics)\b|\bmarket (?:crash|conditions|downturn|collapse|decline|volatility|changes?|shifts?|dropped|dried up)\b`,
      r`\bindustry (?:decline|downturn|slump|crisis|collapse)\b|\bcovid\b|\bpandemic\b|\blockdowns?\b|\binflation\b|\bdemand (?:dropped|fell|declined|collapsed|is down|was down|dried up)\b`,
      r`\bbusiness (?:slow|bad|down|declined|dropped|dried up|slowed|is slow|was slow|struggling|failing|tanked)\b|\bstruggling\b|\bsales (?:dropped|down|declined|fell|collapsed)\b`,
      r`\blos(?:ing|t) money\b|\bnot making money\b|\bgoing under\b|\blost the lease\b|\brunway\b|\bshr[ae]nk\b|\bfootfall\b|\bbirth rate\b|\brent\b|\blease\b`,
      r`开不下去|收店|效益不好|营运困难|消费降级|景气差|业务缩|出生率|客源|房租|租金|封店`,
    ),
    examples: ['疫情影响生意做不下去了', '行业整体下滑', 'construction downturn in the region', 'demand dropped'],
  },
  {
    id: 'market-cutbacks',
    cause: 'market-volatility',
    weight: 3.5,
    pattern: alt(
      r`裁员|减产|限产|停工|减员|缩减(?:开支|规模|采购|预算)|收缩|砍预算|预算(?:削减|砍|缩减|紧张|压缩|减少)|削减(?:预算|开支|成本)|降本`,
      r`\b(?:budget|cost|spending) cuts?\b|\bcut(?:ting)? (?:\w+ )?(?:budgets?|costs|spending)\b|\bcost[- ]cutting\b|\bdownsiz\w*|\blayoffs?\b|\brestructur\w*|\bscaled back\b|\bfr[oe]ze\w*` +
        r`|\bfrozen\b`,
      r`冻结|能省就省`,
    ),
    examples: ['裁员缩减开支', '预算削减', 'Budget cuts', 'Lost their biggest contract and downsized'],
  },
  {
    id: 'market-merger',
    cause: 'market-volatility',
    weight: 3.5,
    pattern: alt(
      r`被${G}{0,6}?(?:收购|兼并|并购)|收购|兼并|合并|重组|并购|高层(?:矛盾|变动|动荡|内斗)|内斗|股东(?:矛盾|纠纷|变动)|撤资`,
      r`\bacquired\b|\bacquisition\b|\bmerger\b|\bmerged\b|\bbought out\b|\btaken over\b|\btakeover\b`,
    ),
    examples: ['被集团收购了', '公司重组', 'Acquired by a larger group', 'merged with another dealer'],
  },
  {
    id: 'market-regulation',
    cause: 'market-volatility',
    weight: 3,
    pattern: alt(
      r`国家政策|政府|监管|环保|整治|整顿|关税|贸易战|汇率|新规|法规|禁令|限令|补贴(?:取消|结束|没了)`,
      r`\bregulations?\b|\bregulatory\b|\bgovernment\b|\btariffs?\b|\bsanctions\b|\bban(?:ned)?\b|\bsubsidy scheme ended\b|\bnew (?:law|rules)\b`,
    ),
    examples: ['环保整治停产', '关税太高不做了', 'New import regulation made the product line unviable', 'the tariffs hit them hard'],
  },
  {
    id: 'market-disaster',
    cause: 'market-volatility',
    weight: 3,
    pattern: alt(
      r`火灾|洪水|水灾|地震|台风|灾害|天灾|意外|事故|战争`,
      r`\bfire\b|\bflood(?:ed|ing|s)?\b|\bearthquake\b|\bhurricane\b|\btyphoon\b|\bdisaster\b|\bwar\b`,
    ),
    examples: ['仓库火灾', 'Flood destroyed their warehouse'],
  },
  {
    id: 'market-season',
    cause: 'market-volatility',
    weight: 3,
    pattern: alt(r`季节性|淡季|季节(?:结束|过了)|旺季(?:过了|结束)|换季`, r`\bseasonal\b|\bseason (?:ended|is over|over)\b|\boff-?season\b`),
    examples: ['淡季不进货', 'Agriculture season ended'],
  },

  // ---------------------------------------------------------------- customer-circumstances
  {
    id: 'life-moved',
    cause: 'customer-circumstances',
    weight: 4.5,
    pattern: alt(
      r`搬家|搬迁|搬走|搬到|搬去|搬离|迁到|迁往|迁去|外迁|迁址|迁厂|移民|出国|定居|回老家|回国|回乡|离开本地|去外地|到外地|去了外地|调到外地|工作调动`,
      r`\bmov(?:ed|ing|es) (?:away|abroad|house|home|out|overseas|interstate|back|across|to (?:another|a different|a new) (?:city|town|country|state|province|area|region))\b`,
      r`^(?:customer |owner |cx |the owner |family )?(?:has )?mov(?:ed|ing)$|\bmoved to (?:the )?(?:countryside|coast|suburbs|[a-z]+ (?:city|province|state))\b`,
      r`\brelocat\w*|\bemigrat\w*|\bimmigrat\w*|\bleft (?:the )?(?:country|town|city|area|state|region|province)\b|\bout of (?:the )?(?:country|area)\b`,
    ),
    examples: ['老板移民', '搬家了', '移民去加拿大了', 'cx moved away', 'Relocated overseas', 'Moved'],
  },
  {
    id: 'life-events',
    cause: 'customer-circumstances',
    weight: 4.5,
    pattern: alt(
      r`\bstopped working\b|\bdiabet\w*|\bnursery\b|\bat school now\b`,
      r`退休|养老|去世|过世|病逝|身故|离世|生病|患病|重病|住院|身体(?:不好|原因|出了问题|不行)|怀孕|生孩子|生小孩|坐月子|带孩子|毕业|换工作|换了(?:份)?工作`,
      r`家里(?:有事|原因|出事)|家庭原因|个人原因|私人原因|结婚|出嫁|离婚|年纪大|年龄大|岁数大|失业|下岗|考上|出家|带孙|跟(?:女儿|儿子|子女)(?:一起)?住|养老院`,
      r`\blost (?:my |his |her |their )?job\b|\bsabbatical\b|\bparental leave\b|\bunemployed\b`,
      r`\bretir(?:ed|ing|ement|es)\b|\bpassed away\b|\bdied\b|\bdeceased\b|\bdeath\b|\billness\b|\bsick\b|\bill\b|\bcancer\b|\bhospital\w*|\bhealth (?:reasons|issues|problems)\b`,
      r`\b(?:personal|family) (?:reasons|issues|matters|circumstances)\b|\bpersonal circumstances\b|\bgraduat\w*|\bpregnan\w*|\bmaternity\b|\bdivorce\w*|\bnew job\b`,
    ),
    examples: ['老板退休了', '老板年纪大了回老家了', 'Deceased', 'owner passed away', 'Personal reasons'],
  },
  {
    id: 'life-changed-trade',
    cause: 'customer-circumstances',
    weight: 4.5,
    pattern: alt(
      r`转行|改行|不做这行|不干这行|转让|盘出去|盘给|卖掉了?(?:店|公司|门店|生意)|拆迁|转型|改做别的(?!品牌|牌子|厂|家)`,
      r`\bchanged (?:jobs?|careers?|industr(?:y|ies)|line of business|trades?)\b|\bcareer change\b|\bsold (?:the|their|his|her|its) (?:business|shop|store|company|restaurant|practice)\b|\bpivot\w*`,
    ),
    examples: ['客户不做这个生意了，改行', '店转让了', 'changed trade, now runs a cafe', 'sold the business'],
  },
  {
    id: 'life-no-need',
    cause: 'customer-circumstances',
    weight: 3.5,
    pattern: alt(
      r`\b(?:doesn't|don't|didn't|does not|do not|did not) need\b|\bno (?:longer )?need(?:s|ed)? (?:for|it|them|the)\b|\bno need\b|\bgr[eo]wn? out of\b|\btoo old\b|^personal$|\bgone into\b` +
        r`|\bno longer in\b`,
      r`不再需要|用不上|用不到|不需要了|没有?需求了?|需求没了|不做了|不干了|不用了|不想干了|不想做了`,
      r`\bno longer (?:needs?|needed|requires?|required|uses?|using|in need)\b` +
        r`|\b(?:doesn't|don't|didn't|does not|do not|did not) need (?:it|us|the (?:product|service)|them|our \w+)(?: anymore| any more)?\b`,
    ),
    examples: [
      '不需要了',
      '用不上了',
      'no longer needs the product',
      "doesn't need our products anymore",
      'Child grew out of the products',
      'kids too old now',
      'Personal',
    ],
  },
  {
    id: 'life-child-grew',
    cause: 'customer-circumstances',
    weight: 3.5,
    pattern: alt(
      r`(?:孩子|宝宝|小孩|娃|二宝)${G}{0,3}?(?:大了|长大|断奶|上幼儿园|上学|上小学|不用了|戒|三岁)|断奶|戒尿不湿|不穿纸尿裤|过了(?:这个)?年龄段|纯母乳|用不着`,
      r`\b(?:kids?|baby|babies|children|son|daughter|toddler|little one)\b${G}{0,20}?\b(?:grew|grown|outgrew|outgrown|older|weaned|potty[- ]trained|started school)\b|\boutgr[eo]wn?\b` +
        r`|\bweaned\b|\bpotty[- ]trained\b`,
    ),
    examples: ['孩子大了不用了', '宝宝断奶了', 'baby outgrew the formula', 'kids are older now'],
  },

  // ---------------------------------------------------------------- unclassified
  {
    id: 'unknown',
    cause: 'unclassified',
    weight: 4,
    pattern: alt(
      r`(?:^|\b)(?:don't know|do not know|dunno|idk|unknown|not known|not sure|unsure|none|nil|null|no reason(?: given)?|not given|not specified|unspecified|others?|misc(?:ellaneous)?|tbd` +
        r`|tbc|no comment)(?:\b|$)`,
      r`不知道|不清楚|不太清楚|原因不明|不明|不详|其他|其它|未知|没说|没讲|未说明|未填|待定|待确认|说不上来|不肯说|不想说|信息不全|没有原因|无原因|保密|测试|填错|^略$`,
      r`\b(?:test(?:ing)?|placeholder|lorem|ipsum|qwerty|asdf\w*|skip|unable to reach|not reachable|no answer|no response from customer|customer did not say)\b`,
    ),
    examples: ["Don't know", '原因不明', '其他', 'not sure', '客户不肯说', 'lorem ipsum'],
  },
  {
    id: 'unknown-blank',
    cause: 'unclassified',
    weight: 4,
    pattern: alt(r`^[\s?？\-/.…x无]+$`, r`^(?:n/?a|na|nil|none|null)$`),
    examples: ['-', '？', 'xx', '无', '...', 'N/A', 'na'],
  },
];

/** One top-level alternative of a rule, compiled on its own. */
export interface RulePart {
  src: string;
  re: RegExp;
  /** The part is this plain string (no regex syntax at all): found with indexOf. */
  literal: string | null;
}

export interface CompiledRule extends CueRule {
  parts: RulePart[];
  /** The whole pattern, for text with neither Chinese nor Latin letters (symbols, digits). */
  otherRe: RegExp;
}

/** The top-level alternatives of a pattern (outside groups and character classes). */
export function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, k));
      from = k + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/**
 * Each top-level alternative is compiled on its own: a text runs only the alternatives whose
 * literals it contains (prefilter.ts), which is most of the classifier's speed.
 */
function compile(rule: CueRule): CompiledRule {
  const parts = topLevelAlternatives(rule.pattern).map((src): RulePart => ({
    src,
    re: new RegExp(src, 'g'),
    literal: /^[^\\()[\]{}?*+.|^$]+$/.test(src) ? src : null,
  }));
  return { ...rule, parts, otherRe: new RegExp(rule.pattern, 'g') };
}

/** Compiled once, on first use (not at import). */
let compiled: CompiledRule[] | null = null;
export function compiledRules(): CompiledRule[] {
  compiled ??= RULES.map(compile);
  return compiled;
}
