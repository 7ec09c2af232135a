// Train the churn-reason classifier: npm run train:classifier
//
// Reads tests/fixtures/reasons/train/*.tsv and tests/fixtures/reasons-labelled.ts (never the
// held-out file), turns each reason into its feature vector (src/core/causes/features.ts), and fits
// multinomial logistic regression with L2 by full-batch L-BFGS. Deterministic: folds come from a
// seeded generator and nothing else is random, so two runs write the same bytes.
//   1. 5-fold stratified cross-validation (int8 weights, as shipped): accuracy overall, per
//      language, per cause;
//   2. a temperature fitted on the out-of-fold scores (calibration) and the reliability curve;
//   3. the abstain threshold: the confidence below which a guess is right less than one time in
//      three, so `unclassified` is answered (see chooseThreshold);
//   4. the model fitted on everything, written to src/core/causes/model-weights.ts.
// Options: --tune[=JSON list of {l2, …KIND_WEIGHTS}] (cross-validate each setting, write nothing),
//          --ablate[=weak|id,id…] (cross-validate without rules, write nothing),
//          --errors (list the out-of-fold mistakes), --similarity (how often reasons this
//          similar share their cause: the basis of learn.ts's threshold; write nothing).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { featureDim, type FeatureVector, featurize, KIND_WEIGHTS, RULE_BASE } from '../src/core/causes/features.ts';
import { SIMILARITY_THRESHOLD, similarityVector } from '../src/core/causes/learn.ts';
import { calibrate, type LinearModel, logitsOf } from '../src/core/causes/model.ts';
import { normalizeReason } from '../src/core/causes/normalize.ts';
import { RULES } from '../src/core/causes/rules.ts';
import { CAUSES } from '../src/core/causes/taxonomy.ts';
import type { CauseId } from '../src/core/types/index.ts';
import { type LabelledReason, LANGS, readTrainingCorpus } from './lib/reason-corpus.ts';
import { mulberry32 } from './lib/rng.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'src/core/causes/model-weights.ts');
const SEED = 20261129;
const FOLDS = 5;
/** L2 strength (on the mean log-loss), chosen with --tune. */
let L2 = 3e-7;
const MAX_ITER = 250;

const CLASSES = CAUSES.map<CauseId>((c) => c.id);
const K = CLASSES.length;
const UNCLASSIFIED = CLASSES.indexOf('unclassified');

interface Example {
  row: LabelledReason;
  x: FeatureVector;
  y: number;
}

// ---------------------------------------------------------------------------------------------
// Softmax regression by L-BFGS

/** L-BFGS iterations of each fit, for the report. */
const iterations: number[] = [];

interface Fit {
  w: Float64Array; // dim × K, feature-major
  b: Float64Array;
}

function lossAndGrad(data: readonly Example[], dim: number, p: Float64Array, g: Float64Array): number {
  const nw = dim * K;
  g.fill(0);
  const z = new Float64Array(K);
  let loss = 0;
  for (const { x, y } of data) {
    for (let c = 0; c < K; c++) z[c] = p[nw + c];
    for (let n = 0; n < x.idx.length; n++) {
      const v = x.val[n];
      const base = x.idx[n] * K;
      for (let c = 0; c < K; c++) z[c] += v * p[base + c];
    }
    let max = -Infinity;
    for (let c = 0; c < K; c++) if (z[c] > max) max = z[c];
    let sum = 0;
    for (let c = 0; c < K; c++) sum += z[c] = Math.exp(z[c] - max);
    loss -= Math.log(z[y] / sum);
    for (let c = 0; c < K; c++) z[c] = z[c] / sum - (c === y ? 1 : 0);
    for (let n = 0; n < x.idx.length; n++) {
      const v = x.val[n];
      const base = x.idx[n] * K;
      for (let c = 0; c < K; c++) g[base + c] += v * z[c];
    }
    for (let c = 0; c < K; c++) g[nw + c] += z[c];
  }
  const inv = 1 / data.length;
  let reg = 0;
  for (let i = 0; i < nw; i++) {
    g[i] = g[i] * inv + L2 * p[i];
    reg += p[i] * p[i];
  }
  for (let c = 0; c < K; c++) g[nw + c] *= inv;
  return loss * inv + 0.5 * L2 * reg;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

function train(data: readonly Example[], dim: number, maxIter = MAX_ITER): Fit {
  const n = dim * K + K;
  const m = 10;
  let p = new Float64Array(n);
  let g = new Float64Array(n);
  let f = lossAndGrad(data, dim, p, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const alpha = new Array<number>(m);
  let it = 0;
  for (; it < maxIter; it++) {
    // Two-loop recursion: d = −H·g
    d.set(g);
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(S[k], d);
      const y = Y[k];
      for (let i = 0; i < n; i++) d[i] -= alpha[k] * y[i];
    }
    const gamma = S.length ? dot(S[S.length - 1], Y[Y.length - 1]) / dot(Y[Y.length - 1], Y[Y.length - 1]) : 1 / Math.sqrt(dot(g, g));
    for (let i = 0; i < n; i++) d[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], d);
      const s = S[k];
      for (let i = 0; i < n; i++) d[i] += s[i] * (alpha[k] - beta);
    }
    for (let i = 0; i < n; i++) d[i] = -d[i];
    const slope = dot(g, d);
    if (slope >= 0) break;
    // Backtracking line search (Armijo).
    let step = 1;
    const pNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = Infinity;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < n; i++) pNew[i] = p[i] + step * d[i];
      fNew = lossAndGrad(data, dim, pNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = pNew[i] - p[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    const done = Math.abs(f - fNew) < 1e-7 * Math.max(1, Math.abs(f));
    p = pNew;
    g = gNew;
    f = fNew;
    if (done) break;
  }
  iterations.push(it);
  return { w: p.subarray(0, dim * K), b: p.subarray(dim * K) };
}

