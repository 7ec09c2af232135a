// Which rule parts can match a text, without running them. Each part's expression is read once to
// find sets of literal strings such that every match contains one string of each set: for
// "(?:长期|很久)…(?:没|未)(?:联系|拜访)" one of 长期/很久, one of 没/未 and one of 联系/拜访. A part
// is run only when the text holds an anchor of each of its sets. A Chinese anchor is the string's
// least frequent character, a Latin anchor the least frequent three letters in a row of any of
// its words (two letters for a two-letter string). This is only a shortcut: tests/unit/causes/
// rules.test.ts checks on every labelled reason that it never skips a part that would have matched.

import { PREFILTER_ANCHORS } from './prefilter-anchors';

/**
 * Analysis of a piece of a pattern: `lits` is the finite set of strings it can match (null when
 * not small and finite); every match contains one string of each set in `groups`.
 */
interface Info {
  lits: Set<string> | null;
  groups: Set<string>[];
}

const MAX_LITS = 64;
/** At most this many sets per part are indexed (the most selective ones). */
const MAX_GROUPS = 3;
const ZERO: Info = { lits: new Set(['']), groups: [] };
const ANY: Info = { lits: null, groups: [] };

function usable(set: Set<string> | null): Set<string> | null {
  if (!set || set.size === 0) return null;
  for (const s of set) if (s === '') return null;
  return set;
}

/** Longer shortest string first, then fewer strings. */
const score = (s: Set<string>) => Math.min(...[...s].map((x) => x.length)) * 1000 - s.size;
const best = (groups: Set<string>[]) => groups.reduce<Set<string> | null>((a, g) => (!a || score(g) > score(a) ? g : a), null);

function concat(parts: Info[]): Info {
  // Runs of parts with finite literals are multiplied out ("rip" from r, i, p); each run, and each
  // set of the other parts, is required.
  const groups: Set<string>[] = [];
  let whole: Set<string> | null = new Set(['']);
  let run: Set<string> = new Set(['']);
  const close = () => {
    const r = usable(run);
    if (r) groups.push(r);
    run = new Set(['']);
  };
  const times = (a: Set<string>, b: Set<string>) => {
    const out = new Set<string>();
    for (const x of a) for (const y of b) out.add(x + y);
    return out;
  };
  for (const p of parts) {
    if (p.lits) {
      const next = times(run, p.lits);
      if (next.size <= MAX_LITS) run = next;
      else {
        close();
        run = new Set(p.lits);
      }
      if (whole) {
        const w = times(whole, p.lits);
        whole = w.size <= MAX_LITS ? w : null;
      }
    } else {
      close();
      groups.push(...p.groups);
      whole = null;
    }
  }
  close();
  const w = usable(whole);
  return { lits: whole, groups: w ? [w] : groups };
}

function alternation(branches: Info[]): Info {
  let lits: Set<string> | null = new Set();
  let union: Set<string> | null = new Set();
  for (const b of branches) {
    if (lits && b.lits && lits.size + b.lits.size <= MAX_LITS) for (const s of b.lits) lits.add(s);
    else lits = null;
    // A match of the alternation contains a string of the chosen set of whichever branch matched.
    const g = best(b.groups) ?? usable(b.lits);
    if (union && g) for (const s of g) union.add(s);
    else union = null;
  }
  return { lits, groups: union ? [union] : [] };
}

