// Which column means what. Every column gets scored candidates from its header (header.ts: words
// of the vocabulary, vocabulary.ts) and from its values (profile.ts): the values confirm or veto a
// header reading (a date role needs dates, a status needs status words), and can name a column on
// their own when the header says nothing (a status column of 正常合作/已流失, an id column).
import type { Column, FileKind, Issue, ParsedFile, Role, RoleMap } from '../types';
import { asColumn, type ColumnInput } from './columns';
import { headerScores, headerWords, statusFlavourOf, type Target } from './header';
import { type Profile, profileColumn, shareOf } from './profile';
import { isMissing } from './values';

export { normHeader } from './header';

/** How many cells are known column names: tells a header row from a title row of the same width. */
export function knownHeaderCount(cells: string[]): number {
  let n = 0;
  for (const cell of cells) if (cell && headerScores(cell).size > 0) n++;
  return n;
}

const DATE_TARGETS = new Set<Target>([
  'closeDate',
  'signupDate',
  'firstOrderDate',
  'lastOrderDate',
  'churnDate',
  'orderDate',
  'repJoinDate',
  'repLeaveDate',
  'date',
]);
const NUMBER_TARGETS = new Set<Target>(['revenue', 'amount', 'money', 'tenure', 'quantity', 'unitPrice']);
const CATEGORY_TARGETS = new Set<Target>(['region', 'segment', 'rep']);
const TEXT_TARGETS = new Set<Target>(['customerName', 'reason', 'reasonCategory']);

/** Below this share of distinct customer ids (with a date and money), the rows are orders. */
const REPEATED_IDS = 0.7;

/** Most distinct values a status column has. */
const STATUS_MAX_DISTINCT = 30;
/** Most distinct values of a coarse reason category. */
const CATEGORY_MAX_DISTINCT = 30;

const NO_CELLS: Column = asColumn([]);

/** Share of distinct values among the non-blank ones (first 20,000). */
function uniqueShare(col: Column): number {
  const seen = new Set<string>();
  let n = 0;
  for (let r = 0; r < col.length && n < 20000; r++) {
    const v = col.get(r).trim();
    if (!v) continue;
    n++;
    seen.add(v);
  }
  return n ? seen.size / n : 1;
}

interface Candidate {
  col: number;
  target: Target;
  score: number;
}

/** Adjust a header score by what the values say; null = vetoed. */
function confirm(target: Target, p: Profile, score: number, header: string): number | null {
  if (p.filled === 0) return score - 2; // an empty churn-date column is normal: cannot confirm
  const share = (n: number) => shareOf(p, n);
  if (DATE_TARGETS.has(target)) return share(p.dates + p.serials) > 0.5 ? score : null;
  if (NUMBER_TARGETS.has(target)) return share(p.numbers) > 0.5 ? score : null;
  if (target === 'status' || target === 'orderStatus') {
    // Status words, or yes/no under a header that says what yes means (Churn, Exited, Active).
    const placed = share(target === 'orderStatus' ? p.placedOrder : p.placed[statusFlavourOf(header)]);
    if (p.distinct > STATUS_MAX_DISTINCT) return null;
    if (placed >= 0.8) return score;
    // Some values the lexicon cannot place: still the status column, and those values are asked about.
    return placed >= 0.5 ? score - 1 : null;
  }
  if (TEXT_TARGETS.has(target) && (share(p.numbers) > 0.9 || share(p.dates) > 0.9)) return null;
  if (target === 'customerId' && share(p.dates) > 0.9) return null;
  if (CATEGORY_TARGETS.has(target) && p.distinct === 1 && p.filled > 1) return score - 3; // constant: says little
  return score;
}

/** Where guessRoles reports a column whose header names a date but which holds none. */
export interface RoleContext {
  file: string;
  issues: Issue[];
  lineOf?: number[];
}

/** The kind guessRoles decided for the roles it returned, so guessKind need not decide again. */
const KIND_OF = new WeakMap<RoleMap, FileKind>();

/** Share of the rows filled in `a` (sampled) that are filled in `b` too. */
function coFilled(a: Column, b: Column): number {
  const step = Math.max(1, Math.floor(a.length / 4000));
  let n = 0;
  let both = 0;
  for (let r = 0; r < a.length; r += step) {
    if (isMissing(a.get(r))) continue;
    n++;
    if (!isMissing(b.get(r))) both++;
  }
  return n ? both / n : 0;
}

/**
 * 4. Reason versus category: of two reason-like columns, the one with many distinct values is the
 * reason, one with few that is filled alongside it the category (Churn Category / Churn Reason,
 * Cancellation Feedback / Cancellation Comment). A bare category column (Category, 类别, 类型)
 * filled only where a reason is, and not for every customer, is a reason category too.
 */
