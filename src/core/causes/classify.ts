// Rule-based classifier of free-text churn reasons (Chinese, Traditional Chinese, English, mixed).
//
// Pipeline: normalise (NFKC, lower case, Traditional → Simplified for the characters the patterns
// use, abbreviations expanded, whitespace collapsed) → split into segments on punctuation and
// contrast words → match weighted cue patterns → sum per cause → pick the best, with a confidence
// from the winning score's strength and its margin over the runner-up:
//   score(cause)  = Σ over segments: segment weight × (strongest cue + ½ × the other cues there)
//   confidence    = (1 − e^(−best/2.5)) × (½ + ½ × (best − runner-up) / best); below 0.35 → unclassified.
// Empty text → unclassified, confidence 0; no cue but an explicit "unknown / 不清楚 / 其他" → 0.9.
//
// Segments: text after "but / however / 但是 / 不过 / 可是 / 只是 / 然而 / 就是 …" weighs twice as
// much as what came before ("price was fine but nobody followed up" → no-contact); a segment
// opened by "although / 虽然 / 尽管" weighs half; a segment naming the "main" reason weighs 1.5×.
// A cue preceded by a negation ("not", "no problem with", "不是", "并非") or followed by an
// all-clear ("fine", "ok", "没问题", "还行", "还可以", "不贵") does not count.
//
// Boundaries between neighbouring causes:
//   service-negligence     details neglected: complaints / after-sales requests not handled, slow or
//                          no response to requests, late or wrong deliveries, careless mistakes,
//                          a visiting dealer not received.
//   service-quality        poor skill or expertise, bad attitude of staff or support, a bad service
//                          experience in general.
//   no-contact             nobody followed up, long time without communication or visits (the
//                          seeds' "natural loss").
//   small-customer-neglect small accounts ignored in favour of big ones, promotions only for big
//                          customers, "felt unimportant".
//   harsh-policy           entry / listing fees, stock pushing, harsh payment terms, minimum orders,
//                          thresholds, penalties.
//   broken-promises        promised rebates, rewards, discounts or gifts not delivered; integrity.
//   product                quality, stock-outs, range, features, style, network / reliability.
//   price                  too expensive, price rises, extra charges, cheaper elsewhere without a
//                          named switch to a competitor.
//   competitor             switched to / poached by / better offer from a competitor.
//   staff-turnover         the rep / account manager / contact person (either side) left or changed.
//   market-volatility      bankruptcy, closure, cash-flow trouble, downturn, budget cuts, mergers.
//   customer-circumstances moving, emigration, retirement, change of trade, illness, death.

import type { CauseId } from './taxonomy';

export interface Classification {
  cause: CauseId;
  confidence: number;
}

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Traditional → Simplified pairs for characters that occur in reasons and patterns. */
const T2S_PAIRS =
  '業业 務务 員员 離离 職职 聯联 繫系 係系 絡络 價价 錢钱 貴贵 漲涨 質质 專专 態态 應应 處处 ' +
  '發发 貨货 遲迟 誤误 錯错 競竞 爭争 換换 轉转 遷迁 閉闭 產产 鏈链 資资 斷断 氣气 讓让 鋪铺 ' +
  '門门 檻槛 進进 場场 費费 壓压 賬账 帳账 條条 銷销 戶户 視视 顧顾 訪访 問问 覆复 復复 電电 ' +
  '話话 說说 諾诺 兌兑 現现 贈赠 獎奖 勵励 給给 單单 網网 穩稳 與与 經经 營营 廠厂 個个 們们 ' +
  '為为 來来 時时 後后 還还 這这 過过 變变 難难 關关 開开 長长 間间 麼么 實实 總总 體体 點点 ' +
  '種种 統统 選选 擇择 買买 賣卖 優优 額额 較较 夠够 樣样 號号 線线 無无 據据 數数 驗验 類类 ' +
  '項项 遠远 運运 達达 壞坏 損损 倉仓 庫库 風风 設设 計计 舊旧 層层 頭头 則则 鬆松 緊紧 張张 ' +
  '週周 債债 註注 蕭萧 濟济 縮缩 災灾 颱台 險险 購购 併并 組组 東东 糾纠 紛纷 闆板 國国 鄉乡 ' +
  '歸归 畢毕 懷怀 醫医 療疗 親亲 辭辞 調调 崗岗 帶带 對对 負负 責责 採采 區区 級级 別别 從从 ' +
  '報报 預预 劃划 賺赚 潤润 訴诉 會会 決决 蹤踪 遞递 準准 響响 訊讯 節节 維维 煩烦 惡恶 兇凶 ' +
  '衝冲 蠻蛮 橫横 術术 熱热 臉脸 罵骂 禮礼 識识 規规 滿满 機机 頓顿 閃闪 裝装 饋馈 補补 貼贴 ' +
  '傭佣 許许 約约 沒没 結结 誠诚 講讲 騙骗 餅饼 碼码 陳陈 證证 標标 嚴严 罰罚 強强 製制 綁绑 ' +
  '竄窜 護护 獨独 當当 溝沟 見见 於于 漸渐 覺觉 勢势 況况 兒儿 裡里 嗎吗 啟启 將将 並并 聽听 ' +
  '歡欢 雖虽 儘尽 剛刚 舉举 執执 導导 幾几 頻频 錄录 構构 邊边 塊块 慣惯 態态 靠靠 誰谁 ' +
  '闖闯 搶抢 換换 牽牵 紹绍 談谈 簽签 續续 約约 筆笔 訂订 廣广 告告 樂乐 爛烂 糟糟 差差 ' +
  '鐘钟 錶表 車车 輛辆 廳厅 館馆 飯饭 專专 營营 奪夺 誘诱 攬揽 隨随 鬧闹 雜杂 廢废 異异 ' +
  '歲岁 產产 齊齐 冊册 級级 歷历 際际 稱称 剩剩 勞劳 錯错 懶懒 拋抛 棄弃 權权 盤盘 貸贷 ' +
  '虧亏 損损 賠赔 戰战 殺杀 軟软 體体 線线 慮虑 擔担 憂忧 斷断 續续 幫帮 忙忙 緒绪 壽寿 ' +
  '終终 屆届 團团 隊队 換换 鎖锁 驟骤 疫疫 關关 廈厦 貿贸 額额 績绩 緩缓 撥拨 纔才 纖纤 著着 裏里 麽么 甚甚';

const T2S = new Map<string, string>();
for (const pair of T2S_PAIRS.split(/\s+/)) {
  if (pair.length === 2 && pair[0] !== pair[1]) T2S.set(pair[0], pair[1]);
}
const T2S_RE = new RegExp(`[${[...T2S.keys()].join('')}]`, 'g');

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bw\/o\b/g, ' without '],
  [/\bw\/(?=\s|[a-z]|$)/g, ' with '],
  [/\bb\/c\b/g, ' because '],
  [/\bf\/u\b/g, ' follow up '],
  [/\b(?:bc|cuz|coz|cos|bcoz|bcuz|becuz|becoz|bcz)\b/g, 'because'],
  [/\b(?:cx|cust|custs|custmr|cstmr|cus)\b/g, 'customer'],
  [/\bmgr\b/g, 'manager'],
  [/\bmgmt\b/g, 'management'],
  [/\b(?:acct|accts|acc)\b/g, 'account'],
  [/\bsvc\b/g, 'service'],
  [/\bprod\b/g, 'product'],
  [/\b(?:qlty|qual)\b/g, 'quality'],
  [/\bbiz\b/g, 'business'],
  [/\bppl\b/g, 'people'],
  [/\bnvr\b/g, 'never'],
  [/\bthru\b/g, 'through'],
  [/\b(did|does|do|was|were|is|are|could|would|should|has|have|had|ca|wo)nt\b/g, "$1n't"],
  [/\bcant\b/g, "can't"],
  [/\bwont\b/g, "won't"],
  [/\$\$+/g, ' expensive '],
  [/&/g, ' and '],
];