/** int8 weights with one scale per cause, as shipped. */
function quantise(fit: Fit, dim: number): LinearModel {
  const scale = new Float32Array(K);
  for (let c = 0; c < K; c++) {
    let max = 0;
    for (let j = 0; j < dim; j++) max = Math.max(max, Math.abs(fit.w[j * K + c]));
    scale[c] = max > 0 ? max / 127 : 1;
  }
  const q = new Int8Array(dim * K);
  for (let j = 0; j < dim; j++) for (let c = 0; c < K; c++) q[j * K + c] = Math.round(fit.w[j * K + c] / scale[c]);
  return { classes: CLASSES, dim, q, scale, bias: Float32Array.from(fit.b), temperature: 1, threshold: 0 };
}

// ---------------------------------------------------------------------------------------------
// Cross-validation

function folds(data: readonly Example[]): Int32Array {
  const rand = mulberry32(SEED);
  const fold = new Int32Array(data.length);
  for (let c = 0; c < K; c++) {
    const members = data.map((e, i) => (e.y === c ? i : -1)).filter((i) => i >= 0);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [members[i], members[j]] = [members[j], members[i]];
    }
    members.forEach((i, k) => (fold[i] = k % FOLDS));
  }
  return fold;
}

/** Out-of-fold raw scores, one row of K per example. */
function crossValidate(data: readonly Example[], dim: number, maxIter = MAX_ITER): Float64Array[] {
  const fold = folds(data);
  const out = new Array<Float64Array>(data.length);
  for (let f = 0; f < FOLDS; f++) {
    const model = quantise(
      train(
        data.filter((_, i) => fold[i] !== f),
        dim,
        maxIter,
      ),
      dim,
    );
    data.forEach((e, i) => {
      if (fold[i] !== f) return;
      const z = new Float64Array(K);
      logitsOf(model, e.x.idx, e.x.val, z);
      out[i] = z;
    });
  }
  return out;
}

const argmax = (z: ArrayLike<number>) => {
  let best = 0;
  for (let c = 1; c < z.length; c++) if (z[c] > z[best]) best = c;
  return best;
};

function accuracy(data: readonly Example[], pred: ArrayLike<number>, pick: (e: Example) => boolean = () => true) {
  let n = 0;
  let ok = 0;
  data.forEach((e, i) => {
    if (!pick(e)) return;
    n++;
    if (pred[i] === e.y) ok++;
  });
  return { n, ok, acc: n ? ok / n : NaN };
}

/** Mean negative log-likelihood at a temperature. */
function nll(data: readonly Example[], z: Float64Array[], t: number): number {
  let s = 0;
  data.forEach((e, i) => {
    const p = calibrate(Float64Array.from(z[i]), t);
    s -= Math.log(Math.max(p[e.y], 1e-12));
  });
  return s / data.length;
}

