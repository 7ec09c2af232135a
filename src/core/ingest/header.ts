// A column name → words → the roles it can name, with a score each. Words come from the
// vocabulary (vocabulary.ts): English is split at spaces, punctuation and camelCase, and a run of
// letters the vocabulary does not know whole is split into words it does ("custid" → cust + id);
// Chinese is cut by longest match ("客户状态" → 客户 + 状态). Units in brackets or at the end
// ("年采购额(元)", "金额（万元）", "Tenure (months)") are kept apart: they scale money and name
// the tenure unit.
import type { TenureUnit } from '../types';
import { toSimplified } from './hanzi';
import type { StatusFlavour } from './status';
import { toHalfWidth } from './values';
import { type Concept, CONCEPTS, EXACT, FIRMOGRAPHIC, type HeaderRule, RULES, type Target } from './vocabulary';

export type { Target } from './vocabulary';

/** One word of a header and the concepts it belongs to (none: a word the vocabulary does not know). */
interface Token {
  text: string;
  concepts: ReadonlySet<Concept>;
}

export interface HeaderWords {
  tokens: Token[];
  /** Bracketed parts and unit words, normalised ("元", "万元", "months", "utc"). */
  units: string[];
  /** The whole header as normHeader keys it. */
  key: string;
}

const CONCEPTS_OF = new Map<string, Set<Concept>>();
let CJK_MAX = 1;
for (const [concept, words] of Object.entries(CONCEPTS) as [Concept, readonly string[]][]) {
  for (const w of words) {
    let set = CONCEPTS_OF.get(w);
    if (!set) CONCEPTS_OF.set(w, (set = new Set()));
    set.add(concept);
    if (/[\u3400-\u9fff]/.test(w)) CJK_MAX = Math.max(CJK_MAX, w.length);
  }
}
const NONE: ReadonlySet<Concept> = new Set();
const conceptsOf = (w: string): ReadonlySet<Concept> => CONCEPTS_OF.get(w) ?? NONE;

/** Short words allowed at the end of a split run of letters ("custid", "churnyn", "createdat"). */
const SHORT_TAILS = new Set(['id', 'no', 'at', 'on', 'dt', 'yn', 'nr', 'mo']);

/** A run of lower-case letters as vocabulary words (fewest pieces), or null. */
function splitRun(run: string): string[] | null {
  const n = run.length;
  const best = new Array<string[] | null>(n + 1).fill(null);
  best[0] = [];
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 24); j < i; j++) {
      const prev = best[j];
      if (prev === null) continue;
      const piece = run.slice(j, i);
      const ok = CONCEPTS_OF.has(piece) && (piece.length >= 3 || (i === n && SHORT_TAILS.has(piece)));
      if (ok && (best[i] === null || prev.length + 1 < best[i]!.length)) best[i] = [...prev, piece];
    }
  }
  return best[n];
}

const isCjk = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** Longest-match cut of a run of Chinese characters; unknown characters run together as one word. */
function cutCjk(run: string, out: string[]): void {
  let unknown = '';
  for (let i = 0; i < run.length;) {
    let hit = '';
    for (let len = Math.min(CJK_MAX, run.length - i); len >= 1; len--) {
      const w = run.slice(i, i + len);
      if (CONCEPTS_OF.has(w)) {
        hit = w;
        break;
      }
    }
    if (hit) {
      if (unknown) out.push(unknown);
      unknown = '';
      out.push(hit);
      i += hit.length;
    } else unknown += run[i++];
  }
  if (unknown) out.push(unknown);
}

const MAX_HEADER = 120;

const BRACKETS = /[(（[【{<《]([^)）\]】}>》]*)[)）\]】}>》]/g;

/** Header text → matching key: full-width → ASCII, lower case, bracketed units and punctuation removed. */
export function normHeader(h: string): string {
  return toHalfWidth(h)
    .toLowerCase()
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s_\-.:：/#*'"、，,?？]+/g, '');
}