function splitReasons(cands: Candidate[], header: string[], columns: Column[], profile: (c: number) => Profile): void {
  const reasons = cands.filter((k) => k.target === 'reason' && k.score >= 6);
  if (reasons.length === 0) return;
  const detail = (k: Candidate) => profile(k.col).distinct;
  const detailed = [...reasons].sort((a, b) => detail(b) - detail(a) || b.score - a.score || a.col - b.col)[0];
  const top = Math.max(...reasons.map((k) => k.score));
  const coarse = (k: Candidate): boolean => {
    const d = profile(k.col).distinct;
    if (d === 0 || d > CATEGORY_MAX_DISTINCT || d * 2 > detail(detailed)) return false;
    const a = columns[k.col];
    const b = columns[detailed.col];
    return Math.max(coFilled(a, b), coFilled(b, a)) >= 0.5;
  };
  let split = false;
  for (const k of reasons) {
    if (k === detailed) continue;
    if (coarse(k)) {
      cands.push({ col: k.col, target: 'reasonCategory', score: k.score });
      k.score = 0; // the category, not the reason
      split = true;
    }
  }
  if (split && detailed.score < top) detailed.score = top + 0.5;
  // A bare "Category" / "类别" filled where the reason is and blank for the others.
  for (const k of cands) {
    if (k.target !== 'segment' || k.col === detailed.col) continue;
    const words = headerWords(header[k.col]).tokens;
    if (words.length !== 1 || !words[0].concepts.has('category')) continue;
    const p = profile(k.col);
    if (p.filled === 0 || p.distinct > CATEGORY_MAX_DISTINCT || p.filled > 0.9 * p.rows) continue;
    if (coFilled(columns[k.col], columns[detailed.col]) >= 0.8) cands.push({ col: k.col, target: 'reasonCategory', score: k.score + 0.5 });
  }
}

/** Each column's value profile, worked out the first time it is asked for. */
type Profiles = (col: number) => Profile;

/** Column → role from header words, checked against the values. Each role and column at most once. */
export function guessRoles(header: string[], given: readonly ColumnInput[], ctx?: RoleContext): RoleMap {
  const columns = given.map(asColumn);
  const profiles = new Map<number, Profile>();
  const profile: Profiles = (col) => {
    let found = profiles.get(col);
    if (!found) profiles.set(col, (found = profileColumn(columns[col] ?? NO_CELLS)));
    return found;
  };
  const { cands: headerCands, noDates } = headerReadings(header, profile);
  if (ctx) reportColumnsWithoutDates(ctx, header, columns, headerCands, noDates);
  const cands = [...headerCands, ...valueReadings(headerCands, columns, profile)];
  // What kind of file this is, as far as the candidates tell: decides the generic money and date columns.
  const candidateKind = kindOf(candidateEvidence(cands, columns));
  const resolved = resolveForKind(cands, candidateKind);
  if (candidateKind !== 'orders') preferListKey(resolved, columns, profile);
  splitReasons(resolved, header, columns, profile);
  const roles = assignRoles(resolved);
  settleKeyAndReason(roles, candidateKind);
  // The kind of the roles as they came out (the rule guessKind applies), and the roles that follow it.
  const kind = kindOf(roleEvidence(roles, columns));
  const out = remapForKind(roles, kind);
  KIND_OF.set(out, kind);
  return out;
}

/** 1. Header readings, confirmed or vetoed by the values; and the columns whose header names a date but that hold none. */
function headerReadings(header: string[], profile: Profiles): { cands: Candidate[]; noDates: Set<number> } {
  const cands: Candidate[] = [];
  const noDates = new Set<number>();
  for (let col = 0; col < header.length; col++) {
    if (!header[col]) continue;
    for (const [target, headerScore] of headerScores(header[col])) {
      const values = profile(col);
      const score = confirm(target, values, headerScore, header[col]);
      if (score !== null) cands.push({ col, target, score });
      else if (DATE_TARGETS.has(target) && headerScore >= 8 && values.dates + values.serials === 0) noDates.add(col);
    }
  }
  return { cands, noDates };
}

/** An issue for each column whose header names a date but which holds none, and has no other meaning: its first value. */
function reportColumnsWithoutDates(ctx: RoleContext, header: string[], columns: Column[], cands: Candidate[], noDates: Set<number>): void {
  for (const col of noDates) {
    if (cands.some((k) => k.col === col)) continue; // it has another meaning after all
    const cells = columns[col];
    let row = 0;
    while (row < cells.length && isMissing(cells.get(row))) row++;
    const value = cells.get(row);
    ctx.issues.push({
      code: 'no-dates-in-column',
      file: ctx.file,
      column: header[col],
      row: ctx.lineOf ? ctx.lineOf[row] : row + 2,
      params: { value: value.length > 40 ? `${value.slice(0, 40)}…` : value },
    });
  }
}