function fitTemperature(data: readonly Example[], z: Float64Array[]): number {
  // Golden-section search on log T in [log 0.05, log 20].
  let a = Math.log(0.05);
  let b = Math.log(20);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60; k++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (nll(data, z, Math.exp(c)) < nll(data, z, Math.exp(d))) b = d;
    else a = c;
  }
  return Math.round(Math.exp((a + b) / 2) * 1e4) / 1e4;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(data: readonly Example[], z: Float64Array[]) {
  const pred = z.map(argmax);
  const all = accuracy(data, pred);
  console.log(`cross-validation (${FOLDS}-fold, int8 weights): ${pct(all.acc)} of ${all.n}`);
  const byLang = LANGS.map((l) => ({ l, ...accuracy(data, pred, (e) => e.row.lang === l) })).filter((x) => x.n > 0);
  console.log(`  per language: ${byLang.map((x) => `${x.l} ${pct(x.acc)} (${x.n})`).join(', ')}`);
  console.log('  per cause:');
  for (let c = 0; c < K; c++) {
    const a = accuracy(data, pred, (e) => e.y === c);
    const predicted = pred.filter((p) => p === c).length;
    const correct = data.filter((e, i) => e.y === c && pred[i] === c).length;
    console.log(
      `    ${CLASSES[c].padEnd(24)} recall ${pct(a.acc).padStart(6)}  precision ${pct(predicted ? correct / predicted : NaN).padStart(6)}  (${a.n})`,
    );
  }
  return pred;
}

function reliability(data: readonly Example[], z: Float64Array[], t: number) {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, ok: 0 }));
  data.forEach((e, i) => {
    const p = calibrate(Float64Array.from(z[i]), t);
    const c = argmax(p);
    const b = bins[Math.min(9, Math.floor(p[c] * 10))];
    b.n++;
    b.conf += p[c];
    if (c === e.y) b.ok++;
  });
  console.log('  reliability (confidence bin: mean confidence → accuracy, count):');
  let ece = 0;
  bins.forEach((b, k) => {
    if (!b.n) return;
    ece += (b.n / data.length) * Math.abs(b.conf / b.n - b.ok / b.n);
    console.log(
      `    ${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)}: ${pct(b.conf / b.n).padStart(6)} → ${pct(b.ok / b.n).padStart(6)}  (${b.n})`,
    );
  });
  console.log(`  expected calibration error ${pct(ece)}`);
}

/**
 * The confidence below which `unclassified` is answered. A wrong cause is taken to cost half a
 * right one (it moves a customer into the wrong bar; `unclassified` only leaves them for review),
 * so a guess pays when it is right at least one time in three: the threshold maximises
 * right − ½ × wrong guesses over the out-of-fold predictions.
 */
function chooseThreshold(data: readonly Example[], z: Float64Array[], t: number): number {
  const items = data.map((e, i) => {
    const p = calibrate(Float64Array.from(z[i]), t);
    const c = argmax(p);
    return { conf: p[c], right: c === e.y, abstainRight: e.y === UNCLASSIFIED, guessUnclassified: c === UNCLASSIFIED };
  });
  let best = { th: 0, utility: -Infinity, acc: 0 };
  for (let k = 0; k <= 60; k++) {
    const th = k / 100;
    let ok = 0;
    let wrong = 0;
    let abstain = 0;
    for (const it of items) {
      const abstains = it.conf < th && !it.guessUnclassified;
      if (abstains) abstain++;
      if (abstains ? it.abstainRight : it.right) ok++;
      else if (!abstains) wrong++;
    }
    const utility = ok - 0.5 * wrong;
    if (utility > best.utility + 1e-9) best = { th, utility, acc: ok / items.length };
    if (k % 10 === 0 || k === 60)
      console.log(`    threshold ${th.toFixed(2)}: accuracy ${pct(ok / items.length)}, abstains on ${abstain}, wrong guesses ${wrong}`);
  }
  console.log(`  abstain threshold ${best.th.toFixed(2)} (out-of-fold accuracy there ${pct(best.acc)})`);
  return best.th;
}

// ---------------------------------------------------------------------------------------------

function examplesOf(rows: readonly LabelledReason[]): Example[] {
  const byKey = new Map<string, Example>();
  const conflicts: string[] = [];
  for (const row of rows) {
    const key = normalizeReason(row.text);
    if (key === '') continue; // empty text is `unclassified` before the model
    const prev = byKey.get(key);
    if (prev) {
      if (prev.row.cause !== row.cause) conflicts.push(`  "${row.text}": ${prev.row.cause} (${prev.row.from}) vs ${row.cause} (${row.from})`);
      continue;
    }
    byKey.set(key, { row, x: featurize(key), y: CLASSES.indexOf(row.cause) });
  }
  if (conflicts.length) console.log(`${conflicts.length} reasons labelled twice with different causes (first kept):\n${conflicts.join('\n')}`);
  return [...byKey.values()];
}