/** Canonical form used for matching and as the cache key. */
export function normalizeReason(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(T2S_RE, (c) => T2S.get(c) ?? c);
  s = s.replace(/[’‘`´]/g, "'").replace(/[“”"「」『』【】《》()[\]{}<>]/g, ' ');
  // The abbreviations are all Latin (and & $): Chinese-only text skips them.
  if (/[a-z&$]/.test(s)) for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Segmentation

interface Segment {
  start: number;
  end: number;
  weight: number;
}

/** Clause breaks: punctuation, line breaks, and spaces between two Chinese characters. */
const BREAK_RE = /[,.;:!?。、…~\n|]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|\s+-+\s+/g;
/** Contrast words: what follows them weighs more. */
const CONTRAST_RE =
  /\b(?:but|however|yet(?! to\b)|though|instead|actually|except that)\b|但是|可是|不过(?<!比不过|拼不过|打不过|争不过|干不过|斗不过)|然而|只是|就是|而是|但|其实|实际上/g;
/** Concession openers: what follows them (to the next break) weighs less. */
const CONCESSION_RE = /\b(?:although|even though|(?<!a )while)\b|虽然|虽说|尽管|即使|哪怕/g;
const EMPHASIS_RE = /主要|最大的?原因|根本原因|关键是|\bmain(?:ly)?\b|\bmostly\b|\bprimarily\b|\bbiggest (?:issue|reason|problem)\b|\bmain (?:issue|reason|problem)\b/;

function segment(s: string): Segment[] {
  type Mark = { at: number; end: number; kind: 'break' | 'contrast' | 'concession' };
  const marks: Mark[] = [];
  for (const m of s.matchAll(BREAK_RE)) marks.push({ at: m.index, end: m.index + m[0].length, kind: 'break' });
  for (const m of s.matchAll(CONTRAST_RE)) marks.push({ at: m.index, end: m.index + m[0].length, kind: 'contrast' });
  for (const m of s.matchAll(CONCESSION_RE)) marks.push({ at: m.index, end: m.index + m[0].length, kind: 'concession' });
  marks.sort((a, b) => a.at - b.at || b.end - a.end);

  const segs: Segment[] = [];
  let level = 0;
  let conceding = false;
  let pos = 0;
  const push = (end: number) => {
    if (end > pos) segs.push({ start: pos, end, weight: Math.min(4, 2 ** level) * (conceding ? 0.5 : 1) });
  };
  for (const mk of marks) {
    if (mk.at < pos) continue; // overlapping marker
    push(mk.at);
    pos = mk.end;
    if (mk.kind === 'contrast') {
      level++;
      conceding = false;
    } else if (mk.kind === 'concession') conceding = true;
    else conceding = false;
  }
  push(s.length);
  for (const g of segs) if (EMPHASIS_RE.test(s.slice(g.start, g.end))) g.weight *= 1.5;
  return segs;
}

// ---------------------------------------------------------------------------------------------
// Cue patterns (Simplified Chinese + English, on normalised text)

/** One character inside a clause (no clause punctuation). */
const G = String.raw`[^,.;:!?。、…~\n|]`;
const r = String.raw;
/** A clause character that does not start a negation: keeps "价格也不算高" from matching 价格…高. */
const NG = r`(?:(?!不|没|未|并非|并不)${G})`;

const ZH_REP = r`(?:sales|reps?\b|am\b|kam\b|对接的|负责的|同事|业务员?|销售员?|客户经理|业务经理|区域经理|大区经理|销售经理|经理|对接人|负责人|跟单员?|业代|客服|主管|采购|联系人|专员|代表|我们的人|原来的人|老业务|之前的人)`;
const ZH_LEAVE = r`(?:离职|辞职|走了|走人|跳槽|离开|不干了|调走|调岗|调动|换人|换了|被挖|被调|退休|离岗|去了别家|去别家|跑了|挖过去|挖走)`;
const EN_REP = r`(?:reps?|sales ?reps?|salesperson|sales ?person|sales ?guy|sales ?girl|sales ?lady|sales ?manager|salesman|saleswoman|account (?:manager|exec|executive|rep|owner)|am|kam|manager|contact(?: person)?|buyer|purchaser|purchasing manager|representative|agent|csm|point of contact|poc|our guy|their guy|procurement (?:lead|manager|guy))`;
const EN_LEAVE = r`(?:left|leaving|leaves|quit|quits|resigned|retired|retiring|was let go|got fired|fired|laid off|moved on|moved (?:to )?(?:another|a different|a new) (?:territory|region|role|team|position|department|job|area)|departed|changed jobs?|switched jobs?|went to|joined|was replaced|replaced|changed|turnover|transferred|gone|on leave|poached)`;
const EN_VENDOR = r`(?:vendors?|suppliers?|providers?|carriers?|brands?|competitors?|distributors?|platforms?|solutions?|services?|products?|compan(?:y|ies)|agenc(?:y|ies)|firms?|partners?|manufacturers?|factor(?:y|ies))`;

type Rule = [CauseId, number, string];

const RULES: Rule[] = [
  // staff-turnover
  ['staff-turnover', 6, r`${ZH_REP}${G}{0,6}?${ZH_LEAVE}`],
  ['staff-turnover', 3.5, r`离职|辞职|跳槽`],
  ['staff-turnover', 3, r`(?:离职|辞职|跳槽|调走|走了)${G}{0,3}?(?:以?后|之后)${G}{0,6}?(?:没人|无人|没有人)`],
  ['staff-turnover', 4, r`换了?${G}{0,3}(?:负责人|对接人|业务员?|采购|经理|联系人|窗口)|换人|人员(?:流动|变动|调整|更替|变更)|人事(?:变动|调整|变更)`],
  ['staff-turnover', 4, r`带走|跟着${G}{0,6}走|跟(?:着)?${G}{0,4}?(?:过去|去了)`],
  ['staff-turnover', 3.5, r`\bresign(?:ed|ation)\b|\b(?:who|that) (?:handled|managed|looked after|ran|owned|serviced) (?:them|the account|it|their account)\b${G}{0,20}?\b(?:left|quit|resigned|retired|moved on)\b`],
  ['staff-turnover', 3.5, r`交接|没人接手|无人接手|接手的人|新(?:来的)?(?:业务员?|负责人|对接人|经理|采购)`],
  ['staff-turnover', 6, r`\b${EN_REP}\b${G}{0,25}?\b${EN_LEAVE}\b`],
  ['staff-turnover', 4, r`\b(?:staff|personnel|employee|team|rep|account) (?:turnover|changes?|churn)\b|\bturnover\b|\bpoached (?:our|the|their) ${EN_REP}\b`],
  ['staff-turnover', 3, r`\bnew ${EN_REP}\b|\b(?:nobody|no one) took over\b|\bhand-?overs?\b|\bhanded over\b|\bhand over\b`],
  ['staff-turnover', 4.5, r`\bfollowed (?:the |our |their |his |her )?(?:old |former |ex-? ?)?(?:rep|salesperson|account manager|am|guy|sales ?rep)\b|\b(?:former|ex|old) (?:rep|salesperson|account manager|employee|sales ?rep)\b`],

  // competitor
  ['competitor', 3, r`竞争对手|竞品|竞争品牌|竞对|友商|对手|竟争`],
  ['competitor', 2, r`隔壁(?:厂|家|品牌|店|公司)|对面(?:那家|的|店|厂)|同行|同业|别家|别的厂家?|其他厂家?|其他品牌|别的品牌|另一家|其他供应商|别的供应商|其他公司|别的公司|外地厂家?`],
  ['competitor', 3, r`挖走|挖角|抢走|抢单|抢客户|撬走|撬了|截胡|拉走|拐走|抢了|被挖|被抢|被撬|转单`],
  ['competitor', 3.5, r`(?:改用|换成|转用|改做|转做|换了|换到|转投|改投|投向|转向|改进|改买|改从|换用|改拿|改签|签了|转到|跑到|跑去|去了|选了|选择了|找了|用了)${G}{0,8}?(?:品牌|牌子|厂家?|供应商|家|公司|产品|的货|渠道)`],
  ['competitor', 3.5, r`(?:改从|改在|改去|转从|换从|转去|改由)${G}{0,8}?(?:进货|拿货|采购|订货|买)`],
  ['competitor', 4, r`(?:做|经营|代理|卖|进)(?:起了?|了)?${G}{0,2}(?:别的|其他|别家|另一个|另外的|竞争)(?:品牌|牌子|厂家?|产品|的货)`],
  ['competitor', 3.5, r`(?:拿|进|分|下)${G}{0,4}(?:别家|别的|其他|同行)的?(?:货|单|产品)|分单|分给别家|两家(?:一起|同时)?(?:做|拿|进)`],
  ['competitor', 3, r`(?:给的?|开的?|提供的?)(?:条件|政策|返点|返利|扶持|支持|方案|待遇|优惠|账期)${G}{0,3}(?:更|比较|比我们)(?:好|优|高|多|大|低|长)`],
  ['competitor', 3, r`现在(?:改)?(?:进|拿|用|做|找)|\bnow (?:buying|buys|uses|using|ordering|orders|with|going with)\b|\blost (?:them |it |the account |the deal |the customer |the business )?to\b`],
  ['competitor', 3, r`\bcomp[ei]t(?!itive|itively)\w*|\bcomptit\w*|\brivals?\b`],
  ['competitor', 3, r`\b(?:another|other|different|new|cheaper|local|alternative) ${EN_VENDOR}\b`],
  ['competitor', 3.5, r`\b(?:switched|switching|switch(?:es)?|changed|changing|migrated|migrating|defected|ported|porting|churned|jumped|jumping|signed|signing|went over|gone over)\s+(?:over\s+)?(?:to|with)\b`],
  ['competitor', 3.5, r`\bmov(?:ed|ing) (?:over )?to (?:a |an |another |other |the |some |new |different |cheaper )*${EN_VENDOR}\b`],
  ['competitor', 3, r`\b(?:went|gone|going|go)\s+(?:with|to (?:a|an|another|other|some|new|different|cheaper|their) (?!hospital|school|university|college)\w+)`],
  ['competitor', 3.5, r`\bswitch(?:ed|ing|es)? (?:providers?|vendors?|suppliers?|carriers?|brands?)\b`],
  ['competitor', 3.5, r`\bpoach(?:ed|ing)?\b|\bstole\b|\bstolen\b|\blured\b|\bsnatched\b|\btook (?:them|the account|the customer|our customer|the business|our business)\b|\bwon (?:them|the account|the deal|the business)\b`],
  ['competitor', 2.5, r`\bbetter (?:offer|deal|terms|rates?|package|plan|contract|devices?|phones?|equipment|coverage|speeds?)\b|\bmore data\b|\bhigher (?:download |upload )?speeds?\b|\bin-?house\b|\bbuilt (?:their|its) own\b`],

  // price
  ['price', 3.5, r`太贵|嫌贵|偏贵|很贵|贵了|较贵|有点贵|挺贵|贵太多|贵很多|好贵|真贵|巨贵|死贵|超贵|不便宜|价高`],
  ['price', 2, r`贵`],
  ['price', 3.5, r`价(?:格|钱|位)${NG}{0,4}?(?:高|贵|没有?优势|不(?:占|具)?有?优势|劣势|没有?竞争力|缺乏竞争力|不具?竞争力|上涨|上调|涨|接受不了|承受不了|谈不拢|没谈拢|谈不下来|压不下来|不实惠|不合理)`],
  ['price', 1.5, r`价(?:格|钱|位)|费用|成本|报价`],
  ['price', 3.5, r`涨价|提价|调价|加价|涨了|涨费|上调|涨得`],
  ['price', 3, r`报价${G}{0,3}(?:太|偏|过|较)?(?:高|贵)|报价(?:更|比我们|比较)?低|更便宜|便宜(?:很多|不少|一些|点|一半|些|好多)|比我们(?:便宜|低|实惠)|低价|价格战|压价|杀价|砍价|降价|价低|价格更低|更低的价|更实惠|出价更低`],
  ['price', 3, r`性价比(?:低|不高|差|不行|一般|太低)|不划算|不值(?:这个?价|钱)|不值得买|太坑|坑人|宰客|收费${G}{0,2}(?:高|贵|乱|多)|乱收费|多收|额外(?:收费|费用|的费用)|附加费|隐形(?:收费|消费|费用)|运费|手续费|服务费|月费|年费|套餐费|话费|流量费|漫游费|长途费|超额(?:收费|费用)`],
  ['price', 3, r`利润${G}{0,2}(?:低|薄|少)|没有?利润|没钱赚|赚不到钱|利润空间|毛利(?:低|太低)`],
  ['price', 3, r`预算(?:不够|不足|有限|超了?)|没有?预算|买不起|用不起|负担不起|承受不起`],
  ['price', 3.5, r`\b(?:expensive|expensve|expnsive|expencive|expesive|pricey|pricy|costly|overpriced|over-priced|overcharg\w*|rip-?off|ripoff)\b`],
  ['price', 1.5, r`\bpric(?:e|es|ed|ing)\b|\bcosts?\b`],
  ['price', 3.5, r`\bpric(?:e|es|ing)\s+(?:\w+\s+){0,2}?(?:too high|high|higher|went up|going up|increased?|increases|hikes?|rises?|jumped|doubled|raised|up)\b|\b(?:price|rate|fee|cost)\s+(?:increases?|hikes?|rises?|changes?)\b|\b(?:raised|increased|hiked|doubled|upped)\s+(?:the |our |their |its )?(?:prices?|rates?|fees?|costs?|pricing)\b`],
  ['price', 2.5, r`\btoo (?:high|much)\b(?! (?:stock|inventory|paperwork|hassle|trouble|downtime))|\bcosts? (?:too much|a lot|more)\b`],
  ['price', 3, r`\bcheaper\b|\blower (?:prices?|quotes?|bids?|costs?|rates?|pricing)\b|\bundercut\w*|\bprice war\b|\blow-?ball\w*|\bbetter pric\w*|\bbeat (?:our|the) price\b`],
  ['price', 3, r`\b(?:extra|additional|hidden|surprise|unexpected|overage|long[- ]distance|roaming|excess|data|late|service|monthly|shipping|delivery|freight|bank|admin|processing) (?:charges?|fees?|costs?)\b`],
  ['price', 1.5, r`\bquotes?\b|\bcharges?\b|\bfees?\b|\bbilling\b|\bbill\b`],
  ['price', 3, r`\b(?:un)?afford\w*|\bbudget (?:too )?(?:tight|limited)\b|\bno budget\b|\bout of (?:their |our )?budget\b|\b(?:above|over|exceeded|beyond) (?:their |the |our )?budget\b`],
  ['price', 3, r`\b(?:not|un)(?: price)?[- ]?competitive\b|\bvalue for money\b|\bpoor value\b|\bnot worth (?:it|the (?:money|price|cost))\b|\bmargins? (?:too )?(?:thin|low|small)\b|\blow margins?\b`],

  // service-negligence
  ['service-negligence', 2.5, r`投诉`],
  ['service-negligence', 3.5, r`投诉${G}{0,10}?(?:没人|没有人|无人|不|没|未|迟迟|一直|拖)`],
  ['service-negligence', 3, r`(?:没人|没有人|无人|不|没|未|迟迟不?)(?:处理|解决|理会|理睬|答复|受理)`],
  ['service-negligence', 3, r`售后${G}{0,4}?(?:不(?:处理|管|理|来|到位|及时|解决|回)|没(?:有人|人)?(?:处理|管|来|解决|回)|慢|拖|迟迟|推诿|推脱|无人|没人|找不到人|等了)`],
  ['service-negligence', 1, r`售后`],
  ['service-negligence', 3, r`(?:维修|修理|上门|安装|处理|回复|回应|响应|反应|答复|反馈|退款|退货|换货|补货|补发|对账|开票)${G}{0,3}?(?:慢|不及时|拖|迟迟|等了|半天|好几天|几天|一周|一个月|很久)`],
  ['service-negligence', 3, r`(?:发货|送货|交货|交期|到货|物流|配送|快递|出货|货期)${G}{0,4}?(?:慢|延迟|延误|迟|晚|拖|不及时|不准时|出错|错|漏|少|不对|乱|破损|丢)`],
  ['service-negligence', 3.5, r`送错|发错|寄错|拿错|错发|漏发|少发|发漏|送漏|货不对|货发错|装错|配错|搞混`],
  ['service-negligence', 2, r`延迟|延误|迟到|拖延|不及时|不准时|耽误|误期`],
  ['service-negligence', 3.5, r`回复(?:慢|太慢|很慢|不及时)|不回(?:复|消息|信息|电话|邮件|微信|应)|没有?回(?:复|音|应|消息|电话)|没人接|不接|没人(?:回|答|应)|打不通|联系不到|催${G}{0,6}?(?:没|不|还没)|没发货|不发货|货${G}{0,4}?没发|不理人|已读不回|响应慢|反应慢|半天才回|几天才回|消息不回|电话不接|不接电话|电话打不通|找不到人|找不到负责人|没人接电话|联系不上(?:业务|销售|客服|我们|人)`],
  ['service-negligence', 3.5, r`细节|疏忽|怠慢|没人?接待|不接待|无人接待|接待${G}{0,6}?(?:没有|都没|没)|没安排|招待不周|冷落了?(?:人家|他|客户|经销商|代理商)|被晾|晾着|晾在`],
  ['service-negligence', 3, r`出错|搞错|弄错|开错|算错|错单|错漏|发票(?:错|问题|开错|不对|有误)|账目?(?:错|不对|对不上)|对账${G}{0,3}?(?:出错|不清|对不上|乱)|对不上|马虎|粗心|大意|失误|差错|不上心|不用心|敷衍了事|漏单|丢单|忘了(?:发|送|下单|处理|回)`],
  ['service-negligence', 3, r`退换?货(?:难|麻烦|不处理|不给|拖|慢)|不给退|退款(?:慢|拖|难|不给|没到)`],
  ['service-negligence', 3.5, r`没人(?:来)?修|不(?:来|给)修|报修${G}{0,6}?(?:没人|没|不)`],
  ['service-negligence', 3.5, r`要求${G}{0,6}?(?:没人|没|不|未)(?:管|理|处理|回应|落实)|反馈${G}{0,6}?(?:没人|没|不|未)(?:管|理|处理|回应|回复)|石沉大海|没有?下文|不了了之`],
  ['service-negligence', 2.5, r`\bcomplain\w*`],
  ['service-negligence', 3.5, r`\b(?:complaints?|tickets?|issues?|requests?|claims?|emails?|calls?|problems?|queries|inquir(?:y|ies)|rma|returns?|refunds?|warranty)\b${G}{0,25}?\b(?:ignored|not (?:handled|resolved|addressed|answered|fixed|processed|followed up)|never (?:handled|resolved|addressed|answered|fixed|processed)|unresolved|unanswered|went nowhere|dragged on|took (?:forever|ages|weeks|months|days|too long))\b`],
  ['service-negligence', 3.5, r`\b(?:ignored|unanswered|unresolved|unreturned|unhandled|neglected|missed|dropped|forgotten)\s+(?:\w+\s+)?(?:complaints?|tickets?|requests?|emails?|calls?|issues?|messages?|orders?|claims?)\b`],
  ['service-negligence', 3.5, r`\b(?:late|delayed|slow|missed|wrong|incorrect|missing|damaged|short|partial|incomplete|botched|lost) (?:deliver(?:y|ies)|shipments?|shipping|orders?|items?|goods|invoices?|parts|dispatch|installs?|installation)\b|\b(?:deliver(?:y|ies|ed)|shipments?|orders?)\b${G}{0,20}?\b(?:late|delayed|wrong|slow|never arrived|missing|short|behind)\b|\b(?:shipped|sent|delivered) (?:\w+ )?(?:the )?wrong\b|\bwrong (?:items?|products?|models?|parts?|versions?|quantit(?:y|ies)|amounts?|goods|orders?|sizes?|colou?rs?|stuff|address|skus?)\b|\blead times?\b`],
  ['service-negligence', 2, r`\blate\b|\bdelays?\b|\bdelayed\b|\bbacklog\b`],
  ['service-negligence', 3.5, r`\b(?:slow|no|poor|late|delayed|zero|lack of) (?:response|reply|replies|responses|responsiveness|turnaround|reaction|answers?|callback|call back|follow-through)\b|\bslow (?:support|service|to respond|to reply|to fix|to answer|repairs?)\b|\bunresponsive\b`],
  ['service-negligence', 3.5, r`\b(?:never|didn't|did not|doesn't|does not|don't|wouldn't|won't|no one|nobody|noone|not|never once)\s+(?:\w+\s+)?(?:answer(?:ed|s)?|respond(?:ed|s)?|repl(?:y|ied|ies)|returned? (?:\w+ )?calls?|call(?:ed|s)? (?:\w+ )?back|got back|get back|gets back|pick(?:ed|s)? up (?:the )?phone|showed up|show up|fix(?:ed)?|resolve[ds]?|address(?:ed)?)\b`],
  ['service-negligence', 3, r`\btook (?:forever|ages|weeks|months|days|too long|so long)\b|\bkept (?:them |us |him |her )?waiting\b|\bwait(?:ed|ing)? (?:for )?(?:weeks|months|days|forever|ages)\b|\bon hold\b`],
  ['service-negligence', 3, r`\b(?:billing|invoice|invoicing|shipping|order|data entry) (?:errors?|mistakes?|mix-?ups?|issues|problems|screw-?ups?)\b|\bmistakes?\b|\berrors?\b|\bmessed up\b|\bscrewed up\b|\bmix-?ups?\b|\bcareless\w*|\bsloppy\b|\bnegligen\w*|\bdropped the ball\b|\bforgot (?:to|their|his|her)\b|\bnot (?:received|welcomed|greeted|hosted)\b|\b(?:nobody|no one) (?:met|received|greeted|hosted)\b`],
  ['service-negligence', 2, r`\bdetails?\b|\bignored\b`],
  ['service-negligence', 1, r`\bafter-?sales?\b`],

  // service-quality
  ['service-quality', 2.5, r`态度|太度`],
  ['service-quality', 3.5, r`(?:态度|太度)${NG}{0,4}?(?:差|不好|恶劣|冷淡|傲慢|凶|不行|差劲|不耐烦|冲|蛮横|敷衍|恶心|一般|有问题|不端正|不友好|冷漠|不咋地|不怎么样)`],
  ['service-quality', 3.5, r`服务${NG}{0,4}?(?:差|不好|不行|烂|一般|不到位|不满|垃圾|糟糕|不周|跟不上|不专业|不咋地|不怎么样|水平)|对服务不满|服务体验|体验(?:差|不好|很差|太差|糟糕)|不满意(?:服务|售后)|服务质量|服务品质`],
  ['service-quality', 1.5, r`服务|体验`],
  ['service-quality', 3.5, r`不专业|不懂(?:产品|技术|行|业务)?|外行|专业(?:度|性|水平|能力|知识)?${G}{0,2}(?:不够|差|不足|不行|欠缺|太低|低)|技术(?:支持|服务|人员)?${G}{0,4}?(?:不行|差|不专业|不懂|水平低|太菜|菜|不过关|不到位)|水平(?:太)?(?:差|低|不行|有限|一般)|能力(?:不行|差|不够|不足|太差)|一问三不知|问什么都不知道|什么都不懂|答不上来|解决不了|处理不了|搞不定|说不清楚|讲不清楚|培训不到位`],
  ['service-quality', 3, r`不热情|冷淡(?!了)|冷漠|爱理不理|爱答不理|脸色|甩脸|摆脸|怼|骂人|骂了|吵架|吵起来|争吵|吵了?一?架|说话${G}{0,2}?(?:冲|难听|不客气|刺耳)|口角|冲突|凶|不礼貌|没礼貌|傲慢|粗鲁|无礼|不尊重|瞧不起人|看不起人|嫌弃|服务意识|没耐心|不耐烦|敷衍`],
  ['service-quality', 3, r`客服${NG}{0,4}?(?:差|不行|不专业|太差|垃圾|冷漠|敷衍|凶|不耐烦|一般|水平)`],
  ['service-quality', 1, r`客服|服务员|店员|工作人员|技术员|师傅|工程师|安装工`],
  ['service-quality', 3.5, r`\b(?:rude|rudeness|impolite|unfriendly|arrogant|arrogance|condescending|disrespectful|disrespect|unprofessional|incompetent|incompetence|clueless|unhelpful|dismissive|hostile|yelled|yelling|shouted|snippy|snarky|attitudes?|argued|argument|fight|fought|patroni[sz]ing|impatient|abrasive|obnoxious|untrained|poorly trained)\b`],
  ['service-quality', 3.5, r`\b(?:poor|bad|lack of|lacking|no|low|limited|weak|insufficient|little|zero)\s+(?:technical\s+)?(?:expertise|knowledge|product knowledge|skills?|competence|training|know-how|professionalism|customer service|customer care|service quality)\b|\b(?:not|un)(?: very)? (?:knowledgeable|professional|helpful|friendly|competent|polite|trained)\b`],
  ['service-quality', 2, r`\bexpertise\b|\bprofessionalism\b|\bknowledgeable\b|\bskills?\b|\btraining\b`],
  ['service-quality', 3.5, r`\b(?:bad|poor|terrible|awful|horrible|lousy|crappy|crap|shitty|subpar|sub-par|mediocre|unacceptable|disappointing|inconsistent|worst|horrendous|atrocious|appalling|abysmal|dreadful)\s+(?:customer\s+)?(?:service|support|experience|care|help|helpdesk|help desk|treatment|staff|technicians?|tech support)\b|\b(?:service|support|experience|staff|helpdesk|help desk|technicians?|agents?)\s+(?:\w+\s+){0,2}?(?:was|were|is|are|has been|got|been)?\s*(?:bad|poor|terrible|awful|horrible|lousy|crappy|crap|shitty|subpar|mediocre|unacceptable|disappointing|worse|useless|a joke|a nightmare|clueless|inadequate)\b`],
  ['service-quality', 3.5, r`\b(?:service|support)\s+dissatisfaction\b|\b(?:dissatisf\w*|unhappy|unsatisfied|not happy|not satisfied|frustrated|disappointed|fed up)\s+(?:with\s+)?(?:the\s+|our\s+)?(?:customer\s+)?(?:service|support|staff|team|treatment|helpdesk)\b`],
  ['service-quality', 1.5, r`\bservice\b|\bsupport\b|\bcustomer care\b|\bhelp ?desk\b|\bstaff\b|\bexperience\b`],
  ['service-quality', 3, r`\b(?:couldn't|could not|unable to|can't|cannot) (?:fix|solve|resolve|help|answer|explain)\b|\b(?:didn't|did not) know (?:what|how|anything|the product)\b|\bno idea (?:what|how)\b`],

  // product
  ['product', 2.5, r`(?<!服务)(?:质量|品质|质素)`],
  ['product', 3.5, r`(?<!服务)(?:质量|品质)${NG}{0,4}?(?:差|不好|不行|问题|不稳|太差|一般|下降|下滑|不过关|有问题|投诉|堪忧|不达标|不合格|参差|不如|不够|垃圾)`],
  ['product', 3.5, r`缺货|断货|没货|少货|无货|供货${G}{0,3}?(?:不足|不稳|不上|跟不上|不及时|紧张|困难|短缺)|货源(?:不足|紧张|短缺|不稳)|库存(?:不足|不够|紧张|短缺)|到不了货|拿不到货|订不到货|买不到|老是没货|断码|缺码`],
  ['product', 3, r`(?:和|与|跟)样品${G}{0,3}?(?:差|不符|不一样|不一致)|色差|\b(?:kept|keeps|keep) (?:failing|breaking|crashing)\b|\bfailures?\b|\bfailing\b`],
  ['product', 2.5, r`款式|样式|花色|花样|外观|新品|新款|设计`],
  ['product', 3.5, r`(?:款式|样式|花色|设计|产品)${NG}{0,4}?(?:跟不上|太老|老旧|陈旧|过时|少|单一|不好看|难看|土|落后|更新慢|不更新|没有?新意|不新)`],
  ['product', 2, r`品类|品种|种类|产品线|型号|规格|选择`],
  ['product', 3.5, r`(?:品类|品种|种类|产品线|型号|规格|选择)${G}{0,3}?(?:少|不全|单一|不够|有限|不多|不丰富|窄)`],
  ['product', 2, r`产品`],
  ['product', 3.5, r`产品${NG}{0,4}?(?:不好|差|问题|不行|不满|不稳|老化|落后|不适合|不好卖|卖不动|滞销|不对路|不受欢迎|没有?竞争力|竞争力不足|单一|不全)|对产品不满|不满意产品`],
  ['product', 2.5, r`卖不动|滞销|不好卖|动销(?:慢|差|不好)|不走货|走不动|卖不出去`],
  ['product', 2, r`功能`],
  ['product', 3, r`功能${G}{0,3}?(?:少|不够|不全|缺|不行|跟不上|落后|不满足|太弱|单一|有限|不完善)|缺少?功能|不支持|自助|网站|官网|小程序|系统${G}{0,3}?(?:不好用|难用|太烂|不稳|老是出问题|卡)|难用|不好用|操作(?:复杂|麻烦|不便)`],
  ['product', 3, r`故障|坏了|易坏|容易坏|经常坏|老坏|返修|退货率|次品|不良品?|瑕疵|毛病|死机|卡顿|闪退|掉线|宕机|断网|网速|网络|信号|稳定性|不稳定|可靠性|不可靠|耐用|寿命短|漏水|异味|过期|保质期|变质|包装${G}{0,2}?(?:差|问题|破)|技术落后|不符合(?:要求|需求|标准)|满足不了|不能满足|达不到(?:要求|标准)|效果(?:不好|差|不明显|一般)|没效果`],
  ['product', 2.5, r`坏|\brange\b`],
  ['product', 3.5, r`\b(?:range|selection|assortment|variety|catalog(?:ue)?|choice)\b${G}{0,15}?\b(?:narrow|limited|small|thin|poor|lacking)\b`],
  ['product', 2.5, r`(?<!service )\bquality\b`],
  ['product', 3.5, r`\b(?:poor|bad|low|inconsistent|declining|terrible|awful|shoddy|cheap|subpar|variable|mixed|questionable|lousy)\s+(?:product\s+|build\s+)?quality\b|\b(?<!service )quality (?:issues?|problems?|complaints?|concerns?|control|dropped|declined|went down|got worse|is bad|was bad)\b`],
  ['product', 3.5, r`\b(?:defects?|defective|faulty|broken|broke|breaks|breaking|malfunction\w*|buggy|bugs?|crash(?:es|ed|ing)?|glitch(?:es|y)?|downtime|outages?|unreliable|reliability|unstable|instability|network|coverage|dropped calls?|signal|connectivity|disconnect\w*|lag(?:gy|s|ging)?|slow (?:speeds?|internet|connection|app|system|software|platform|website|site)|performance issues?|recalls?|leak(?:s|ing|ed)?|expired|spoiled|doesn't work|didn't work|did not work|stopped working|not working|wasn't working)\b`],
  ['product', 3.5, r`\b(?:out of stock|stock-?outs?|backorder(?:ed|s)?|back-?ordered|shortages?|unavailable|no stock|ran out|availability|supply (?:issues?|problems?|shortages?))\b`],
  ['product', 3, r`\b(?:limited|narrow|small|poor|lack of|no|not enough) (?:range|selection|choices?|assortment|catalog|catalogue|variety|options|lineup|line-up|portfolio|models)\b|\brange of (?:products|services|options|plans)\b|\bself-?service\b|\bweb ?site\b|\bonline portal\b|\bportal\b|\bapp\b|\bonline ordering\b|\bhard to use\b|\bclunky\b|\bnot user[- ]friendly\b|\bconfusing (?:interface|system|app|website)\b`],
  ['product', 3.5, r`\b(?:missing|lack(?:ed|s|ing)?(?: of)?|no|limited|not enough|needed more|wanted more) (?:features?|functionality|functions?|integrations?|capabilit(?:y|ies)|api|reporting|customi[sz]ation)\b`],
  ['product', 2, r`\bfeatures?\b|\bfunctionality\b|\bintegrations?\b|\bproducts?\b`],
  ['product', 3.5, r`\bproduct dissatisfaction\b|\b(?:dissatisf\w*|unhappy|unsatisfied|not happy|not satisfied|disappointed)\s+(?:with\s+)?(?:the\s+|our\s+)?(?:products?|quality|goods|items|devices?|equipment|software|system|platform|tool)\b`],
  ['product', 2.5, r`\b(?:outdated|old-?fashioned|obsolete|dated|stale|ugly|out of style|out of fashion|styles?|designs?)\b`],
  ['product', 3, r`\b(?:didn't|did not|doesn't|does not|don't|couldn't|could not|failed to)\s+(?:meet|fit|suit|match|satisfy|serve)\s+(?:their |our |the |his |her )?(?:needs?|requirements?|specs?|use case|expectations?)\b`],
  ['product', 1, r`\bdevices?\b|\bequipment\b|\bhardware\b|\bsoftware\b|\bspeeds?\b`],

  // broken-promises
  ['broken-promises', 4.5, r`(?:返利|返点|奖励|奖金|赠品|礼品|赠送|折扣|优惠|补贴|提成|佣金|回扣|承诺|答应|许诺|说好|约定|讲好|保证|年终奖|返现|红包|积分|支持费用|市场支持|广告支持)${G}{0,10}?(?:没|未|不|迟迟不?|一直没|始终没|拖着不?|拖欠|拖了)${G}{0,2}?(?:兑现|兑先|对现|给|发|到|落实|算|结|返|付|做到|实现|履行|拿到|批|核销|下来|来)`],
  ['broken-promises', 4.5, r`没有?兑现|未兑现|不兑现|兑现不了|没有?兑先|没对现|没有?落实|不履行|没有?履行|说话不算数?|说了不算|言而无信|失信|诚信|信誉|不守信|不讲信用|不讲诚信|忽悠|被骗|骗人|骗了|画饼|空头支票|食言|反悔|出尔反尔|变卦|不认账|不认了|不承认|赖账|说一套做一套|承诺${G}{0,4}?(?:落空|没做到|做不到|不算)`],
  ['broken-promises', 4.5, r`拖欠(?:返利|返点|奖励|奖金|提成|佣金|补贴|费用)|欠(?:返利|返点|奖励|补贴)`],
  ['broken-promises', 4, r`(?:说好|讲好|答应|约定)的?${G}{0,10}?(?:后来|结果|却|又)${G}{0,6}?(?:给了?别人|变了|没了|取消|不算|反悔)`],
  ['broken-promises', 2.5, r`返利|返点|返现|承诺|许诺`],
  ['broken-promises', 2, r`答应|赠品|奖励`],
  ['broken-promises', 4.5, r`\b(?:promised|promise|promises|promising|agreed|committed|guaranteed|pledged|assured)\b${G}{0,50}?\b(?:never|not|didn't|did not|wasn't|weren't|no|broke|broken|failed|nothing|reneged|backed out|fell through|didn't happen|never happened|still waiting)\b`],
  ['broken-promises', 4.5, r`\bbroken promises?\b|\bbroke (?:our|their|his|her|the|a|its|every) (?:promises?|word|commitments?|agreement)\b|\b(?:didn't|did not|never|failed to) (?:keep|honou?r|deliver on|follow through on|live up to) (?:\w+ )?(?:promises?|word|commitments?|agreement|deal|offer|terms)\b|\bunkept\b|\bover-?promis\w*|\blied\b|\blying\b|\blies\b|\bdishonest\w*|\bnot honest\b|\bmisled\b|\bmisleading\b|\bbait and switch\b|\breneged\b|\bwent back on\b|\bbad faith\b|\buntrustworthy\b|\blost (?:\w+ )?trust\b|\bintegrity\b|\bcredibility\b`],
  ['broken-promises', 3, r`\btrust\b`],
  ['broken-promises', 4.5, r`\b(?:rebates?|bonus(?:es)?|rewards?|incentives?|kickbacks?|free (?:gifts?|goods|units?|samples?)|gifts?|discounts?|commissions?|cashback|cash back|coupons?|vouchers?|allowances?|subsid(?:y|ies)|loyalty points?|points)\b${G}{0,30}?\b(?:never|not|didn't|did not|wasn't|weren't|still (?:not|waiting|unpaid|pending|outstanding)|unpaid|outstanding|overdue|withheld|cancell?ed|denied)\b`],
  ['broken-promises', 4.5, r`\b(?:never|didn't|did not|not|haven't|hasn't|never once)\s+(?:get|got|gotten|receive|received|paid|pay|honou?r(?:ed)?|deliver(?:ed)?|give|gave|given|see|saw|apply|applied|credit(?:ed)?|issue[ds]?|process(?:ed)?)\b${G}{0,25}?\b(?:rebates?|bonus(?:es)?|rewards?|incentives?|discounts?|gifts?|commissions?|cashback|cash back|coupons?|vouchers?|promo(?:tion)?s?|points|free \w+|what (?:was|we|they|he|she) (?:promised|agreed|offered))\b`],
  ['broken-promises', 2.5, r`\brebates?\b|\bpromised\b|\bpromise[sd]?\b|\bcommitments?\b`],

  // harsh-policy
  ['harsh-policy', 4.5, r`进场费|上架费|入场费|条码费|陈列费|堆头费|加盟费|保证金|押金|通道费|坑位费|渠道费|门店费|扣点`],
  ['harsh-policy', 3.5, r`门槛|考核`],
  ['harsh-policy', 4, r`门槛${G}{0,2}?高|最低(?:进货|拿货|采购|订货)量?|起订量|最低起订|起批量|起订|最低订货|最小订量|最低订量|最低采购|订货量(?:太|要求)|任务量|销售任务|(?:任务|指标)${G}{0,3}?(?:太重|太高|压力|重|高)|(?:没|未)完成(?:任务|指标)|扣(?:返利|返点|钱|款|奖励|保证金)|被扣|罚款|扣款|罚钱|扣钱|压货|压库存|压库|硬塞|强压|强制|必须(?:进货|订货|拿货|采购|完成)|每月(?:必须|要|得)(?:进|拿|订)|搭售|捆绑|买断|包销|独家(?:要求|协议|条款)|排他|霸王条款|不平等条款|店大欺客|条件${G}{0,2}?苛刻|苛刻|太严|太死|死板|不灵活|不近人情`],
  ['harsh-policy', 3, r`账期`],
  ['harsh-policy', 4, r`账期${G}{0,3}?(?:短|紧|苛刻|严|少|不够)|没有?账期|不给账期|取消账期|缩短账期|付款(?:条件|方式|要求|周期)|结算(?:条件|方式|周期)|现款现货|先款后货|款到发货|预付|全款|定金|押款|回款(?:压力|要求|太急)|催款|催得${G}{0,2}?紧`],
  ['harsh-policy', 4, r`政策${G}{0,4}?(?:苛刻|太严|严格|太死|不合理|变来变去|变动|多变|朝令夕改|不灵活|不稳定|太多|太复杂|不公平|霸道)|政策(?:调整|变化|改变|变了)`],
  ['harsh-policy', 1.5, r`政策|规定|合同|压力`],
  ['harsh-policy', 4.5, r`\b(?:entry|listing|slotting|joining|franchise|membership|onboarding|placement|shelf|display|participation) fees?\b|\b(?:security )?deposits?\b`],
  ['harsh-policy', 4, r`\bminimum (?:order|purchase|quantity|quantities|volume|commitment|spend)s?\b|\bmoq\b|\bmin(?:imum)? orders?\b|\border minimums?\b|\bthresholds?\b|\bvolume (?:commitments?|requirements?|targets?)\b|\bquotas?\b|\bsales targets?\b`],
  ['harsh-policy', 2.5, r`\btargets?\b`],
  ['harsh-policy', 4, r`\b(?:payment|credit) terms?\b|\bnet ?\d+\b|\bupfront payment\b|\bpay(?:ment)? (?:up ?front|in advance)\b|\bprepay(?:ment)?s?\b|\bcash (?:in advance|on delivery|up ?front)\b|\bno credit\b|\bcredit (?:limit|line)\b|\b(?:shorter|short|tight|strict) (?:payment )?terms\b`],
  ['harsh-policy', 4, r`\b(?:strict|harsh|tough|rigid|unfair|aggressive|draconian|restrictive|punitive|inflexible|onerous|one-sided|predatory|heavy-handed|demanding|unreasonable)\s+(?:\w+\s+)?(?:polic(?:y|ies)|terms|conditions|contracts?|rules|penalt(?:y|ies)|requirements?|clauses?|agreement|demands?)\b|\bpenalt(?:y|ies)\b|\bfined\b|\bfines\b|\b(?:a|late|heavy|big|hefty) fine\b|\bclawbacks?\b`],
  ['harsh-policy', 2, r`\bpolic(?:y|ies)\b|\bcontract\b|\bterms\b|\bbundl\w*|\bexclusivity\b`],
  ['harsh-policy', 4, r`\b(?:forced|pushed|pushing|stuffed|dumped|loaded)\s+(?:\w+\s+){0,3}?(?:stock|inventory|product|units)\b|\bchannel stuffing\b|\boverstock\w*|\btoo much (?:stock|inventory)\b|\bexcess (?:stock|inventory)\b|\bforced (?:to buy|bundles?|purchases?)\b|\block-?in\b|\bcancellation fees?\b|\bearly termination\b|\bauto-?renew\w*`],

  // small-customer-neglect
  ['small-customer-neglect', 3, r`小(?:客户|户|店|代理商?|经销商|商户|门店|卖家|买家|单|订单|b)|散户|量小|量少|单量小|规模小|体量小|小本生意|小生意|夫妻店|太小|订单小|单子小|单小|生意小|业务量小`],
  ['small-customer-neglect', 3.5, r`(?:不|没|没有)被?重视|没人重视|不受重视|被忽视|被忽略|被冷落|受冷落|冷落|看不上|瞧不上|不当回事|不放在眼里|区别对待|差别对待|偏心|厚此薄彼|只(?:顾|重视|管|照顾|关心|服务)大|大客户优先|优先(?:照顾|服务|安排)?大|都给了?大|给大客户|大户优先|二等公民|可有可无|没有?存在感|边缘化|不受待见`],
  ['small-customer-neglect', 2, r`大客户|大户|大店|大代理|大经销商|ka客户`],
  ['small-customer-neglect', 2, r`(?:小${G}?(?:客户|户|店|代理|经销商)|散户)${G}{0,8}?(?:没人|被|无人)`],
  ['small-customer-neglect', 3, r`(?:促销|资源|支持|活动|政策)${G}{0,8}?大(?:客户|户|店|代理)`],
  ['small-customer-neglect', 3.5, r`\bsmall(?:er)?\s+(?:customers?|accounts?|clients?|shops?|stores?|buyers?|dealers?|retailers?|business(?:es)?|guys?|fish|players?|orders?|volume|potatoes|fry|resellers?|partners?)\b|\btoo small\b|\bmom[- ]and[- ]pop\b|\blow[- ](?:volume|tier|value) (?:customers?|accounts?|clients?)\b|\bsmb\b|\btier[- ](?:c|3|three)\b`],
  ['small-customer-neglect', 2, r`\b(?:big|large|key|major|bigger|larger|top|vip|strategic|enterprise) (?:accounts?|customers?|clients?|players?|buyers?|dealers?|guys)\b`],
  ['small-customer-neglect', 4, r`\b(?:only|just|mainly)\s+(?:\w+\s+)?(?:cared|care|cares|focus(?:ed|es)?|looked after|look after|serv(?:ed|es))\s+(?:about\s+|on\s+)?(?:the\s+)?(?:big|large|key|major|bigger)\b|\bfavou?r(?:ed|s|ing)?\s+(?:the\s+)?(?:big|large|bigger|key)\b|\bpromotions? (?:only )?(?:for|to|went to) (?:the )?(?:big|large|key|bigger)\b|\bbig (?:guys|accounts|customers) got\b|\bprioriti[sz]ed (?:the )?(?:big|large|key|bigger)\b`],
  ['small-customer-neglect', 3.5, r`\b(?:felt|feel|feels|feeling)\s+(?:\w+\s+)?(?:ignored|neglected|overlooked|unimportant|unvalued|undervalued|unappreciated|like (?:a |an )?(?:afterthought|low priority|second-class|number|nobody)|second-class|left out|forgotten|deprioriti[sz]ed|not (?:valued|important|a priority|appreciated))\b|\blow priority\b|\bnot a priority\b|\bdeprioriti[sz]ed\b|\bsecond-class\b|\bafterthought\b|\bnot worth (?:our|their|the) time\b|\bnot valued\b|\bunimportant\b|\bundervalued\b`],

  // no-contact
  ['no-contact', 4.5, r`(?:长期|很久|好久|许久|半年|一年|一年多|大半年|几个月|长时间|多年|一直|很长时间|好几个月|很长一段时间|\d+个?月|两个月|三个月|半年多|几年)${G}{0,3}?(?:没|没有|未|不|没人|无人)人?(?:联系|联络|拜访|拜仿|拜方|走访|回访|跟进|沟通|来往|打过?电话|电话|见面|见过|见到|上门|问候|跟|去过?|过去|来过|理|管|关心|维护)`],
  ['no-contact', 3.5, r`(?:没|没有|没人|无人|缺少|缺乏|很少|极少|疏于|不|未)人?(?:主动)?(?:联系|联络|拜访|拜仿|拜方|走访|回访|跟进|跟踪|维护|上门|问候|沟通|关心|维系|关怀)`],
  ['no-contact', 3.5, r`忘了我们|把我们忘了|忘记我们|没人管|无人管|没人问|无人问津|没人关心|没人理|失联|断联|断了联系|联系(?:少|太少|不够|不及时|中断|断了)|沟通(?:少|太少|不够|不足|不畅)|跟进不(?:够|及时|到位)|回访不(?:够|及时|到位)|自然流失|没再(?:去|来往|联系|拜访|上门|跟进)|慢慢(?:就)?(?:不|没)(?:来|下单|订|进货|买|联系)|渐渐|不知不觉|淡了|关系(?:淡|疏远|冷)|疏远|冷淡了|没有?(?:维护|经营)好?(?:关系|客情)|客情${G}{0,3}?(?:淡|差|没维护|维护不够)`],
  ['no-contact', 1.5, r`拜访|回访|跟进|联系|维护|客情`],
  ['no-contact', 4.5, r`\b(?:no|zero|lack of|poor|little|minimal|infrequent|not enough|insufficient)\s+(?:regular\s+)?(?:follow[- ]?ups?|followups?|contact|communication|touch ?points?|touch|visits?|check-?ins?|engagement|relationship management|account management|outreach)\b`],
  ['no-contact', 4.5, r`\b(?:no ?one|nobody|never|didn't|did not|hadn't|haven't|hasn't|not|wasn't|weren't|rarely|seldom|barely|hardly ever|never once)\s+(?:had\s+|has\s+|have\s+)?(?:been\s+|ever\s+|really\s+|once\s+|even\s+)?(?:follow(?:ed)?[- ]?up|followup|visit(?:ed)?|contact(?:ed)?|call(?:ed)?(?! back)|check(?:ed)? in|reach(?:ed)? out|touch(?:ed)? base|heard from|kept in touch|stay(?:ed)? in touch|spoke|spoken|talked|met|engaged)\b`],
  ['no-contact', 4, r`\b(?:lost touch|out of touch|went (?:quiet|silent|dark|cold)|radio silence|ghosted|drifted(?: away| off)?|faded away|fizzled(?: out)?|relationship (?:faded|cooled|died|went cold)|forgot (?:about )?(?:them|the customer|the account|the client)|natural (?:churn|attrition|loss)|no one (?:was )?(?:managing|handling|looking after) (?:the|this|their) account|unmanaged|orphan(?:ed)? account)\b`],
  ['no-contact', 4, r`\bstopped (?:calling|visiting|contacting|following up)\b`],
  ['no-contact', 2, r`\b(?:slowly |just |gradually )?stopped (?:ordering|buying)\b`],
  ['no-contact', 4.5, r`\b(?:months|a year|over a year|ages|a long time|long time|years|weeks|quarters?|\d+ (?:months|weeks|years))\s+(?:without|with no|since (?:the |our )?last|of no|no)\s+(?:a |any )?(?:visits?|contact|calls?|communication|follow[- ]?ups?|touch|word|check-?ins?)\b|\blast (?:visit|contact|call) (?:was )?(?:months|a year|ages|years|over a year)\b`],
  ['no-contact', 1.5, r`\bfollow[- ]?ups?\b|\bfollowups?\b|\bcheck-?ins?\b|\bvisits?\b|\bcontact\b|\bcommunication\b|\boutreach\b`],

  // market-volatility
  ['market-volatility', 4.5, r`倒闭|破产|跑路|资金链|清算|资不抵债|注销|停业|歇业|停产|关停|黄了|垮了|垮掉|做不下去|撑不下去|干不下去|经营不下去`],
  ['market-volatility', 3.5, r`关门|关店|关厂|关了|停了`],
  ['market-volatility', 3.5, r`资金${G}{0,2}?(?:紧张|周转|困难|问题|短缺|断了|不足|压力|吃紧)|周转(?:不开|不灵|困难)|缺钱|没钱|欠款|欠债|欠${G}{0,4}?债|债务|(?:老板|人)跑了|负债|拖欠货款|付不起|付不出|经营(?:困难|不善|惨淡|状况不好|问题)|生意${G}{0,2}?(?:不好|差|难做|不行|惨淡|下滑|冷清|萎缩)|行业${G}{0,2}?(?:不景气|下滑|萎缩|低迷|寒冬|洗牌|不行|不好)|不景气|经济(?:下行|不好|差|形势|环境|危机|萧条)|萧条|市场${G}{0,2}?(?:不好|低迷|萎缩|下滑|波动|变化|行情|不景气|饱和)|行情${G}{0,2}?(?:不好|差|不行)|撑不住|疫情|封控|封城|裁员|减产|限产|停工|减员|缩减(?:开支|规模|采购|预算)|收缩|砍预算|预算(?:削减|砍|缩减|紧张|压缩|减少)|削减(?:预算|开支|成本)|降本|被${G}{0,6}?(?:收购|兼并|并购)|收购|兼并|合并|重组|并购|高层(?:矛盾|变动|动荡|内斗)|内斗|股东(?:矛盾|纠纷|变动)|撤资|公司(?:出事|出问题|不行了)|亏损|亏本|亏钱|赔钱|亏了|订单(?:减少|下滑|少了|锐减|骤减|没了)|需求(?:下降|减少|萎缩)|国家政策|政府|监管|环保|整治|整顿|关税|贸易战|汇率`],
  ['market-volatility', 3, r`火灾|洪水|水灾|地震|台风|灾害|天灾|意外|事故|战争`],
  ['market-volatility', 4.5, r`\bout of business\b|\bwent (?:out of business|under|bust|bankrupt|belly[- ]up)\b|\bbankru\w*|\binsolven(?:t|cy)\b|\bliquidat\w*|\bchapter (?:7|11)\b|\bclos(?:ed|ing) (?:down|shop|doors|for good|permanently|the business|their (?:doors|business|shop|store)|up shop)\b|\bshut(?:ting)? (?:down|their doors|up shop)\b|\bshutdown\b|\bceased (?:trading|operations)\b|\bfolded\b|\breceivership\b|\b(?:went into|entered|in) administration\b|\bwound up\b|\bdefunct\b|\bno longer (?:in business|operating|trading)\b`],
  ['market-volatility', 3.5, r`\bcash[- ]?flow\b|\bfunding\b|\bran out of (?:money|cash|funds)\b|\bcash (?:crunch|problems?|issues?|strapped|shortage)\b|\bfinancial (?:troubles?|difficult(?:y|ies)|problems?|issues?|distress|hardship|reasons)\b|\b(?:can't|couldn't|could not|cannot|unable to) pay\b|\bunpaid invoices\b|\bdebts?\b|\b(?:budget|cost|spending) cuts?\b|\bcut(?:ting)? (?:\w+ )?(?:budgets?|costs|spending)\b|\bcost[- ]cutting\b|\bdownsiz\w*|\blayoffs?\b|\brestructur\w*|\bacquired\b|\bacquisition\b|\bmerger\b|\bmerged\b|\bbought out\b|\btaken over\b|\btakeover\b|\bdownturn\b|\brecession\b|\bslowdown\b|\bslump\w*|\beconom(?:y|ic|ics)\b|\bmarket (?:crash|conditions|downturn|collapse|decline|volatility|changes?|shifts?|dropped)\b|\bindustry (?:decline|downturn|slump|crisis|collapse)\b|\bcovid\b|\bpandemic\b|\blockdowns?\b|\btariffs?\b|\bsanctions\b|\binflation\b|\bdemand (?:dropped|fell|declined|collapsed|is down|was down|dried up)\b|\bbusiness (?:slow|bad|down|declined|dropped|dried up|slowed|is slow|was slow|struggling|failing|tanked)\b|\bstruggling\b|\bsales (?:dropped|down|declined|fell|collapsed)\b`],
  ['market-volatility', 3, r`\bclosed\b|\bclosing\b|\bshut\b|\bfire\b|\bflood(?:ed|ing|s)?\b|\bearthquake\b|\bhurricane\b|\btyphoon\b|\bdisaster\b`],

  // customer-circumstances
  ['customer-circumstances', 4.5, r`搬家|搬迁|搬走|搬到|搬去|搬离|迁到|迁往|迁去|外迁|迁址|迁厂|移民|出国|定居|回老家|回国|回乡|离开本地|去外地|到外地|去了外地|转行|改行|不做这行|不干这行|退休|养老|去世|过世|病逝|身故|离世|生病|患病|重病|住院|身体(?:不好|原因|出了问题|不行)|怀孕|生孩子|生小孩|坐月子|带孩子|毕业|换工作|换了(?:份)?工作|工作调动|调到外地|家里(?:有事|原因|出事)|家庭原因|个人原因|私人原因|结婚|出嫁`],
  ['customer-circumstances', 3.5, r`转让|盘出去|盘给|卖掉了?(?:店|公司|门店|生意)|拆迁|转型|改做别的(?!品牌|牌子|厂|家)|不再需要|用不上|用不到|不需要了|没有?需求了?|需求没了|不做了|不干了`],
  ['customer-circumstances', 2.5, r`不用了`],
  ['customer-circumstances', 3.5, r`年纪大|年龄大|岁数大`],
  ['customer-circumstances', 2, r`不想干了|不想做了`],
  ['customer-circumstances', 4.5, r`\bmov(?:ed|ing|es)\b(?!\s+on\b)(?!\s+(?:over\s+)?to\s+(?:a |an |another |other |the |some |new |different |cheaper |their )*${EN_VENDOR}\b)|\brelocat\w*|\bemigrat\w*|\bimmigrat\w*|\bleft (?:the )?(?:country|town|city|area|state|region|province)\b|\bretir(?:ed|ing|ement|es)\b|\bpassed away\b|\bdied\b|\bdeceased\b|\bdeath\b|\billness\b|\bsick\b|\bill\b|\bhospital\w*|\bhealth (?:reasons|issues|problems)\b|\b(?:personal|family) (?:reasons|issues|matters|circumstances)\b|\bgraduat\w*|\bchanged (?:jobs?|careers?|industr(?:y|ies)|line of business|trades?)\b|\bcareer change\b|\bnew job\b|\bno longer (?:needs?|needed|requires?|required|uses?|using|in need)\b|\b(?:doesn't|don't|didn't|does not|do not|did not) need (?:it|us|the (?:product|service)|them|our \w+)(?: anymore| any more)?\b|\bsold (?:the|their|his|her|its) (?:business|shop|store|company|restaurant|practice)\b|\bpregnan\w*|\bmaternity\b|\bout of (?:the )?(?:country|area)\b|\bpivot\w*`],
];

interface CompiledRule {
  cause: CauseId;
  weight: number;
  re: RegExp;
  /** Which scripts the rule's literals are written in: a rule can only match text that has one. */
  cjk: boolean;
  latin: boolean;
}

const HAS_CJK = /[\u3400-\u9fff]/;
const HAS_LATIN = /[a-z]/;
// Escapes (\b, \s, \w, \d, \u…) are not literals.
const literals = (src: string) => src.replace(/\\(?:u[0-9a-f]{4}|[a-zA-Z])/g, '');

const COMPILED: CompiledRule[] = RULES.map(([cause, weight, src]) => ({
  cause,
  weight,
  re: new RegExp(src, 'g'),
  cjk: HAS_CJK.test(literals(src)),
  latin: HAS_LATIN.test(literals(src)),
}));

/** A negation right before a cue ("not the price", "no problem with quality", "不是价格", "不贵"). */
const PRE_NEG =
  /(?:\b(?:not|never|wasn't|isn't|weren't|aren't|no|nothing|without)(?:\s+(?:really|just|only|about|because|due|to|of|the|a|an|that|so|too|very|our|their|its|his|her|any|had|have|has|been|was|were|is|are|problems?|issues?|complaints?|wrong|with|related))*\s*|(?:不是|并非|并不是|不算|并不|没有|没|不|无关)(?:因为|由于|说)?(?:你们|我们|他们)?的?)$/;
/** An all-clear right after a cue ("price was fine", "质量没问题", "价格还行"). */
const POST_NEG =
  /^\s*(?:(?:is|was|were|are|'s|has been|had been|seemed|seems|itself|wise|-wise|always|actually|totally|quite|pretty|perfectly)\s*)*(?:fine|ok|okay|good|great|reasonable|competitive|acceptable|decent|solid|excellent|not (?:an? |the )?(?:issue|problem|reason|factor|concern)|no (?:issue|problem)s?|never (?:an? )?(?:issue|problem)|(?:wasn't|isn't|weren't|aren't) (?:an? |the )?(?:issue|problem|reason|factor|concern))\b|^(?:方面|上|这块|这边|倒是|其实|本身|都|也|还|的话|问题)*(?:还行|还可以|可以(?=$|\s|但|就|只|不过|可是)|没有?(?:什么|啥)?问题|不是(?:什么)?问题|不是(?:主要)?原因|问题不大|没毛病|挺好|不错|合理|并?不(?:差|坏|算(?:差|贵|高)|太差)|不贵|还好|ok|也行|公道|不高|正常(?=$|\s)|稳定(?=$|\s)|没得说|没话说|没关系|无关|(?:很|都|也)?好(?=$|\s|的|啊|呀)|满意|可接受|能接受|没意见)/;

const UNKNOWN_RE =
  /(?:^|\b)(?:don't know|do not know|dunno|idk|unknown|not known|n\/?a|not sure|unsure|none|nil|null|no reason(?: given)?|not given|not specified|unspecified|others?|misc(?:ellaneous)?|tbd|tbc)(?:\b|$)|不知道|不清楚|原因不明|不明|不详|其他|其它|未知|没说|没讲|未说明|未填|待定|待确认|^[\s?？\-/.…x无]*$/;

const THRESHOLD = 0.35;
/** Score at which the strength of the evidence reaches 1 − 1/e. */
const SCALE = 2.5;

function isNegated(s: string, seg: Segment, at: number, end: number): boolean {
  const pre = s.slice(Math.max(seg.start, at - 40), at);
  if (PRE_NEG.test(pre)) return true;
  const post = s.slice(end, seg.end);
  return POST_NEG.test(post);
}

/** Weight of further cues for the same cause in the same segment (the strongest counts fully). */
const EXTRA_CUE = 0.5;

function score(s: string): Map<CauseId, { score: number; first: number }> {
  const segs = segment(s);
  const segOf = (pos: number) => {
    for (let i = 0; i < segs.length; i++) if (pos < segs[i].end) return i;
    return segs.length - 1;
  };
  // cause → segment → { max, sum } of the weights of the rules that matched there
  const hits = new Map<CauseId, { first: number; bySeg: Map<number, { max: number; sum: number }> }>();
  // Skipping rules written in a script the text does not use halves the work on most reasons.
  const cjk = HAS_CJK.test(s);
  const latin = HAS_LATIN.test(s);
  for (const rule of COMPILED) {
    if (!((cjk && rule.cjk) || (latin && rule.latin))) continue;
    rule.re.lastIndex = 0;
    let counted = -1; // last segment this rule was counted in
    for (let m = rule.re.exec(s); m; m = rule.re.exec(s)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      const si = segOf(end - 1);
      if (si === counted) continue;
      const seg = segs[si];
      if (isNegated(s, { ...seg, start: Math.min(seg.start, segs[segOf(m.index)].start) }, m.index, end)) continue;
      counted = si;
      let h = hits.get(rule.cause);
      if (!h) hits.set(rule.cause, (h = { first: m.index, bySeg: new Map() }));
      h.first = Math.min(h.first, m.index);
      const cur = h.bySeg.get(si);
      if (cur) {
        cur.max = Math.max(cur.max, rule.weight);
        cur.sum += rule.weight;
      } else h.bySeg.set(si, { max: rule.weight, sum: rule.weight });
    }
  }
  const out = new Map<CauseId, { score: number; first: number }>();
  for (const [cause, h] of hits) {
    let total = 0;
    for (const [si, { max, sum }] of h.bySeg) total += segs[si].weight * (max + EXTRA_CUE * (sum - max));
    out.set(cause, { score: total, first: h.first });
  }
  return out;
}

/** Classify one free-text churn reason. */
export function classifyReason(text: string): Classification {
  return classifyNormalized(normalizeReason(text ?? ''));
}

function classifyNormalized(s: string): Classification {
  if (s === '') return { cause: 'unclassified', confidence: 0 };
  const scores = [...score(s)].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first);
  if (scores.length === 0) return { cause: 'unclassified', confidence: UNKNOWN_RE.test(s) ? 0.9 : 0 };
  const [best, second] = scores;
  const s1 = best[1].score;
  const s2 = second ? second[1].score : 0;
  const strength = 1 - Math.exp(-s1 / SCALE);
  const margin = (s1 - s2) / s1;
  const confidence = Math.round(strength * (0.5 + 0.5 * margin) * 1000) / 1000;
  if (confidence < THRESHOLD) return { cause: 'unclassified', confidence };
  return { cause: best[0], confidence };
}

/** Normalised text → result, and raw text → result (skips normalising repeats). */
const cache = new Map<string, Classification>();
const rawCache = new Map<string, Classification>();
const CACHE_LIMIT = 200_000;

/** Classify many reasons; identical reasons (after normalisation) are classified once. */
export function classifyMany(texts: readonly string[]): Classification[] {
  const out: Classification[] = new Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const raw = texts[i] ?? '';
    let c = rawCache.get(raw);
    if (!c) {
      const key = normalizeReason(raw);
      c = cache.get(key);
      if (!c) {
        c = classifyNormalized(key);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, c);
      }
      if (rawCache.size >= CACHE_LIMIT) rawCache.clear();
      rawCache.set(raw, c);
    }
    out[i] = { cause: c.cause, confidence: c.confidence };
  }
  return out;
}
