// The feature vector of a normalised reason, shared by the model, its training script and the
// nearest-neighbour matching of the user's corrections:
//   - character 1–4-grams of each run of Chinese characters, 3–4-grams of each Latin word padded
//     with boundary marks ("^too$"; 1- and 2-grams did not help in cross-validation), Latin word
//     unigrams and bigrams, digits folded to 0, a symbol on its own, hashed with a sign into
//     BUCKETS slots; an n-gram inside a negation scope ("价格不是问题", "not the price") is hashed
//     under another name; each counts with the weight of its clause (segment.ts); this block has
//     unit length;
//   - one slot per rule (rules.ts) that hits outside a negation, valued weight / 3.5, scaled by its
//     clause's weight relative to the heaviest clause.
import { anchorGroupsOf, Prefilter } from './prefilter';
import { type CompiledRule, compiledRules, RULES } from './rules';
import { isNegatedHit, negationMask, type Segment, segment } from './segment';

export const HASH_BITS = 14;
export const BUCKETS = 1 << HASH_BITS;
const MASK = BUCKETS - 1;
/** Rule features follow the hashed ones. */
export const RULE_BASE = BUCKETS;
export const RULE_SCALE = 1 / 3.5;
/**
 * Relative weights of the n-gram kinds inside the hashed block and the n-gram lengths, chosen by
 * cross-validation (npm run train:classifier -- --tune=…); the training script may change them.
 */
export const KIND_WEIGHTS = { cjk: 1, cjkMaxN: 4, latinChar: 0.5, latinChar1: 0, latinMinN: 3, word: 1, bigram: 1, other: 1 };

export function featureDim(): number {
  return BUCKETS + RULES.length;
}

/** Sparse vector: parallel arrays, each index once. */
export interface FeatureVector {
  idx: Int32Array;
  val: Float32Array;
}

// Hash seeds per kind of n-gram; the negated variant of each is seed + 1.
const SEED_CJK = 0x1000;
const SEED_CHAR = 0x2000;
const SEED_WORD = 0x3000;
const SEED_BIGRAM = 0x4000;
const SEED_OTHER = 0x5000;

const fnv = (h: number, c: number) => Math.imul(h ^ c, 16777619);
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const enum Kind {
  Space,
  Cjk,
  Latin,
  Other,
}
function kindOf(c: number): Kind {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39) return Kind.Latin; // a-z 0-9 '
  if (c >= 0x3400 && c <= 0x9fff) return Kind.Cjk;
  if (c === 32 || c === 9 || c === 10 || c === 13) return Kind.Space;
  return Kind.Other;
}
/** Digits fold to 0: "3 months" and "6 months" share their n-grams. */
const fold = (c: number) => (c >= 49 && c <= 57 ? 48 : c);

// Scratch space, reused between calls (features are computed one reason at a time).
const acc = new Float32Array(BUCKETS);
const seen = new Uint8Array(BUCKETS);
let touched = new Int32Array(1024);
let nTouched = 0;

function add(h: number, v: number): void {
  const f = fmix(h);
  const i = f & MASK;
  if (!seen[i]) {
    seen[i] = 1;
    if (nTouched === touched.length) {
      const t = new Int32Array(touched.length * 2);
      t.set(touched);
      touched = t;
    }
    touched[nTouched++] = i;
  }
  acc[i] += f < 0 ? -v : v;
}

function ngrams(s: string, segs: readonly Segment[], neg: Uint8Array): void {
  const hasNeg = neg.length > 0;
  for (const seg of segs) {
    const w = seg.weight;
    const vCjk = w * KIND_WEIGHTS.cjk;
    const vChar = w * KIND_WEIGHTS.latinChar;
    const vChar1 = w * KIND_WEIGHTS.latinChar1;
    const minN = KIND_WEIGHTS.latinMinN;
    const vWord = w * KIND_WEIGHTS.word;
    const vBigram = w * KIND_WEIGHTS.bigram;
    const vOther = w * KIND_WEIGHTS.other;
    let prevWord = 0; // raw hash of the previous word in this clause, 0 if none
    let i = seg.start;
    while (i < seg.end) {
      const kind = kindOf(s.charCodeAt(i));
      if (kind === Kind.Space) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < seg.end && kindOf(s.charCodeAt(j)) === kind) j++;
      if (kind === Kind.Cjk) {
        for (let p = i; p < j; p++) {
          let h = SEED_CJK + (hasNeg ? neg[p] : 0);
          const stop = Math.min(j, p + KIND_WEIGHTS.cjkMaxN);
          for (let q = p; q < stop; q++) {
            h = fnv(h, s.charCodeAt(q));
            add(h, vCjk);
          }
        }
        prevWord = 0;
      } else if (kind === Kind.Latin) {
        const ng = hasNeg ? neg[i] : 0;
        // The word padded with boundary marks: codes 1 (start) and 2 (end) around its letters.
        const len = j - i + 2;
        for (let p = 0; p < len; p++) {
          let h = SEED_CHAR + ng;
          const stop = Math.min(len, p + 4);
          for (let q = p; q < stop; q++) {
            h = fnv(h, q === 0 ? 1 : q === len - 1 ? 2 : fold(s.charCodeAt(i + q - 1)));
            if (q - p + 1 >= minN && q > p) add(h, vChar);
            else if (vChar1 !== 0 && p > 0 && p < len - 1) add(h, vChar1); // single letters, not the lone marks
          }
        }
        let wh = SEED_WORD + ng;
        for (let k = i; k < j; k++) wh = fnv(wh, fold(s.charCodeAt(k)));
        add(wh, vWord);
        if (prevWord !== 0) add(fnv(fnv(SEED_BIGRAM + ng, prevWord), wh), vBigram);
        prevWord = wh;
      } else {
        for (let p = i; p < j; p++) add(fnv(SEED_OTHER + (hasNeg ? neg[p] : 0), s.charCodeAt(p)), vOther);
        prevWord = 0;
      }
      i = j;
    }
  }
}