/**
 * 2. Readings from the values alone. Every value a status word (正常合作 / 已流失, Active /
 * Churned, Former Customer / Customer - Direct…), some of them not a bare yes/no: a status column
 * whatever its header says when the values both say lost and active, else below any header
 * reading. Without a money column by its header, one whose values carry a currency or unit.
 */
function valueReadings(headerCands: Candidate[], columns: Column[], profile: Profiles): Candidate[] {
  const found: Candidate[] = [];
  const headerStatus = headerCands.some((k) => k.target === 'status');
  for (let col = 0; col < columns.length; col++) {
    const values = profile(col);
    if (values.filled === 0 || values.distinct > 12 || values.statusWords === 0) continue;
    if (shareOf(values, values.placed.status) < 0.95) continue;
    const both = values.classes.lost > 0 && values.classes.active > 0;
    const other = Math.max(0, ...headerCands.filter((k) => k.col === col).map((k) => k.score));
    if (both && other <= 8) found.push({ col, target: 'status', score: 8.5 });
    else if (!headerStatus) found.push({ col, target: 'status', score: 3 });
  }
  if (![...headerCands, ...found].some((k) => k.target === 'money' || k.target === 'revenue' || k.target === 'amount')) {
    // Currency or units on most values: ¥1,234.50, 1,234.50元, $12.4k.
    for (let col = 0; col < columns.length; col++) {
      const values = profile(col);
      if (values.filled > 0 && shareOf(values, values.money) >= 0.8 && shareOf(values, values.dates) < 0.2) {
        found.push({ col, target: 'money', score: 2 });
      }
    }
  }
  return found;
}

/** The best candidate for a target: highest score, then leftmost column. */
const bestOf = (cands: Candidate[], target: Target): Candidate | undefined =>
  cands.filter((k) => k.target === target).sort((a, b) => b.score - a.score || a.col - b.col)[0];

/** What tells the kind of a file, from its candidates or from its roles (kindOf). */
interface KindEvidence {
  /** An order id or an order date. */
  orderColumn: boolean;
  /** The column customers are keyed on (id, else name), if any. */
  key: Column | undefined;
  dated: boolean;
  money: boolean;
  /** Reps' join or leave dates, and no customer id. */
  staffDates: boolean;
}

/**
 * The one rule for a file's kind: 'orders' with an order id or date, or when the customer key
 * repeats a lot (under REPEATED_IDS distinct) next to a date and money; 'staff' for reps with join
 * or leave dates and no customer id; else 'customers'.
 */
function kindOf(evidence: KindEvidence): FileKind {
  if (evidence.orderColumn) return 'orders';
  if (evidence.key && evidence.dated && evidence.money && uniqueShare(evidence.key) < REPEATED_IDS) return 'orders';
  return evidence.staffDates ? 'staff' : 'customers';
}

/** The kind evidence of the candidates, before any column is given a role. */
function candidateEvidence(cands: Candidate[], columns: Column[]): KindEvidence {
  const best = (target: Target) => bestOf(cands, target);
  const idCand = best('customerId');
  // Without an id column, the customer's name is the key (a CRM report keyed on Account Name).
  const keyCand = idCand ?? best('customerName');
  return {
    orderColumn: best('orderId') !== undefined || best('orderDate') !== undefined,
    key: keyCand && columns[keyCand.col],
    dated: cands.some((k) => DATE_TARGETS.has(k.target)),
    money: cands.some((k) => k.target === 'money' || k.target === 'amount' || k.target === 'revenue'),
    staffDates: idCand === undefined && Math.max(best('repJoinDate')?.score ?? 0, best('repLeaveDate')?.score ?? 0) >= 8,
  };
}

const DATE_ROLES: Role[] = ['signupDate', 'firstOrderDate', 'lastOrderDate', 'churnDate', 'orderDate'];

/** The kind evidence of the roles given. */
function roleEvidence(roles: RoleMap, columns: readonly ColumnInput[]): KindEvidence {
  return {
    orderColumn: roles.orderDate !== undefined || roles.orderId !== undefined,
    key: roles.customerId === undefined ? undefined : asColumn(columns[roles.customerId] ?? NO_CELLS),
    dated: DATE_ROLES.some((r) => roles[r] !== undefined),
    money: roles.amount !== undefined || roles.revenue !== undefined,
    staffDates: roles.customerId === undefined && roles.rep !== undefined && (roles.repJoinDate !== undefined || roles.repLeaveDate !== undefined),
  };
}

