// The status each customer has under the settings in force: the user's mapping of a value
// (Settings.statusValues) over the lexicon's, and a report of every value of each status column
// with its count, the meaning in force and where it came from. Cheap: one pass over the distinct
// values, one over the customers.
import { statusClassOfKey } from '../ingest/status';
import { type CustomerModel, STATUS_CODE } from '../model/customers';
import type { Settings, StatusClass, StatusValuesReport } from '../types';

export interface ResolvedStatus {
  /** Per customer: 1 lost, 0 active, 2 not yet a customer, 3 ignore, -2 a value not recognised, -1 none. */
  status: Int8Array;
  report: StatusValuesReport[];
  /** Customers left out of the base, by file of their status value. */
  excluded: { prospect: number; ignore: number; byFile: Map<string, { prospect: number; ignore: number }> };
  /** A short fingerprint of the mapping in force, for memo keys. */
  key: string;
}

const isClass = (v: unknown): v is StatusClass => v === 'lost' || v === 'active' || v === 'prospect' || v === 'ignore';

export function resolveStatus(m: CustomerModel, settings: Pick<Settings, 'statusValues'>): ResolvedStatus {
  const sources = m.statusSources ?? [];
  const ref = m.statusRef;
  const excluded = { prospect: 0, ignore: 0, byFile: new Map<string, { prospect: number; ignore: number }>() };
  if (sources.length === 0 || !ref) return { status: m.status, report: [], excluded, key: '' };
  const total = sources.reduce((n, s) => n + s.keys.length, 0);
  const code = new Int8Array(total).fill(-1);
  const fileOf = new Array<string>(total);
  const report: StatusValuesReport[] = [];
  const user: string[] = [];
  for (const s of sources) {
    const mine = settings.statusValues?.[s.file];
    const values: StatusValuesReport['values'] = [];
    s.keys.forEach((key, j) => {
      const set = mine && Object.hasOwn(mine, key) && isClass(mine[key]) ? mine[key] : undefined;
      const auto = statusClassOfKey(key, s.flavour);
      const as = set ?? auto;
      if (set) user.push(`${s.file}\u0000${key}\u0000${set}`);
      code[s.offset + j] = as ? STATUS_CODE[as] : -2;
      fileOf[s.offset + j] = s.file;
      values.push({ value: s.values[j], key, count: s.counts[j], as, source: set ? 'user' : auto ? 'auto' : 'unknown' });
    });
    values.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    report.push({ file: s.file, column: s.column, values });
  }
  const status = new Int8Array(m.n);
  for (let i = 0; i < m.n; i++) {
    const r = ref[i];
    const c = r >= 0 ? code[r] : m.status[i] === 1 || m.status[i] === 0 ? m.status[i] : -1;
    status[i] = c;
    if (c === 2 || c === 3) {
      const f = r >= 0 ? fileOf[r] : '';
      let e = excluded.byFile.get(f);
      if (!e) excluded.byFile.set(f, (e = { prospect: 0, ignore: 0 }));
      if (c === 2) {
        excluded.prospect++;
        e.prospect++;
      } else {
        excluded.ignore++;
        e.ignore++;
      }
    }
  }
  return { status, report, excluded, key: user.join('\u0001') };
}
