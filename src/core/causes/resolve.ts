// Each churned customer's cause, from (in order of precedence) the user's choice for that
// customer, the user's choice for that reason text, the classifier on the text, or evidence in
// the data (the customer left after their rep did) when no reason was written.
import { classifyMany } from './classify';
import { resolveMerge, type CauseEdits } from './edits';

export type CauseSource = 'customer' | 'reason' | 'stated' | 'inferred' | 'none';

export interface ChurnedInput {
  ids: readonly string[];
  reasons: readonly string[];
  /** 1 where the data shows the customer left within the window after their rep did. */
  repLeft?: ArrayLike<number>;
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
}

export function resolveCauses(input: ChurnedInput, opts: CauseOptions): ResolvedCauses {
  const n = input.ids.length;
  const texts = input.reasons.map((t) => t.trim());
  // Only the written reasons go to the classifier (many churned customers have none).
  const written = texts.filter((t) => t !== '');
  const classified = classifyMany(written);
  let next = 0;
  const byReason = opts.reasonOverrides ?? {};
  const byCustomer = opts.customerOverrides ?? {};
  const cause = new Array<string>(n);
  const confidence = new Array<number>(n);
  const source = new Array<CauseSource>(n);
  for (let i = 0; i < n; i++) {
    // Own properties only: an id or a text such as "constructor" is data, not a lookup key.
    const own = Object.hasOwn(byCustomer, input.ids[i]) ? byCustomer[input.ids[i]] : undefined;
    const forText = texts[i] && Object.hasOwn(byReason, texts[i]) ? byReason[texts[i]] : undefined;
    let c: string;
    if (own !== undefined) {
      c = own;
      confidence[i] = 1;
      source[i] = 'customer';
    } else if (forText !== undefined) {
      c = forText;
      confidence[i] = 1;
      source[i] = 'reason';
    } else if (!texts[i] && input.repLeft?.[i]) {
      c = 'staff-turnover';
      confidence[i] = 1;
      source[i] = 'inferred';
    } else if (texts[i]) {
      c = classified[next].cause;
      confidence[i] = classified[next].confidence;
      source[i] = 'stated';
    } else {
      c = 'unclassified';
      confidence[i] = 0;
      source[i] = 'none';
    }
    if (texts[i]) next++;
    cause[i] = resolveMerge(c, opts.causeEdits);
  }
  return { cause, confidence, source };
}
