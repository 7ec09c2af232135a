// What a column's values look like, from a sample of at most SAMPLE rows spread over the file:
// how many are filled and distinct, and how many read as dates, numbers, money, ids or status
// words. Each distinct text is examined once.
import type { Column, StatusClass } from '../types';
import { asColumn, CellColumn, type ColumnInput } from './columns';
import { isYesNoKey, normStatusValue, orderStatusClassOfKey, statusClassOfKey, type StatusFlavour } from './status';
import { isMissing, parseDateValue, parseNumberValue, RE_SERIAL } from './values';

/** Rows looked at per column: enough to tell what it holds, cheap on a million rows. */
export const SAMPLE = 4000;
/** Distinct values whose counts are kept. */
const KEEP = 64;

export interface Profile {
  /** Rows looked at, and the step between them. */
  rows: number;
  step: number;
  /** Non-missing values among them. */
  filled: number;
  /** Distinct (trimmed) values among the filled ones. */
  distinct: number;
  dates: number;
  /** Excel serial numbers (20000..80000), which may as well be ids or amounts. */
  serials: number;
  numbers: number;
  /** Numbers written with a currency, a unit or grouping (¥1,234.50, 12.5万). */
  money: number;
  /** Whole numbers, and the largest and smallest of them. */
  integers: number;
  max: number;
  min: number;
  /** Look like an id (KH0001, 7590-VHVEG, 10023). */
  ids: number;
  /** Status words other than yes/no (已流失, Churned, Active…), and bare yes/no words. */
  statusWords: number;
  yesNo: number;
  /** Rows the status lexicon places under each header flavour. */
  placed: Record<StatusFlavour, number>;
  /** Rows an order-row status lexicon places (completed, refunded, Closed Won…). */
  placedOrder: number;
  /** Rows of each class under a plain status header (yes/no words place none). */
  classes: Record<StatusClass, number>;
  /** Mean length of the filled values. */
  meanLength: number;
  /** The most frequent values of the sample (at most KEEP), most frequent first. */
  top: { value: string; count: number }[];
}

const RE_ID =
  /^(?:[A-Za-z]{0,8}[-_#]?\d[\dA-Za-z]*(?:[-_][\dA-Za-z]+)*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z]{2,5}_[A-Za-z0-9]{6,})$/i;
const RE_PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

/** Status words hold no digit, save the yes/no 1 and 0. */
const RE_DIGIT = /\d/;

/** Holds a digit, ASCII or full-width (toHalfWidth makes those ASCII): every date and number does. */
function hasDigit(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
  }
  return false;
}

/**
 * What the distinct values say, in four groups each worked out on its own (see makeProfile): a
 * date role reads the dates, an amount the numbers, a status the words; the questions, the top.
 * Each adds a value `n` times (its count in the sample).
 */
type Counts = Map<string, number>;
type DateFacts = Pick<Profile, 'dates' | 'serials' | 'ids'>;
type NumberFacts = Pick<Profile, 'numbers' | 'money' | 'integers' | 'max' | 'min'>;
type WordFacts = Pick<Profile, 'statusWords' | 'yesNo' | 'placed' | 'placedOrder' | 'classes'>;

function dateFacts(counts: Counts): DateFacts {
  const p: DateFacts = { dates: 0, serials: 0, ids: 0 };
  for (const [v, n] of counts) {
    // A date cannot be written without a digit: no parser need look.
    const date = hasDigit(v) && parseDateValue(v) !== null;
    if (date) p.dates += n;
    else if (RE_SERIAL.test(v) && +v >= 20000 && +v <= 80000) p.serials += n;
    if (v.length <= 40 && !date && RE_ID.test(v)) p.ids += n;
  }
  return p;
}

function numberFacts(counts: Counts): NumberFacts {
  const p: NumberFacts = { numbers: 0, money: 0, integers: 0, max: -Infinity, min: Infinity };
  for (const [v, n] of counts) {
    // Nor a number.
    const x = hasDigit(v) ? parseNumberValue(v) : null;
    if (x === null) continue;
    p.numbers += n;
    if (!RE_PLAIN_NUMBER.test(v)) p.money += n;
    else if (Number.isInteger(x)) {
      p.integers += n;
      if (x > p.max) p.max = x;
      if (x < p.min) p.min = x;
    }
  }
  return p;
}

function wordFacts(counts: Counts): WordFacts {
  const p: WordFacts = {
    statusWords: 0,
    yesNo: 0,
    placed: { status: 0, churn: 0, active: 0 },
    placedOrder: 0,
    classes: { lost: 0, active: 0, prospect: 0, ignore: 0 },
  };
  for (const [v, n] of counts) {
    const wordy = v.length <= 40 && (!RE_DIGIT.test(v) || v === '1' || v === '0');
    if (!wordy) continue;
    const key = normStatusValue(v);
    const yesNo = isYesNoKey(key);
    const status = statusClassOfKey(key, 'status');
    if (!yesNo && status !== null) p.statusWords += n;
    if (yesNo) p.yesNo += n;
    if (status !== null) {
      p.placed.status += n;
      p.classes[status] += n;
    }
    if (statusClassOfKey(key, 'churn') !== null) p.placed.churn += n;
    if (statusClassOfKey(key, 'active') !== null) p.placed.active += n;
    if (orderStatusClassOfKey(key) !== null) p.placedOrder += n;
  }
  return p;
}

/** The most frequent values; a mostly distinct column keeps its repeated ones first, in sample order. */
function topFacts(counts: Counts): Pick<Profile, 'top'> {
  const entries = counts.size > 4 * KEEP ? [...counts].filter((e) => e[1] > 1) : [...counts];
  if (entries.length < KEEP) for (const e of counts) if (entries.length < KEEP && e[1] === 1 && counts.size > 4 * KEEP) entries.push(e);
  const top = entries
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEEP)
    .map(([value, count]) => ({ value, count }));
  return { top };
}