/** Sets of literal strings every match contains one of each (the subset of syntax rules.ts uses). */
export function requiredLiterals(src: string): Set<string>[] {
  let k = 0;
  function parseAlternation(): Info {
    const branches: Info[] = [parseSequence()];
    while (src[k] === '|') {
      k++;
      branches.push(parseSequence());
    }
    return branches.length === 1 ? branches[0] : alternation(branches);
  }
  function parseSequence(): Info {
    const parts: Info[] = [];
    while (k < src.length && src[k] !== '|' && src[k] !== ')') parts.push(parseQuantified());
    return concat(parts);
  }
  function parseQuantified(): Info {
    const atom = parseAtom();
    const c = src[k];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      k++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(k));
      if (m) {
        k += m[0].length;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      }
    }
    if (src[k] === '?' && (min !== 1 || max !== 1)) k++; // lazy
    if (min === 1 && max === 1) return atom;
    if (min === 0) return ANY;
    const own = usable(atom.lits);
    return { lits: null, groups: atom.groups.length ? atom.groups : own ? [own] : [] };
  }
  function parseAtom(): Info {
    const c = src[k];
    if (c === '(') {
      k++;
      let lookaround = false;
      if (src[k] === '?') {
        if (src.startsWith('?:', k)) k += 2;
        else if (src.startsWith('?=', k) || src.startsWith('?!', k)) {
          k += 2;
          lookaround = true;
        } else if (src.startsWith('?<=', k) || src.startsWith('?<!', k)) {
          k += 3;
          lookaround = true;
        }
      }
      const inner = parseAlternation();
      if (src[k] !== ')') throw new Error(`unbalanced pattern: ${src}`);
      k++;
      return lookaround ? ZERO : inner;
    }
    if (c === '[') {
      const end = findClassEnd(src, k);
      const body = src.slice(k + 1, end);
      k = end + 1;
      if (body.startsWith('^') || /\\[a-zA-Z]|-/.test(body.replace(/\\-/g, ''))) return ANY;
      const chars = new Set(body.replace(/\\(.)/g, '$1'));
      return { lits: chars, groups: [chars] };
    }
    if (c === '\\') {
      const e = src[k + 1];
      k += 2;
      if (e === 'b' || e === 'B') return ZERO;
      if (e === 'u') {
        const ch = String.fromCharCode(parseInt(src.slice(k, k + 4), 16));
        k += 4;
        return lit(ch);
      }
      if (/[sSwWdD]/.test(e)) return ANY;
      if (e === 'n') return lit('\n');
      return lit(e);
    }
    k++;
    if (c === '^' || c === '$') return ZERO;
    if (c === '.') return ANY;
    return lit(c);
  }
  const lit = (ch: string): Info => ({ lits: new Set([ch]), groups: [new Set([ch])] });
  const info = parseAlternation();
  if (k !== src.length) throw new Error(`unbalanced pattern: ${src}`);
  const own = usable(info.lits);
  return own ? [own] : info.groups.filter((g) => usable(g));
}

function findClassEnd(src: string, at: number): number {
  for (let k = at + 1; k < src.length; k++) {
    if (src[k] === '\\') k++;
    else if (src[k] === ']') return k;
  }
  throw new Error(`unclosed character class: ${src}`);
}

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
const isLatin = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;
// What is frequent in reasons (the training corpus and the labelled set, normalised): poor
// anchors. Anything else counts as rarer than all of them.
/** The most frequent Chinese characters of reasons, most frequent first. */
const FREQUENT =
  '了不客的没户一说人是店都就家货们太有业员好要个来老去年价到小我用上务服过大费给问新在换后品他理宝她只买回也会直那被这次开能公退跟得还月高司很接发板话购送贵顾单三对格下做原走里时系差多自子两主款题行妈门工出约生进商天收关转经十半同合量以专别销因奶少装打改现电职期统实慢手离订边管全件停厂几带号己度才本点续成拿粉你信但前网账着金面动导再错卡可钱算意线联流团定企其加通周比觉提起修办牌结嫌机知售外消营返交完每资市师签态地卖最连批断重产口看东作又把报长分访诺调五承涨从利区种间受百场么二低方满衣预压另找讲质搬等代便失折条码补久候先采请功复婴想拖推未倒样根真西部国宽清认餐孩应扣支日求答需体熟见运之包处排整更气';
