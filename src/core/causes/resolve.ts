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
  const classified = classifyMany(texts);
  const byReason = opts.reasonOverrides ?? {};
  const byCustomer = opts.customerOverrides ?? {};
  const cause = new Array<string>(n);
  const confidence = new Array<number>(n);
  const source = new Array<CauseSource>(n);
  for (let i = 0; i < n; i++) {
    const own = byCustomer[input.ids[i]];
    const forText = texts[i] ? byReason[texts[i]] : undefined;
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
    } else {
      c = classified[i].cause;
      confidence[i] = classified[i].confidence;
      source[i] = texts[i] ? 'stated' : 'none';
    }
    cause[i] = resolveMerge(c, opts.causeEdits);
  }
  return { cause, confidence, source };
}
