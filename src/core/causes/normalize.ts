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
  '丟丢 並并 乾干 亂乱 亞亚 佈布 佔占 併并 來来 侷局 係系 俬私 倆俩 倉仓 個个 們们 側侧 備备 傢家 傭佣 傳传 債债 傷伤 傾倾 ' +
  '僅仅 價价 億亿 儘尽 償偿 優优 儲储 兇凶 兌兑 兒儿 內内 兩两 冊册 凍冻 別别 刪删 則则 剎刹 剛刚 創创 劃划 劉刘 勁劲 動动 ' +
  '務务 勞劳 勢势 勵励 匯汇 區区 協协 卹恤 卻却 卽即 厤历 厲厉 參参 吳吴 員员 唸念 問问 啓启 啟启 喚唤 喫吃 單单 嗎吗 嘖啧 ' +
  '嘗尝 噁恶 噹当 嚇吓 嚐尝 嚮向 嚴严 國国 圍围 園园 圖图 團团 埰采 執执 堅坚 報报 場场 塊块 塗涂 墊垫 墜坠 墻墙 壓压 壞坏 ' +
  '壽寿 夠够 夥伙 奪夺 奬奖 妝妆 婦妇 媽妈 嫺娴 嫻娴 嬤嬷 嬰婴 孃娘 孫孙 學学 寀采 實实 寧宁 審审 寫写 寬宽 寵宠 寶宝 將将 ' +
  '專专 對对 導导 尷尴 屆届 層层 屬属 峯峰 崗岗 嵗岁 師师 帳账 帶带 幫帮 幷并 幹干 幾几 庫库 廈厦 廚厨 廠厂 廢废 廣广 廳厅 ' +
  '弔吊 張张 強强 彆别 彔录 彙汇 彿佛 後后 從从 復复 悶闷 惡恶 惱恼 愛爱 態态 慘惨 慣惯 慮虑 慼戚 憂忧 憑凭 應应 懟怼 懶懒 ' +
  '懷怀 戰战 戲戏 戶户 拋抛 拚拼 捨舍 掙挣 掛挂 採采 揀拣 換换 損损 搖摇 搵揾 搶抢 摺折 撐撑 撥拨 撫抚 擇择 擊击 擔担 據据 ' +
  '擡抬 擬拟 擰拧 擴扩 擺摆 攏拢 攜携 攤摊 攬揽 敎教 敗败 數数 斷断 於于 旂旗 昇升 時时 暢畅 暫暂 曆历 曏向 曬晒 書书 會会 ' +
  '朮术 東东 枴拐 柺拐 査查 條条 棄弃 棟栋 楊杨 業业 極极 榘矩 榦干 構构 槍枪 樂乐 樓楼 標标 樣样 樹树 機机 橫横 檔档 檢检 ' +
  '檯台 檻槛 櫃柜 櫥橱 欄栏 權权 歡欢 歲岁 歷历 歸归 殺杀 氣气 決决 沒没 沖冲 況况 涼凉 淨净 淺浅 減减 測测 渾浑 湊凑 湯汤 ' +
  '準准 溝沟 溫温 溼湿 滌涤 滙汇 滯滞 滿满 漲涨 漸渐 潔洁 潤润 濕湿 濟济 濤涛 灑洒 灣湾 災灾 為为 無无 煙烟 煩烦 熱热 燙烫 ' +
  '營营 爛烂 爭争 爲为 爺爷 爾尔 牀床 牆墙 牴抵 牽牵 狀状 獎奖 獨独 獲获 現现 環环 產产 産产 畢毕 畫画 異异 畵画 當当 痠酸 ' +
  '瘓痪 療疗 癟瘪 癱瘫 發发 盃杯 盜盗 盡尽 監监 盤盘 盪荡 眞真 睏困 確确 碼码 磚砖 礎础 祕秘 禍祸 禮礼 稅税 種种 稱称 積积 ' +
  '穩稳 穫获 窪洼 窮穷 竄窜 競竞 筆笔 箇个 節节 範范 簡简 簽签 籃篮 籤签 籬篱 糧粮 糰团 糾纠 紀纪 約约 紅红 納纳 純纯 紗纱 ' +
  '紙纸 級级 紛纷 紡纺 細细 紹绍 終终 組组 結结 絕绝 絡络 給给 統统 絲丝 絶绝 綁绑 綑捆 經经 綫线 維维 網网 綸纶 緊紧 緒绪 ' +
  '線线 緣缘 編编 緩缓 練练 緻致 縣县 縫缝 縮缩 縴纤 總总 績绩 織织 繞绕 繫系 繳缴 繼继 續续 纍累 纔才 纖纤 罰罚 罵骂 羣群 ' +
  '義义 習习 翫玩 聯联 聲声 職职 聽听 脩修 脫脱 脹胀 腦脑 腳脚 膩腻 臉脸 臟脏 臥卧 臨临 臺台 與与 興兴 舉举 舊旧 舖铺 舘馆 ' +
  '艦舰 華华 菸烟 萬万 葉叶 著着 葯药 蓆席 蓋盖 蔘参 蕩荡 蕭萧 薦荐 藝艺 藥药 蘭兰 處处 虛虚 號号 虧亏 蝕蚀 蝦虾 蝸蜗 蟲虫 ' +
  '蠻蛮 術术 衕同 衚胡 衛卫 衝冲 裏里 補补 裝装 裡里 製制 複复 褲裤 襬摆 襯衬 覆复 覈核 見见 規规 視视 親亲 覺觉 覽览 觀观 ' +
  '觸触 訂订 計计 訊讯 訓训 託托 記记 訪访 設设 許许 訴诉 診诊 註注 証证 評评 詢询 試试 話话 該该 詳详 誇夸 誌志 認认 誘诱 ' +
  '語语 誠诚 誤误 說说 説说 誰谁 課课 調调 談谈 諉诿 請请 諾诺 謂谓 講讲 謝谢 證证 識识 譜谱 議议 護护 譽誉 讀读 變变 讓让 ' +
  '讚赞 豐丰 豬猪 貓猫 負负 財财 貨货 責责 貴贵 買买 貸贷 費费 貼贴 貿贸 賀贺 賃赁 資资 賊贼 賒赊 賠赔 賣卖 質质 賬账 賴赖 ' +
  '賺赚 購购 賽赛 贈赠 贊赞 趕赶 趙赵 跡迹 踰逾 蹟迹 蹤踪 躍跃 車车 軌轨 軍军 軟软 較较 載载 輔辅 輕轻 輛辆 輩辈 輪轮 輸输 ' +
  '轄辖 轉转 辦办 辭辞 農农 迴回 這这 連连 週周 進进 遊游 運运 過过 達达 違违 遞递 遠远 適适 遲迟 遶绕 遷迁 選选 遺遗 還还 ' +
  '邊边 郵邮 鄉乡 鄰邻 醜丑 醣糖 醫医 醬酱 釘钉 釦扣 鈡钟 鉅巨 鉆钻 銀银 銳锐 銷销 銹锈 鋒锋 鋪铺 鋭锐 錄录 錢钱 錯错 録录 ' +
  '錶表 鍋锅 鍘铡 鍵键 鍾钟 鎖锁 鎭镇 鎮镇 鏈链 鏽锈 鐘钟 鑽钻 長长 門门 閃闪 閉闭 開开 間间 閘闸 閤合 閱阅 閲阅 闆板 闖闯 ' +
  '關关 陞升 陰阴 陳陈 陸陆 陽阳 隊队 階阶 際际 隨随 險险 隱隐 隻只 雖虽 雙双 雜杂 離离 難难 雲云 電电 靈灵 靜静 鞦秋 韆千 ' +
  '韓韩 響响 頁页 頂顶 項项 順顺 須须 預预 頓顿 領领 頭头 頻频 顆颗 題题 額额 顏颜 顔颜 願愿 類类 顧顾 顯显 風风 颱台 飄飘 ' +
  '飛飞 飯饭 飲饮 飼饲 飽饱 飾饰 餅饼 養养 餘余 館馆 餬糊 餵喂 饋馈 馬马 駐驻 駕驾 駡骂 騙骗 騰腾 驗验 驛驿 驟骤 驢驴 髒脏 ' +
  '體体 髮发 鬆松 鬍胡 鬚须 鬥斗 鬧闹 魯鲁 鮮鲜 鴿鸽 鶴鹤 麗丽 麪面 麫面 麵面 麼么 麽么 黃黄 點点 鼕冬 齊齐 齡龄 齣出';