function withoutRule(data: readonly Example[], r: number): Example[] {
  return data.map((e) => {
    const keep = [...e.x.idx].map((i, k) => (i === RULE_BASE + r ? -1 : k)).filter((k) => k >= 0);
    return { ...e, x: { idx: Int32Array.from(keep, (k) => e.x.idx[k]), val: Float32Array.from(keep, (k) => e.x.val[k]) } };
  });
}

async function main() {
  const t0 = performance.now();
  const args = new Set(process.argv.slice(2));
  const { rows, errors, files } = await readTrainingCorpus(resolve(ROOT, 'tests/fixtures/reasons/train'));
  if (errors.length) {
    console.error(errors.join('\n'));
    process.exit(1);
  }
  console.log(`read ${rows.length} labelled reasons: ${files.join(', ')} + reasons-labelled.ts`);
  const dim = featureDim();

  const tune = process.argv.find((a) => a.startsWith('--tune'));
  if (tune) {
    // --tune or --tune='[{"l2":1e-5,"latinChar":0.5}, …]'
    type Config = { l2: number } & Partial<typeof KIND_WEIGHTS>;
    const configs: Config[] = tune.includes('=')
      ? (JSON.parse(tune.slice(tune.indexOf('=') + 1)) as Config[])
      : [{ l2: 1e-6 }, { l2: 3e-6 }, { l2: 1e-5 }, { l2: 3e-5 }];
    const base = { ...KIND_WEIGHTS };
    for (const { l2, ...kw } of configs) {
      Object.assign(KIND_WEIGHTS, base, kw);
      L2 = l2;
      const data = examplesOf(rows);
      const z = crossValidate(data, dim);
      const acc = accuracy(data, z.map(argmax)).acc;
      console.log(`tune: L2 ${l2} ${JSON.stringify(KIND_WEIGHTS)}: ${pct(acc)}  (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    return;
  }

  const data = examplesOf(rows);
  const count = (pick: (e: Example) => boolean) => data.filter(pick).length;
  console.log(
    `${data.length} distinct after normalising: ${LANGS.map((l) => `${l} ${count((e) => e.row.lang === l)}`).join(', ')}\n` +
      `  per cause: ${CLASSES.map((c, k) => `${c} ${count((e) => e.y === k)}`).join(', ')}`,
  );

  if (args.has('--similarity')) {
    // What a correction does to the reasons near it. Every out-of-fold mistake A is taken as a
    // correction to its true cause; each other reason B at similarity ≥ s would follow it. By
    // similarity: how often B's true cause is A's (right after following) against how often the
    // model was right on B, for all such B and for those the model gave A's (wrong) cause.
    const pred = crossValidate(data, dim).map(argmax);
    const vecs = data.map((e) => similarityVector(normalizeReason(e.row.text)));
    const dense = new Float64Array(dim);
    type B = { n: number; after: number; before: number };
    const mk = () => Array.from({ length: 10 }, (): B => ({ n: 0, after: 0, before: 0 }));
    const all = mk();
    const gated = mk();
    const at: B = { n: 0, after: 0, before: 0 };
    let corrections = 0;
    for (let a = 0; a < data.length; a++) {
      const va = vecs[a];
      if (va.norm === 0 || pred[a] === data[a].y) continue;
      corrections++;
      for (let n = 0; n < va.v.idx.length; n++) dense[va.v.idx[n]] = va.v.val[n];
      for (let b = 0; b < data.length; b++) {
        const vb = vecs[b];
        if (b === a || vb.norm === 0) continue;
        let d = 0;
        for (let n = 0; n < vb.v.idx.length; n++) d += dense[vb.v.idx[n]] * vb.v.val[n];
        const sim = d / (va.norm * vb.norm);
        if (sim < 0.3) continue;
        const k = Math.min(9, Math.floor(sim * 10));
        if (sim >= SIMILARITY_THRESHOLD) {
          at.n++;
          if (data[b].y === data[a].y) at.after++;
          if (pred[b] === data[b].y) at.before++;
        }
        for (const bk of pred[b] === pred[a] ? [all[k], gated[k]] : [all[k]]) {
          bk.n++;
          if (data[b].y === data[a].y) bk.after++;
          if (pred[b] === data[b].y) bk.before++;
        }
      }
      for (let n = 0; n < va.v.idx.length; n++) dense[va.v.idx[n]] = 0;
    }
    console.log(`corrections of out-of-fold mistakes, reasons near them (threshold in use ${SIMILARITY_THRESHOLD}):`);
    for (const [name, bks] of [
      ['any reason', all],
      ['same model answer as the corrected one', gated],
    ] as const) {
      console.log(`  ${name}:`);
      bks.forEach((b, k) => {
        if (b.n)
          console.log(
            `    ${(k / 10).toFixed(1)}–${((k + 1) / 10).toFixed(1)}: ${String(b.n).padStart(6)} pairs, right after following ${pct(b.after / b.n)}, model right ${pct(b.before / b.n)}`,
          );
      });
    }
    console.log(
      `  at ${SIMILARITY_THRESHOLD}: ${corrections} corrections move ${at.n} reasons (${(at.n / corrections).toFixed(2)} each); ` +
        `right after following ${pct(at.after / at.n)}, model right ${pct(at.before / at.n)}`,
    );
    return;
  }

  const ablate = process.argv.find((a) => a.startsWith('--ablate'));
  if (ablate) {
    // --ablate: without each rule in turn; --ablate=a,b: without each of these; --ablate=weak: without
    // all rules of weight < 3 at once. 120 iterations per fit, to keep it to minutes.
    const list = ablate.includes('=') ? ablate.slice(ablate.indexOf('=') + 1) : '';
    const base = accuracy(data, crossValidate(data, dim, 120).map(argmax)).acc;
    console.log(`ablation baseline (120 iterations): ${pct(base)}`);
    const groups: { name: string; rules: number[] }[] =
      list === 'weak'
        ? [{ name: 'all rules of weight < 3', rules: RULES.flatMap((r, k) => (r.weight < 3 ? [k] : [])) }]
        : (list ? list.split(',') : RULES.map((r) => r.id)).map((id) => ({ name: id, rules: [RULES.findIndex((r) => r.id === id)] }));
    for (const g of groups) {
      let d = data;
      for (const r of g.rules) d = withoutRule(d, r);
      const acc = accuracy(d, crossValidate(d, dim, 120).map(argmax)).acc;
      console.log(`  without ${g.name.padEnd(32)} ${pct(acc)} (${acc >= base ? '+' : ''}${((acc - base) * 100).toFixed(2)})`);
    }
    return;
  }

  // 1. Cross-validation
  const z = crossValidate(data, dim);
  report(data, z);
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  if (args.has('--errors')) {
    // Out-of-fold mistakes on the training set (never the held-out file), for rule work.
    const pairs = new Map<string, string[]>();
    data.forEach((e, i) => {
      const p = argmax(z[i]);
      if (p === e.y) return;
      const key = `${CLASSES[e.y]} → ${CLASSES[p]}`;
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key)!.push(`${e.row.text}  [${e.row.from}]`);
    });
    for (const [key, list] of [...pairs].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`${key} ×${list.length}`);
      for (const t of list.slice(0, 12)) console.log(`    ${t}`);
    }
  }

  // 2. Calibration
  const temperature = fitTemperature(data, z);
  console.log(`calibration: temperature ${temperature} (log-loss ${nll(data, z, 1).toFixed(4)} → ${nll(data, z, temperature).toFixed(4)})`);
  reliability(data, z, temperature);

  // 3. Abstain threshold
  const threshold = chooseThreshold(data, z, temperature);

  // 4. The shipped model
  const model = quantise(train(data, dim), dim);
  const trainAcc = data.filter((e) => {
    const s = new Float64Array(K);
    logitsOf(model, e.x.idx, e.x.val, s);
    return argmax(s) === e.y;
  }).length;
  const b64 = Buffer.from(model.q.buffer, model.q.byteOffset, model.q.byteLength).toString('base64');
  const src =
    `// Generated by \`npm run train:classifier\` (scripts/train-classifier.ts): do not edit by hand.\n` +
    `// ${data.length} distinct labelled reasons; ${dim} features × ${K} causes as int8 with one scale per cause.\n` +
    `export const MODEL_WEIGHTS = {\n` +
    `  classes: ${JSON.stringify(CLASSES)},\n` +
    `  dim: ${dim},\n` +
    `  rules: ${JSON.stringify(RULES.map((r) => r.id).join(' '))},\n` +
    `  temperature: ${temperature},\n` +
    `  threshold: ${threshold},\n` +
    `  scale: ${JSON.stringify([...model.scale])},\n` +
    `  bias: ${JSON.stringify([...model.bias])},\n` +
    `  weights:\n    '${b64}',\n` +
    `};\n`;
  writeFileSync(OUT, src);
  console.log(`L-BFGS iterations per fit: ${iterations.join(', ')} (at most ${MAX_ITER})`);
  console.log(
    `wrote ${OUT}: ${(src.length / 1024).toFixed(0)} KB (${(model.q.byteLength / 1024).toFixed(0)} KB of int8 weights); ` +
      `training-set accuracy ${pct(trainAcc / data.length)}; ${((performance.now() - t0) / 1000).toFixed(1)} s in all`,
  );
}

await main();
