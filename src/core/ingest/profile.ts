// What a column's values look like, from a sample of at most SAMPLE rows spread over the file:
// how many are filled and distinct, and how many read as dates, numbers, money, ids or status
// words. Each distinct text is examined once.
import { asColumn, type ColumnInput } from './columns';
import { isMissing, parseDateValue, parseNumberValue, RE_SERIAL } from './values';
import type { Column, StatusClass } from '../types';
import { isYesNoKey, normStatusValue, orderStatusClassOfKey, statusClassOfKey, type StatusFlavour } from './status';

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

const RE_ID = /^(?:[A-Za-z]{0,8}[-_#]?\d[\dA-Za-z]*(?:[-_][\dA-Za-z]+)*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z]{2,5}_[A-Za-z0-9]{6,})$/i;
const RE_PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

interface Facts {
  date: boolean;
  serial: boolean;
  number: boolean;
  money: boolean;
  integer: number | null;
  id: boolean;
  statusWord: boolean;
  yesNo: boolean;
  as: StatusClass | null;
  order: boolean;
  placed: Record<StatusFlavour, boolean>;
}

const NO_STATUS = { status: false, churn: false, active: false };
/** Status words hold no digit, save the yes/no 1 and 0. */
const RE_DIGIT = /\d/;

function factsOf(v: string): Facts {
  const date = parseDateValue(v) !== null;
  const x = parseNumberValue(v);
  const number = x !== null;
  // What every value says, word or not.
  const shape = {
    date,
    serial: !date && RE_SERIAL.test(v) && +v >= 20000 && +v <= 80000,
    number,
    money: number && !RE_PLAIN_NUMBER.test(v),
    integer: x !== null && Number.isInteger(x) && RE_PLAIN_NUMBER.test(v) ? x : null,
    id: v.length <= 40 && RE_ID.test(v) && !date,
  };
  const wordy = v.length <= 40 && (!RE_DIGIT.test(v) || v === '1' || v === '0');
  if (!wordy) return { ...shape, statusWord: false, yesNo: false, as: null, order: false, placed: NO_STATUS };
  const key = normStatusValue(v);
  const yesNo = isYesNoKey(key);
  const status = statusClassOfKey(key, 'status');
  return {
    ...shape,
    statusWord: !yesNo && status !== null,
    yesNo,
    as: status,
    order: orderStatusClassOfKey(key) !== null,
    placed: { status: status !== null, churn: statusClassOfKey(key, 'churn') !== null, active: statusClassOfKey(key, 'active') !== null },
  };
}

/** The profile of a column's values (see Profile). */
export function profileColumn(given: ColumnInput | Column): Profile {
  const col = asColumn(given);
  const step = Math.max(1, Math.floor(col.length / SAMPLE));
  const counts = new Map<string, number>();
  let rows = 0;
  let filled = 0;
  for (let r = 0; r < col.length && rows < SAMPLE; r += step, rows++) {
    const raw = col.get(r);
    if (isMissing(raw)) continue;
    filled++;
    const v = raw.trim();
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const p: Profile = {
    rows,
    step,
    filled,
    distinct: counts.size,
    dates: 0,
    serials: 0,
    numbers: 0,
    money: 0,
    integers: 0,
    max: -Infinity,
    min: Infinity,
    ids: 0,
    statusWords: 0,
    yesNo: 0,
    placed: { status: 0, churn: 0, active: 0 },
    placedOrder: 0,
    classes: { lost: 0, active: 0, prospect: 0, ignore: 0 },
    meanLength: 0,
    top: [],
  };
  let length = 0;
  for (const [v, n] of counts) {
    const f = factsOf(v);
    length += v.length * n;
    if (f.date) p.dates += n;
    if (f.serial) p.serials += n;
    if (f.number) p.numbers += n;
    if (f.money) p.money += n;
    if (f.integer !== null) {
      p.integers += n;
      if (f.integer > p.max) p.max = f.integer;
      if (f.integer < p.min) p.min = f.integer;
    }
    if (f.id) p.ids += n;
    if (f.statusWord) p.statusWords += n;
    if (f.yesNo) p.yesNo += n;
    for (const k of ['status', 'churn', 'active'] as const) if (f.placed[k]) p.placed[k] += n;
    if (f.as) p.classes[f.as] += n;
    if (f.order) p.placedOrder += n;
  }
  p.meanLength = filled ? length / filled : 0;
  // The most frequent values; a mostly distinct column keeps its repeated ones first, in sample order.
  const entries = counts.size > 4 * KEEP ? [...counts].filter((e) => e[1] > 1) : [...counts];
  if (entries.length < KEEP) for (const e of counts) if (entries.length < KEEP && e[1] === 1 && counts.size > 4 * KEEP) entries.push(e);
  p.top = entries
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEEP)
    .map(([value, count]) => ({ value, count }));
  return p;
}

/** Share of the filled values with a property (0 for an empty column). */
export const shareOf = (p: Profile, n: number): number => (p.filled ? n / p.filled : 0);
