// Classifier of free-text churn reasons (Chinese, Traditional Chinese, English, mixed).
//
// Pipeline, per distinct reason:
//   1. normalise (normalize.ts): NFKC (full-width → half-width), lower case, Traditional →
//      Simplified, abbreviations spelled out; this is also the cache key and the key of the
//      user's corrections;
//   2. cut into clauses (segment.ts): text after "but / 但是 / 不过" weighs 2×, a clause opened by
//      "although / 虽然" ½×, one naming the "main" reason 1.5×; mark negation scopes ("not the
//      price", "价格不是问题", "服务没问题");
//   3. features (features.ts): hashed character 1–4-grams, Latin word uni/bigrams (negated ones
//      under another name), and one feature per cue rule that hits outside a negation (rules.ts:
//      one table of bilingual concepts, each with examples that must match);
//   4. score (model.ts): multinomial logistic regression, int8 weights in model-weights.ts,
//      trained by `npm run train:classifier` (5-fold cross-validated, seeded); probabilities are
//      calibrated with a temperature fitted on out-of-fold predictions;
//   5. decide: the most probable cause, unless its calibrated confidence is below the abstain
//      threshold chosen by the training script: then `unclassified`. Empty text → `unclassified`
//      with confidence 0. The two most probable causes are kept as alternatives for review.
// The user's corrections (learn.ts) and the churn-category hints (resolve.ts) act after this.

import type { Alternative, CauseId } from '../types';
import { featurizeInto, featurizeShared, sharedFeatures } from './features';
import { calibrate, logitsOf, shippedModel } from './model';
import { normalizeReason } from './normalize';
import { RULES } from './rules';

export { normalizeReason } from './normalize';

export interface Classification {
  cause: CauseId;
  confidence: number;
}

export interface ClassificationDetail extends Classification {
  /** The two most probable causes (never `unclassified`), with calibrated confidences. */
  alternatives: Alternative[];
  /** The normalised text. */
  key: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Calibrated probabilities of every cause, in the model's class order (null for empty text). */
export function probabilitiesOf(key: string): { classes: readonly CauseId[]; p: Float64Array } | null {
  if (key === '') return null;
  const m = shippedModel();
  const v = featurizeShared(key);
  const z = new Float64Array(m.classes.length);
  logitsOf(m, v.idx, v.val, z);
  return { classes: m.classes, p: calibrate(z, m.temperature) };
}

/** The decision from calibrated probabilities (shared with the hint nudge in resolve.ts). */
export function decide(classes: readonly CauseId[], p: ArrayLike<number>, key: string): ClassificationDetail {
  let best = 0;
  // The two most probable causes other than `unclassified` (first index wins a tie).
  let a = -1;
  let b = -1;
  for (let c = 0; c < p.length; c++) {
    if (p[c] > p[best]) best = c;
    if (classes[c] === 'unclassified') continue;
    if (a < 0 || p[c] > p[a]) {
      b = a;
      a = c;
    } else if (b < 0 || p[c] > p[b]) b = c;
  }
  const alternatives: Alternative[] = [];
  for (const c of [a, b]) if (c >= 0) alternatives.push({ cause: classes[c], confidence: round(p[c]) });
  const confidence = round(p[best]);
  const cause = confidence < shippedModel().threshold ? 'unclassified' : classes[best];
  return { cause, confidence, alternatives, key };
}

/** Scores of the reason being classified: decide reads them at once, so one array serves every reason. */
let scratch = new Float64Array(0);

function classifyKey(key: string): ClassificationDetail {
  if (key === '') return { cause: 'unclassified', confidence: 0, alternatives: [], key };
  const m = shippedModel();
  const n = featurizeInto(key);
  const v = sharedFeatures();
  if (scratch.length !== m.classes.length) scratch = new Float64Array(m.classes.length);
  logitsOf(m, v.idx, v.val, scratch, n);
  return decide(m.classes, calibrate(scratch, m.temperature), key);
}

/** Normalised text → result, and raw text → result (skips normalising repeats). */
const cache = new Map<string, ClassificationDetail>();
const rawCache = new Map<string, ClassificationDetail>();
const CACHE_LIMIT = 200_000;

/** Every reason with its alternatives and normalised text; identical reasons are classified once. */
export function classifyDetailed(texts: readonly string[]): ClassificationDetail[] {
  const out = new Array<ClassificationDetail>(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const raw = texts[i] ?? '';
    let c = rawCache.get(raw);
    if (!c) {
      const key = normalizeReason(raw);
      c = cache.get(key);
      if (!c) {
        c = classifyKey(key);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, c);
      }
      if (rawCache.size >= CACHE_LIMIT) rawCache.clear();
      rawCache.set(raw, c);
    }
    out[i] = c;
  }
  return out;
}

/** Classify many reasons; identical reasons (after normalisation) are classified once. */
export function classifyMany(texts: readonly string[]): Classification[] {
  return classifyDetailed(texts).map((c) => ({ cause: c.cause, confidence: c.confidence }));
}

/** Classify one free-text churn reason. */
export function classifyReason(text: string): Classification {
  return classifyMany([text ?? ''])[0];
}

/**
 * What the first classification pays for once, paid now: the model decoded, the rules compiled,
 * the prefilter built, and every rule's expression and the classifier's own code run once (on
 * the first example of each rule, through no cache, so no result changes). For a worker to call while it
 * waits for a file, so the first analysis does not wait for it (about 100 ms of a cold start).
 */
export function warmUpClassifier(): void {
  for (const rule of RULES) classifyKey(normalizeReason(rule.examples[0]));
}
