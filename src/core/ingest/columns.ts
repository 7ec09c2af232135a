// Column storage for ingest: cells go in straight from the decoded text (a start and end index),
// without a string per cell, which is what made a million-row log slow (allocation and GC of
// millions of short strings, then a hash of each fresh string to join on it).
//
// A column starts dictionary-encoded: each row holds an integer code, each distinct cell text is
// stored once (found by a hash of its characters). Ids, dates, regions, reps and statuses stay so,
// and later steps work on the distinct values (parse each date once, join each customer id once).
// A column that proves mostly distinct moves, losslessly, to one of two other forms:
//   number  every cell written as a plain decimal (-?digits[.digits], at most 15 digits, no
//           leading zeros): a mantissa and a count of decimals per row, so the exact text can be
//           written back and the value is mantissa / 10^decimals, which is the double `+text`
//           gives (both are exactly representable, so one division rounds correctly). Blank and
//           other cells are kept aside; too many others and the column becomes text.
//   text    characters packed in one growing buffer (order ids, free text).
// Every form reads back the raw cell text with get(r).
import type { Column } from '../types';

/** A column as given: ingest's own storage, or plain strings (tests, hand-made inputs). */
export type ColumnInput = Column | readonly string[];

/** Plain strings seen as a Column. */
export class ArrayColumn implements Column {
  constructor(readonly values: readonly string[]) {}
  get length(): number {
    return this.values.length;
  }
  get(r: number): string {
    return this.values[r];
  }
}

export const asColumn = (c: ColumnInput): Column => (isColumn(c) ? c : new ArrayColumn(c));

function isColumn(c: ColumnInput): c is Column {
  return typeof (c as Column).get === 'function';
}

/** The dictionary view of a column: a code per row and the distinct texts. */
export interface Dictionary {
  codes: Int32Array;
  values: readonly string[];
}

/**
 * The column's dictionary: its own when stored dictionary-encoded, else built by interning every
 * cell (the slow path, for columns that are mostly distinct or given as strings).
 */
export function dictionaryOf(c: ColumnInput): Dictionary {
  const col = asColumn(c);
  if (col instanceof CellColumn && col.kind === 'dict') return { codes: col.codes.subarray(0, col.length), values: col.values };
  const codes = new Int32Array(col.length);
  const values: string[] = [];
  const index = new Map<string, number>();
  for (let r = 0; r < col.length; r++) {
    const v = col.get(r);
    let k = index.get(v);
    if (k === undefined) {
      k = values.length;
      index.set(v, k);
      values.push(v);
    }
    codes[r] = k;
  }
  return { codes, values };
}

/** How many rows hold each code of a dictionary. */
export function codeCounts(d: Dictionary): Int32Array {
  const counts = new Int32Array(d.values.length);
  const codes = d.codes;
  for (let r = 0; r < codes.length; r++) counts[codes[r]]++;
  return counts;
}

/** The number form of a column stored as numbers, else null. */
export function numberForm(c: ColumnInput): CellColumn | null {
  return c instanceof CellColumn && c.kind === 'number' ? c : null;
}

/** First UTF-16 code of row r's text, NaN when empty (cheaper than get(r) on packed forms). */
export function firstCharCode(c: Column, r: number): number {
  return c instanceof CellColumn ? c.firstCharCode(r) : c.get(r).charCodeAt(0);
}

/** 10^k for k = 0..15, exact doubles. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Distinct values between checks of whether the column is mostly distinct. */
const CHECK_EVERY = 1 << 16;
/** At a check: a column of plain numbers this distinct (distinct / rows) is stored as numbers... */
const NUMBER_SHARE = 0.75;
/** ...and any other column this distinct as packed text. Customer ids in an order log stay below. */
const TEXT_SHARE = 0.9;
/**
 * Long text (descriptions, comments) is told apart sooner: at this many distinct values, a column
 * of text this long on average (and TEXT_SHARE distinct) leaves the dictionary, which would hash and
 * copy every cell of it for nothing.
 */
