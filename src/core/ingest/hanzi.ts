// Text normalisation shared by header and status-value matching: full-width to ASCII, lower case,
// Traditional to Simplified (for the characters that occur in column names and status words),
// whitespace collapsed. Vocabulary is written in Simplified Chinese and lower-case English only.
import { toHalfWidth } from './values';

/** Traditional → Simplified pairs for characters of column names and status values. */
const T2S_PAIRS =
  '業业 務务 員员 離离 職职 聯联 繫系 係系 絡络 價价 錢钱 專专 態态 應应 處处 發发 貨货 轉转 閉闭 ' +
  '產产 資资 斷断 門门 進进 場场 費费 賬账 帳账 條条 銷销 戶户 顧顾 訪访 問问 電电 話话 說说 現现 ' +
  '單单 網网 與与 經经 營营 廠厂 個个 為为 來来 時时 後后 這这 過过 變变 關关 開开 長长 間间 實实 ' +
  '總总 點点 種种 統统 選选 買买 賣卖 額额 號号 線线 無无 據据 數数 驗验 類类 項项 區区 級级 別别 ' +
  '報报 預预 會会 標标 識识 規规 機机 註注 冊册 簽签 約约 續续 訂订 購购 採采 歸归 屬属 負负 責责 ' +
  '對对 辦办 調调 崗岗 辭辞 僱雇 傭佣 終终 結结 齡龄 狀状 記记 備备 饋馈 見见 稅税 積积 歷历 筆笔 ' +
  '啟启 動动 凍冻 潛潜 試试 測测 廢废 複复 復复 縣县 鎮镇 鄉乡 東东 華华 導导 檔档 創创 況况 際际 ' +
  '頻频 餘余 黃黄 週周 壽寿 筆笔 剩剩 戶户 雲云 臺台 灣湾 圍围 圖图 書书 稱称 碼码 編编 態态 ' +
  '舊旧 庫库 倉仓 運运 達达 損损 準准 錄录 幣币 圓圆 塊块 萬万 億亿 週周 趕赶 構构 權权 團团 隊队 ' +
  '紀纪 錄录 細细 覽览 賺赚 貿贸 義义 僅仅 戰战 勝胜 敗败 贏赢 輸输 斷断 擬拟 聽听 處处 ' +
  '飛飞 閑闲 睏困 滯滞 適适 參参 權权 層层 藍蓝 綠绿 紅红 嚴严 準准 時时 鐘钟 週周 歲岁';

const T2S = new Map<string, string>();
for (const pair of T2S_PAIRS.split(/\s+/)) if (pair.length === 2 && pair[0] !== pair[1]) T2S.set(pair[0], pair[1]);

/** Traditional characters of the table → Simplified; others unchanged. */
export function toSimplified(s: string): string {
  let out = '';
  let changed = false;
  for (const ch of s) {
    const t = T2S.get(ch);
    if (t !== undefined) changed = true;
    out += t ?? ch;
  }
  return changed ? out : s;
}

/** Lower case, ASCII forms of full-width characters, Simplified Chinese, single spaces, trimmed. */
export function normText(s: string): string {
  return toSimplified(toHalfWidth(s).toLowerCase())
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
