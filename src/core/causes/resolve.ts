// Each churned customer's cause, from (in order of precedence) the user's choice for that
// customer, the user's choice for that reason (by normalised text), the closest of the user's
// choices for a similar reason (learn.ts), the classifier on the text (nudged by the customer's
// churn-category hint when the text is ambiguous), the hint alone when the text is empty or says
// nothing classifiable, or evidence in the data (the customer left after their rep did).
import type { Alternative, CauseEdits, CauseSource } from '../types';
import { type ClassificationDetail, classifyDetailed, decide, probabilitiesOf } from './classify';
import { resolveMerge } from './edits';
import { CorrectionIndex, type Follow, normalizeOverrides } from './learn';

export interface ChurnedInput {
  ids: readonly string[];
  reasons: readonly string[];
  /** 1 where the data shows the customer left within the window after their rep did. */
  repLeft?: ArrayLike<number>;
  /**
   * A coarse churn category per customer where the data has one (the IBM telco "Churn Category":
   * Competitor / Dissatisfaction / Attitude / Price / Other, or a 流失类别 column); '' when none.
   */
  hints?: readonly string[];
}

export interface CauseOptions {
  reasonOverrides?: Record<string, string>;
  customerOverrides?: Record<string, string>;
  causeEdits?: CauseEdits;
}

export interface ResolvedCauses {
  cause: string[];
  confidence: number[];
  source: CauseSource[];
  /** For source 'similar': the normalised text of the correction followed; otherwise null. */
  follows?: (string | null)[];
  /** The classifier's two most probable causes for the customer's reason ([] without one). */
  alternatives?: Alternative[][];
}

/** Log-odds added to the hint's cause: enough to settle a close call, not to overturn a clear one. */
export const HINT_WEIGHT = 1;

const NONE: Alternative[] = [];

/** The classifier's answer for a reason with a churn-category hint. */
function withHint(text: ClassificationDetail, hint: ClassificationDetail): { c: ClassificationDetail; fromHint: boolean } {
  const hintCause = hint.cause;
  if (hintCause === 'unclassified') return { c: text, fromHint: false };
  // Nothing classifiable in the text: the hint says what the data knows.
  if (text.cause === 'unclassified') return { c: hint, fromHint: true };
  // Ambiguous text: the hint is one more (low-weight) piece of evidence.
  const probs = probabilitiesOf(text.key);
  if (!probs) return { c: text, fromHint: false };
  const { classes, p } = probs;
  const at = classes.indexOf(hintCause);
  p[at] *= Math.exp(HINT_WEIGHT * hint.confidence);
  let sum = 0;
  for (const x of p) sum += x;
  for (let c = 0; c < p.length; c++) p[c] /= sum;
  return { c: decide(classes, p, text.key), fromHint: false };
}

/**
 * The corrections of the last analysis and what each reason followed: a settings change that
 * leaves the corrections alone does not compare every reason again.
 */
let lastCorrections: { sig: string; index: CorrectionIndex; follows: Map<string, Follow | null> } | null = null;
const FOLLOW_CACHE_LIMIT = 200_000;

function correctionsFor(byReason: ReadonlyMap<string, string>) {
  const sig = JSON.stringify([...byReason]);
  if (lastCorrections?.sig !== sig || lastCorrections.follows.size > FOLLOW_CACHE_LIMIT) {
    lastCorrections = { sig, index: new CorrectionIndex(byReason), follows: new Map() };
  }
  return lastCorrections;
}

/**
 * Each distinct text of `texts` once, and the slot of each item into them: reasons and hints
 * repeat (a few hundred distinct among tens of thousands of customers).
 */
function distinctTexts(texts: readonly string[]): { values: string[]; slot: Int32Array } {
  const at = new Map<string, number>();
  const values: string[] = [];
  const slot = new Int32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? '';
    let k = at.get(text);
    if (k === undefined) {
      at.set(text, (k = values.length));
      values.push(text);
    }
    slot[i] = k;
  }
  return { values, slot };
}

