// Never silently wrong: findings the analysis cannot settle alone (no churn signal, 0% or 100%
// churn, every stated reason unclassified, status values the lexicon cannot place, a role whose
// values mostly fail to parse, a tenure unit assumed), each as a Question with candidate columns
// (sample values with their counts), best first, and the settings one click would apply. The same
// findings go into issues with the same codes. Pure data: the page and the command line read it.
import type { ChurnState } from '../churn/definition';
import { CellColumn, codeCounts, dictionaryOf } from '../ingest/columns';
import { headerScores, statusFlavourOf } from '../ingest/header';
import { type Profile, profileColumn, shareOf } from '../ingest/profile';
import { isMissing } from '../ingest/values';
import type { CustomerModel } from '../model/customers';
import type { Column, Issue, ParsedFile, Question, QuestionCandidate, QuestionCode, Role, Settings, StatusClass, StatusValuesReport } from '../types';
import type { TenureDecision } from './tenure';
import { YEARS_UP_TO } from './tenure';

/** Candidates per question, and sample values per candidate. */
const MAX_CANDIDATES = 5;
const MAX_SAMPLES = 8;
/** Columns up to this long are counted exactly; longer ones from the profile's sample. */
const EXACT_COUNT_ROWS = 300_000;

export interface DiagnoseInput {
  files: ParsedFile[];
  model: CustomerModel;
  settings: Settings;
  state: ChurnState;
  customers: { total: number; churned: number };
  status: StatusValuesReport[];
  tenure: TenureDecision | null;
  /** Churned customers with a written reason, and of them those left unclassified. */
  reasons: { stated: number; unclassified: number };
  /** Profiles by "file\0column", kept between analyses of the same files. */
  profiles: Map<string, Profile>;
}

const DATE_ROLES = new Set<Role>(['signupDate', 'firstOrderDate', 'lastOrderDate', 'churnDate', 'orderDate', 'repJoinDate', 'repLeaveDate']);
const NUMBER_ROLES = new Set<Role>(['revenue', 'amount', 'quantity', 'unitPrice', 'tenure']);
/** Roles a status candidate may hold already: the user is choosing among these. */
const MAY_BE_STATUS = new Set<Role>(['status', 'segment', 'region', 'rep', 'reasonCategory']);
const MAY_BE_REASON = new Set<Role>(['reason', 'reasonCategory', 'segment']);

const roleOf = (f: ParsedFile, c: number): Role | undefined => (Object.keys(f.roles) as Role[]).find((r) => f.roles[r] === c);

function profileOf(input: DiagnoseInput, f: ParsedFile, c: number): Profile {
  const key = `${f.file}\u0000${c}`;
  let p = input.profiles.get(key);
  if (!p) input.profiles.set(key, (p = profileColumn(f.columns[c])));
  return p;
}

/** The most frequent values of a column with their counts: exact when affordable, else scaled from the sample. */
export function sampleValues(col: Column, p: Profile, limit = MAX_SAMPLES): { value: string; count: number }[] {
  if (col.length <= EXACT_COUNT_ROWS || (col instanceof CellColumn && col.kind === 'dict')) {
    const d = dictionaryOf(col);
    const counts = codeCounts(d);
    const merged = new Map<string, number>();
    d.values.forEach((v, k) => {
      if (counts[k] === 0 || isMissing(v)) return;
      const t = v.trim();
      merged.set(t, (merged.get(t) ?? 0) + counts[k]);
    });
    return [...merged]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([value, count]) => ({ value, count }));
  }
  return p.top.slice(0, limit).map((t) => ({ value: t.value, count: t.count * p.step }));
}

/** Settings with `role` of `file` set to column `index` (the whole map, ready to merge). */
function roleAnswer(settings: Settings, file: string, role: Role, index: number): Partial<Settings> {
  return { roleOverrides: { ...(settings.roleOverrides ?? {}), [file]: { ...(settings.roleOverrides?.[file] ?? {}), [role]: index } } };
}

function candidate(input: DiagnoseInput, f: ParsedFile, c: number, answer: Partial<Settings>): QuestionCandidate {
  return { file: f.file, column: f.header[c], index: c, samples: sampleValues(f.columns[c], profileOf(input, f, c)), answer };
}

/**
 * Columns of customer lists that could hold `role`, best first: those free or holding one of the
 * roles in `mayBe`, scored by `score` (null: not a candidate), `skip` being the column in force.
 */
