// Which rules can match a text, without running them. Each rule's expression is read once to find
// literal strings that every match must contain (for "太贵|嫌贵|价(?:格|钱)…高" one of 太贵, 嫌贵,
// 价); a rule whose anchors are all absent from the text cannot match and is skipped. A Chinese
// anchor is one of its characters, a Latin one three letters in a row. This is only a shortcut:
// tests/unit/causes/rules.test.ts checks that it never skips a rule that would have matched.

/**
 * Analysis of a piece of a pattern: `lits` is the finite set of strings it can match (null when
 * not small and finite); `req` a set of strings one of which every match contains (null: none).
 */
interface Info {
  lits: Set<string> | null;
  req: Set<string> | null;
}

const MAX_LITS = 64;
const ZERO: Info = { lits: new Set(['']), req: null };
const ANY: Info = { lits: null, req: null };

function usable(req: Set<string> | null): Set<string> | null {
  if (!req || req.size === 0) return null;
  for (const s of req) if (s === '') return null;
  return req;
}

function concat(parts: Info[]): Info {
  // Runs of parts with finite literals are multiplied out ("rip" from r, i, p); each run, and the
  // requirement of each other part, is a candidate requirement of the whole.
  const candidates: Set<string>[] = [];
  let whole: Set<string> | null = new Set(['']);
  let run: Set<string> = new Set(['']);
  const close = () => {
    const r = usable(run);
    if (r) candidates.push(r);
    run = new Set(['']);
  };
  for (const p of parts) {
    if (p.lits) {
      const next = new Set<string>();
      for (const a of run) for (const b of p.lits) next.add(a + b);
      if (next.size <= MAX_LITS) run = next;
      else {
        close();
        run = new Set(p.lits);
      }
      if (whole) {
        const w = new Set<string>();
        for (const a of whole) for (const b of p.lits) w.add(a + b);
        whole = w.size <= MAX_LITS ? w : null;
      }
    } else {
      close();
      const r = usable(p.req);
      if (r) candidates.push(r);
      whole = null;
    }
  }
  close();
  // The best: longest shortest string, then fewest strings.
  const score = (s: Set<string>) => Math.min(...[...s].map((x) => x.length)) * 1000 - s.size;
  let req: Set<string> | null = null;
  for (const c of candidates) if (!req || score(c) > score(req)) req = c;
  return { lits: whole, req };
}

function alternation(branches: Info[]): Info {
  let lits: Set<string> | null = new Set();
  let req: Set<string> | null = new Set();
  for (const b of branches) {
    if (lits && b.lits && lits.size + b.lits.size <= MAX_LITS) for (const s of b.lits) lits.add(s);
    else lits = null;
    const r = usable(b.req) ?? usable(b.lits);
    if (req && r) for (const s of r) req.add(s);
    else req = null;
  }
  return { lits, req };
}

/** Literal requirements of a regular expression source (the subset of syntax rules.ts uses). */
export function requiredLiterals(src: string): Set<string> | null {
  let k = 0;
  function parseAlternation(): Info {
    const branches: Info[] = [parseSequence()];
    while (src[k] === '|') {
      k++;
      branches.push(parseSequence());
    }
    return branches.length === 1 ? branches[0] : alternation(branches);
  }
  function parseSequence(): Info {
    const parts: Info[] = [];
    while (k < src.length && src[k] !== '|' && src[k] !== ')') parts.push(parseQuantified());
    return concat(parts);
  }
  function parseQuantified(): Info {
    const atom = parseAtom();
    const c = src[k];
    let min = 1;
    let max = 1;
    if (c === '?' || c === '*' || c === '+') {
      k++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(k));
      if (m) {
        k += m[0].length;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      }
    }
    if (src[k] === '?' && (min !== 1 || max !== 1)) k++; // lazy
    if (min === 1 && max === 1) return atom;
    if (min === 0) return ANY;
    return { lits: null, req: usable(atom.req) ?? usable(atom.lits) };
  }
  function parseAtom(): Info {
    const c = src[k];
    if (c === '(') {
      k++;
      let lookaround = false;
      if (src[k] === '?') {
        if (src.startsWith('?:', k)) k += 2;
        else if (src.startsWith('?=', k) || src.startsWith('?!', k)) (k += 2), (lookaround = true);
        else if (src.startsWith('?<=', k) || src.startsWith('?<!', k)) (k += 3), (lookaround = true);
      }
      const inner = parseAlternation();
      if (src[k] !== ')') throw new Error(`unbalanced pattern: ${src}`);
      k++;
      return lookaround ? ZERO : inner;
    }
    if (c === '[') {
      const end = findClassEnd(src, k);
      const body = src.slice(k + 1, end);
      k = end + 1;
      if (body.startsWith('^') || /\\[a-zA-Z]|-/.test(body.replace(/\\-/g, ''))) return ANY;
      const chars = new Set(body.replace(/\\(.)/g, '$1'));
      return { lits: chars, req: chars };
    }
    if (c === '\\') {
      const e = src[k + 1];
      k += 2;
      if (e === 'b' || e === 'B') return ZERO;
      if (e === 'u') {
        const ch = String.fromCharCode(parseInt(src.slice(k, k + 4), 16));
        k += 4;
        return lit(ch);
      }
      if (/[sSwWdD]/.test(e)) return ANY;
      if (e === 'n') return lit('\n');
      return lit(e);
    }
    k++;
    if (c === '^' || c === '$') return ZERO;
    if (c === '.') return ANY;
    return lit(c);
  }
  const lit = (ch: string): Info => ({ lits: new Set([ch]), req: new Set([ch]) });
  const info = parseAlternation();
  if (k !== src.length) throw new Error(`unbalanced pattern: ${src}`);
  return usable(info.req) ?? usable(info.lits);
}

