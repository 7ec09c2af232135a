// Each churned customer's cause, from (in order of precedence) the user's choice for that
// customer, the user's choice for that reason (by normalised text), the closest of the user's
// choices for a similar reason (learn.ts), the classifier on the text (nudged by the customer's
// churn-category hint when the text is ambiguous), the hint alone when the text is empty or says
// nothing classifiable, or evidence in the data (the customer left after their rep did).
import type { Alternative, CauseEdits, CauseSource } from '../types';
import { classifyDetailed, decide, probabilitiesOf, type ClassificationDetail } from './classify';
import { resolveMerge } from './edits';
import { CorrectionIndex, normalizeOverrides, type Follow } from './learn';

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

export function resolveCauses(input: ChurnedInput, opts: CauseOptions): ResolvedCauses {
  const n = input.ids.length;
  const texts = input.reasons.map((t) => t.trim());
  // Only the written reasons go to the classifier (many churned customers have none).
  const written = texts.filter((t) => t !== '');
  const classified = classifyDetailed(written);
  const hints = input.hints?.map((h) => (h ?? '').trim());
  const hinted = hints ? classifyDetailed(hints) : null;

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
  let next = 0;
  for (let i = 0; i < n; i++) {
    const c0 = texts[i] ? classified[next++] : null;
    const key = c0 ? c0.key : '';
    const hint = hinted && hinted[i].key !== '' ? hinted[i] : null;
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
      const { c: got, fromHint } = hint ? withHint(c0, hint) : { c: c0, fromHint: false };
      c = got.cause;
      confidence[i] = got.confidence;
      source[i] = fromHint ? 'hint' : 'stated';
      if (fromHint) alternatives[i] = got.alternatives;
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