/** Each distinct text trimmed and classified once (null when it is empty). */
function classifyDistinct(values: readonly string[]): (ClassificationDetail | null)[] {
  const trimmed = values.map((t) => t.trim());
  const classified = classifyDetailed(trimmed.filter((t) => t !== ''));
  let next = 0;
  return trimmed.map((t) => (t ? classified[next++] : null));
}

export function resolveCauses(input: ChurnedInput, opts: CauseOptions): ResolvedCauses {
  const n = input.ids.length;
  // Only the written reasons go to the classifier (many churned customers have none), each once.
  const reasons = distinctTexts(input.reasons);
  const classified = classifyDistinct(reasons.values);
  const hints = input.hints ? distinctTexts(input.hints.map((h) => h ?? '')) : null;
  const hinted = hints ? classifyDistinct(hints.values) : null;
  // The classifier's answer nudged by a hint, once per (reason, hint) pair.
  const nudged = new Map<number, { c: ClassificationDetail; fromHint: boolean }>();

  const byReason = normalizeOverrides(opts.reasonOverrides);
  const corrections = byReason.size ? correctionsFor(byReason) : null;
  const index = corrections?.index ?? null;
  const followOf = (key: string) => {
    let f = corrections!.follows.get(key);
    if (f === undefined) corrections!.follows.set(key, (f = index!.nearest(key)));
    return f;
  };

  const byCustomer = opts.customerOverrides ?? {};
  const cause = new Array<string>(n);
  const confidence = new Array<number>(n);
  const source = new Array<CauseSource>(n);
  const follows = new Array<string | null>(n).fill(null);
  const alternatives = new Array<Alternative[]>(n);
  for (let i = 0; i < n; i++) {
    const reason = reasons.slot[i];
    const c0 = classified[reason];
    const key = c0 ? c0.key : '';
    const hintSlot = hints ? hints.slot[i] : -1;
    const h = hinted && hintSlot >= 0 ? hinted[hintSlot] : null;
    const hint = h && h.key !== '' ? h : null;
    alternatives[i] = c0?.alternatives ?? NONE;
    // Own properties only: an id such as "constructor" is data, not a lookup key.
    const own = Object.hasOwn(byCustomer, input.ids[i]) ? byCustomer[input.ids[i]] : undefined;
    const forText = key ? byReason.get(key) : undefined;
    const similar = key && forText === undefined && index ? followOf(key) : null;
    let c: string;
    if (own !== undefined) {
      c = own;
      confidence[i] = 1;
      source[i] = 'customer';
    } else if (forText !== undefined) {
      c = forText;
      confidence[i] = 1;
      source[i] = 'reason';
    } else if (similar) {
      c = similar.cause;
      confidence[i] = similar.similarity;
      source[i] = 'similar';
      follows[i] = similar.key;
    } else if (c0) {
      let got = { c: c0, fromHint: false };
      if (hint) {
        const pair = reason * hints!.values.length + hintSlot;
        let v = nudged.get(pair);
        if (!v) nudged.set(pair, (v = withHint(c0, hint)));
        got = v;
      }
      c = got.c.cause;
      confidence[i] = got.c.confidence;
      source[i] = got.fromHint ? 'hint' : 'stated';
      if (got.fromHint) alternatives[i] = got.c.alternatives;
    } else if (hint && hint.cause !== 'unclassified') {
      c = hint.cause;
      confidence[i] = hint.confidence;
      source[i] = 'hint';
      alternatives[i] = hint.alternatives;
    } else if (input.repLeft?.[i]) {
      c = 'staff-turnover';
      confidence[i] = 1;
      source[i] = 'inferred';
    } else {
      c = 'unclassified';
      confidence[i] = 0;
      source[i] = 'none';
    }
    cause[i] = resolveMerge(c, opts.causeEdits);
  }
  return { cause, confidence, source, follows, alternatives };
}
