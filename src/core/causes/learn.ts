// Learning from the user's corrections. `Settings.reasonOverrides` maps a reason to the cause the
// user chose, keyed by the normalised text (older sessions keyed by the text as written are
// normalised on read). Each corrected text becomes a nearest-neighbour example on the classifier's
// own feature vectors: a reason whose cosine similarity to a correction reaches the threshold
// follows that correction instead of the model (the closest correction wins). Character n-grams
// make 太貴 and 价格太贵了吧 close to 太贵了; the rule features (one concept "the price is high" for
// 贵 / expensive / pricey) make "too pricey" close to it across languages. Causes the user added
// (`custom-…`) are predicted the same way, from their corrected examples. Removing an override
// brings every follower back to the model's answer: nothing else is stored.
import { type FeatureVector, featurize, RULE_BASE } from './features';
import { normalizeReason } from './normalize';
import { RULES } from './rules';

/**
 * Cosine similarity from which a reason follows a correction. A reason that shares one strong
 * concept and little else with a short corrected reason ("too pricey" ~ 太贵了: 0.70) follows
 * it; a longer story that also names the concept does not. On the training corpus
 * (npm run train:classifier -- --similarity), a correction of one of the model's out-of-fold
 * mistakes moves about one other labelled reason at this threshold: few, because the model's
 * mistakes there are mostly mixed reasons whose plainer neighbours it already gets right.
 */
export const SIMILARITY_THRESHOLD = 0.65;
/** Weight of the rule (concept) block against the unit-length n-gram block, for similarity. */
export const CONCEPT_WEIGHT = 1.5;

/** The key a correction of this reason is stored under. */
export function reasonKey(text: string): string {
  return normalizeReason(text.trim());
}

/** Normalised key → cause; of two keys that normalise alike, the later one wins. */
export function normalizeOverrides(overrides: Record<string, string> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!overrides) return out;
  for (const [text, cause] of Object.entries(overrides)) {
    const key = reasonKey(text);
    if (key === '') continue;
    out.delete(key); // keep insertion order = order of the last correction
    out.set(key, cause);
  }
  return out;
}

/**
 * The overrides after the user sets (or, with null, removes) the cause of a reason: stored under
 * the normalised key, and older keys that normalise to it are dropped. Pure: returns a new object.
 */
export function withReasonOverride(overrides: Record<string, string> | undefined, text: string, cause: string | null): Record<string, string> {
  const key = reasonKey(text);
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(overrides ?? {})) if (reasonKey(k) !== key) next[k] = v;
  if (cause !== null && key !== '') next[key] = cause;
  return next;
}

/** Characters of text whose n-grams weigh as much as one strong concept (see similarityVector). */
export const SHORT_TEXT = 6;
const MIN_CONCEPT = 3;

/**
 * The vector used for similarity: the n-gram block scaled to √(characters / SHORT_TEXT), so a
 * long story is not "like" a short reason just because both name one concept; the strong rule
 * concepts (weight ≥ 3) weighted by CONCEPT_WEIGHT, the weak ones (a bare "price") left out.
 */
export function similarityVector(key: string): { v: FeatureVector; norm: number } {
  const v = featurize(key);
  let chars = 0;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== 32) chars++;
  const scale = Math.sqrt(Math.max(1, chars) / SHORT_TEXT);
  let norm = 0;
  for (let n = 0; n < v.idx.length; n++) {
    if (v.idx[n] >= RULE_BASE) v.val[n] *= RULES[v.idx[n] - RULE_BASE].weight >= MIN_CONCEPT ? CONCEPT_WEIGHT : 0;
    else v.val[n] *= scale;
    norm += v.val[n] * v.val[n];
  }
  return { v, norm: Math.sqrt(norm) };
}

export interface Follow {
  /** Normalised text of the correction followed. */
  key: string;
  cause: string;
  similarity: number;
}

/** The user's corrections as nearest-neighbour examples. */
export class CorrectionIndex {
  readonly size: number;
  private readonly keys: string[];
  private readonly causes: string[];
  private readonly norms: Float64Array;
  /** feature index → [correction, value] pairs */
  private readonly postings = new Map<number, { k: number; v: number }[]>();
  private readonly dots: Float64Array;

  constructor(corrections: ReadonlyMap<string, string>) {
    this.keys = [...corrections.keys()];
    this.causes = [...corrections.values()];
    this.size = this.keys.length;
    this.norms = new Float64Array(this.size);
    this.dots = new Float64Array(this.size);
    this.keys.forEach((key, k) => {
      const { v, norm } = similarityVector(key);
      this.norms[k] = norm;
      for (let n = 0; n < v.idx.length; n++) {
        let list = this.postings.get(v.idx[n]);
        if (!list) this.postings.set(v.idx[n], (list = []));
        list.push({ k, v: v.val[n] });
      }
    });
  }

  /** The closest correction at or above the threshold (ties: the later correction), or null. */
  nearest(key: string, threshold = SIMILARITY_THRESHOLD): Follow | null {
    if (this.size === 0 || key === '') return null;
    const { v, norm } = similarityVector(key);
    if (norm === 0) return null;
    const dots = this.dots;
    dots.fill(0);
    for (let n = 0; n < v.idx.length; n++) {
      const list = this.postings.get(v.idx[n]);
      if (list) for (const p of list) dots[p.k] += p.v * v.val[n];
    }
    let best = -1;
    let bestSim = threshold;
    for (let k = 0; k < this.size; k++) {
      if (this.norms[k] === 0) continue;
      const sim = dots[k] / (norm * this.norms[k]);
      if (sim >= bestSim) {
        best = k;
        bestSim = sim;
      }
    }
    return best < 0 ? null : { key: this.keys[best], cause: this.causes[best], similarity: Math.min(1, Math.round(bestSim * 1000) / 1000) };
  }
}

/** Cosine similarity of two reasons on the correction-matching vectors (for tests and tuning). */
export function similarity(a: string, b: string): number {
  const index = new CorrectionIndex(new Map([[reasonKey(a), '']]));
  return index.nearest(reasonKey(b), -1)?.similarity ?? 0;
}