/** The words of a header. */
export function headerWords(header: string): HeaderWords {
  // No column name is this long: a title line or a cell of text, one word nobody knows.
  if (header.length > MAX_HEADER) return { tokens: [{ text: header, concepts: NONE }], units: [], key: '' };
  let h = toSimplified(toHalfWidth(header)).trim();
  const units: string[] = [];
  h = h.replace(BRACKETS, (_, inner: string) => {
    const u = inner.trim().toLowerCase();
    if (u) units.push(u);
    return ' ';
  });
  // camelCase and letter/digit/Chinese boundaries: "MonthlyCharges", "customerID", "CLTVScore", "客户ID".
  h = h
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\by\/n\b/g, 'yn')
    .replace(/e-mail/g, 'email');
  const words: string[] = [];
  for (const part of h.split(/[^a-z0-9#\u3400-\u9fff\uf900-\ufaff]+/)) {
    if (!part) continue;
    // Runs of letters, digits and Chinese.
    for (const run of part.match(/[a-z]+|[0-9]+|#|[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
      const c = run.charCodeAt(0);
      if (isCjk(c)) cutCjk(run, words);
      else if (c >= 48 && c <= 57) words.push(run);
      else if (CONCEPTS_OF.has(run)) words.push(run);
      else if (run.length >= 4) words.push(...(splitRun(run) ?? [run]));
      else words.push(run);
    }
  }
  const tokens = words.map((text) => ({ text, concepts: conceptsOf(text) }));
  // A unit word at the end is a unit ("Tenure Months", "销售额万元"); first, it qualifies ("年采购额").
  const last = tokens.at(-1);
  if (last && tokens.length > 1 && last.concepts.has('unitWord')) units.push(last.text);
  return { tokens, units, key: normHeader(header) };
}

const isDigits = (s: string): boolean => /^\d+$/.test(s);

/** Free words: filler, units and numbers ("Address 1", "Amount (USD)", "的"). */
function isFree(t: Token): boolean {
  return t.concepts.has('filler') || t.concepts.has('unitWord') || isDigits(t.text);
}

/** Score of one rule for these words, or null when it does not fit. */
function scoreRule(rule: HeaderRule, tokens: Token[]): number | null {
  const slots = rule.all.map((s) => (Array.isArray(s) ? s : [s]));
  const used = new Array<boolean>(tokens.length).fill(false);
  let best: number | null = null;
  const leftoverScore = (): number | null => {
    let penalty = 0;
    for (let k = 0; k < tokens.length; k++) {
      if (used[k]) continue;
      const t = tokens[k];
      if (rule.allow?.some((c) => t.concepts.has(c))) continue;
      if (isFree(t)) continue;
      if (rule.deny?.some((c) => t.concepts.has(c))) return null;
      if (!rule.loose) return null;
      penalty += t.concepts.size > 0 ? 2 : 1;
    }
    return rule.score - penalty;
  };
  const fill = (s: number): void => {
    if (s === slots.length) {
      const v = leftoverScore();
      if (v !== null && (best === null || v > best)) best = v;
      return;
    }
    for (let k = 0; k < tokens.length; k++) {
      if (used[k] || !slots[s].some((c) => tokens[k].concepts.has(c))) continue;
      used[k] = true;
      fill(s + 1);
      used[k] = false;
    }
  };
  fill(0);
  return best;
}

/** Lowest score a header reading needs to count. */
const MIN_SCORE = 3;

/** Scores of recent headers: ingest asks about the same header row more than once. */
const SCORED = new Map<string, Map<Target, number>>();
const SCORED_MAX = 2048;

/** Target → score of the best rule each, from the header alone. */
export function headerScores(header: string | HeaderWords): Map<Target, number> {
  if (typeof header === 'string') {
    let out = SCORED.get(header);
    if (!out) {
      if (SCORED.size >= SCORED_MAX) SCORED.clear();
      SCORED.set(header, (out = scoreWords(headerWords(header))));
    }
    return out;
  }
  return scoreWords(header);
}

function scoreWords(w: HeaderWords): Map<Target, number> {
  const out = new Map<Target, number>();
  const exact = EXACT[w.key];
  if (exact) {
    out.set(exact[0], exact[1]);
    return out;
  }
  if (w.tokens.length === 0 || w.tokens.length > 8) return out;
  // Words the vocabulary knows; a header of none of them ("O00000001", "2024-03-05") names nothing.
  const known = new Set<Concept>();
  for (const t of w.tokens) for (const c of t.concepts) known.add(c);
  if (known.size === 0 || w.tokens.every(isFree)) return out;
  for (const rule of RULES) {
    if ((out.get(rule.target) ?? -Infinity) >= rule.score) continue;
    if (!rule.all.every((slot) => (Array.isArray(slot) ? slot.some((c) => known.has(c)) : known.has(slot)))) continue;
    const s = scoreRule(rule, w.tokens);
    if (s !== null && s >= MIN_SCORE && s > (out.get(rule.target) ?? -Infinity)) out.set(rule.target, s);
  }
  return out;
}

/** The best score any role gets from this header (0 when none fits). */
export function bestHeaderScore(header: string): number {
  let best = 0;
  for (const s of headerScores(header).values()) if (s > best) best = s;
  return best;
}

const has = (w: HeaderWords, c: Concept): boolean => w.tokens.some((t) => t.concepts.has(c));

/** How a status header frames yes/no values (see StatusFlavour). */
export function statusFlavourOf(header: string): StatusFlavour {
  const w = headerWords(header);
  if (has(w, 'churnStrong') || has(w, 'churnEvent')) return 'churn';
  if (has(w, 'active')) return 'active';
  return 'status';
}

// Multipliers a header's unit states: "金额（万元）" holds ten-thousands of yuan.
const SCALE_UNITS: [RegExp, number][] = [
  [/^(?:[¥￥$€£]|rmb|cny|usd|eur|hkd|gbp|jpy|人民币|美元|港币|欧元)?\s*(?:百万|百万元|millions?|mn|mm|m)(?:\s*(?:元|rmb|cny|usd|eur))?$/, 1e6],
  [/^(?:[¥￥$€£]|rmb|cny|usd|eur|hkd|gbp|jpy|人民币|美元|港币|欧元)?\s*(?:千万|千万元)$/, 1e7],
  [/^(?:[¥￥$€£]|rmb|cny|usd|eur|hkd|gbp|jpy|人民币|美元|港币|欧元)?\s*(?:万|万元|万人民币|万美元)$/, 1e4],
  [
    /^(?:[¥￥$€£]|rmb|cny|usd|eur|hkd|gbp|jpy|人民币|美元|港币|欧元)?\s*(?:千|千元|k|thousands?|000s?|'000s?|’000s?)(?:\s*(?:元|rmb|cny|usd|eur))?$/,
    1e3,
  ],
  [/^(?:[¥￥$€£]|rmb|cny|usd|eur|hkd|gbp|jpy|人民币|美元|港币|欧元)?\s*(?:亿|亿元)$/, 1e8],
  [/^(?:[¥￥$€£]|rmb|cny|usd|eur|hkd|gbp|jpy|人民币|美元|港币|欧元)?\s*(?:bn|billions?|b)$/, 1e9],
];

/** What the header's unit multiplies each money value by: 10,000 for "金额（万元）", 1 when it says nothing. */
export function moneyScaleOf(header: string): number {
  const w = headerWords(header);
  for (const u of w.units) {
    const t = u
      .replace(/^in\s+/, '')
      .replace(/^单位[:：]?\s*/, '')
      .trim();
    for (const [re, scale] of SCALE_UNITS) if (re.test(t)) return scale;
  }
  // "销售额万元", "Revenue in thousands": a unit word at the end without brackets.
  const last = w.tokens.at(-1)?.text;
  if (last === '万元' || last === '万') return 1e4;
  if (last === '千元') return 1e3;
  if (last === '亿元' || last === '亿') return 1e8;
  if (last === '百万元' || last === '百万') return 1e6;
  if (last === 'thousands' && w.tokens.length > 1) return 1e3;
  if (last === 'millions' && w.tokens.length > 1) return 1e6;
  return 1;
}

const MONTH_UNIT = /^(?:months?|mos?|mths?|mon|月|个月|月数|月份)$/;
const YEAR_UNIT = /^(?:years?|yrs?|y|年|年数|年限)$/;
const DAY_UNIT = /^(?:days?|d|天|日|天数|日数)$/;

/** The unit a tenure header names ("Tenure (months)", "合作年限", "在网月数"), or null. */
export function tenureUnitOfHeader(header: string): TenureUnit | null {
  const w = headerWords(header);
  const words = [...w.units, ...w.tokens.map((t) => t.text)];
  for (const x of words) {
    if (MONTH_UNIT.test(x)) return 'month';
    if (YEAR_UNIT.test(x)) return 'year';
    if (DAY_UNIT.test(x)) return 'day';
  }
  // Compound Chinese words: 在网月数, 合作年限, 合作天数, 会员时长(月).
  const key = w.key;
  if (/月数|个月|月$/.test(key)) return 'month';
  if (/年限|年数|年$/.test(key)) return 'year';
  if (/天数|日数|天$/.test(key)) return 'day';
  if (/^(?:monthsonbook|monthsactive|monthsascustomer|lifetimemonths|tenuremonths|tenureinmonths)$/.test(key)) return 'month';
  return null;
}

/** A money header that describes the customer rather than what they pay (a CRM's "Annual Revenue"). */
export function isFirmographicRevenue(header: string): boolean {
  return FIRMOGRAPHIC.has(normHeader(header));
}