const rank = (c: number) => {
  const k = FREQUENT.indexOf(String.fromCharCode(c));
  return k < 0 ? Infinity : k;
};
/** The most frequent three letters in a row (a-z, 0-9, ') of reasons, most frequent first. */
const FREQUENT_LATIN =
  "the ing and ver for ent sto ice eve all not ust ter pro sed n't pri ion was our out ine ive cou rom ers wit ric oun red com ome tio ont ove mer new one too sin her ere ith der los tom unt ate cus sho age hey own lin ore ted rea cha ery ess omp ale con nev hat ord ear ran nce mis acc oth ort ise sta tor are tra thi fro any rep tha eas hop cco get ati fte ree rde ell son hin can onl les nes ain han aft clo che act eal mon pen por ved bou sup per ost tin ler men nly but nge ons use wer ist low omi upp man del mov cal wen now usi ang mal ock sma ack hem nth off res eti lle tur ose she lat ret ays end ger est sal old led yea ant dea pla anc liv ned nts app eli ser has ren igh dn' aso ner int ite ill bus ppe hei ked ave day nde und bod eed ody eir min nob toc ana obo eft lef ble que oll fer ged fre jus lli nag ity ppo urn arg ong ene aid duc ped vic abo his ces fee hen ign mpa opp shi ame hed ire par pli way lie uct you buy erv har ntr ron ail who mar nee sea big eat ook ssi orm wne ime rge bra iss str got inc tch tim wor bac cel din odu rin rvi ard hig nal rod tit whe ded ini wro art rou car did dis sit ket nte hea ade pan rat arr dow hip mpe rac mor bab exp lan eri ffe pet aby hou ins";
const key2 = (a: number, b: number) => a * 128 + b;
const key3 = (a: number, b: number, c: number) => (a * 128 + b) * 128 + c;
const LATIN_RANK = new Map(FREQUENT_LATIN.split(' ').map((t, k) => [key3(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2)), k]));

export interface Anchors {
  cjk: number[];
  latin2: number[];
  latin3: number[];
}

/**
 * Anchors of one set of required strings: for each string, its least frequent Chinese character,
 * or the least frequent three letters in a row of its words (two letters for a two-letter string);
 * null when some string has neither.
 */
