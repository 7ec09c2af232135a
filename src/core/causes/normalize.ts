// The canonical form of a churn reason: what the classifier reads, what the user's corrections are
// keyed by, and the cache key. NFKC (full-width → half-width), lower case, Traditional →
// Simplified (and common Cantonese characters to Mandarin), quotes and brackets to spaces, "_" to
// a space, common English abbreviations spelled out, whitespace collapsed.

/**
 * Traditional → Simplified, one character each: OpenCC's TSCharacters (Apache-2.0) for every
 * character whose Simplified form occurs in the corpus or the rules, with the older hand table's
 * choices where they differ (帳 → 账 as in accounts).
 */
const T2S_PAIRS =
  '丟丢 並并 乾干 亂乱 佔占 併并 來来 係系 俬私 倉仓 個个 們们 備备 傢家 傭佣 傳传 債债 傾倾 價价 儘尽 優优 兇凶 兌兑 兒儿 ' +
  '內内 兩两 冊册 凍冻 別别 則则 剛刚 劃划 劉刘 勁劲 動动 務务 勞劳 勢势 勵励 匯汇 區区 協协 卻却 卽即 厤历 參参 員员 唸念 ' +
  '問问 啓启 啟启 喚唤 喫吃 單单 嗎吗 噁恶 噹当 嚇吓 嚮向 嚴严 國国 圍围 圖图 團团 埰采 執执 報报 場场 塊块 墻墙 壓压 壞坏 ' +
  '壽寿 夠够 奪夺 奬奖 妝妆 孃娘 孫孙 學学 寀采 實实 寧宁 寫写 寵宠 寶宝 將将 專专 對对 導导 屆届 層层 屬属 崗岗 嵗岁 師师 ' +
  '帳账 帶带 幫帮 幷并 幹干 幾几 庫库 廈厦 廠厂 廢废 廣广 廳厅 張张 強强 彆别 彔录 彙汇 後后 從从 復复 惡恶 惱恼 愛爱 態态 ' +
  '慘惨 慣惯 慮虑 慼戚 憂忧 應应 懟怼 懶懒 懷怀 戰战 戶户 拋抛 拚拼 捨舍 掙挣 掛挂 採采 換换 損损 搖摇 搵揾 搶抢 摺折 撐撑 ' +
  '撥拨 擇择 擔担 據据 擡抬 擺摆 攏拢 攬揽 數数 斷断 於于 旂旗 時时 暢畅 暫暂 曆历 曏向 曬晒 書书 會会 朮术 東东 枴拐 柺拐 ' +
  '査查 條条 棄弃 業业 極极 榦干 構构 樂乐 樓楼 標标 樣样 機机 橫横 檯台 檻槛 櫃柜 權权 歡欢 歲岁 歷历 歸归 殺杀 氣气 決决 ' +
  '沒没 沖冲 況况 涼凉 減减 測测 湊凑 湯汤 準准 溝沟 滙汇 滯滞 滿满 漲涨 漸渐 潤润 濟济 灑洒 災灾 為为 無无 煙烟 煩烦 熱热 ' +
  '營营 爛烂 爭争 爲为 爾尔 牆墙 牴抵 牽牵 狀状 獎奖 獨独 現现 環环 產产 産产 畢毕 畫画 異异 畵画 當当 療疗 發发 盡尽 監监 ' +
  '盤盘 盪荡 眞真 睏困 確确 碼码 祕秘 禮礼 稅税 種种 稱称 積积 穩稳 竄窜 競竞 筆笔 箇个 節节 範范 簡简 簽签 籤签 糧粮 糰团 ' +
  '糾纠 紀纪 約约 紅红 純纯 紙纸 級级 紛纷 細细 紹绍 終终 組组 結结 絡络 給给 統统 絲丝 綁绑 綑捆 經经 綫线 維维 網网 緊紧 ' +
  '緒绪 線线 緣缘 緩缓 緻致 縣县 縮缩 縴纤 總总 績绩 繫系 續续 纍累 纔才 纖纤 罰罚 罵骂 羣群 翫玩 聯联 聲声 職职 聽听 脩修 ' +
  '脫脱 腳脚 臉脸 臨临 臺台 與与 興兴 舉举 舊旧 舖铺 舘馆 艦舰 菸烟 萬万 著着 蔘参 蕩荡 蕭萧 薦荐 藥药 處处 虛虚 號号 虧亏 ' +
  '蝦虾 蠻蛮 術术 衕同 衚胡 衝冲 裏里 補补 裝装 裡里 製制 複复 襬摆 覆复 覈核 見见 規规 視视 親亲 覺觉 觀观 訂订 計计 訊讯 ' +
  '訓训 記记 訪访 設设 許许 訴诉 註注 証证 評评 試试 話话 詳详 認认 誘诱 誠诚 誤误 說说 説说 誰谁 調调 談谈 諉诿 請请 諾诺 ' +
  '謂谓 講讲 證证 識识 譜谱 議议 護护 譽誉 讀读 變变 讓让 豐丰 貓猫 負负 財财 貨货 責责 貴贵 買买 貸贷 費费 貼贴 貿贸 資资 ' +
  '賊贼 賒赊 賠赔 賣卖 質质 賬账 賴赖 賺赚 購购 贈赠 蹤踪 躍跃 車车 軟软 較较 輛辆 輸输 轉转 辦办 辭辞 農农 迴回 這这 連连 ' +
  '週周 進进 遊游 運运 過过 達达 違违 遞递 遠远 適适 遲迟 遷迁 選选 還还 邊边 郵邮 鄉乡 鄰邻 醫医 醬酱 釦扣 鈡钟 鉅巨 鉆钻 ' +
  '銀银 銳锐 銷销 銹锈 鋪铺 鋭锐 錄录 錢钱 錯错 録录 錶表 鍵键 鍾钟 鎖锁 鎭镇 鎮镇 鏈链 鏽锈 鐘钟 鑽钻 長长 門门 閃闪 閉闭 ' +
  '開开 間间 閤合 闆板 闖闯 關关 陰阴 陳陈 陸陆 隊队 際际 隨随 險险 隱隐 隻只 雖虽 雙双 雜杂 離离 難难 電电 靈灵 靜静 鞦秋 ' +
  '韆千 響响 頁页 項项 須须 預预 頓顿 頭头 頻频 題题 額额 顏颜 顔颜 願愿 類类 顧顾 顯显 風风 颱台 飯饭 飲饮 飼饲 飽饱 餅饼 ' +
  '養养 餘余 館馆 饋馈 馬马 駡骂 騙骗 騰腾 驗验 驛驿 驟骤 體体 髮发 鬆松 鬍胡 鬚须 鬥斗 鬧闹 魯鲁 鮮鲜 麪面 麫面 麵面 麼么 ' +
  '麽么 黃黄 點点 鼕冬 齊齐 齡龄 齣出';

