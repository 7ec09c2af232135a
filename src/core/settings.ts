// The one place settings get their defaults and are checked: the page (every edit), the analysis
// (analyzePrepared), the command line, the session file and the stored sessions all go through
// normalizeSettings; the defaults themselves are data, in types/settings.ts. Wrong types and
// out-of-range values are refused with the path of the first bad field; entries that name a
// cause, role or column the build does not know are dropped and listed (a cause the user
// deleted, an old session); fields this build does not know are kept as they are, for the newer
// version that wrote them.
import { CAUSES } from './causes/taxonomy';
import { parseIsoDay } from './dates';
import { type CauseEdits, ROLES, type Settings, SETTINGS_DEFAULTS } from './types';

export type SettingsProblemCode =
  | 'type' // not the expected type or shape
  | 'range' // a number or list out of range, a date that is not one
  | 'unknown-cause' // an override or edit naming a cause this build and the user's edits do not have
  | 'unknown-role'; // a role override for a role this build does not have

export interface SettingsProblem {
  /** Where: `inactiveDays`, `reasonOverrides["too dear"]`, `causeEdits.added[2].id`… */
  path: string;
  code: SettingsProblemCode;
}

export type SettingsCheck = { ok: true; settings: Settings; dropped: SettingsProblem[] } | { ok: false; problems: SettingsProblem[] };

export class SettingsError extends Error {
  constructor(readonly problems: SettingsProblem[]) {
    super(`invalid settings: ${problems.map((p) => `${p.path} (${p.code})`).join(', ')}`);
    this.name = 'SettingsError';
  }
}

const CHURN_MODES = ['auto', 'status', 'inactivity'] as const;
const PERIODS = ['month', 'quarter'] as const;
const KINDS = ['customers', 'orders', 'staff'] as const;
const STATUS_CLASSES = ['lost', 'active', 'prospect', 'ignore'] as const;
const TENURE_UNITS = ['day', 'month', 'year'] as const;
/** A day count above a century is a typo, not a setting. */
const MAX_DAYS = 36_500;
const MAX_TIERS = 10;
const BUILTIN_CAUSES: ReadonlySet<string> = new Set(CAUSES.map((c) => c.id));
const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (k: string) => JSON.stringify(k);
const dayCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_DAYS;

/** A map of own string keys; `null` when `v` is not a plain object. A prototype-free copy, so "__proto__" is data. */
function entries(v: unknown): [string, unknown][] | null {
  return isObject(v) ? Object.keys(v).map((k) => [k, v[k]]) : null;
}

const record = <T>(pairs: [string, T][]): Record<string, T> => {
  const out: Record<string, T> = {};
  for (const [k, v] of pairs) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
};

