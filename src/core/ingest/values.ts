// Cell text → values. These run on every cell of a column (a million and more), so they use
// anchored, precompiled regexes, a fast path for the common form and no per-cell objects.
import { dayOf, excelSerialToDay } from '../dates';
import { type CellColumn, codeCounts, type ColumnInput, type Dictionary, dictionaryOf, numberForm, OTHER } from './columns';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

// ---------------------------------------------------------------------------------------------
// Shared helpers

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII forms (０-９, ，．％ …) and the ideographic space → their ASCII forms. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Whitespace at the edge of a cell, as trim() strips it (the kinds exports write: ASCII, NBSP, ideographic space, BOM). */
export const isSpace = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0x3000 || c === 0xfeff;

/** trim() without allocating when there is nothing to trim. */
function trimmed(s: string): string {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}

const MISSING = /^(?:-+|—+|–+|\/|n\/?a|null|none|nil|nan|#n\/a|无|無|空|暂无|暫無)$/i;

/** Blank or a placeholder for "no value" (N/A, -, 无 …): missing, not malformed. */
export function isMissing(s: string): boolean {
  const t = trimmed(s);
  return t.length === 0 || (t.length <= 4 && MISSING.test(t));
}

// ---------------------------------------------------------------------------------------------
// Dates

// Time of day, zone and anything else after the date are ignored: the lookaheads stop there.
const RE_YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[T\s])/;
const RE_ABY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?=$|[T\s])/;
const RE_CN = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号號]?)?/;
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})(?=$|[T\s]\d)/;
const RE_YM = /^(\d{4})[-/](\d{1,2})$/;
const WEEKDAY = '(?:[A-Za-z]{3,9},?\\s+)?';
const RE_D_MON_Y = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/.]*([A-Za-z]{3,9})\\.?[\\s\\-/.,]*(\\d{4}|\\d{2})(?=$|[T\\s])`);
const RE_MON_D_Y = new RegExp(`^${WEEKDAY}([A-Za-z]{3,9})\\.?[\\s\\-/.]*(\\d{1,2})(?:st|nd|rd|th)?,?[\\s\\-/.,]+(\\d{4}|\\d{2})(?=$|[T\\s])`);
const RE_MON_Y = /^([A-Za-z]{3,9})\.?[\s\-/.,]+(\d{4})$/;
/** An Excel date serial as a workbook writes it (five digits, maybe a time fraction); callers check the range. */
export const RE_SERIAL = /^\d{5}(?:\.\d+)?$/;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1..12 for a month name or its abbreviation (Mar, Sept, March), else 0. */
function monthOfName(word: string): number {
  const w = word.toLowerCase();
  for (let m = 0; m < 12; m++) {
    const full = MONTH_NAMES[m];
    if (w.length >= 3 && full.startsWith(w)) return m + 1;
  }
  return 0;
}

function fullYear(s: string): number {
  const y = +s;
  if (s.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/** a/b/yyyy by order; an impossible reading falls back to the swapped one (13/2 in an mdy column). */
function dayOfAB(a: number, b: number, y: number, order: DateOrder): number | null {
  return order === 'mdy' ? (dayOf(y, a, b) ?? dayOf(y, b, a)) : (dayOf(y, b, a) ?? dayOf(y, a, b));
}

function parseDateTrimmed(t: string, order: DateOrder): number | null {
  let m = RE_YMD.exec(t);
  if (m) return dayOf(+m[1], +m[2], +m[3]);
  m = RE_ABY.exec(t);
  if (m) return dayOfAB(+m[1], +m[2], fullYear(m[3]), order);
  m = RE_CN.exec(t);
  if (m) return dayOf(+m[1], +m[2], m[3] ? +m[3] : 1);
  m = RE_COMPACT.exec(t);
  if (m) {
    const y = +m[1];
    return y >= 1900 && y < 2100 ? dayOf(y, +m[2], +m[3]) : null;
  }
  m = RE_YM.exec(t);
  if (m) return dayOf(+m[1], +m[2], 1);
  const c0 = t.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    m = RE_D_MON_Y.exec(t);
    if (m) {
      const mon = monthOfName(m[2]);
      return mon ? dayOf(fullYear(m[3]), mon, +m[1]) : null;
    }
    return null;
  }
  m = RE_MON_D_Y.exec(t);
  if (m) {
    const mon = monthOfName(m[1]);
    return mon ? dayOf(fullYear(m[3]), mon, +m[2]) : null;
  }
  m = RE_D_MON_Y.exec(t); // with a weekday first: "Tue, 5 Mar 2024"
  if (m) {
    const mon = monthOfName(m[2]);
    return mon ? dayOf(fullYear(m[3]), mon, +m[1]) : null;
  }
  m = RE_MON_Y.exec(t);
  if (m) {
    const mon = monthOfName(m[1]);
    return mon ? dayOf(+m[2], mon, 1) : null;
  }
  return null;
}

/**
 * Epoch day of a date cell, or null. `order` resolves a/b/yyyy: 'mdy' reads month first; 'dmy'
 * and 'ymd' (no evidence either way) read day first. Time of day is ignored.
 */
export function parseDateValue(s: string, order: DateOrder = 'ymd'): number | null {
  const t = trimmed(s);
  if (t.length < 6 || t.length > 64) return null;
  const iso = fastIso(t);
  if (iso !== undefined) return iso;
  const d = parseDateTrimmed(t, order);
  if (d !== null) return d;
  if (FULL_WIDTH.test(t)) return parseDateTrimmed(toHalfWidth(t).trim(), order);
  return null;
}

const digit = (t: string, i: number): number => t.charCodeAt(i) - 48;
const isDigitAt = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * YYYY-MM-DD (optionally followed by a time) by arithmetic, without a regex or a Date: the form
 * of nearly every date in a large export. undefined = not this form (try the general parser).
 */
function fastIso(t: string): number | null | undefined {
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  if (t.length > 10) {
    const c = t.charCodeAt(10);
    if (c !== 32 && c !== 84) return undefined; // ' ' or 'T'
  }
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigitAt(t, i)) return undefined;
  const y = digit(t, 0) * 1000 + digit(t, 1) * 100 + digit(t, 2) * 10 + digit(t, 3);
  const m = digit(t, 5) * 10 + digit(t, 6);
  const d = digit(t, 8) * 10 + digit(t, 9);
  if (y < 1000 || m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return null;
  // Days from the civil date (H. Hinnant's algorithm), epoch 1970-01-01.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Remembers parsed values of repeated cells, until the column turns out mostly distinct. */
const MEMO_CHECK = 1 << 15;

const isDateSep = (c: number): boolean => c === 47 || c === 45 || c === 46; // / - .
const RE_ABY_ONLY = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](?:\d{4}|\d{2})(?=$|[T\s])/;

/**
 * Day-first or month-first for a column's a/b/yyyy values, from all of them; 'ymd' if there are
 * none. With `counts`, values are a column's distinct texts and counts[i] how often each occurs.
 */
export function detectDateOrder(values: readonly string[], counts?: Int32Array): DateOrder {
  let seen = 0;
  let dmy = 0;
  let mdy = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const times = counts ? counts[i] : 1;
    if (times === 0) continue;
    // Cheap filter: a/b/… has its first separator at index 1 or 2.
    if (!(isDateSep(v.charCodeAt(1)) || isDateSep(v.charCodeAt(2)) || isDateSep(v.charCodeAt(3)))) continue;
    const m = RE_ABY_ONLY.exec(v);
    if (!m) continue;
    seen += times;
    const a = +m[1];
    const b = +m[2];
    if (a > 12 && b <= 12) dmy += times;
    else if (b > 12 && a <= 12) mdy += times;
  }
  if (seen === 0) return 'ymd';
  return mdy > dmy ? 'mdy' : 'dmy';
}

/**
 * Parse every cell of a column. Exports repeat values (dates in an order log, amounts), so the
 * previous cell and every distinct one are remembered (ingest interns repeated strings, so the
 * lookups hash nothing); the memo is dropped once the column proves mostly distinct. Blank cells
 * are NaN; cells that are neither blank nor parseable are NaN too and counted in `bad`.
 */
function parseColumn(values: readonly string[], parse: (v: string) => number | null): { out: Float64Array; bad: number } {
  const n = values.length;
  const out = new Float64Array(n);
  let bad = 0;
  let memo: Map<string, number> | null = new Map();
  let prev: string | null = null;
  let prevX = NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== prev) {
      prev = v;
      let x = memo === null ? undefined : memo.get(v);
      if (x === undefined) {
        const p = parse(v);
        x = p !== null ? p : isMissing(v) ? NaN : -Infinity; // -Infinity: a bad cell (parsers never give it)
        if (memo !== null) {
          memo.set(v, x);
          if ((memo.size & (MEMO_CHECK - 1)) === 0 && memo.size * 2 > i) memo = null;
        }
      }
      prevX = x;
    }
    if (prevX === -Infinity) {
      out[i] = NaN;
      bad++;
    } else out[i] = prevX;
  }
  return { out, bad };
}

/**
 * parseColumn over a column's dictionary: each distinct text is parsed once (those of no row are
 * skipped), then every row takes its code's value.
 */
function parseDictionary(d: Dictionary, counts: Int32Array, parse: (v: string) => number | null): { out: Float64Array; bad: number } {
  const byCode = new Float64Array(d.values.length);
  let bad = 0;
  for (let k = 0; k < d.values.length; k++) {
    if (counts[k] === 0) continue;
    const v = d.values[k];
    const p = parse(v);
    if (p !== null) byCode[k] = p;
    else {
      byCode[k] = NaN;
      if (!isMissing(v)) bad += counts[k];
    }
  }
  const codes = d.codes;
  const out = new Float64Array(codes.length);
  for (let r = 0; r < codes.length; r++) out[r] = byCode[codes[r]];
  return { out, bad };
}

/**
 * A whole date column → epoch days (NaN = missing or unreadable). `bad` counts non-blank cells
 * that are not dates. Excel serial numbers (20000..80000, 1954..2119) count when allowSerial.
 * A stored column is read through its dictionary, so each distinct date text is parsed once.
 */
export function parseDateColumn(values: ColumnInput, allowSerial: boolean): { days: Float64Array; order: DateOrder; bad: number } {
  const dateOf = (order: DateOrder) => (v: string) => {
    let d = parseDateValue(v, order);
    if (d === null && allowSerial) {
      const t = trimmed(v);
      if (RE_SERIAL.test(t)) {
        const k = +t;
        if (k >= 20000 && k <= 80000) d = excelSerialToDay(k);
      }
    }
    return d;
  };
  if (isStrings(values)) {
    const order = detectDateOrder(values);
    const { out: days, bad } = parseColumn(values, dateOf(order));
    return { days, order, bad };
  }
  const d = dictionaryOf(values);
  const counts = codeCounts(d);
  const order = detectDateOrder(d.values, counts);
  const { out: days, bad } = parseDictionary(d, counts, dateOf(order));
  return { days, order, bad };
}

const isStrings = (c: ColumnInput): c is readonly string[] => Array.isArray(c);

// ---------------------------------------------------------------------------------------------
// Numbers

const RE_PLAIN = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;
// The usual money cell: "¥12,345.67", "-$1,200", "12,345.00" (comma groups, point decimal).
const RE_MONEY = /^(-?)[¥￥$€£]?(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const RE_SCI = /^(?:\d+\.?\d*|\.\d+)[eE][-+]?\d{1,3}$/;
const RE_CUR_PREFIX =
  /^(?:HK\$|NT\$|US\$|CA\$|AU\$|NZ\$|SG\$|MOP\$|[CASR]\$|CN¥|JP¥|RMB|CNY|USD|EUR|HKD|GBP|JPY|TWD|NTD|SGD|AUD|CAD|CHF|人民币|人民幣|[¥￥$€£₩₹])\s*/i;
const RE_CUR_SUFFIX = /\s*(?:RMB|CNY|USD|EUR|HKD|GBP|JPY|人民币|人民幣|美元|港元|港币|港幣|欧元|歐元|元|圆|圓|块|塊|[¥￥$€£])$/i;
const RE_MULT_SUFFIX = /\s*(?:百万|百萬|千万|千萬|万|萬|亿|億|千|mm|bn|[kmb])$/i;
const GROUP_CHARS = /[,.' \u00a0\u202f]/;
const RE_DIGITS = /^\d+$/;

function multiplierExp(word: string): number {
  switch (word.toLowerCase()) {
    case '千':
    case 'k':
      return 3;
    case '万':
    case '萬':
      return 4;
    case '百万':
    case '百萬':
    case 'm':
    case 'mm':
      return 6;
    case '千万':
    case '千萬':
      return 7;
    case '亿':
    case '億':
      return 8;
    default:
      return 9; // bn, b
  }
}

/** Integer part with grouping separators ("12,345", "1.234.567", "1 234", Indian "1,23,456") → digits, or null. */
function ungroup(int: string, sep: string): string | null {
  if (int.length === 0 || RE_DIGITS.test(int)) return int;
  const groups = int.split(sep);
  if (groups.length < 2) return null;
  for (let g = 0; g < groups.length; g++) {
    const part = groups[g];
    if (!RE_DIGITS.test(part)) return null;
    if (g === 0 ? part.length > 3 : g === groups.length - 1 ? part.length !== 3 : part.length < 2 || part.length > 3) {
      return null;
    }
  }
  return groups.join('');
}

/** The grouping character used in `int` (one kind only), or '' for none / null for a mix. */
function groupChar(int: string): string | null {
  let sep = '';
  for (let i = 0; i < int.length; i++) {
    const ch = int[i];
    if (ch >= '0' && ch <= '9') continue;
    if (!GROUP_CHARS.test(ch)) return null;
    if (sep === '') sep = ch;
    else if (sep !== ch) return null;
  }
  return sep;
}

/**
 * Digits-and-separators core → a JS number string ("1234.5"), or null. `decimalComma`: the
 * column writes 1.234,5; otherwise a lone ',' + 3 digits groups thousands and '.' is decimal.
 */
function coreToPlain(t: string, decimalComma: boolean): string | null {
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let dec = -1; // index of the decimal separator
  if (lastDot >= 0 && lastComma >= 0) dec = Math.max(lastDot, lastComma);
  else if (lastComma >= 0) {
    const single = t.indexOf(',') === lastComma;
    const after = t.length - lastComma - 1;
    if (single && (decimalComma || after !== 3 || lastComma === 0 || lastComma > 3 || /[.' \u00a0\u202f]/.test(t))) dec = lastComma;
  } else if (lastDot >= 0) {
    const single = t.indexOf('.') === lastDot;
    const after = t.length - lastDot - 1;
    // A lone '.' is decimal, unless the column groups thousands with dots and this fits "1.234".
    if (single && !(decimalComma && after === 3 && lastDot > 0 && lastDot <= 3)) dec = lastDot;
  }
  const int = dec >= 0 ? t.slice(0, dec) : t;
  const frac = dec >= 0 ? t.slice(dec + 1) : '';
  if (frac.length > 0 && !RE_DIGITS.test(frac)) return null;
  const sep = groupChar(int);
  if (sep === null || (dec >= 0 && sep === t[dec])) return null;
  const digits = sep === '' ? int : ungroup(int, sep);
  if (digits === null || (digits.length === 0 && frac.length === 0)) return null;
  return frac.length > 0 ? `${digits || '0'}.${frac}` : digits;
}

/** The sign a leading character stands for: -1 (- − –), +1 (+) or 0 (not a sign). */
function leadingSign(c: number): number {
  if (c === 45 || c === 0x2212 || c === 0x2013) return -1; // - − –
  if (c === 43) return 1;
  return 0;
}

function parseNumber(s: string, decimalComma: boolean): number | null {
  let t = trimmed(s);
  if (t.length === 0) return null;
  // Fast path: plain numbers, by far the most common cells.
  if (RE_PLAIN.test(t) && !(decimalComma && t.indexOf('.') >= 0)) {
    const x = +t;
    return x === 0 ? 0 : Number.isFinite(x) ? x : null;
  }
  if (!decimalComma) {
    const m = RE_MONEY.exec(t);
    if (m && !(m[1] && m[2])) {
      const x = Number(m[4] === undefined ? m[3].replace(/,/g, '') : `${m[3].replace(/,/g, '')}.${m[4]}`);
      return x === 0 ? 0 : m[1] || m[2] ? -x : x;
    }
  }
  if (t.length > 64) return null;
  t = toHalfWidth(t);
  let neg = false;
  if (t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41) {
    neg = true; // accounting negative: (1,234)
    t = t.slice(1, -1).trim();
  }
  // Prefixes: sign and currency, in either order ("-$12", "$-12", "¥ -12").
  for (let k = 0; k < 3 && t.length > 0; k++) {
    const sign = leadingSign(t.charCodeAt(0));
    if (sign !== 0) {
      if (sign < 0) neg = !neg;
      t = t.slice(1).trim();
      continue;
    }
    const m = RE_CUR_PREFIX.exec(t);
    if (!m) break;
    t = t.slice(m[0].length);
  }
  if (!neg && t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41) {
    neg = true; // "$(1,234.00)": the currency outside the accounting brackets
    t = t.slice(1, -1).trim();
  }
  // Suffixes: currency, trailing minus, percent, multiplier ("1.2万元", "12.4K", "12.5%", "1,234-").
  let exp = 0;
  let scaled = false;
  for (let k = 0; k < 4 && t.length > 0; k++) {
    const last = t.charCodeAt(t.length - 1);
    if (last === 37 && !scaled) {
      exp -= 2; // %
      scaled = true;
      t = t.slice(0, -1).trimEnd();
      continue;
    }
    if ((last === 45 || last === 0x2212) && !neg && t.length > 1) {
      neg = true;
      t = t.slice(0, -1).trimEnd();
      continue;
    }
    let m = RE_CUR_SUFFIX.exec(t);
    if (m && m.index > 0) {
      t = t.slice(0, m.index);
      continue;
    }
    m = scaled ? null : RE_MULT_SUFFIX.exec(t);
    if (m && m.index > 0) {
      exp += multiplierExp(m[0].trim());
      scaled = true;
      t = t.slice(0, m.index);
      continue;
    }
    break;
  }
  if (t.length === 0) return null;
  let plain: string | null;
  if (RE_SCI.test(t)) plain = t;
  else plain = coreToPlain(t, decimalComma);
  if (plain === null) return null;
  // Scale in decimal (1.15万 → "1.15e4"), so the result is the double nearest the written value.
  const x = Number(exp === 0 ? plain : `${plain}e${exp}`);
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0;
  return neg ? -x : x;
}

/**
 * A number cell → number, or null. Handles currency (¥ $ € £ RMB 元 HK$ …), grouping (12,345.00
 * 1.234,56 1 234,56 1'234.56), percent (→ fraction), (negatives) and trailing minus, 万/亿/k/M/bn
 * and full-width forms. A lone "1.234" reads as a decimal; parseNumberColumn may decide otherwise.
 */
export function parseNumberValue(s: string): number | null {
  return parseNumber(s, false);
}

/** +1: this cell writes a decimal comma, -1: a decimal point, 0: cannot tell. */
function decimalVote(s: string): number {
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma < 0 && lastDot < 0) return 0;
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? 1 : -1;
  const at = lastComma >= 0 ? lastComma : lastDot;
  const single = s.indexOf(lastComma >= 0 ? ',' : '.') === at;
  let after = 0;
  while (at + 1 + after < s.length && s.charCodeAt(at + 1 + after) >= 48 && s.charCodeAt(at + 1 + after) <= 57) after++;
  if (after === 0) return 0;
  if (lastComma >= 0) return single ? (after === 3 ? 0 : 1) : -1; // 1,5 vs 1,234,567
  return single ? (after === 3 ? 0 : -1) : 1; // 1.5 vs 1.234.567
}

/** decimalVote of a cell that may hold a separator, else 0. */
const voteOf = (v: string): number => (v.indexOf(',') >= 0 || v.indexOf('.') >= 0 ? decimalVote(v) : 0);

/**
 * A whole number column → values (NaN = missing or unreadable), deciding decimal comma vs point
 * once from all cells. `bad` counts non-blank cells that are not numbers. A stored column is read
 * through its dictionary, or, stored as numbers, straight from its mantissas.
 */
export function parseNumberColumn(values: ColumnInput, opts: { scale?: number } = {}): { values: Float64Array; bad: number; decimalComma: boolean } {
  const exp = opts.scale && opts.scale !== 1 ? Math.round(Math.log10(opts.scale)) : 0;
  const parser = (decimalComma: boolean) =>
    exp === 0
      ? (v: string) => parseNumber(v, decimalComma)
      : (v: string) => {
          const x = parseNumber(v, decimalComma);
          return x === null || OWN_MULTIPLIER.test(v) ? x : scaleDecimal(x, exp);
        };
  if (isStrings(values)) {
    let votes = 0;
    for (let i = 0; i < values.length; i++) votes += voteOf(values[i]);
    const decimalComma = votes > 0;
    const { out, bad } = parseColumn(values, parser(decimalComma));
    return { values: out, bad, decimalComma };
  }
  const typed = numberForm(values);
  if (typed) {
    const r = parseNumberForm(typed, exp);
    if (r) return r;
  }
  const d = dictionaryOf(values);
  const counts = codeCounts(d);
  let votes = 0;
  for (let k = 0; k < d.values.length; k++) if (counts[k] > 0) votes += counts[k] * voteOf(d.values[k]);
  const decimalComma = votes > 0;
  const { out, bad } = parseDictionary(d, counts, parser(decimalComma));
  return { values: out, bad, decimalComma };
}

/** A cell that states its own multiplier or percent (1.2万, 12.4k, 3亿, 12%): a header's unit does not apply. */
const OWN_MULTIPLIER = /[万萬亿億千%]|\d\s*(?:k|m|mm|bn|b)\b/i;

/** x × 10^exp in decimal, so 1.15 × 10^4 is 11500 and not 11499.999999999998. */
function scaleDecimal(x: number, exp: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const s = String(x);
  return s.includes('e') ? x * 10 ** exp : Number(`${s}e${exp}`);
}

/**
 * A column stored as numbers: plain decimals are their mantissa / 10^decimals (what parseNumber
 * gives them with a decimal point), the other cells are parsed as text. null when the column
 * votes for a decimal comma, which changes what "1.234" means: then it goes the dictionary way.
 */
function parseNumberForm(col: CellColumn, exp = 0): { values: Float64Array; bad: number; decimalComma: boolean } | null {
  const n = col.length;
  const { decimals, other } = col;
  let votes = 0;
  for (let r = 0; r < n; r++) {
    const k = decimals[r];
    if (k > 0 && k !== 3) votes--; // a lone '.' followed by k digits: decimalVote's -1 (3 digits: 0)
  }
  for (const v of other.values()) votes += voteOf(v);
  if (votes > 0) return null;
  const out = new Float64Array(n);
  let bad = 0;
  for (let r = 0; r < n; r++) {
    out[r] = exp === 0 ? col.numberAt(r) : scaleDecimal(col.numberAt(r), exp);
    if (decimals[r] === OTHER) {
      const v = other.get(r)!;
      const x = parseNumber(v, false);
      if (x !== null) out[r] = exp === 0 || OWN_MULTIPLIER.test(v) ? x : scaleDecimal(x, exp);
      else if (!isMissing(v)) bad++;
    }
  }
  return { values: out, bad, decimalComma: false };
}

// ---------------------------------------------------------------------------------------------
// Churn flags

const CHURNED = [
  'churned',
  'churn',
  'lost',
  'closed',
  'inactive',
  'cancelled',
  'canceled',
  'terminated',
  'left',
  'yes',
  'y',
  'true',
  '1',
  '是',
  '流失',
  '已流失',
  '流失客户',
  '流失客戶',
  '流失中',
  '停止合作',
  '终止合作',
  '終止合作',
  '已终止',
  '已終止',
  '失效',
  '无效',
  '無效',
  '注销',
  '註銷',
  '已注销',
  '已註銷',
  '关闭',
  '關閉',
  '已关闭',
  '已關閉',
  '已取消',
  '取消',
];
const ACTIVE = [
  'active',
  'retained',
  'current',
  'open',
  'no',
  'n',
  'false',
  '0',
  '否',
  '正常',
  '活跃',
  '活躍',
  '有效',
  '合作中',
  '在用',
  '存续',
  '存續',
  '现有',
  '現有',
  '留存',
  '未流失',
];

const FLAGS = new Map<string, boolean>();
for (const w of CHURNED) FLAGS.set(w, true);
for (const w of ACTIVE) FLAGS.set(w, false);

/** true = churned, false = active, null = not a status word. Case, width and spaces are ignored. */
export function parseChurnFlag(s: string): boolean | null {
  const direct = FLAGS.get(s);
  if (direct !== undefined) return direct;
  const t = toHalfWidth(s).trim().toLowerCase();
  const v = FLAGS.get(t);
  return v === undefined ? null : v;
}

/** Whether a churn word is specific to churn (not a bare yes/no/1/0), for guessing from values alone. */
export function isChurnWord(s: string): boolean {
  const t = toHalfWidth(s).trim().toLowerCase();
  return FLAGS.has(t) && !GENERIC_FLAGS.has(t);
}
const GENERIC_FLAGS = new Set(['yes', 'y', 'true', '1', 'no', 'n', 'false', '0', 'f', '是', '否', 'open', 'closed', 'current', 'left']);
