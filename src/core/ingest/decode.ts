// Bytes → text. Excel on Chinese Windows writes GBK without a BOM, "CSV UTF-8" has a BOM and
// "Unicode Text" is UTF-16LE; see FIELD-NOTES "Encodings". Order: magic numbers → BOM →
// UTF-16 without BOM → NUL check → strict UTF-8 → GBK / Big5 (/ windows-1252) by scoring.
import { IngestError } from '../types';

/** Scoring looks at this many bytes: enough for a few hundred rows, cheap to decode twice. */
const SAMPLE = 64 * 1024;

interface Magic {
  bytes: number[];
  code: string;
}

const MAGICS: Magic[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], code: 'xlsx-not-supported' }, // ZIP: .xlsx, .ods, .zip
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], code: 'encrypted-or-legacy-workbook' }, // OLE2: .xls, encrypted .xlsx
  { bytes: [0x89, 0x50, 0x4e, 0x47], code: 'binary-file' }, // PNG
  { bytes: [0xff, 0xd8, 0xff], code: 'binary-file' }, // JPEG
  { bytes: [0x47, 0x49, 0x46, 0x38], code: 'binary-file' }, // GIF8
  { bytes: [0x25, 0x50, 0x44, 0x46], code: 'binary-file' }, // %PDF
  { bytes: [0x1f, 0x8b], code: 'binary-file' }, // gzip
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], code: 'binary-file' }, // 7z
  { bytes: [0x52, 0x61, 0x72, 0x21], code: 'binary-file' }, // Rar!
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** "EncryptionInfo" in UTF-16LE: the stream an OLE2 container holds for a password-protected .xlsx. */
const ENCRYPTION_INFO = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);

function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const first = ENCRYPTION_INFO[0];
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + ENCRYPTION_INFO.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < ENCRYPTION_INFO.length; k++) if (bytes[i + k] !== ENCRYPTION_INFO[k]) continue outer;
    return true;
  }
  return false;
}

export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, MAGICS[0].bytes);
export const isOle2 = (bytes: Uint8Array): boolean => startsWith(bytes, MAGICS[1].bytes);

/** Throws for a file that is not text. An OLE2 container is told apart when all of it is given. */
export function checkMagic(bytes: Uint8Array, file?: string): void {
  if (isOle2(bytes) && hasEncryptionInfo(bytes)) throw new IngestError('password-protected', file);
  for (const m of MAGICS) if (startsWith(bytes, m.bytes)) throw new IngestError(m.code, file);
}

function bomOf(bytes: Uint8Array): string | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: ASCII-heavy text puts a zero in every other byte. */
function utf16Guess(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // CJK-only UTF-16 has few zeros, but CSV delimiters, digits and newlines are ASCII.
  if (odd >= pairs * 0.1 && even <= odd * 0.1) return 'utf-16le';
  if (even >= pairs * 0.1 && odd <= even * 0.1) return 'utf-16be';
  return null;
}

/** Binary if the head holds a NUL (as git decides) or is mostly control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    // Control bytes other than \t \n \f \r and ESC/SUB (seen in old DOS exports).
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 26 && b !== 27) ctrl++;
  }
  return ctrl > n * 0.1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decode, or null. */
function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** End index of `bytes` not splitting a UTF-8 sequence (so a sample can be decoded strictly). */
function utf8Boundary(bytes: Uint8Array, end: number): number {
  if (end >= bytes.length) return bytes.length;
  let i = end;
  // Back off over continuation bytes, then over the lead byte of the cut sequence.
  while (i > end - 4 && i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
  return i;
}

function firstHighByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/** Common hanzi and U+FFFD replacement characters in a decoded sample. */
function score(text: string): { hits: number; bad: number } {
  let hits = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00) continue;
    if (c === 0xfffd) bad++;
    else if (c <= 0x9fff && COMMON_HANZI[c - 0x4e00]) hits++;
  }
  return { hits, bad };
}

/** Has a GB18030 four-byte sequence (second byte 0x30..0x39), which plain GBK cannot hold. */
function hasFourByteGb(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const t = bytes[i + 1];
    if (b >= 0x81 && b <= 0xfe && t >= 0x30 && t <= 0x39) return true;
    i++; // skip the trail byte of a two-byte character
  }
  return false;
}

