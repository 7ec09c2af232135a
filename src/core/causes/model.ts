// The learned part of the classifier: multinomial logistic regression over features.ts vectors,
// trained by scripts/train-classifier.ts and shipped in model-weights.ts as int8 weights with one
// scale per cause. Probabilities are calibrated by a temperature fitted on cross-validated
// predictions; below the abstain threshold a reason stays `unclassified`.
import type { CauseId } from '../types';
import { featureDim } from './features';
import { MODEL_WEIGHTS } from './model-weights';
import { RULES } from './rules';

export interface LinearModel {
  classes: readonly CauseId[];
  dim: number;
  /** dim × classes, feature-major: q[j * classes + c], int8 as shipped. */
  q: Int8Array;
  scale: Float32Array;
  bias: Float32Array;
  temperature: number;
  threshold: number;
}

/**
 * Raw scores (before the temperature) of a sparse vector (its first `len` entries). Each class's score is the sum of
 * v · weight over the features in order; classes are summed eight, then four, then one at a time
 * in local variables (kept in registers: more than twice as fast as adding into `out`), which
 * changes no sum, as each class still adds the same products in the same order.
 */
export function logitsOf(m: LinearModel, idx: Int32Array, val: Float32Array, out: Float64Array, len = idx.length): void {
  const k = m.classes.length;
  // int8 weights as shipped: a quarter of the memory of floats, so they stay in cache.
  const q = m.q;
  let c = 0;
  for (; c + 8 <= k; c += 8) {
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    let z4 = 0;
    let z5 = 0;
    let z6 = 0;
    let z7 = 0;
    for (let n = 0; n < len; n++) {
      const v = val[n];
      const at = idx[n] * k + c;
      z0 += v * q[at];
      z1 += v * q[at + 1];
      z2 += v * q[at + 2];
      z3 += v * q[at + 3];
      z4 += v * q[at + 4];
      z5 += v * q[at + 5];
      z6 += v * q[at + 6];
      z7 += v * q[at + 7];
    }
    out[c] = z0;
    out[c + 1] = z1;
    out[c + 2] = z2;
    out[c + 3] = z3;
    out[c + 4] = z4;
    out[c + 5] = z5;
    out[c + 6] = z6;
    out[c + 7] = z7;
  }
  for (; c + 4 <= k; c += 4) {
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    for (let n = 0; n < len; n++) {
      const v = val[n];
      const at = idx[n] * k + c;
      z0 += v * q[at];
      z1 += v * q[at + 1];
      z2 += v * q[at + 2];
      z3 += v * q[at + 3];
    }
    out[c] = z0;
    out[c + 1] = z1;
    out[c + 2] = z2;
    out[c + 3] = z3;
  }
  for (; c < k; c++) {
    let z = 0;
    for (let n = 0; n < len; n++) z += val[n] * q[idx[n] * k + c];
    out[c] = z;
  }
  for (c = 0; c < k; c++) out[c] = out[c] * m.scale[c] + m.bias[c];
}

/** Calibrated probabilities, in place: softmax(logits / temperature). */
export function calibrate(z: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const x of z) if (x > max) max = x;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp((z[c] - max) / temperature);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

function decodeBase64(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let loaded: LinearModel | null = null;

/** The shipped model, decoded on first use (not at import). */
export function shippedModel(): LinearModel {
  if (loaded) return loaded;
  const w = MODEL_WEIGHTS;
  const ruleIds = RULES.map((r) => r.id).join(' ');
  // A caller mistake, not a data problem: the rules changed after the model was trained.
  if (w.rules !== ruleIds || w.dim !== featureDim()) {
    throw new Error('model-weights.ts was trained with other rules or features: run npm run train:classifier');
  }
  const q = decodeBase64(w.weights);
  if (q.length !== w.dim * w.classes.length) throw new Error('model-weights.ts is damaged: run npm run train:classifier');
  loaded = {
    classes: w.classes as readonly CauseId[],
    dim: w.dim,
    q,
    scale: Float32Array.from(w.scale),
    bias: Float32Array.from(w.bias),
    temperature: w.temperature,
    threshold: w.threshold,
  };
  return loaded;
}
