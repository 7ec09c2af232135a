// Churn cause taxonomy: ten causes a supplier can act on, two it cannot, and "unclassified".
// Descriptions and strategies are written in our own words from the facts in the seed articles
// (Chinese and English pieces on why distributors/customers are lost and how to keep them).
import type { CauseId } from '../types';

export type Lang = 'en' | 'zh-Hans' | 'zh-Hant';

export interface CauseDef {
  id: CauseId;
  /** true: the supplier can act on it; false: outside its control; null: unknown (unclassified). */
  controllable: boolean | null;
  name: Record<Lang, string>;
  description: Record<Lang, string>;
  signs: Record<Lang, string>;
  strategies: Record<Lang, string[]>;
}

/**
 * Reference split of lost customers. The seed article on retail churn estimates that losses the
 * business cannot control (moving house, emigrating, changing jobs, graduating) make up roughly
 * 10% of all lost customers; the remaining ~90% stem from things the supplier can influence.
 */
export const BENCHMARK = { controllable: 0.9, uncontrollable: 0.1 } as const;

export const CAUSES: readonly CauseDef[] = [
  {
    id: 'staff-turnover',
    controllable: true,
    name: { en: 'Staff turnover', 'zh-Hans': '人员流动', 'zh-Hant': '人員流動' },
    description: {
      en: 'The sales rep or account manager left and the customer went with them or drifted away.',
      'zh-Hans': '业务员或客户经理离职后，客户跟着走了或无人接手而流失。',
      'zh-Hant': '業務員或客戶經理離職後，客戶跟著走了或無人接手而流失。',
    },
    signs: {
      en: 'Several customers of one rep stop ordering shortly after that rep leaves.',
      'zh-Hans': '某个业务员离职后不久，他负责的几家客户相继停止进货。',
      'zh-Hant': '某個業務員離職後不久，他負責的幾家客戶相繼停止進貨。',
    },
    strategies: {
      en: [
        'Require a proper account handover with a joint visit before a rep leaves.',
        "Use after-sales service and repairs to find the customer's new contact person and rebuild the relationship.",
        'Keep key accounts known to a manager too, not only to one rep.',
      ],
      'zh-Hans': [
        '业务员离职前做好客户交接，新老负责人一起拜访。',
        '借售后服务和维修找到客户的新对接人，重新建立关系。',
        '重点客户同时由主管掌握，不只依赖一个业务员。',
      ],
      'zh-Hant': [
        '業務員離職前做好客戶交接，新舊負責人一起拜訪。',
        '借售後服務和維修找到客戶的新對接人，重新建立關係。',
        '重點客戶同時由主管掌握，不只依賴一個業務員。',
      ],
    },
  },
  {
    id: 'competitor',
    controllable: true,
    name: { en: 'Competitor', 'zh-Hans': '竞争对手', 'zh-Hant': '競爭對手' },
    description: {
      en: 'A competitor won the customer over with a better offer, product or relationship.',
      'zh-Hans': '竞争对手用更好的条件、产品或关系把客户挖走。',
      'zh-Hant': '競爭對手用更好的條件、產品或關係把客戶挖走。',
    },
    signs: {
      en: 'Orders shrink while the customer starts splitting purchases with another brand.',
      'zh-Hans': '订单变少，客户开始把一部分货分给别的品牌。',
      'zh-Hant': '訂單變少，客戶開始把一部分貨分給別的品牌。',
    },
    strategies: {
      en: [
        'Build quality and service the end users recognise, so an intermediary cannot simply swap you out.',
        'When a customer starts splitting orders with a competitor, give more attention and better terms before they leave.',
        'Know which competitor is courting your key accounts and what they offer.',
      ],
      'zh-Hans': [
        '做出终端用户认可的质量和服务，让中间商无法轻易把你换掉。',
        '发现客户把订单分给竞争对手时，在他离开前加大关注、给出更好的条件。',
        '掌握哪家竞争对手在接触你的重点客户、开出什么条件。',
      ],
      'zh-Hant': [
        '做出終端用戶認可的品質和服務，讓中間商無法輕易把你換掉。',
        '發現客戶把訂單分給競爭對手時，在他離開前加大關注、給出更好的條件。',
        '掌握哪家競爭對手在接觸你的重點客戶、開出什麼條件。',
      ],
    },
  },
  {
    id: 'price',
    controllable: true,
    name: { en: 'Price', 'zh-Hans': '价格', 'zh-Hant': '價格' },
    description: {
      en: 'The customer found the price too high, disliked a price rise or extra charges.',
      'zh-Hans': '客户嫌价格太高、不接受涨价或额外收费。',
      'zh-Hant': '客戶嫌價格太高、不接受漲價或額外收費。',
    },
    signs: {
      en: 'Haggling on every order, questions about cheaper quotes, churn right after a price change.',
      'zh-Hans': '每单都压价，常拿别家更低的报价比较，调价后客户流失。',
      'zh-Hant': '每單都壓價，常拿別家更低的報價比較，調價後客戶流失。',
    },
    strategies: {
      en: [
        'Explain the value behind the price (quality, service, delivery) rather than only cutting it.',
        'Announce price changes early and offer volume or loyalty terms to regular buyers.',
        'Review extra fees and charges that surprise customers on the invoice.',
      ],
      'zh-Hans': [
        '讲清价格背后的价值（质量、服务、交付），而不是只降价。',
        '调价提前通知，对老客户给出量价或忠诚优惠。',
        '清理让客户意外的附加收费。',
      ],
      'zh-Hant': [
        '講清價格背後的價值（品質、服務、交付），而不是只降價。',
        '調價提前通知，對老客戶給出量價或忠誠優惠。',
        '清理讓客戶意外的附加收費。',
      ],
    },
  },
  {
    id: 'service-negligence',
    controllable: true,
    name: { en: 'Neglected details', 'zh-Hans': '细节疏忽', 'zh-Hant': '細節疏忽' },
    description: {
      en: 'Small things were neglected: complaints not handled, slow replies, late or wrong deliveries.',
      'zh-Hans': '细节被忽视：投诉没人处理、回复慢、发货延迟或送错。',
      'zh-Hant': '細節被忽視：投訴沒人處理、回覆慢、發貨延遲或送錯。',
    },
    signs: {
      en: 'Repeated complaints, open after-sales tickets, a customer who felt slighted on a visit.',
      'zh-Hans': '反复投诉、售后问题一直挂着、客户来访时觉得被怠慢。',
      'zh-Hant': '反覆投訴、售後問題一直掛著、客戶來訪時覺得被怠慢。',
    },
    strategies: {
      en: [
        'Treat dealers as the people who feed the business: receive them properly when they come to buy.',
        'Track every complaint and after-sales request to closure with a response deadline.',
        'Check deliveries for timeliness and correctness and apologise fast when they go wrong.',
      ],
      'zh-Hans': [
        '把经销商当衣食父母：客户上门进货时要有人接待、安排周到。',
        '每个投诉和售后请求都跟踪到关闭，并设定回复时限。',
        '检查发货是否准时准确，出错时及时道歉补救。',
      ],
      'zh-Hant': [
        '把經銷商當衣食父母：客戶上門進貨時要有人接待、安排周到。',
        '每個投訴和售後請求都跟蹤到關閉，並設定回覆時限。',
        '檢查發貨是否準時準確，出錯時及時道歉補救。',
      ],
    },
  },
  {
    id: 'service-quality',
    controllable: true,
    name: { en: 'Service quality', 'zh-Hans': '服务质量', 'zh-Hant': '服務品質' },
    description: {
      en: 'Staff or support lacked skill or had a bad attitude; the service experience was poor.',
      'zh-Hans': '员工或客服不专业、态度差，服务体验不好。',
      'zh-Hant': '員工或客服不專業、態度差，服務體驗不好。',
    },
    signs: {
      en: 'Complaints about attitude or competence, low satisfaction scores after support contacts.',
      'zh-Hans': '客户抱怨态度或专业能力，服务后满意度低。',
      'zh-Hant': '客戶抱怨態度或專業能力，服務後滿意度低。',
    },
    strategies: {
      en: [
        'Train sales and support staff in product knowledge and in how to treat customers.',
        'Understand needs before the sale, be warm during it and stay in touch after it.',
        'Review support conversations and act on attitude complaints.',
      ],
      'zh-Hans': ['培训销售和客服的产品知识与待客方式。', '售前了解需求，售中热情，售后保持沟通。', '抽查客服沟通记录，认真处理态度投诉。'],
      'zh-Hant': ['培訓銷售和客服的產品知識與待客方式。', '售前了解需求，售中熱情，售後保持溝通。', '抽查客服溝通記錄，認真處理態度投訴。'],
    },
  },
  {
    id: 'product',
    controllable: true,
    name: { en: 'Product', 'zh-Hans': '产品', 'zh-Hant': '產品' },
    description: {
      en: 'Problems with the product itself: quality, stock-outs, range, features, style or reliability.',
      'zh-Hans': '产品本身的问题：质量、缺货、品类、功能、款式或稳定性。',
      'zh-Hant': '產品本身的問題：品質、缺貨、品類、功能、款式或穩定性。',
    },
    signs: {
      en: 'Returns and defect reports, frequent stock-outs, requests for items you do not carry.',
      'zh-Hans': '退货和质量反馈增多，经常缺货，客户要的品类没有。',
      'zh-Hant': '退貨和品質回饋增多，經常缺貨，客戶要的品類沒有。',
    },
    strategies: {
      en: [
        'Feed defect and return data back to production and fix recurring quality issues.',
        'Keep best sellers in stock and warn customers early about shortages.',
        'Refresh the range and styles based on what customers ask for.',
      ],
      'zh-Hans': ['把质量问题和退货数据反馈给生产，解决反复出现的问题。', '畅销品保证库存，缺货提前告知客户。', '根据客户需求更新品类和款式。'],
      'zh-Hant': ['把品質問題和退貨數據回饋給生產，解決反覆出現的問題。', '暢銷品保證庫存，缺貨提前告知客戶。', '根據客戶需求更新品類和款式。'],
    },
  },
  {
    id: 'broken-promises',
    controllable: true,
    name: { en: 'Broken promises', 'zh-Hans': '承诺未兑现', 'zh-Hant': '承諾未兌現' },
    description: {
      en: 'Promised rebates, rewards, discounts or gifts were not delivered; trust was lost.',
      'zh-Hans': '答应的返利、奖励、折扣或赠品没有兑现，失去信任。',
      'zh-Hant': '答應的返利、獎勵、折扣或贈品沒有兌現，失去信任。',
    },
    signs: {
      en: 'Customers chasing overdue rebates or reminding you of what the rep promised.',
      'zh-Hans': '客户反复催返利，或提起业务员当初的承诺。',
      'zh-Hant': '客戶反覆催返利，或提起業務員當初的承諾。',
    },
    strategies: {
      en: [
        'Promise only what the company can actually deliver, and put conditions in writing.',
        'Pay rebates and rewards on time, every time.',
        'Check what reps promise customers and honour it or correct it quickly.',
      ],
      'zh-Hans': ['只承诺能做到的事，条件写进书面约定。', '返利和奖励按时足额兑现。', '核查业务员对客户的承诺，及时兑现或说明。'],
      'zh-Hant': ['只承諾能做到的事，條件寫進書面約定。', '返利和獎勵按時足額兌現。', '核查業務員對客戶的承諾，及時兌現或說明。'],
    },
  },
  {
    id: 'harsh-policy',
    controllable: true,
    name: { en: 'Harsh policy', 'zh-Hans': '政策苛刻', 'zh-Hant': '政策苛刻' },
    description: {
      en: 'Demanding terms pushed the customer away: entry fees, stock pushing, tight payment terms, thresholds.',
      'zh-Hans': '条件苛刻把客户逼走：进场费、压货、账期紧、门槛高。',
      'zh-Hant': '條件苛刻把客戶逼走：進場費、壓貨、帳期緊、門檻高。',
    },
    signs: {
      en: 'Complaints about fees, minimum orders or payment terms; small customers dropping out after a policy change.',
      'zh-Hans': '客户抱怨费用、起订量或账期；政策调整后小客户陆续退出。',
      'zh-Hant': '客戶抱怨費用、起訂量或帳期；政策調整後小客戶陸續退出。',
    },
    strategies: {
      en: [
        'Avoid acting like a big shop that bullies customers: drop or scale entry fees for smaller accounts.',
        'Do not push more stock than the customer can sell.',
        "Offer payment terms and minimum orders that fit the customer's size.",
      ],
      'zh-Hans': ['别“店大欺客”：对小客户取消或降低进场费。', '不要压给客户卖不掉的货。', '账期和起订量要与客户规模相匹配。'],
      'zh-Hant': ['別「店大欺客」：對小客戶取消或降低進場費。', '不要壓給客戶賣不掉的貨。', '帳期和起訂量要與客戶規模相匹配。'],
    },
  },
  {
    id: 'small-customer-neglect',
    controllable: true,
    name: { en: 'Small customers neglected', 'zh-Hans': '忽视小客户', 'zh-Hant': '忽視小客戶' },
    description: {
      en: 'Small accounts were ignored in favour of big ones; promotions and attention went to large customers.',
      'zh-Hans': '只顾大客户，小客户被冷落，促销和关注都给了大客户。',
      'zh-Hant': '只顧大客戶，小客戶被冷落，促銷和關注都給了大客戶。',
    },
    signs: {
      en: 'Small accounts get no visits or promotions and quietly stop ordering.',
      'zh-Hans': '小客户没人拜访、拿不到促销，悄悄不再进货。',
      'zh-Hant': '小客戶沒人拜訪、拿不到促銷，悄悄不再進貨。',
    },
    strategies: {
      en: [
        "Remember the 80/20 rule cuts both ways: the small customers' 20% of sales often earns a higher margin.",
        'Give small accounts a simple, regular service plan and a fair share of promotions.',
        'Track small-account churn separately so it is not hidden by big accounts.',
      ],
      'zh-Hans': [
        '记住80/20法则的另一面：小客户那20%的销售额往往利润率更高。',
        '给小客户简单固定的服务计划和公平的促销机会。',
        '单独统计小客户流失，别被大客户的数据掩盖。',
      ],
      'zh-Hant': [
        '記住80/20法則的另一面：小客戶那20%的銷售額往往利潤率更高。',
        '給小客戶簡單固定的服務計劃和公平的促銷機會。',
        '單獨統計小客戶流失，別被大客戶的數據掩蓋。',
      ],
    },
  },
  {
    id: 'no-contact',
    controllable: true,
    name: { en: 'No contact', 'zh-Hans': '缺乏联系', 'zh-Hant': '缺乏聯繫' },
    description: {
      en: 'Natural loss: nobody followed up, no visits or communication for a long time.',
      'zh-Hans': '自然流失：没人跟进，长期没有拜访或沟通。',
      'zh-Hant': '自然流失：沒人跟進，長期沒有拜訪或溝通。',
    },
    signs: {
      en: 'Long gaps since the last visit or call; the customer simply stops ordering without complaint.',
      'zh-Hans': '距离上次拜访或联系很久，客户没有抱怨就不再下单。',
      'zh-Hant': '距離上次拜訪或聯繫很久，客戶沒有抱怨就不再下單。',
    },
    strategies: {
      en: [
        'Keep regular contact: calls, messages and visits on a schedule.',
        'Set a follow-up plan for every account and check it is kept.',
        'Flag customers who have not ordered for a while and call them first.',
      ],
      'zh-Hans': ['保持定期联系：电话、消息和拜访按计划进行。', '为每个客户制定回访计划并检查执行。', '标记一段时间没下单的客户，优先回访。'],
      'zh-Hant': ['保持定期聯繫：電話、訊息和拜訪按計劃進行。', '為每個客戶制定回訪計劃並檢查執行。', '標記一段時間沒下單的客戶，優先回訪。'],
    },
  },
  {
    id: 'market-volatility',
    controllable: false,
    name: { en: 'Market volatility', 'zh-Hans': '市场波动', 'zh-Hant': '市場波動' },
    description: {
      en: "The customer's business was hit: bankruptcy, cash-flow trouble, downturn, closure.",
      'zh-Hans': '客户经营受冲击：破产、资金链问题、行业下滑、倒闭。',
      'zh-Hant': '客戶經營受衝擊：破產、資金鏈問題、行業下滑、倒閉。',
    },
    signs: {
      en: 'Late payments, shrinking orders across a region or industry, news of closures.',
      'zh-Hans': '回款变慢，某地区或行业订单普遍下滑，传出倒闭消息。',
      'zh-Hant': '回款變慢，某地區或行業訂單普遍下滑，傳出倒閉消息。',
    },
    strategies: {
      en: [
        "Follow your equipment to its new owner through after-sales service: a bankrupt customer's assets are a lead.",
        'Watch payment behaviour and tighten credit early for customers in trouble.',
        'Spread the customer base across regions and industries.',
      ],
      'zh-Hans': [
        '通过售后跟踪设备的去向，找到接手的新买家，把它变成新客户。',
        '关注回款情况，对经营困难的客户提前收紧信用。',
        '客户分布到不同地区和行业，分散风险。',
      ],
      'zh-Hant': [
        '透過售後跟蹤設備的去向，找到接手的新買家，把它變成新客戶。',
        '關注回款情況，對經營困難的客戶提前收緊信用。',
        '客戶分布到不同地區和行業，分散風險。',
      ],
    },
  },
  {
    id: 'customer-circumstances',
    controllable: false,
    name: { en: 'Customer circumstances', 'zh-Hans': '客户自身原因', 'zh-Hant': '客戶自身原因' },
    description: {
      en: 'Personal changes outside your control: moving, emigration, job change, retirement, graduation, death.',
      'zh-Hans': '客户自身变化：搬家、移民、转行、退休、毕业、去世等。',
      'zh-Hant': '客戶自身變化：搬家、移民、轉行、退休、畢業、去世等。',
    },
    signs: {
      en: 'The customer tells you they are moving, retiring or changing line of business.',
      'zh-Hans': '客户提到要搬走、退休或转行。',
      'zh-Hant': '客戶提到要搬走、退休或轉行。',
    },
    strategies: {
      en: [
        'Accept it: such losses are usually about a tenth of all churn and hard to prevent.',
        'Ask for a referral to whoever takes over the shop or business.',
        'Keep the contact: a customer who moves may buy again in the new location.',
      ],
      'zh-Hans': [
        '坦然接受：这类流失通常只占一成左右，难以避免。',
        '请客户介绍接手店铺或生意的人。',
        '保留联系方式，客户搬走后可能在新地方继续合作。',
      ],
      'zh-Hant': [
        '坦然接受：這類流失通常只佔一成左右，難以避免。',
        '請客戶介紹接手店鋪或生意的人。',
        '保留聯繫方式，客戶搬走後可能在新地方繼續合作。',
      ],
    },
  },
  {
    id: 'unclassified',
    controllable: null,
    name: { en: 'Unclassified', 'zh-Hans': '未分类', 'zh-Hant': '未分類' },
    description: {
      en: 'No reason given, or the reason is too vague to assign a cause.',
      'zh-Hans': '没有填写原因，或原因太模糊无法归类。',
      'zh-Hant': '沒有填寫原因，或原因太模糊無法歸類。',
    },
    signs: {
      en: 'Empty reason fields, "other", "unknown".',
      'zh-Hans': '原因为空，或写着“其他”“不清楚”。',
      'zh-Hant': '原因為空，或寫著「其他」「不清楚」。',
    },
    strategies: {
      en: ['Ask reps to record a concrete reason when a customer is lost.', 'Call a sample of lost customers to learn the real reason.'],
      'zh-Hans': ['要求业务员在客户流失时写下具体原因。', '抽样回访流失客户，了解真实原因。'],
      'zh-Hant': ['要求業務員在客戶流失時寫下具體原因。', '抽樣回訪流失客戶，了解真實原因。'],
    },
  },
];

const byId = new Map<string, CauseDef>(CAUSES.map((c) => [c.id, c]));

export function causeById(id: string): CauseDef | undefined {
  return byId.get(id);
}

/** Display name of a cause; user-defined or unknown ids are shown as they are. */
export function causeName(id: string, lang: Lang): string {
  return byId.get(id)?.name[lang] ?? id;
}
