// The learned part of the classifier: multinomial logistic regression over features.ts vectors,
// trained by scripts/train-classifier.ts and shipped in model-weights.ts as int8 weights with one
// scale per cause. Probabilities are calibrated by a temperature fitted on cross-validated
// predictions; below the abstain threshold a reason stays `unclassified`.
import { MODEL_WEIGHTS } from './model-weights';
import { featureDim } from './features';
import { RULES } from './rules';
import type { CauseId } from '../types';

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

/** Raw scores (before the temperature) of a sparse vector. */
export function logitsOf(m: LinearModel, idx: Int32Array, val: Float32Array, out: Float64Array): void {
  const k = m.classes.length;
  // int8 weights as shipped: a quarter of the memory of floats, so they stay in cache.
  const q = m.q;
  out.fill(0);
  for (let n = 0; n < idx.length; n++) {
    const v = val[n];
    const base = idx[n] * k;
    for (let c = 0; c < k; c++) out[c] += v * q[base + c];
  }
  for (let c = 0; c < k; c++) out[c] = out[c] * m.scale[c] + m.bias[c];
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