/**
 * Cantonese characters with a one-character Mandarin equivalent (唔 → 不, 咗 → 了, 嘅 → 的 …), so a
 * reason written in Hong Kong Cantonese shares its n-grams with the Mandarin ones.
 */
const CANTONESE_PAIRS = '唔不 冇没 咗了 嘅的 佢他 哋们 啲些 喺在 俾给 畀给 嗰那 睇看 嚟来 攞拿 搵找 揾找 諗想';

const T2S = new Map<string, string>();
for (const pair of `${T2S_PAIRS} ${CANTONESE_PAIRS}`.split(' ')) if (pair.length === 2) T2S.set(pair[0], pair[1]);
/** T2S by UTF-16 code: the Simplified code of each Traditional one, 0 for a character that stays. */
const T2S_CODE = new Uint16Array(0x10000);
for (const [traditional, simple] of T2S) T2S_CODE[traditional.charCodeAt(0)] = simple.charCodeAt(0);

/** Traditional characters mapped to Simplified (for tests and the training script's report). */
export function toSimplified(text: string): string {
  // A table lookup per character: most texts have nothing to map and come back as they are.
  for (let i = 0; i < text.length; i++) {
    if (T2S_CODE[text.charCodeAt(i)] === 0) continue;
    let out = text.slice(0, i);
    for (let j = i; j < text.length; j++) {
      const to = T2S_CODE[text.charCodeAt(j)];
      out += to === 0 ? text[j] : String.fromCharCode(to);
    }
    return out;
  }
  return text;
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

/** Any quote, bracket or "_" the next two replacements change: most reasons have none. */
const QUOTES_OR_BRACKETS = /[’‘`´“”"「」『』【】《》()[\]{}<>_]/;
/** Whitespace that collapsing changes: two in a row, or any but a plain space. */
const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;

export function normalizeReason(text: string): string {
  // NFKC changes nothing in plain ASCII, which has no Chinese either.
  const ascii = /^[\x00-\x7f]*$/.test(text);
  let s = (ascii ? text : text.normalize('NFKC')).toLowerCase();
  if (!ascii && /[\u3400-\u9fff]/.test(s)) s = toSimplified(s);
  if (QUOTES_OR_BRACKETS.test(s)) s = s.replace(/[’‘`´]/g, "'").replace(/[“”"「」『』【】《》()[\]{}<>_]/g, ' ');
  if (ANY_ABBREVIATION.test(s)) for (const [re, to] of ABBREVIATIONS) s = s.replace(re, to);
  return (SPACES_TO_COLLAPSE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}