function rankCandidates(
  input: DiagnoseInput,
  role: Role,
  mayBe: ReadonlySet<Role>,
  score: (f: ParsedFile, c: number, p: Profile) => number | null,
  skip?: { file: string; index: number },
): QuestionCandidate[] {
  const ranked: { f: ParsedFile; c: number; score: number }[] = [];
  for (const f of input.files) {
    if (f.kind !== 'customers') continue;
    for (let c = 0; c < f.header.length; c++) {
      if (skip && skip.file === f.file && skip.index === c) continue;
      const held = roleOf(f, c);
      if (held && !mayBe.has(held)) continue;
      const s = score(f, c, profileOf(input, f, c));
      if (s !== null) ranked.push({ f, c, score: s });
    }
  }
  ranked.sort((a, b) => b.score - a.score || a.c - b.c);
  return ranked.slice(0, MAX_CANDIDATES).map(({ f, c }) => candidate(input, f, c, roleAnswer(input.settings, f.file, role, c)));
}

/** Columns of customer lists that could say who was lost, best first. */
function statusCandidates(input: DiagnoseInput, skip?: { file: string; index: number }): QuestionCandidate[] {
  return rankCandidates(
    input,
    'status',
    MAY_BE_STATUS,
    (f, c, p) => {
      // A status repeats its few values: 2 to 20 of them, each on two rows or more on average.
      if (p.filled === 0 || p.distinct < 2 || p.distinct > 20 || p.distinct > p.filled / 2) return null;
      const placed = shareOf(p, p.placed[statusFlavourOf(f.header[c])]);
      let score = 3 * placed - 0.05 * p.distinct;
      if (p.classes.lost > 0 && p.classes.active > 0) score += 2;
      if (headerScores(f.header[c]).has('status')) score += 2;
      if (p.distinct === 2) score += 1;
      return score;
    },
    skip,
  );
}

/** Text columns of customer lists that could hold the reasons, best first. */
function reasonCandidates(input: DiagnoseInput, skip?: { file: string; index: number }): QuestionCandidate[] {
  return rankCandidates(
    input,
    'reason',
    MAY_BE_REASON,
    (f, c, p) => {
      if (p.filled === 0 || p.distinct < 2 || shareOf(p, p.numbers) > 0.5 || shareOf(p, p.dates) > 0.5 || shareOf(p, p.ids) > 0.5) return null;
      return Math.min(p.meanLength, 40) * Math.log(1 + p.distinct) + (headerScores(f.header[c]).has('reason') ? 20 : 0);
    },
    skip,
  );
}

/** Other columns of the same file that read as this role's type, best first. */
function parseCandidates(input: DiagnoseInput, f: ParsedFile, role: Role, skip: number): QuestionCandidate[] {
  const isDate = DATE_ROLES.has(role);
  const ranked: { c: number; share: number }[] = [];
  for (let c = 0; c < f.header.length; c++) {
    if (c === skip) continue;
    const other = roleOf(f, c);
    if (other && (DATE_ROLES.has(other) || NUMBER_ROLES.has(other) || other === 'customerId')) continue;
    const p = profileOf(input, f, c);
    const share = shareOf(p, isDate ? p.dates + p.serials : p.numbers);
    if (share >= 0.8) ranked.push({ c, share });
  }
  ranked.sort((a, b) => b.share - a.share || a.c - b.c);
  return ranked.slice(0, MAX_CANDIDATES).map(({ c }) => candidate(input, f, c, roleAnswer(input.settings, f.file, role, c)));
}

/** Whether most customers holding one of these status values of `file` have a churn date. */
function churnDated(m: CustomerModel, file: string, keys: Set<string>): boolean {
  const src = m.statusSources?.find((x) => x.file === file);
  if (!src || !m.statusRef) return false;
  let n = 0;
  let dated = 0;
  for (let i = 0; i < m.n; i++) {
    const r = m.statusRef[i] - src.offset;
    if (r < 0 || r >= src.keys.length || !keys.has(src.keys[r])) continue;
    n++;
    if (!Number.isNaN(m.churnDay[i])) dated++;
  }
  return n > 0 && dated * 2 > n;
}