/** Share of high bytes with ASCII on both sides: about 1 in Latin-1 text, rare in double-byte text. */
function isolatedHighShare(bytes: Uint8Array): number {
  let high = 0;
  let lone = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    high++;
    if ((i === 0 || bytes[i - 1] < 0x80) && (i + 1 === bytes.length || bytes[i + 1] < 0x80)) lone++;
  }
  return high ? lone / high : 0;
}

/** Not UTF-8: pick among the legacy encodings by how much common text each decoding yields. */
export function guessLegacy(bytes: Uint8Array): string {
  const first = firstHighByte(bytes);
  const start = Math.max(0, first - 64);
  let end = Math.min(bytes.length, start + SAMPLE);
  const sample = bytes.subarray(start, end);

  // Mostly UTF-8 with a damaged byte somewhere further on: stay with UTF-8.
  const headEnd = utf8Boundary(bytes, end);
  if (headEnd > first && tryUtf8(bytes.subarray(start, headEnd)) !== null) return 'utf-8';

  const g = score(new TextDecoder('gbk').decode(sample));
  const b = score(new TextDecoder('big5').decode(sample));
  // Common-character hits dominate; each replacement character costs three hits.
  const gs = g.hits - 3 * g.bad;
  const bs = b.hits - 3 * b.bad;
  // No common hanzi either way and lone high bytes between ASCII: accented Latin text.
  if (g.hits === 0 && b.hits === 0 && isolatedHighShare(sample) >= 0.5) return 'windows-1252';
  if (bs > gs) return 'big5';
  end = Math.min(bytes.length, SAMPLE * 16);
  return hasFourByteGb(bytes.subarray(0, end)) ? 'gb18030' : 'gbk';
}

function detect(bytes: Uint8Array, file?: string): { encoding: string; text?: string } {
  if (bytes.length === 0) throw new IngestError('empty-file', file);
  checkMagic(bytes, file);
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom };
  const u16 = utf16Guess(bytes);
  if (u16) return { encoding: u16 };
  if (looksBinary(bytes)) throw new IngestError('binary-file', file);
  // A short strict check first: most non-UTF-8 files fail within the first 64 KB.
  const head = bytes.subarray(0, utf8Boundary(bytes, SAMPLE));
  const headText = tryUtf8(head);
  if (headText !== null) {
    const text = head.length === bytes.length ? headText : tryUtf8(bytes);
    if (text !== null) return { encoding: 'utf-8', text };
  }
  return { encoding: guessLegacy(bytes) };
}

/**
 * Encoding from the head of a file (its first 64 KB), for streaming. `strict`: UTF-8 was only
 * seen valid in the head, so decode the rest with `fatal: true` and start again with
 * guessLegacy() of the failing bytes if it is not. Throws IngestError like decodeBytes.
 */
export function detectHead(head: Uint8Array, complete: boolean, file?: string): { encoding: string; strict: boolean } {
  if (head.length === 0) throw new IngestError('empty-file', file);
  checkMagic(head, file);
  const bom = bomOf(head);
  if (bom) return { encoding: bom, strict: false };
  const u16 = utf16Guess(head);
  if (u16) return { encoding: u16, strict: false };
  if (looksBinary(head)) throw new IngestError('binary-file', file);
  const cut = complete ? head.length : utf8Boundary(head, head.length - 1);
  if (tryUtf8(head.subarray(0, cut)) !== null) return { encoding: 'utf-8', strict: true };
  return { encoding: guessLegacy(head), strict: false };
}

/** WHATWG encoding label of `bytes`: utf-8, utf-16le, utf-16be, gbk, gb18030, big5 or windows-1252. */
export function detectEncoding(bytes: Uint8Array, file?: string): string {
  return detect(bytes, file).encoding;
}