const HAS_CJK = /[\u3400-\u9fff]/;
const HAS_LATIN = /[a-z]/;

interface Parts {
  /** Every rule part, flat, with the index of its rule. */
  parts: { re: RegExp; literal: string | null; rule: number }[];
  /** A part's anchors are in its own script, so one index serves every text. */
  filter: Prefilter;
}
let flat: Parts | null = null;
/** Which rule parts can match a text (prefilter.ts); built on first use. */
function ruleParts(rules: readonly CompiledRule[]): Parts {
  if (flat) return flat;
  const parts = rules.flatMap((r, rule) => r.parts.map((p) => ({ re: p.re, literal: p.literal, rule, src: p.src })));
  flat = { parts, filter: new Prefilter(anchorGroupsOf(parts.map((p) => p.src))) };
  return flat;
}

/**
 * Rule index → strongest clause weight where it hit outside a negation (0: no hit). `all` runs
 * every rule part without the prefilter (for its test).
 */
export function ruleHits(s: string, segs: readonly Segment[] = segment(s), all = false): Float64Array {
  return ruleHitsInto(new Float64Array(RULES.length), s, segs, all);
}

/** ruleHits into `out`, which holds zeros. */
function ruleHitsInto(out: Float64Array, s: string, segs: readonly Segment[], all: boolean): Float64Array {
  if (s === '') return out;
  const rules = compiledRules();
  if (!HAS_CJK.test(s) && !HAS_LATIN.test(s)) {
    for (let r = 0; r < rules.length; r++) scan(s, rules[r].otherRe, segs, out, r);
    return out;
  }
  const { parts, filter } = ruleParts(rules);
  const n = all ? parts.length : filter.collect(s);
  const found = filter.found;
  for (let j = 0; j < n; j++) {
    const p = parts[all ? j : found[j]];
    if (p.literal !== null) scanLiteral(s, p.literal, segs, out, p.rule);
    else scan(s, p.re, segs, out, p.rule);
  }
  return out;
}

function segOf(segs: readonly Segment[], pos: number): number {
  for (let k = 0; k < segs.length; k++) if (pos < segs[k].end) return k;
  return segs.length - 1;
}

/** A hit at [at, end): counts for the rule unless negated or already counted with more weight. */
function consider(s: string, segs: readonly Segment[], out: Float64Array, r: number, at: number, end: number): void {
  const seg = segs[segOf(segs, end - 1)];
  if (seg.weight <= out[r]) return;
  const start = Math.min(seg.start, segs[segOf(segs, at)].start);
  if (isNegatedHit(s, start, seg.end, at, end)) return;
  out[r] = seg.weight;
}

function scan(s: string, re: RegExp, segs: readonly Segment[], out: Float64Array, r: number): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0].length === 0) re.lastIndex++;
    else consider(s, segs, out, r, m.index, m.index + m[0].length);
  }
}

function scanLiteral(s: string, lit: string, segs: readonly Segment[], out: Float64Array, r: number): void {
  for (let at = s.indexOf(lit); at >= 0; at = s.indexOf(lit, at + lit.length)) consider(s, segs, out, r, at, at + lit.length);
}

const hitScratch = new Float64Array(RULES.length);
let outIdx = new Int32Array(256);
let outVal = new Float32Array(256);

/**
 * The feature vector of a normalised reason in buffers shared between calls: valid until the next
 * call (the classifier scores it at once, without allocating).
 */
export function featurizeShared(s: string): FeatureVector {
  const n = featurizeInto(s);
  return { idx: outIdx.subarray(0, n), val: outVal.subarray(0, n) };
}

/** The shared buffers featurizeInto fills (read them after the call: they may have grown). */
export const sharedFeatures = (): FeatureVector => ({ idx: outIdx, val: outVal });

/** The feature vector of a normalised reason into the shared buffers: how many entries it has. */
export function featurizeInto(s: string): number {
  if (s === '') return 0;
  const segs = segment(s);
  nTouched = 0;
  ngrams(s, segs, negationMask(s, segs));
  let norm = 0;
  for (let k = 0; k < nTouched; k++) norm += acc[touched[k]] * acc[touched[k]];
  norm = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  // The hits go in an array of their own, read below and zeroed again.
  const hits = ruleHitsInto(hitScratch, s, segs, false);
  let maxSeg = 0;
  for (let r = 0; r < hits.length; r++) if (hits[r] > maxSeg) maxSeg = hits[r];
  if (outIdx.length < nTouched + hits.length) {
    outIdx = new Int32Array(2 * (nTouched + hits.length));
    outVal = new Float32Array(outIdx.length);
  }
  let n = 0;
  for (let k = 0; k < nTouched; k++) {
    const i = touched[k];
    if (acc[i] !== 0) {
      outIdx[n] = i;
      outVal[n++] = acc[i] * norm;
    }
    acc[i] = 0;
    seen[i] = 0;
  }
  for (let r = 0; r < hits.length; r++) {
    if (hits[r] > 0) {
      outIdx[n] = RULE_BASE + r;
      outVal[n++] = RULES[r].weight * RULE_SCALE * (hits[r] / maxSeg);
    }
  }
  hits.fill(0);
  return n;
}

/** The feature vector of a normalised reason (empty for empty text), in arrays of its own. */
export function featurize(s: string): FeatureVector {
  const v = featurizeShared(s);
  return { idx: v.idx.slice(), val: v.val.slice() };
}