class Checker {
  problems: SettingsProblem[] = [];
  dropped: SettingsProblem[] = [];
  bad(path: string, code: SettingsProblemCode = 'type'): undefined {
    this.problems.push({ path, code });
    return undefined;
  }
  drop(path: string, code: SettingsProblemCode) {
    this.dropped.push({ path, code });
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string): T | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return this.bad(path);
    return (allowed as readonly string[]).includes(v) ? (v as T) : this.bad(path, 'range');
  }

  /** Ids a cause override may name: the built-in causes and the user's own. */
  causeEdits(v: unknown): { edits: CauseEdits | undefined; known: Set<string> } {
    const known = new Set(BUILTIN_CAUSES);
    if (v === undefined) return { edits: undefined, known };
    if (!isObject(v)) return { edits: this.bad('causeEdits'), known };
    const out: CauseEdits = {};
    const rest = entries(v)!.filter(([k]) => !['names', 'controllable', 'added', 'mergedInto'].includes(k));
    if (v.added !== undefined) {
      if (!Array.isArray(v.added)) this.bad('causeEdits.added');
      else {
        out.added = [];
        v.added.forEach((a: unknown, k: number) => {
          const path = `causeEdits.added[${k}]`;
          if (!isObject(a) || typeof a.id !== 'string' || a.id === '') return this.bad(path);
          if (!(a.controllable === null || typeof a.controllable === 'boolean')) return this.bad(`${path}.controllable`);
          if (BUILTIN_CAUSES.has(a.id)) return this.bad(`${path}.id`, 'range');
          if (known.has(a.id)) return this.drop(`${path}.id`, 'range'); // the same cause twice: keep the first
          known.add(a.id);
          out.added!.push({ ...a, id: a.id, controllable: a.controllable });
        });
      }
    }
    const map = <T>(name: 'names' | 'controllable' | 'mergedInto', ok: (x: unknown) => x is T, target?: boolean) => {
      const value = v[name];
      if (value === undefined) return;
      const pairs = entries(value);
      if (!pairs) return this.bad(`causeEdits.${name}`);
      const kept: [string, T][] = [];
      for (const [id, x] of pairs) {
        const path = `causeEdits.${name}[${key(id)}]`;
        if (!ok(x)) {
          this.bad(path);
          continue;
        }
        if (!known.has(id) || (target && !known.has(x as string))) this.drop(path, 'unknown-cause');
        else kept.push([id, x]);
      }
      (out as Record<string, unknown>)[name] = record(kept);
    };
    map('names', (x): x is string => typeof x === 'string');
    map('controllable', (x): x is boolean | null => x === null || typeof x === 'boolean');
    map('mergedInto', (x): x is string => typeof x === 'string', true);
    for (const [k, x] of rest) (out as Record<string, unknown>)[k] = x;
    return { edits: out, known };
  }

  overrides(v: unknown, name: string, known: ReadonlySet<string>): Record<string, string> | undefined {
    if (v === undefined) return undefined;
    const pairs = entries(v);
    if (!pairs) return this.bad(name);
    const kept: [string, string][] = [];
    for (const [k, cause] of pairs) {
      const path = `${name}[${key(k)}]`;
      if (typeof cause !== 'string') this.bad(path);
      else if (!known.has(cause)) this.drop(path, 'unknown-cause');
      else kept.push([k, cause]);
    }
    return record(kept);
  }

  roleOverrides(v: unknown): Settings['roleOverrides'] {
    if (v === undefined) return undefined;
    const files = entries(v);
    if (!files) return this.bad('roleOverrides');
    const out: [string, Record<string, number | null>][] = [];
    for (const [file, roles] of files) {
      const pairs = entries(roles);
      if (!pairs) {
        this.bad(`roleOverrides[${key(file)}]`);
        continue;
      }
      const kept: [string, number | null][] = [];
      for (const [role, col] of pairs) {
        const path = `roleOverrides[${key(file)}].${role}`;
        if (!(col === null || (typeof col === 'number' && Number.isInteger(col) && col >= 0)))
          this.bad(path, typeof col === 'number' ? 'range' : 'type');
        else if (!KNOWN_ROLES.has(role)) this.drop(path, 'unknown-role');
        else kept.push([role, col]);
      }
      out.push([file, record(kept)]);
    }
    return record(out);
  }

  /** file → key → one of `allowed` (kind overrides are one level; status values two). */
  fileMap<T extends string>(v: unknown, name: string, allowed: readonly T[]): Record<string, T> | undefined {
    if (v === undefined) return undefined;
    const pairs = entries(v);
    if (!pairs) return this.bad(name);
    const kept: [string, T][] = [];
    for (const [k, x] of pairs) {
      const ok = this.oneOf(x, allowed, `${name}[${key(k)}]`);
      if (ok !== undefined) kept.push([k, ok]);
      else if (x === undefined) this.bad(`${name}[${key(k)}]`);
    }
    return record(kept);
  }

  statusValues(v: unknown): Settings['statusValues'] {
    if (v === undefined) return undefined;
    const files = entries(v);
    if (!files) return this.bad('statusValues');
    return record(
      files.flatMap(([file, values]): [string, Record<string, (typeof STATUS_CLASSES)[number]>][] => {
        const m = this.fileMap(values, `statusValues[${key(file)}]`, STATUS_CLASSES);
        return m ? [[file, m]] : [];
      }),
    );
  }

  strings(v: unknown, name: string): string[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.bad(name);
    const bad = v.findIndex((x) => typeof x !== 'string');
    if (bad >= 0) return this.bad(`${name}[${bad}]`);
    return [...new Set(v as string[])];
  }

  tiers(v: unknown): number[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.bad('tiers');
    const bad = v.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
    if (bad >= 0) return this.bad(`tiers[${bad}]`);
    const cuts = [...new Set(v as number[])].sort((a, b) => a - b);
    if (cuts.length === 0 || cuts.length > MAX_TIERS) return this.bad('tiers', 'range');
    const out = cuts.findIndex((c) => c <= 0 || c >= 1);
    if (out >= 0) return this.bad(`tiers[${(v as number[]).indexOf(cuts[out])}]`, 'range');
    return cuts;
  }
}