/**
 * Cantonese characters with a one-character Mandarin equivalent (唔 → 不, 咗 → 了, 嘅 → 的 …), so a
 * reason written in Hong Kong Cantonese shares its n-grams with the Mandarin ones.
 */
const CANTONESE_PAIRS = '唔不 冇没 咗了 嘅的 佢他 哋们 啲些 喺在 俾给 畀给 嗰那 睇看 嚟来 攞拿 搵找 揾找 諗想';

const T2S = new Map<string, string>();
for (const pair of `${T2S_PAIRS} ${CANTONESE_PAIRS}`.split(' ')) if (pair.length === 2) T2S.set(pair[0], pair[1]);
const T2S_RE = new RegExp(`[${[...T2S.keys()].join('')}]`, 'g');

/** Traditional characters mapped to Simplified (for tests and the training script's report). */
export function toSimplified(text: string): string {
  return text.replace(T2S_RE, (c) => T2S.get(c) ?? c);
}

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

/** Canonical form used for matching, as the key of the user's corrections and as the cache key. */
/** Any abbreviation at all: most reasons have none and skip the list. */
const ANY_ABBREVIATION = new RegExp(ABBREVIATIONS.map(([re]) => re.source).join('|'));

export function normalizeReason(text: string): string {
  // NFKC changes nothing in plain ASCII.
  let s = (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC')).toLowerCase();
  if (/[\u3400-\u9fff]/.test(s)) s = s.replace(T2S_RE, (c) => T2S.get(c) ?? c);
  s = s.replace(/[’‘`´]/g, "'").replace(/[“”"「」『』【】《》()[\]{}<>_]/g, ' ');
  if (ANY_ABBREVIATION.test(s)) for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  return s.replace(/\s+/g, ' ').trim();
}