const EARLY_CHECK = 4096;
const LONG_TEXT = 32;
/**
 * ...and a column of plain decimals this distinct then (amounts, prices) becomes numbers. Customer
 * ids repeat more by then, even numeric ones in a log of a hundred thousand customers (85%).
 */
const EARLY_NUMBER_SHARE = 0.95;
/** ...and at this many, a column with no value repeated yet (order ids, references) becomes text. */
const UNIQUE_CHECK = 8192;
/**
 * Long text with no value repeated in its first this many rows becomes text then (a description
 * on every row). A catalog of a few thousand product names repeats well before: 256 picks from
 * 10,000 names repeat one with a chance of 96%.
 */
const LONG_UNIQUE_CHECK = 256;
/**
 * Text this long on average (descriptions, comments) is not copied: each cell is kept as where it
 * lies in the decoded text (see `refs`). Copying 45-character comments cost a third of the ingest
 * of a million of them; shorter text (order ids, references) is copied, which holds on to less
 * memory than the decoded text around it would.
 */
const REF_TEXT = LONG_TEXT;

/** decimals[r] of a blank cell, and of a cell kept aside in `other` (number form). */
export const BLANK = -1;
export const OTHER = -2;

/** Mantissa of the plain-decimal text[a, b), with its decimal count in `parsedScale`; NaN if not that form. */
let parsedScale = 0;
function plainDecimal(text: string, a: number, b: number): number {
  let i = a;
  const neg = text.charCodeAt(i) === 45; // -
  if (neg) i++;
  if (i >= b) return NaN;
  const first = text.charCodeAt(i);
  // No leading zeros ("007"), so the text can be written back from the mantissa.
  if (first === 48 && i + 1 < b && text.charCodeAt(i + 1) !== 46) return NaN;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0 && digits > 0) scale = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || scale === 0) return NaN; // "-", too long for an exact mantissa, "12."
  if (neg && m === 0) return NaN; // "-0" would lose its sign
  parsedScale = scale < 0 ? 0 : scale;
  return neg ? -m : m;
}