function findClassEnd(src: string, at: number): number {
  for (let k = at + 1; k < src.length; k++) {
    if (src[k] === '\\') k++;
    else if (src[k] === ']') return k;
  }
  throw new Error(`unclosed character class: ${src}`);
}

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
const isLatin = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;
/** Characters in most Chinese reasons: a poor anchor when the string has another. */
const COMMON = new Set([...'不没了的是有人一在这个们他我你也就都还很太说要会到过来去得着把被给让和与']);
const key2 = (a: number, b: number) => a * 128 + b;
const key3 = (a: number, b: number, c: number) => (a * 128 + b) * 128 + c;

/**
 * Anchors of a set of required strings: for each, one Chinese character (a rare one if it has
 * one), or its first three Latin letters in a row (or two, for a two-letter string); null when
 * some string has neither (the rule always runs).
 */
export function anchorsOf(req: Set<string> | null): { cjk: number[]; latin2: number[]; latin3: number[] } | null {
  if (!req) return null;
  const cjk = new Set<number>();
  const latin2 = new Set<number>();
  const latin3 = new Set<number>();
  for (const s of req) {
    const codes = [...s].map((ch) => ch.charCodeAt(0));
    const han = codes.filter(isCjk);
    if (han.length) {
      cjk.add(han.find((c) => !COMMON.has(String.fromCharCode(c))) ?? han[0]);
      continue;
    }
    let i = codes.findIndex((c, k) => isLatin(c) && isLatin(codes[k + 1] ?? 0) && isLatin(codes[k + 2] ?? 0));
    if (i >= 0) {
      latin3.add(key3(codes[i], codes[i + 1], codes[i + 2]));
      continue;
    }
    i = codes.findIndex((c, k) => isLatin(c) && isLatin(codes[k + 1] ?? 0));
    if (i < 0) return null;
    latin2.add(key2(codes[i], codes[i + 1]));
  }
  return { cjk: [...cjk], latin2: [...latin2], latin3: [...latin3] };
}

/** An index from anchors to the expressions that need them. */
export class Prefilter {
  private readonly byCjk = new Map<number, number[]>();
  private readonly byLatin2 = new Map<number, number[]>();
  private readonly byLatin3 = new Map<number, number[]>();
  private readonly always: number[] = [];
  private readonly stamp: Uint32Array;
  private generation = 0;

  /** One entry per expression: its anchors, or null when it must always run. */
  constructor(anchors: readonly ({ cjk: number[]; latin2: number[]; latin3: number[] } | null)[]) {
    this.stamp = new Uint32Array(anchors.length);
    anchors.forEach((a, i) => {
      if (!a) return void this.always.push(i);
      for (const c of a.cjk) push(this.byCjk, c, i);
      for (const l of a.latin2) push(this.byLatin2, l, i);
      for (const l of a.latin3) push(this.byLatin3, l, i);
    });
  }

  /** Indexes of the expressions that may match s, in ascending order. */
  candidates(s: string): number[] {
    const gen = ++this.generation;
    const out = [...this.always];
    for (const i of out) this.stamp[i] = gen;
    const mark = (list: number[] | undefined) => {
      if (list) for (const i of list) if (this.stamp[i] !== gen) (this.stamp[i] = gen), out.push(i);
    };
    const n = s.length;
    for (let p = 0; p < n; p++) {
      const c = s.charCodeAt(p);
      if (isCjk(c)) mark(this.byCjk.get(c));
      else if (isLatin(c) && p + 1 < n) {
        const d = s.charCodeAt(p + 1);
        if (!isLatin(d)) continue;
        mark(this.byLatin2.get(key2(c, d)));
        const e = p + 2 < n ? s.charCodeAt(p + 2) : 0;
        if (isLatin(e)) mark(this.byLatin3.get(key3(c, d, e)));
      }
    }
    return out.sort((a, b) => a - b);
  }
}

function push(map: Map<number, number[]>, key: number, i: number) {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}