/** Fields this module reads; any other field is kept untouched. */
const KNOWN = new Set([
  'asOf',
  'inactiveDays',
  'reasonOverrides',
  'customerOverrides',
  'causeEdits',
  'roleOverrides',
  'kindOverrides',
  'churnMode',
  'period',
  'groupBy',
  'survivalBy',
  'tiers',
  'repWindowDays',
  'statusValues',
  'tenureUnit',
]);

/**
 * Settings as stored, sent or typed → complete, checked settings. Defaults fill what is absent;
 * `asOf: ''` and `undefined` fields mean "not set". Pure; the input is not changed.
 */
export function normalizeSettings(raw: unknown): SettingsCheck {
  const c = new Checker();
  if (!isObject(raw)) return { ok: false, problems: [{ path: 'settings', code: 'type' }] };
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined) out[k] = v;
  };

  if (raw.asOf !== undefined && raw.asOf !== '') {
    if (typeof raw.asOf !== 'string') c.bad('asOf');
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(raw.asOf) || parseIsoDay(raw.asOf) === null) c.bad('asOf', 'range');
    else set('asOf', raw.asOf);
  }
  for (const k of ['inactiveDays', 'repWindowDays'] as const) {
    const v = raw[k] === undefined ? SETTINGS_DEFAULTS[k] : raw[k];
    if (typeof v !== 'number') c.bad(k);
    else if (!dayCount(v)) c.bad(k, 'range');
    else set(k, v);
  }
  set('churnMode', c.oneOf(raw.churnMode ?? SETTINGS_DEFAULTS.churnMode, CHURN_MODES, 'churnMode'));
  set('period', c.oneOf(raw.period ?? SETTINGS_DEFAULTS.period, PERIODS, 'period'));
  set('tiers', c.tiers(raw.tiers ?? SETTINGS_DEFAULTS.tiers));
  set('groupBy', c.strings(raw.groupBy, 'groupBy'));
  if (raw.survivalBy !== undefined) {
    if (typeof raw.survivalBy !== 'string') c.bad('survivalBy');
    else if (raw.survivalBy !== '') set('survivalBy', raw.survivalBy);
  }
  const { edits, known } = c.causeEdits(raw.causeEdits);
  set('causeEdits', edits);
  set('reasonOverrides', c.overrides(raw.reasonOverrides, 'reasonOverrides', known));
  set('customerOverrides', c.overrides(raw.customerOverrides, 'customerOverrides', known));
  set('roleOverrides', c.roleOverrides(raw.roleOverrides));
  set('kindOverrides', c.fileMap(raw.kindOverrides, 'kindOverrides', KINDS));
  set('statusValues', c.statusValues(raw.statusValues));
  set('tenureUnit', c.oneOf(raw.tenureUnit, TENURE_UNITS, 'tenureUnit'));
  for (const k of Object.keys(raw)) if (!KNOWN.has(k) && raw[k] !== undefined) out[k] = raw[k];

  if (c.problems.length) return { ok: false, problems: c.problems };
  return { ok: true, settings: out as unknown as Settings, dropped: c.dropped };
}

/** normalizeSettings for callers that pass settings they built: a bad field is a programming error. */
export function checkedSettings(raw: unknown): Settings {
  const r = normalizeSettings(raw);
  if (!r.ok) throw new SettingsError(r.problems);
  return r.settings;
}

/** The settings with a patch on top; `undefined` (or `asOf: ''`) in the patch clears a field. */
export function patchSettings(base: Settings, patch: Partial<Settings>): SettingsCheck {
  return normalizeSettings({ ...base, ...patch });
}
