// The summary SQL for the open session (the page's "Too big for the browser?" panel): the first
// order log among the session's files, with the user's kind and role choices over the guesses,
// its first rows as the sample, and the session's asOf, inactiveDays and period.
import { isSummaryHeader } from '../ingest/summary';
import type { FileKind, Role, RoleMap, Settings } from '../types';
import { SpecError, specFromSample, type SummarySpec } from './spec';

/** What the page knows of a file (worker/protocol.ts FileInfo). */
export interface SessionFile {
  file: string;
  kind: FileKind;
  header: string[];
  roles: RoleMap;
  /** The first rows. */
  preview: string[][];
}

export type SessionSpec = { ok: true; spec: SummarySpec; file: string } | { ok: false; reason: 'no-order-log' | 'no-customer-id' | 'no-order-date' };

/** The user's role choices over the guesses; a column holds at most one role (as analyze.applyRoleOverrides). */
function withOverrides(roles: RoleMap, header: string[], o?: Partial<Record<Role, number | null>>): RoleMap {
  const out = { ...roles };
  for (const [role, col] of Object.entries(o ?? {}) as [Role, number | null][]) {
    delete out[role];
    if (col === null || col < 0 || col >= header.length) continue;
    for (const r of Object.keys(out) as Role[]) if (out[r] === col) delete out[r];
    out[role] = col;
  }
  return out;
}

export function sessionSpec(files: readonly SessionFile[], settings: Settings, table = 'orders'): SessionSpec {
  const f = files.find((x) => (settings.kindOverrides?.[x.file] ?? x.kind) === 'orders' && !isSummaryHeader(x.header));
  if (!f) return { ok: false, reason: 'no-order-log' };
  const roles = withOverrides(f.roles, f.header, settings.roleOverrides?.[f.file]);
  const columns = f.header.map((_, c) => f.preview.map((row) => row[c] ?? ''));
  try {
    const spec = specFromSample(
      { source: f.file, header: f.header, roles, columns, rowCount: f.preview.length },
      { table, asOf: settings.asOf, inactiveDays: settings.inactiveDays, period: settings.period },
    );
    return { ok: true, spec, file: f.file };
  } catch (e) {
    if (e instanceof SpecError && e.code === 'sql-no-customerId') return { ok: false, reason: 'no-customer-id' };
    if (e instanceof SpecError && e.code === 'sql-no-orderDate') return { ok: false, reason: 'no-order-date' };
    throw e;
  }
}