/** Plain-decimal text of a mantissa and decimal count (the inverse of plainDecimal). */
function decimalText(m: number, scale: number): string {
  let s = String(Math.abs(m));
  if (scale > 0) {
    if (s.length <= scale) s = '0'.repeat(scale + 1 - s.length) + s;
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return m < 0 ? `-${s}` : s;
}

const EMPTY_I32 = new Int32Array(0);
/** Smallest allocation of a growing array. */
const MIN_SIZE = 64;

/**
 * One column as ingest builds it, row by row, and reads it afterwards. One class for the three
 * forms (see the top of the file), so the row loop calls a single shape of object.
 */
export class CellColumn implements Column {
  kind: 'dict' | 'number' | 'text' = 'dict';
  length = 0;

  // dict: a code per row. The distinct texts are packed back to back in keyChars (code k is
  // keyChars[keyStarts[k], keyStarts[k + 1])) and made strings only when asked for (values).
  // An open-addressing table holds four words per slot, side by side: (hash, code * 2, start,
  // length), so a lookup reads one slot and the packed characters (two places in memory, not
  // four); or, for a key of at most 12 Latin-1 characters, (key words, code * 2 + 1): the key
  // itself, packed, so a lookup reads the slot alone and hashes three words, not the characters.
  // Small to start with: a fuzzed or pasted input may have hundreds of short columns.
  codes = new Int32Array(MIN_SIZE);
  private distinct = 0;
  private keyChars = new Uint16Array(MIN_SIZE * 4);
  private keyStarts = new Int32Array(MIN_SIZE);
  private hashes = new Int32Array(MIN_SIZE);
  private table = emptyTable(MIN_SIZE);
  private strings: string[] = [];

  /** `checkEvery`: distinct values between mostly-distinct checks, a power of 2 (smaller in tests). */
  constructor(private readonly checkEvery = CHECK_EVERY) {}
  /** Every distinct text so far is blank or a plain decimal: the column may become 'number'. */
  private numeric = true;
  /** While numeric: mantissa and decimal count (BLANK for '') of each distinct text, by code. */
  private keyMantissa = new Float64Array(MIN_SIZE);
  private keyScale = new Int8Array(MIN_SIZE);

  // number: mantissa and decimal count per row (BLANK, OTHER), the other cells' texts by row.
  mantissa = new Float64Array(0);
  decimals = new Int8Array(0);
  other = new Map<number, string>();

  // text: the characters of every row, back to back, and where each row ends; or, for long text,
  // where each row's cell lies in the text it was read from (`refs`: the texts, consecutive
  // repeats kept once; refAt, refFrom and refTo per row): the decoded chunks are kept instead of
  // copies of most of their characters, and a cell's string is made when it is read. A cell given
  // as a string of its own (a quoted cell with "", a row of the general path) is copied into
  // `chars` instead (refAt -1), so a million such strings are not kept alive one by one.
  private chars = new Uint16Array(0);
  private ends = EMPTY_I32;
  private used = 0;
  private refs: string[] | null = null;
  private refAt = EMPTY_I32;
  private refFrom = EMPTY_I32;
  private refTo = EMPTY_I32;

  /** Append the cell text[a, b). */
  pushRange(text: string, a: number, b: number): void {
    const r = this.length;
    if (this.kind === 'dict') {
      if (r === this.codes.length) this.codes = grow(this.codes, r * 2);
      this.codes[r] = this.code(text, a, b);
    } else if (this.kind === 'number') this.pushNumber(text, a, b, r);
    else this.pushText(text, a, b, r);
    this.length = r + 1;
    if (this.kind === 'dict') {
      // Just added a distinct value that is a multiple of CHECK_EVERY: time to look at the share.
      if ((this.distinct & (this.checkEvery - 1)) === 0 && this.codes[r] === this.distinct - 1) this.checkDistinct();
      else if (
        (this.distinct === LONG_UNIQUE_CHECK || this.distinct === EARLY_CHECK || this.distinct === UNIQUE_CHECK) &&
        this.codes[r] === this.distinct - 1
      )
        this.checkEarly();
    } else if (this.kind === 'number') {
      // Many cells that are not plain decimals: a column of text after all.
      const others = this.other.size;
      if (others > 0 && (others & 0x3ff) === 0 && this.decimals[r] === OTHER && others * 8 > r) this.toText();
    }
  }

  /** Append a whole cell. */
  push(s: string): void {
    this.pushRange(s, 0, s.length);
  }

  /** Drop the last row (a note under the table). */
  pop(): void {
    const r = --this.length;
    if (this.kind === 'number') this.other.delete(r);
    else if (this.refs) {
      if (this.refAt[r] < 0) this.used = this.refFrom[r]; // its copied characters were the last
    } else if (this.kind === 'text') this.used = r > 0 ? this.ends[r - 1] : 0;
  }

  /** The distinct texts of a dictionary column, by code. */
  get values(): string[] {
    const out = this.strings;
    for (let k = out.length; k < this.distinct; k++) out.push(charsText(this.keyChars, this.keyStarts[k], this.keyStarts[k + 1]));
    return out;
  }

  get(r: number): string {
    if (this.kind === 'dict') return this.values[this.codes[r]];
    if (this.kind === 'number') {
      const k = this.decimals[r];
      if (k === BLANK) return '';
      if (k === OTHER) return this.other.get(r)!;
      return decimalText(this.mantissa[r], k);
    }
    if (this.refs) {
      const k = this.refAt[r];
      const a = this.refFrom[r];
      const b = this.refTo[r];
      if (k < 0) return charsText(this.chars, a, b);
      const s = this.refs[k];
      return a === 0 && b === s.length ? s : s.slice(a, b);
    }
    const from = r > 0 ? this.ends[r - 1] : 0;
    return charsText(this.chars, from, this.ends[r]);
  }

  firstCharCode(r: number): number {
    if (this.kind === 'dict') return this.values[this.codes[r]].charCodeAt(0);
    if (this.kind === 'number') {
      const k = this.decimals[r];
      if (k === BLANK) return NaN;
      if (k === OTHER) return this.other.get(r)!.charCodeAt(0);
      const m = this.mantissa[r];
      if (m < 0) return 45; // -
      return m < POW10[k] ? 48 : String(m).charCodeAt(0);
    }
    if (this.refs) {
      const a = this.refFrom[r];
      if (a >= this.refTo[r]) return NaN;
      const k = this.refAt[r];
      return k < 0 ? this.chars[a] : this.refs[k].charCodeAt(a);
    }
    const from = r > 0 ? this.ends[r - 1] : 0;
    return from < this.ends[r] ? this.chars[from] : NaN;
  }

  /** Value of a number-form row written as a plain decimal; NaN for blank and other cells. */
  numberAt(r: number): number {
    const k = this.decimals[r];
    if (k < 0) return NaN;
    const x = this.mantissa[r] / POW10[k];
    return x === 0 ? 0 : x; // as +text gives: no negative zero
  }

  /** Code of text[a, b), added when new. */
  private code(text: string, a: number, b: number): number {
    const len = b - a;
    if (len <= INLINE_MAX) {
      // A short Latin-1 key (ids, dates, quantities, codes) is packed into three words, which are
      // its slot's key: no hash of the characters, no second read of them to compare.
      // Each character as code + 1 in one byte (so no key is another with NULs added); `all`
      // gathers the bytes' bits: above 255 when a character does not fit.
      let all = 0;
      let w0 = 0;
      let w1 = 0;
      let w2 = 0;
      const e0 = len < 4 ? b : a + 4;
      const e1 = len < 8 ? b : a + 8;
      let i = a;
      for (let shift = 0; i < e0; i++, shift += 8) {
        const c = text.charCodeAt(i) + 1;
        all |= c;
        w0 |= c << shift;
      }
      for (let shift = 0; i < e1; i++, shift += 8) {
        const c = text.charCodeAt(i) + 1;
        all |= c;
        w1 |= c << shift;
      }
      for (let shift = 0; i < b; i++, shift += 8) {
        const c = text.charCodeAt(i) + 1;
        all |= c;
        w2 |= c << shift;
      }
      if (all <= 255) return this.codeInline(w0, w1, w2, text, a, b);
    }
    return this.codeLong(text, a, b);
  }

  /** Code of a short key packed as (w0, w1, w2) (see code()). Linear probing. */
  private codeInline(w0: number, w1: number, w2: number, text: string, a: number, b: number): number {
    const h = hashWords(w0, w1, w2);
    const table = this.table;
    const mask = (table.length >> 2) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const t = table[at + 1];
      if (t < 0) return this.add(text, a, b, h, at, w0, w1, w2, 1);
      if ((t & 1) === 1 && table[at] === w0 && table[at + 2] === w1 && table[at + 3] === w2) return t >> 1;
    }
  }

  /** Code of any other key, by a hash of its characters. Linear probing. */
  private codeLong(text: string, a: number, b: number): number {
    const h = hashRange(text, a, b);
    const table = this.table;
    const keys = this.keyChars;
    const mask = (table.length >> 2) - 1;
    const len = b - a;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const t = table[at + 1];
      if (t < 0) return this.add(text, a, b, h, at, h, this.keyStarts[this.distinct], len, 0);
      if ((t & 1) === 1 || table[at] !== h || table[at + 3] !== len) continue;
      const start = table[at + 2];
      let i = 0;
      while (i < len && keys[start + i] === text.charCodeAt(a + i)) i++;
      if (i === len) return t >> 1;
    }
  }

  /**
   * A new distinct text[a, b) with hash h, into the empty table slot at `at`, which gets
   * (s0, code * 2 + packed, s2, s3): packed 1 for a short key (s0, s2, s3 its words), 0 for
   * another (the hash, where its characters start, their count).
   */
  private add(text: string, a: number, b: number, h: number, at: number, s0: number, s2: number, s3: number, packed: number): number {
    const k = this.distinct++;
    if (k + 1 >= this.keyStarts.length) {
      this.keyStarts = grow(this.keyStarts, k * 2);
      this.hashes = grow(this.hashes, k * 2);
    }
    const start = this.keyStarts[k];
    const end = start + (b - a);
    if (end > this.keyChars.length) this.keyChars = grow(this.keyChars, Math.max(end, this.keyChars.length * 2));
    const keys = this.keyChars;
    for (let i = a, j = start; i < b; i++, j++) keys[j] = text.charCodeAt(i);
    this.keyStarts[k + 1] = end;
    this.hashes[k] = h;
    const table = this.table;
    table[at] = s0;
    table[at + 1] = (k << 1) | packed;
    table[at + 2] = s2;
    table[at + 3] = s3;
    if (this.numeric) {
      // Every distinct text a plain decimal so far: keep its value, for toNumbers.
      if (k >= this.keyMantissa.length) {
        this.keyMantissa = grow(this.keyMantissa, k * 2);
        this.keyScale = grow(this.keyScale, k * 2);
      }
      if (a === b) this.keyScale[k] = BLANK;
      else {
        const m = plainDecimal(text, a, b);
        if (Number.isNaN(m)) {
          this.numeric = false;
          this.keyMantissa = new Float64Array(0);
          this.keyScale = new Int8Array(0);
        } else {
          this.keyMantissa[k] = m;
          this.keyScale[k] = parsedScale;
        }
      }
    }
    if ((k + 1) * 8 > table.length) this.rehash(); // at most half the slots in use
    return k;
  }

  /** Twice the slots: every used slot moves as it is, to where its code's hash now points. */
  private rehash(): void {
    const old = this.table;
    const table = emptyTable(old.length >> 1);
    const mask = (table.length >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      const t = old[from + 1];
      if (t < 0) continue;
      let slot = this.hashes[t >> 1] & mask;
      while (table[(slot << 2) + 1] >= 0) slot = (slot + 1) & mask;
      const at = slot << 2;
      table[at] = old[from];
      table[at + 1] = t;
      table[at + 2] = old[from + 2];
      table[at + 3] = old[from + 3];
    }
    this.table = table;
  }

  /**
   * At LONG_UNIQUE_CHECK distinct values long text not repeated once, at EARLY_CHECK long text or
   * plain decimals nearly all distinct, and at UNIQUE_CHECK text not repeated once, leave the
   * dictionary now rather than at CHECK_EVERY.
   */
  private checkEarly(): void {
    const k = this.distinct;
    const long = this.keyStarts[k] >= LONG_TEXT * k;
    if (k === LONG_UNIQUE_CHECK) {
      if (!this.numeric && long && k === this.length) this.toText();
    } else if (this.numeric) {
      if (k > EARLY_NUMBER_SHARE * this.length) this.toNumbers();
    } else if (k === UNIQUE_CHECK ? k === this.length : long && k > TEXT_SHARE * this.length) this.toText();
  }

  /** A mostly distinct column leaves the dictionary: as numbers if it can, else as packed text. */
  private checkDistinct(): void {
    const share = this.distinct / this.length;
    if (this.numeric && share > NUMBER_SHARE) this.toNumbers();
    else if (share > TEXT_SHARE) this.toText();
  }

  private toNumbers(): void {
    const n = this.length;
    const cap = Math.max(MIN_SIZE, n * 2);
    const dm = this.keyMantissa;
    const dk = this.keyScale;
    this.mantissa = new Float64Array(cap);
    this.decimals = new Int8Array(cap);
    for (let r = 0; r < n; r++) {
      const k = this.codes[r];
      this.mantissa[r] = dm[k];
      this.decimals[r] = dk[k];
    }
    this.kind = 'number';
    this.dropDictionary();
  }

  private pushNumber(text: string, a: number, b: number, r: number): void {
    if (r === this.mantissa.length) {
      this.mantissa = grow(this.mantissa, r * 2);
      this.decimals = grow(this.decimals, r * 2);
    }
    const m = a < b ? plainDecimal(text, a, b) : NaN;
    if (!Number.isNaN(m)) {
      this.mantissa[r] = m;
      this.decimals[r] = parsedScale;
    } else if (a === b) this.decimals[r] = BLANK;
    else {
      this.decimals[r] = OTHER;
      this.other.set(r, text.slice(a, b));
    }
  }

  /** Into text (packed, or strings when long), from whichever form the column is in. */
  private toText(): void {
    const n = this.length;
    let size = 0;
    if (this.kind === 'dict') {
      const { codes, keyStarts } = this;
      for (let r = 0; r < n; r++) size += keyStarts[codes[r] + 1] - keyStarts[codes[r]];
    } else for (let r = 0; r < n; r++) size += this.get(r).length;
    if (size >= REF_TEXT * n) {
      // Long text: the rows so far refer to their distinct texts (dict) or to their own strings.
      const cap = Math.max(MIN_SIZE, n * 2);
      this.refAt = new Int32Array(cap);
      this.refFrom = new Int32Array(cap);
      this.refTo = new Int32Array(cap);
      if (this.kind === 'dict') {
        this.refs = this.values.slice();
        for (let r = 0; r < n; r++) {
          const k = this.codes[r];
          this.refAt[r] = k;
          this.refTo[r] = this.refs[k].length;
        }
      } else {
        const refs: string[] = [];
        for (let r = 0; r < n; r++) {
          const v = this.get(r);
          this.refAt[r] = refs.length;
          this.refTo[r] = v.length;
          refs.push(v);
        }
        this.refs = refs;
      }
    } else {
      const ends = new Int32Array(Math.max(MIN_SIZE, n * 2));
      const chars = new Uint16Array(Math.max(MIN_SIZE, size * 2));
      let at = 0;
      if (this.kind === 'dict') {
        // Straight from the packed keys, without a string per distinct text.
        const { codes, keyStarts, keyChars } = this;
        for (let r = 0; r < n; r++) {
          const k = codes[r];
          for (let i = keyStarts[k], to = keyStarts[k + 1]; i < to; i++) chars[at++] = keyChars[i];
          ends[r] = at;
        }
      } else {
        for (let r = 0; r < n; r++) {
          const v = this.get(r);
          for (let i = 0; i < v.length; i++) chars[at++] = v.charCodeAt(i);
          ends[r] = at;
        }
      }
      this.chars = chars;
      this.ends = ends;
      this.used = at;
    }
    this.kind = 'text';
    this.dropDictionary();
    this.mantissa = new Float64Array(0);
    this.decimals = new Int8Array(0);
    this.other = new Map();
  }

  private pushText(text: string, a: number, b: number, r: number): void {
    const refs = this.refs;
    if (refs) {
      if (r === this.refAt.length) {
        this.refAt = grow(this.refAt, r * 2);
        this.refFrom = grow(this.refFrom, r * 2);
        this.refTo = grow(this.refTo, r * 2);
      }
      if (a === 0 && b === text.length) {
        // A cell of its own: its characters copied (see above).
        const need = this.used + b;
        if (need > this.chars.length) this.chars = grow(this.chars, Math.max(need, this.chars.length * 2));
        const chars = this.chars;
        let at = this.used;
        this.refAt[r] = -1;
        this.refFrom[r] = at;
        for (let i = 0; i < b; i++) chars[at++] = text.charCodeAt(i);
        this.refTo[r] = this.used = at;
        return;
      }
      // The same text as the row before (a chunk holds thousands of rows): compared as one object
      // first, so a chunk is not compared character by character.
      let k = refs.length - 1;
      if (k < 0 || refs[k] !== text) k = refs.push(text) - 1;
      this.refAt[r] = k;
      this.refFrom[r] = a;
      this.refTo[r] = b;
      return;
    }
    if (r === this.ends.length) this.ends = grow(this.ends, r * 2);
    const need = this.used + (b - a);
    if (need > this.chars.length) this.chars = grow(this.chars, Math.max(need, this.chars.length * 2));
    const chars = this.chars;
    let at = this.used;
    for (let i = a; i < b; i++) chars[at++] = text.charCodeAt(i);
    this.used = at;
    this.ends[r] = at;
  }

  private dropDictionary(): void {
    this.codes = EMPTY_I32;
    this.distinct = 0;
    this.strings = [];
    this.keyChars = new Uint16Array(0);
    this.keyStarts = EMPTY_I32;
    this.hashes = EMPTY_I32;
    this.keyMantissa = new Float64Array(0);
    this.keyScale = new Int8Array(0);
    this.table = EMPTY_I32;
  }
}