const FACT_GROUPS: { fields: (keyof Profile)[]; work: (counts: Counts) => Partial<Profile> }[] = [
  { fields: ['dates', 'serials', 'ids'], work: dateFacts },
  { fields: ['numbers', 'money', 'integers', 'max', 'min'], work: numberFacts },
  { fields: ['statusWords', 'yesNo', 'placed', 'placedOrder', 'classes'], work: wordFacts },
  { fields: ['top'], work: topFacts },
];

/**
 * Profiles already made, by column (a column is not changed once ingest has made it: the roles,
 * the questions and the analysis all read the same profile). Checked against the length.
 */
const made = new WeakMap<object, { profile: Profile; length: number }>();

/** The profile of a column's values (see Profile). */
export function profileColumn(given: ColumnInput | Column): Profile {
  const hit = made.get(given);
  if (hit && hit.length === given.length) return hit.profile;
  const profile = makeProfile(asColumn(given));
  made.set(given, { profile, length: given.length });
  return profile;
}

/**
 * The sampled rows' trimmed, non-missing values with their counts, in the order first seen, and
 * how many rows were looked at. A dictionary column is read by its codes: each distinct text is
 * trimmed and checked once, not once a row.
 */
function sampleCounts(col: Column, step: number): { counts: Map<string, number>; rows: number; filled: number } {
  const counts = new Map<string, number>();
  let rows = 0;
  let filled = 0;
  if (col instanceof CellColumn && col.kind === 'dict') {
    const codes = col.codes;
    const values = col.values;
    // slot[code]: -1 not seen yet, -2 missing, else the index of its trimmed text in `keys`.
    const slot = new Int32Array(values.length).fill(-1);
    const keys: string[] = [];
    const index = new Map<string, number>();
    let tally = new Int32Array(64);
    for (let r = 0; r < col.length && rows < SAMPLE; r += step, rows++) {
      const k = codes[r];
      let at = slot[k];
      if (at === -1) {
        const raw = values[k];
        if (isMissing(raw)) at = -2;
        else {
          const v = raw.trim();
          const i = index.get(v);
          if (i === undefined) {
            at = keys.length;
            index.set(v, at);
            keys.push(v);
            if (at === tally.length) {
              const grown = new Int32Array(at * 2);
              grown.set(tally);
              tally = grown;
            }
          } else at = i;
        }
        slot[k] = at;
      }
      if (at === -2) continue;
      filled++;
      tally[at]++;
    }
    for (let i = 0; i < keys.length; i++) counts.set(keys[i], tally[i]);
    return { counts, rows, filled };
  }
  for (let r = 0; r < col.length && rows < SAMPLE; r += step, rows++) {
    const raw = col.get(r);
    if (isMissing(raw)) continue;
    filled++;
    const v = raw.trim();
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return { counts, rows, filled };
}

/**
 * Counts now (rows, filled, distinct, mean length), each group of facts on the first read of one
 * of its fields: the roles read few of them, for few columns (an order id or a description needs
 * none, an amount only its numbers), and each distinct value costs a date parse, a number parse or
 * a dozen expressions. Once read, a group's fields are plain fields.
 */
function makeProfile(col: Column): Profile {
  const step = Math.max(1, Math.floor(col.length / SAMPLE));
  const { counts, rows, filled } = sampleCounts(col, step);
  let length = 0;
  for (const [v, n] of counts) length += v.length * n;
  const p = { rows, step, filled, distinct: counts.size, meanLength: filled ? length / filled : 0 } as Profile;
  for (const { fields, work } of FACT_GROUPS) {
    const fill = (): void => {
      const facts = work(counts);
      for (const k of fields) Object.defineProperty(p, k, { value: facts[k], writable: true, enumerable: true, configurable: true });
    };
    for (const k of fields) {
      Object.defineProperty(p, k, {
        get() {
          fill();
          return p[k];
        },
        enumerable: true,
        configurable: true,
      });
    }
  }
  return p;
}

/** Share of the filled values with a property (0 for an empty column). */
export const shareOf = (p: Profile, n: number): number => (p.filled ? n / p.filled : 0);