/**
 * Decode a whole file. `encoding` (a WHATWG label) overrides detection. Throws IngestError:
 * empty-file, binary-file, xlsx-not-supported, encrypted-or-legacy-workbook, unknown-encoding.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string, file?: string): { text: string; encoding: string } {
  let text: string | undefined;
  let enc: string;
  if (encoding) {
    if (bytes.length === 0) throw new IngestError('empty-file', file);
    checkMagic(bytes, file);
    enc = encoding.trim().toLowerCase();
  } else {
    const d = detect(bytes, file);
    enc = d.encoding;
    text = d.text;
  }
  if (text === undefined) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(enc); // strips a BOM of its own encoding
    } catch {
      throw new IngestError('unknown-encoding', file, { encoding: enc });
    }
    text = decoder.decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) throw new IngestError('empty-file', file);
  return { text, encoding: enc };
}

// ---------------------------------------------------------------------------------------------
// Frequent hanzi in Simplified and Traditional form, for telling GBK from Big5: text decoded with
// the right table is full of these, text decoded with the wrong one is mostly rare characters.

const SIMPLIFIED =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道' +
  '行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无' +
  '力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等' +
  '产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几' +
  '口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统' +
  '区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死' +
  '张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元' +
  '英士证近失转夫令准布始怎存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约' +
  '示复病息究线似官火断精满支视消越器容照须九增研写称企八功包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六' +
  '引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴' +
  '派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪' +
  '采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久' +
  '错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充' +
  '负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜' +
  '降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守' +
  '酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉' +
  '括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸' +
  '均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔' +
  '亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉' +
  // business, places, surnames
  '客户编号名称销售代表区域省份行业类型等级签约注册首次合作开户下单最后近购买末流失终止是否原因营收在网时长月订' +
  '量入职离额费率价格折扣退货欠款回款逾期投诉竞品搬迁倒闭破产转型换供应商服务质量交付延迟沟通响应态度专员对接人' +
  '有限责任股份集团科技贸易实业发展商贸电子机械设备材料化工医药食品纺织服装建筑物流运输咨询软件信息网络制造零售' +
  '北京上海天津重庆河北山西辽宁吉林黑龙江苏浙安徽福建江西山东河南湖北湖南广东海南四川贵州云南陕甘肃青宁夏新疆' +
  '西藏内蒙古台湾香港澳门深圳杭州南京武汉成都西安苏州无锡宁波厦门青岛大连长沙郑州济南合肥福州昆明东莞佛山珠华' +
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜' +
  '崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤伟芳娜敏静丽' +
  '强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玲';

const TRADITIONAL =
  '這個們來為國說時會對發後裡問與長機無關點兩間現實軍種經動體應戰頭見從當還進過開學樣麼義總電數報結變單將' +
  '設員處論條氣題爾別記邊據連導爭運飛風轉聯組濟車親極識議師觀準請際約價團歷醫號盡專語僅選歲勢參眾構劃敵態護' +
  '興驗責營紀採舉殺攻蘇細願値網熱倉屬腦預誰陽繼傷藥適夜衛險陸習劉讀壓銀買養懷執亂幫宣佛雜誤灣減編測敗夢溫貴槍' +
  '缺樓縣遺謝魯慮銷鐘詩劇損舊錄葉鄉飯額順輸搖婚補謂毒療澤滅筆詞聖擇尋廠睡諾倫岸奧賣載潔園謀榮孫頂鎮練紅響雖' +
  '條談圖並臺灣門廣東華區們歡層衝異漢簡協範隊權書藝術領確傳讓帶達強邊難際義禮與樂產業務' +
  '客戶編號名稱銷售代表區域省份行業類型等級簽約註冊首次合作開戶下單最後近購買末流失終止是否原因營收在網時長月訂' +
  '數量單價入職離額費率價格折扣退貨欠款回款逾期投訴競品搬遷倒閉破產轉型換供應商服務質量交付延遲溝通響應態度專員' +
  '對接人有限責任股份集團科技貿易實業發展電子機械設備材料化工醫藥食品紡織服裝建築物流運輸諮詢軟體資訊網路製造零' +
  '臺北臺中臺南高雄桃園新竹基隆嘉義彰化屏東宜蘭花蓮雲林苗栗南投澎湖金門香港九龍澳門' +
  '陳林黃張李王吳劉蔡楊許鄭謝郭洪邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧' +
  '偉芳淑惠美玲雅婷怡君志明俊傑家豪建宏';

/** COMMON_HANZI[code - 0x4E00] is 1 for a frequent character. */
const COMMON_HANZI: Uint8Array = (() => {
  const table = new Uint8Array(0x9fff - 0x4e00 + 1);
  for (const s of [SIMPLIFIED, TRADITIONAL]) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x4e00 && c <= 0x9fff) table[c - 0x4e00] = 1;
    }
  }
  return table;
})();
