// The cause of each churned customer, resolved once per analysis and shared by every view that
// splits churn by cause (cause shares, reasons, churn over time, cross-tabs, the lost-customer list).
// Resolution itself (overrides, classifier, staff-turnover inference, merges) is causes/resolve.ts;
// this step only gathers the churned customers and the evidence the churn engine has about them.
import { type CauseOptions, resolveCauses, type ResolvedCauses } from '../causes/resolve';
import type { CustomerModel } from '../model/customers';
import { clipText } from '../text';
import type { ChurnState } from './definition';

export interface CauseAttribution {
  /** Churned customers (model indexes), in model order. */
  index: Int32Array;
  /** Aligned with index: reason text, revenue, and 1 where the churn followed the rep's departure. */
  reasons: string[];
  revenue: number[];
  repLeft: Uint8Array;
  resolved: ResolvedCauses;
}

export function attributeCauses(
  m: CustomerModel,
  s: ChurnState,
  revenue: Float64Array,
  afterRepLeft: Uint8Array,
  opts: CauseOptions,
): CauseAttribution {
  let n = 0;
  for (let i = 0; i < m.n; i++) if (s.churned[i]) n++;
  const index = new Int32Array(n);
  const ids = new Array<string>(n);
  const reasons = new Array<string>(n);
  const rev = new Array<number>(n);
  const repLeft = new Uint8Array(n);
  // The coarse category of each reason (Churn Category, 流失类别), a hint to the classifier.
  const category = m.reasonCategory?.some((v) => v !== '') ? m.reasonCategory : undefined;
  const hints: string[] | undefined = category ? new Array(n) : undefined;
  for (let i = 0, j = 0; i < m.n; i++) {
    if (!s.churned[i]) continue;
    index[j] = i;
    ids[j] = m.ids[i];
    if (hints) hints[j] = category![i];
    reasons[j] = m.reason[i];
    rev[j] = revenue[i];
    repLeft[j++] = afterRepLeft[i];
  }
  // The classifier reads at most MAX_CELL_CHARS of a reason (a pasted e-mail thread would stall it); tables keep the whole text.
  // Reasons repeat: each distinct one is clipped once.
  const clipped = new Map<string, string>();
  const clip = (r: string) => {
    let c = clipped.get(r);
    if (c === undefined) clipped.set(r, (c = clipText(r)));
    return c;
  };
  const resolved = resolveCauses({ ids, reasons: reasons.map(clip), repLeft, ...(hints ? { hints } : {}) }, opts);
  return { index, reasons, revenue: rev, repLeft, resolved };
}