/** A dictionary table of `slots` (hash, code, start, length) slots, all empty (code -1). */
function emptyTable(slots: number): Int32Array {
  const t = new Int32Array(4 * slots);
  for (let s = 1; s < t.length; s += 4) t[s] = -1;
  return t;
}

/** Longest key packed into its table slot (three words of four Latin-1 characters). */
const INLINE_MAX = 12;

/** 32-bit hash of a packed short key (a 32-bit finalizer over the three words). */
function hashWords(w0: number, w1: number, w2: number): number {
  let h = w0 ^ Math.imul(w1, 0x85ebca6b) ^ Math.imul(w2, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * 32-bit hash of text[a, b): two UTF-16 codes per multiply (FNV-style), then a final mix so the
 * low bits, which pick the slot, depend on every character.
 */
function hashRange(text: string, a: number, b: number): number {
  let h = 0x811c9dc5 ^ (b - a);
  let i = a;
  for (; i + 1 < b; i += 2) h = Math.imul(h ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), 0x01000193);
  if (i < b) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

type Typed = Int32Array | Float64Array | Int8Array | Uint16Array;

function grow<T extends Typed>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(size, MIN_SIZE));
  out.set(a);
  return out;
}

/** Longest text made from one of SHORT_ARGS. */
const SHORT_TEXT = 32;
const SHORT_ARGS = Array.from({ length: SHORT_TEXT + 1 }, (_, n) => new Array<number>(n).fill(0));

/** String of chars[from, to), in pieces (fromCharCode takes its codes as arguments). */
function charsText(chars: Uint16Array, from: number, to: number): string {
  const n = to - from;
  if (n <= SHORT_TEXT) {
    // A short text: its codes through a reused plain array (no typed view made per text).
    const args = SHORT_ARGS[n];
    for (let i = 0; i < n; i++) args[i] = chars[from + i];
    return String.fromCharCode.apply(null, args);
  }
  let s = '';
  for (let at = from; at < to; at += 8192) s += String.fromCharCode.apply(null, chars.subarray(at, Math.min(to, at + 8192)) as unknown as number[]);
  return s;
}

/**
 * The columns of a file built by hand (tests, the summary file's order log, the command line's
 * DuckDB path), given as strings column by column: columns[c][r] is row r's text.
 */
export function textColumns(columns: readonly (readonly string[])[]): Column[] {
  return columns.map((values) => new ArrayColumn(values));
}