/** 3. The generic targets as the kind reads them: money, a date, a close date, an order status, a staff name. */
function resolveForKind(cands: Candidate[], kind: FileKind): Candidate[] {
  const orderish = kind === 'orders';
  const resolved: Candidate[] = [];
  for (const k of cands) {
    if (k.target === 'money') resolved.push({ ...k, target: orderish ? 'amount' : 'revenue' });
    // The state of an order row, or (in a customer list) of the customer's last order: not churn.
    else if (k.target === 'orderStatus') {
      if (orderish) resolved.push({ ...k, target: 'status' });
    }
    // A deal's close date is the sale in an order log, and the day the customer was won in a list.
    else if (k.target === 'closeDate') resolved.push({ ...k, target: orderish ? 'orderDate' : 'signupDate', score: k.score - 1 });
    else if (k.target === 'date') {
      if (orderish) resolved.push({ ...k, target: 'orderDate' });
    } else if (kind === 'staff' && k.target === 'customerName') resolved.push({ ...k, target: 'rep' });
    else resolved.push(k);
  }
  return resolved;
}

/**
 * A list's key: a unique id column is preferred among the id candidates; with no id or name named
 * by a header, the leftmost column of unique, id-like values (codes with letters, or numbers of
 * five digits and more, not counts or amounts).
 */
function preferListKey(cands: Candidate[], columns: Column[], profile: Profiles): void {
  for (const k of cands) if (k.target === 'customerId' && uniqueShare(columns[k.col]) >= 0.9) k.score += 0.5;
  if (cands.some((k) => k.target === 'customerId' || k.target === 'customerName')) return;
  for (let col = 0; col < columns.length; col++) {
    const values = profile(col);
    const idLike = shareOf(values, values.ids) >= 0.9 && values.distinct >= 0.95 * values.filled;
    if (values.filled < 2 || !idLike || values.filled < 0.9 * values.rows) continue;
    if (values.integers > 0 && values.min < 10000) continue;
    if (cands.some((k) => k.col === col && k.score >= 4)) continue;
    cands.push({ col, target: 'customerId', score: 2 });
    return;
  }
}

/** 5. Greedy: best score first, then leftmost column; each role and each column at most once. */
function assignRoles(cands: Candidate[]): RoleMap {
  const ranked = cands.filter((k) => k.score > 0).sort((a, b) => b.score - a.score || a.col - b.col);
  const roles: RoleMap = {};
  const usedCols = new Set<number>();
  for (const k of ranked) {
    const role = k.target as Role;
    if (roles[role] !== undefined || usedCols.has(k.col)) continue;
    roles[role] = k.col;
    usedCols.add(k.col);
  }
  return roles;
}

/** Without an id column, the customer's name is the key (not in a staff file); a reason category alone is the reason. */
function settleKeyAndReason(roles: RoleMap, kind: FileKind): void {
  if (roles.customerId === undefined && roles.customerName !== undefined && kind !== 'staff') {
    roles.customerId = roles.customerName;
    delete roles.customerName;
  }
  if (roles.reasonCategory !== undefined && roles.reason === undefined) {
    roles.reason = roles.reasonCategory;
    delete roles.reasonCategory;
  }
}

/** The file as the kind the user chose: roles that differ between kinds follow (signup ↔ join date…). */
export function withKind(f: ParsedFile, kind: FileKind | undefined): ParsedFile {
  if (!kind || kind === f.kind) return f;
  return { ...f, kind, roles: remapForKind({ ...f.roles }, kind) };
}

/** Move roles whose header is ambiguous between file kinds ("Start date", "Termination date"). */
function remapForKind(roles: RoleMap, kind: FileKind): RoleMap {
  const move = (from: Role, to: Role): void => {
    if (roles[from] !== undefined && roles[to] === undefined) {
      roles[to] = roles[from];
      delete roles[from];
    }
  };
  if (kind === 'staff') {
    move('signupDate', 'repJoinDate');
    move('churnDate', 'repLeaveDate');
    move('customerName', 'rep');
  } else {
    move('repJoinDate', 'signupDate');
    move('repLeaveDate', 'churnDate');
    if (kind === 'orders') move('revenue', 'amount');
    else move('amount', 'revenue');
  }
  return roles;
}

/** The kind of a file with these roles (kindOf); for the roles guessRoles returned, the kind it decided on the way. */
export function guessKind(roles: RoleMap, columns: readonly ColumnInput[]): FileKind {
  return KIND_OF.get(roles) ?? kindOf(roleEvidence(roles, columns));
}