export function anchorsOf(set: Set<string>): Anchors | null {
  const cjk = new Set<number>();
  const latin2 = new Set<number>();
  const latin3 = new Set<number>();
  for (const s of set) {
    const codes = [...s].map((ch) => ch.charCodeAt(0));
    const han = codes.filter(isCjk);
    if (han.length) {
      cjk.add(han.reduce((a, c) => (rank(c) > rank(a) ? c : a)));
      continue;
    }
    // The rarest three letters in a row of any of its words: every match holds all of them.
    let best = -1;
    let bestRank = -1;
    for (const m of s.matchAll(/[a-z0-9']{3,}/g)) {
      for (let k = m.index, end = m.index + m[0].length; k + 3 <= end; k++) {
        const key = key3(s.charCodeAt(k), s.charCodeAt(k + 1), s.charCodeAt(k + 2));
        const r = LATIN_RANK.get(key) ?? Infinity;
        if (r > bestRank) {
          bestRank = r;
          best = key;
        }
      }
    }
    if (best >= 0) {
      latin3.add(best);
      continue;
    }
    const i = codes.findIndex((c, k) => isLatin(c) && isLatin(codes[k + 1] ?? 0));
    if (i < 0) return null;
    latin2.add(key2(codes[i], codes[i + 1]));
  }
  return { cjk: [...cjk], latin2: [...latin2], latin3: [...latin3] };
}

/** The anchor sets of an expression: up to MAX_GROUPS, most selective first ([]: always run). */
export function anchorGroups(src: string): Anchors[] {
  return requiredLiterals(src)
    .sort((a, b) => score(b) - score(a))
    .map(anchorsOf)
    .filter((a): a is Anchors => a !== null)
    .slice(0, MAX_GROUPS);
}

// The anchors of the rule parts are worked out once, by the tests, and shipped in
// prefilter-anchors.ts: working them out from the ~1,400 expressions is most of what a fresh worker
// spends on its first classification. They are used only for the very expressions they were
// worked out from (sourcesKey), so a rule edited since is read anew (and its test fails until the
// file is written again).

/** What identifies a list of expressions: their count, total length and a 32-bit FNV-1a hash, as text. */
export function sourcesKey(srcs: readonly string[]): string {
  let h = 0x811c9dc5;
  let length = 0;
  for (const src of srcs) {
    length += src.length;
    for (let i = 0; i < src.length; i++) h = Math.imul(h ^ src.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return `${srcs.length}:${length}:${(h >>> 0).toString(16)}`;
}

const char = (code: number) => String.fromCharCode(code);

/**
 * Anchor sets as text: one line per expression, its sets apart by ";", each set's Chinese
 * characters, letter pairs and letter triples apart by "," (anchor letters are a-z, 0-9 and ').
 */
export function writeAnchors(groups: readonly Anchors[][]): string {
  return groups
    .map((sets) =>
      sets
        .map((a) =>
          [
            a.cjk.map(char).join(''),
            a.latin2.map((k) => char(k >> 7) + char(k & 127)).join(''),
            a.latin3.map((k) => char(k >> 14) + char((k >> 7) & 127) + char(k & 127)).join(''),
          ].join(','),
        )
        .join(';'),
    )
    .join('\n');
}

/** The anchor sets writeAnchors wrote. */
export function readAnchors(text: string): Anchors[][] {
  return text.split('\n').map((line) =>
    line === ''
      ? []
      : line.split(';').map((set) => {
          const [cjk, two, three] = set.split(',');
          const a: Anchors = { cjk: [], latin2: [], latin3: [] };
          for (let i = 0; i < cjk.length; i++) a.cjk.push(cjk.charCodeAt(i));
          for (let i = 0; i < two.length; i += 2) a.latin2.push(key2(two.charCodeAt(i), two.charCodeAt(i + 1)));
          for (let i = 0; i < three.length; i += 3) a.latin3.push(key3(three.charCodeAt(i), three.charCodeAt(i + 1), three.charCodeAt(i + 2)));
          return a;
        }),
  );
}

/** The anchor groups of each expression: the shipped ones when they were worked out from exactly these, else anchorGroups. */
export function anchorGroupsOf(srcs: readonly string[]): Anchors[][] {
  if (sourcesKey(srcs) === PREFILTER_ANCHORS.key) return readAnchors(PREFILTER_ANCHORS.anchors);
  return srcs.map((src) => anchorGroups(src));
}

/** Index of a Latin anchor character (a-z, 0-9, ') among the 37 of them, -1 for any other code below 128. */
const LATIN_INDEX = new Int8Array(128).fill(-1);
"abcdefghijklmnopqrstuvwxyz0123456789'".split('').forEach((ch, k) => (LATIN_INDEX[ch.charCodeAt(0)] = k));
const latinIndex = (c: number) => (c < 128 ? LATIN_INDEX[c] : -1);

/**
 * For each key of a table (a Chinese character, two or three Latin letters), its entries
 * (expression × 8 + set number) back to back: entries[start[key], start[key + 1]).
 */
interface AnchorTable {
  start: Int32Array;
  entries: Int32Array;
}

/**
 * An AnchorTable of `size` keys from (key, entry) pairs, keys[i] with entries[i], in the order
 * given. Entries come in ascending order (expression by expression, set by set), so an entry met
 * again for a key directly follows itself: it is kept once.
 */
function anchorTable(size: number, keys: readonly number[], entries: readonly number[]): AnchorTable {
  const start = new Int32Array(size + 1);
  const last = new Int32Array(size).fill(-1);
  const kept = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (last[key] === entries[i]) continue;
    last[key] = entries[i];
    kept[i] = 1;
    start[key + 1]++;
  }
  for (let key = 0; key < size; key++) start[key + 1] += start[key];
  const out = new Int32Array(start[size]);
  const fill = start.slice(0, size);
  for (let i = 0; i < keys.length; i++) if (kept[i] === 1) out[fill[keys[i]]++] = entries[i];
  return { start, entries: out };
}

/** An index from anchors to the expressions that need them. */
export class Prefilter {
  /** Chinese characters by code point from U+3400, two and three Latin letters by their LATIN_INDEX digits in base 37. */
  private readonly byCjk: AnchorTable;
  private readonly byLatin2: AnchorTable;
  private readonly byLatin3: AnchorTable;
  private readonly always: number[] = [];
  private readonly full: Uint8Array;
  private readonly mask: Uint8Array;
  private readonly stamp: Uint32Array;
  private generation = 0;
  private out = new Int32Array(64);
  private n = 0;

  /** One entry per expression: its anchor sets ([] when it must always run). */
  constructor(groups: readonly Anchors[][]) {
    this.full = new Uint8Array(groups.length);
    this.mask = new Uint8Array(groups.length);
    this.stamp = new Uint32Array(groups.length);
    const cjk: number[] = [];
    const cjkEntries: number[] = [];
    const two: number[] = [];
    const twoEntries: number[] = [];
    const three: number[] = [];
    const threeEntries: number[] = [];
    // Anchor keys are a * 128 + b (key2) and (a * 128 + b) * 128 + c (key3): their letters in base 37.
    const l = (code: number) => LATIN_INDEX[code];
    for (let i = 0; i < groups.length; i++) {
      const sets = groups[i];
      if (!sets.length) {
        this.always.push(i);
        continue;
      }
      this.full[i] = (1 << sets.length) - 1;
      for (let g = 0; g < sets.length; g++) {
        const a = sets[g];
        const entry = i * 8 + g;
        for (const c of a.cjk) {
          cjk.push(c - 0x3400);
          cjkEntries.push(entry);
        }
        for (const k of a.latin2) {
          two.push(l(k >> 7) * 37 + l(k & 127));
          twoEntries.push(entry);
        }
        for (const k of a.latin3) {
          three.push((l(k >> 14) * 37 + l((k >> 7) & 127)) * 37 + l(k & 127));
          threeEntries.push(entry);
        }
      }
    }
    this.byCjk = anchorTable(0x9fff - 0x3400 + 1, cjk, cjkEntries);
    this.byLatin2 = anchorTable(37 * 37, two, twoEntries);
    this.byLatin3 = anchorTable(37 * 37 * 37, three, threeEntries);
  }

  private mark(table: AnchorTable, key: number, gen: number): void {
    const { entries, start } = table;
    for (let k = start[key], end = start[key + 1]; k < end; k++) {
      const i = entries[k] >> 3;
      const bit = 1 << (entries[k] & 7);
      if (this.stamp[i] !== gen) {
        this.stamp[i] = gen;
        this.mask[i] = 0;
      }
      if (this.mask[i] & bit) continue;
      this.mask[i] |= bit;
      if (this.mask[i] === this.full[i]) this.emit(i);
    }
  }

  private emit(i: number): void {
    if (this.n === this.out.length) {
      const grown = new Int32Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.n++] = i;
  }

  /** Indexes of the expressions that may match s (each once, in no particular order). */
  candidates(s: string): Int32Array {
    return this.found.subarray(0, this.collect(s));
  }

  /** The expressions of the last collect, in found[0, count): valid until the next call. */
  get found(): Int32Array {
    return this.out;
  }

  /** Collect the indexes of the expressions that may match s into `found`; how many. */
  collect(s: string): number {
    const gen = ++this.generation;
    this.n = 0;
    for (const i of this.always) this.emit(i);
    const len = s.length;
    for (let p = 0; p < len; p++) {
      const c = s.charCodeAt(p);
      if (isCjk(c)) this.mark(this.byCjk, c - 0x3400, gen);
      else if (p + 1 < len) {
        const x = latinIndex(c);
        if (x < 0) continue;
        const y = latinIndex(s.charCodeAt(p + 1));
        if (y < 0) continue;
        this.mark(this.byLatin2, x * 37 + y, gen);
        const z = p + 2 < len ? latinIndex(s.charCodeAt(p + 2)) : -1;
        if (z >= 0) this.mark(this.byLatin3, (x * 37 + y) * 37 + z, gen);
      }
    }
    return this.n;
  }
}