/** Questions about the analysis, and the same findings as issues. */
export function diagnose(input: DiagnoseInput): { questions: Question[]; issues: Issue[] } {
  const questions: Question[] = [];
  const issues: Issue[] = [];
  const ask = (q: Question, issue: Omit<Issue, 'code'> = {}) => {
    questions.push(q);
    issues.push({
      code: q.code,
      ...(q.file ? { file: q.file } : {}),
      ...(q.column ? { column: q.column } : {}),
      ...issue,
      ...(q.params ? { params: q.params } : {}),
    });
  };
  const { state, customers } = input;
  const statusFile = input.files.find((f) => f.kind === 'customers' && f.roles.status !== undefined);
  const statusAt = statusFile ? { file: statusFile.file, index: statusFile.roles.status! } : undefined;

  // 1. Who was lost?
  if (state.mode === 'none') {
    ask({ code: 'no-churn-signal', role: 'status', candidates: statusCandidates(input) });
  } else if (customers.total > 0 && (customers.churned === 0 || customers.churned === customers.total)) {
    const code: QuestionCode = customers.churned === 0 ? 'churn-all-zero' : 'churn-all-one';
    ask({
      code,
      role: 'status',
      ...(statusFile ? { file: statusFile.file, column: statusFile.header[statusFile.roles.status!] } : {}),
      params: { customers: customers.total, mode: state.mode },
      candidates: statusCandidates(input, state.mode === 'status' ? statusAt : undefined),
    });
  }

  // 2. Status values the lexicon could not place: one answer per meaning, for all of them at once
  // (the page sets them one by one); "lost" first when most of those customers have a churn date.
  for (const r of input.status) {
    const unknown = r.values.filter((v) => v.source === 'unknown');
    if (unknown.length === 0) continue;
    const f = input.files.find((x) => x.file === r.file)!;
    const index = f.roles.status!;
    const order: StatusClass[] = churnDated(input.model, r.file, new Set(unknown.map((v) => v.key)))
      ? ['lost', 'active', 'prospect', 'ignore']
      : ['active', 'lost', 'prospect', 'ignore'];
    const samples = unknown.slice(0, MAX_SAMPLES).map((v) => ({ value: v.value, count: v.count }));
    ask({
      code: 'status-values-unknown',
      role: 'status',
      file: r.file,
      column: r.column,
      params: {
        count: unknown.length,
        rows: unknown.reduce((n, v) => n + v.count, 0),
        values: unknown
          .slice(0, 6)
          .map((v) => v.value)
          .join(', '),
      },
      candidates: order.map((as) => {
        const mapping = { ...(input.settings.statusValues?.[r.file] ?? {}) };
        for (const v of unknown) mapping[v.key] = as;
        return {
          file: r.file,
          column: r.column,
          index,
          samples,
          answer: { statusValues: { ...(input.settings.statusValues ?? {}), [r.file]: mapping } },
        };
      }),
    });
  }

  // 3. Every stated reason unclassified.
  if (input.reasons.stated > 0 && input.reasons.unclassified === input.reasons.stated) {
    const f = input.files.find((x) => x.kind === 'customers' && x.roles.reason !== undefined);
    const at = f ? { file: f.file, index: f.roles.reason! } : undefined;
    ask({
      code: 'reasons-all-unclassified',
      role: 'reason',
      ...(f ? { file: f.file, column: f.header[f.roles.reason!] } : {}),
      params: { count: input.reasons.stated },
      candidates: reasonCandidates(input, at),
    });
  }

  // 4. A chosen date or number column whose values mostly fail to parse.
  for (const f of input.files) {
    for (const role of Object.keys(f.roles) as Role[]) {
      if (!DATE_ROLES.has(role) && !NUMBER_ROLES.has(role)) continue;
      const c = f.roles[role]!;
      const p = profileOf(input, f, c);
      if (p.filled === 0) continue;
      const ok = DATE_ROLES.has(role) ? p.dates + p.serials : p.numbers;
      if (shareOf(p, ok) >= 0.5) continue;
      const total = Math.round(p.filled * p.step);
      ask({
        code: 'role-unparsed',
        role,
        file: f.file,
        column: f.header[c],
        params: { role, bad: Math.round((p.filled - ok) * p.step), total },
        candidates: parseCandidates(input, f, role, c),
      });
    }
  }

  // 5. A tenure unit read from the values.
  const t = input.tenure;
  const src = input.model.tenureSource;
  if (t && src && t.source === 'values') {
    const f = input.files.find((x) => x.file === src.file)!;
    const units = [t.unit, ...(['month', 'year', 'day'] as const).filter((u) => u !== t.unit)];
    const samples = sampleValues(f.columns[src.index], profileOf(input, f, src.index));
    ask({
      code: 'tenure-unit-assumed',
      role: 'tenure',
      file: src.file,
      column: src.column,
      params: { unit: t.unit, min: src.min, max: src.max, yearsUpTo: YEARS_UP_TO },
      candidates: units.map((unit) => ({ file: src.file, column: src.column, index: src.index, samples, answer: { tenureUnit: unit } })),
    });
  }
  return { questions, issues };
}
