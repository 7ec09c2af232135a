// The user's changes to the taxonomy, per session: renamed causes, flipped controllable flags,
// causes of their own, and merges. Built-in ids never change; edits are applied on top.
import type { CauseEdits, TaxonomyEntry } from '../types';
import { causeById, CAUSES } from './taxonomy';

/** Follow merges to the cause that finally holds the customers (cycle-safe). */
export function resolveMerge(id: string, edits: CauseEdits | undefined): string {
  const into = edits?.mergedInto;
  if (!into) return id;
  const seen = new Set<string>();
  let cur = id;
  while (Object.hasOwn(into, cur) && !seen.has(cur)) {
    seen.add(cur);
    cur = into[cur];
  }
  return cur;
}

export function controllableOf(id: string, edits: CauseEdits | undefined): boolean | null {
  if (edits?.controllable && Object.hasOwn(edits.controllable, id)) return edits.controllable[id];
  const added = edits?.added?.find((a) => a.id === id);
  if (added) return added.controllable;
  return causeById(id)?.controllable ?? null;
}

/** Every cause a customer can be assigned to after the edits (merged-away causes left out). */
export function effectiveTaxonomy(edits: CauseEdits | undefined): TaxonomyEntry[] {
  const ids = [...CAUSES.map((c) => c.id as string), ...(edits?.added ?? []).map((a) => a.id)];
  return ids
    .filter((id, k) => ids.indexOf(id) === k && resolveMerge(id, edits) === id)
    .map((id) => ({
      id,
      controllable: controllableOf(id, edits),
      name: edits?.names?.[id] ?? null,
      builtin: causeById(id) !== undefined,
    }));
}

/** A fresh id for a cause the user adds, stable and distinct from built-in ids. */
export function newCauseId(name: string, existing: readonly string[]): string {
  const base =
    'custom-' +
    (name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'cause');
  let id = base;
  for (let k = 2; existing.includes(id); k++) id = `${base}-${k}`;
  return id;
}
