// Streaming text → rows of cells. Hand-written instead of PapaParse because the 1M-row target
// cannot afford a row array per stage (FIELD-NOTES): chunks arrive from a streaming decoder and
// each record is handed on at once. Lines without a quote (nearly all of them) are cut with
// indexOf + String#split, which V8 does natively; a record with a quote goes through a small
// state machine with PapaParse's quote rules. Checked against PapaParse on the corpus, the
// csv-spectrum cases and fast-check (tests/unit/ingest/split.test.ts).
//
// Rules: a record ends at an unquoted \n, \r\n or \r (mixed breaks allowed). A field that starts
// with `"` is quoted: `""` is a quote, and a quote closes it only when followed (after optional
// spaces) by the delimiter, a break or the end; any other quote is kept as text and counted as
// malformed, and a quote left open swallows the rest of the input (as PapaParse does). A final
// line break ends the last record; it does not start an empty one.

export type EmitRow = (cells: string[], line: number) => void;
/** A record without quotes, as the range text[start, end) of its line (no line break). */
export type EmitRange = (text: string, start: number, end: number, line: number) => void;
/** A record with quotes, cut: its cells are in `cut` (see Cut), read from `text`. */
export type EmitCut = (text: string, cut: Cut, line: number) => void;

/**
 * The cells of one record as ranges of the text they were read from: cell k is
 * text[starts[k], ends[k]) (a quoted cell without its quotes), or, when starts[k] is -1 (a quoted
 * cell holding "" ), the string special[k]. Reused from record to record.
 */
export class Cut {
  n = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  special: string[] = [];

  /** Cell k as a string. */
  cell(text: string, k: number): string {
    return this.starts[k] < 0 ? this.special[k] : text.slice(this.starts[k], this.ends[k]);
  }

  /** Every cell as a string. */
  cells(text: string): string[] {
    const out = new Array<string>(this.n);
    for (let k = 0; k < this.n; k++) out[k] = this.cell(text, k);
    return out;
  }

  /** Room for cell k. */
  room(k: number): void {
    if (k < this.starts.length) return;
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

/** A quoted record cannot be cut as ranges (a stray or unclosed quote, spaces after one). */
const GENERAL = -2;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;

export class Splitter {
  /** Count of malformed quotes (stray or never closed). */
  malformedQuotes = 0;
  /** Index of the first record holding a malformed quote, or -1. */
  firstMalformedRow = -1;
  /** 1-based source line where that record starts, or -1. */
  firstMalformedLine = -1;
  /** Records emitted so far. */
  rows = 0;
  private carry = '';
  private line = 1;
  private readonly d: string;
  private readonly dc: number;
  private readonly cutter = new Cut();

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error(`delimiter must be one character: ${JSON.stringify(delimiter)}`);
    this.d = delimiter;
    this.dc = delimiter.charCodeAt(0);
  }

  /**
   * Feed the next piece of text; complete records are emitted, the rest is kept. With `range`,
   * records without a quote go there uncut (the caller reads their cells from the text); with
   * `cut`, records with quotes go there cut into ranges (all but the malformed ones, which `emit`
   * gets as strings).
   */
  push(chunk: string, emit: EmitRow, range?: EmitRange, cut?: EmitCut): void {
    let text = chunk;
    let from = 0;
    if (this.carry.length) {
      // The record left unfinished by the last piece, completed by this piece's first line, is
      // read on its own: joined to the whole piece it would make V8 copy the piece into one flat
      // string (a megabyte per piece) before the first search in it.
      const nl = chunk.indexOf('\n');
      if (nl >= 0) {
        const head = this.carry + chunk.slice(0, nl + 1);
        const done = this.run(head, 0, false, emit, range, cut);
        if (done === head.length) from = nl + 1;
        else text = head.slice(done) + chunk.slice(nl + 1); // a quoted record goes on
      } else text = this.carry + chunk;
    }
    this.carry = text.slice(this.run(text, from, false, emit, range, cut));
  }

  /** No more text: emit what is left. */
  end(emit: EmitRow, range?: EmitRange, cut?: EmitCut): void {
    const text = this.carry;
    this.carry = '';
    if (text.length) this.run(text, 0, true, emit, range, cut);
  }

  /** Emits complete records of `text` from `pos`; returns where the unfinished part starts. */
  private run(text: string, pos: number, final: boolean, emit: EmitRow, range: EmitRange | undefined, cut?: EmitCut): number {
    const len = text.length;
    const d = this.d;
    // Next \n, \r and quote at or after pos (len = none left).
    let nl = -1;
    let cr = -1;
    let q = -1;
    while (pos < len) {
      if (nl < pos) nl = indexOr(text, '\n', pos, len);
      if (cr < pos) cr = indexOr(text, '\r', pos, len);
      if (q < pos) q = indexOr(text, '"', pos, len);
      const end = nl < cr ? nl : cr;
      if (q < end) {
        let next = cut ? this.cutQuoted(text, pos, final, cut, nl, cr) : GENERAL;
        if (next === GENERAL) next = this.quoted(text, pos, final, emit);
        if (next < 0) return pos; // unfinished
        pos = next;
        continue;
      }
      if (end === len && !final) return pos;
      let next = end + 1;
      if (end === cr && end < len) {
        if (end + 1 === len && !final) return pos; // a \r\n may be cut in two
        if (text.charCodeAt(end + 1) === LF) next++;
      }
      this.rows++;
      if (range) range(text, pos, end, this.line++);
      else emit(end === pos ? [''] : text.slice(pos, end).split(d), this.line++);
      pos = next;
    }
    return pos;
  }

  get delimiter(): string {
    return this.d;
  }

  private malformed(): void {
    if (this.malformedQuotes++ === 0) {
      this.firstMalformedRow = this.rows;
      this.firstMalformedLine = this.line;
    }
  }

  /**
   * One record holding a quote, from `start`, cut into ranges (no string per cell) and handed to
   * `emit`: the same cells as quoted() for every record it takes. Returns the index after it, -1
   * if unfinished, or GENERAL (nothing emitted) for a record quoted() must read: a quote that
   * closes a field but is followed by anything but the delimiter, a break or the end (spaces, a
   * stray quote), or a quote never closed at the end of the input.
   */
  private cutQuoted(text: string, start: number, final: boolean, emit: EmitCut, nl: number, cr: number): number {
    const len = text.length;
    const dc = this.dc;
    const d = this.d;
    const cut = this.cutter;
    let breaks = 0;
    let n = 0;
    let i = start;
    // Next delimiter, \n and \r at or after i (len: none), found again only once passed (the
    // caller's nl and cr are at or after start: a text without \r is not searched again).
    let nd = -1;
    for (;;) {
      cut.room(n);
      if (text.charCodeAt(i) === QUOTE) {
        // A quoted field: its characters up to the closing quote; "" stands for one quote.
        let k = text.indexOf('"', i + 1);
        let value: string | null = null;
        let seg = i + 1;
        for (;;) {
          if (k < 0) return final ? GENERAL : -1;
          if (k + 1 >= len && !final) return -1;
          if (text.charCodeAt(k + 1) !== QUOTE) break;
          value = (value ?? '') + text.slice(seg, k + 1);
          seg = k + 2;
          k = text.indexOf('"', seg);
        }
        const c = k + 1 < len ? text.charCodeAt(k + 1) : -1;
        if (c !== -1 && c !== dc && c !== LF && c !== CR) return GENERAL;
        if (nl <= i) nl = indexOr(text, '\n', i, len);
        if (cr <= i) cr = indexOr(text, '\r', i, len);
        if (nl < k || cr < k) breaks += countBreaksIn(text, i + 1, k);
        if (value === null) {
          cut.starts[n] = i + 1;
          cut.ends[n] = k;
        } else {
          cut.starts[n] = -1;
          cut.special[n] = value + text.slice(seg, k);
        }
        n++;
        i = k + 1;
      } else {
        if (nd < i) nd = indexOr(text, d, i, len);
        if (nl < i) nl = indexOr(text, '\n', i, len);
        if (cr < i) cr = indexOr(text, '\r', i, len);
        let k = nd < nl ? nd : nl;
        if (cr < k) k = cr;
        cut.starts[n] = i;
        cut.ends[n] = k;
        n++;
        i = k;
      }
      // After a field: a delimiter, a break or the end.
      if (i >= len) {
        if (!final) return -1;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === dc) {
        i++;
        if (i >= len) {
          if (!final) return -1;
          cut.room(n);
          cut.starts[n] = i;
          cut.ends[n] = i;
          n++;
          break;
        }
        continue;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return -1;
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++; // LF
      break;
    }
    cut.n = n;
    this.rows++;
    emit(text, cut, this.line);
    this.line += 1 + breaks;
    return i;
  }

  /** One record holding a quote, from `start`. Returns the index after it, or -1 if unfinished. */
  private quoted(text: string, start: number, final: boolean, emit: EmitRow): number {
    const len = text.length;
    const dc = this.dc;
    const cells: string[] = [];
    let breaks = 0;
    let bad = 0;
    let i = start;
    for (;;) {
      // One field from i.
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let seg = i + 1;
        let j = i + 1;
        let closed = false;
        for (;;) {
          const k = text.indexOf('"', j);
          if (k < 0) {
            if (!final) return -1;
            bad++; // never closed: the rest of the input is this field
            value += text.slice(seg);
            i = len;
            break;
          }
          if (k + 1 >= len && !final) return -1;
          if (text.charCodeAt(k + 1) === QUOTE) {
            value += text.slice(seg, k + 1);
            j = k + 2;
            seg = j;
            continue;
          }
          let m = k + 1;
          while (m < len && text.charCodeAt(m) === SPACE) m++;
          if (m >= len && !final) return -1;
          const c = m < len ? text.charCodeAt(m) : -1;
          if (c === -1 || c === dc || c === LF || c === CR) {
            value += text.slice(seg, k);
            i = m;
            closed = true;
            break;
          }
          bad++; // a stray quote inside a quoted field: kept as text
          j = k + 1;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) breaks += countBreaks(value);
        cells.push(value);
        if (!closed) break;
      } else {
        let k = i;
        while (k < len) {
          const c = text.charCodeAt(k);
          if (c === dc || c === LF || c === CR) break;
          k++;
        }
        cells.push(text.slice(i, k));
        i = k;
      }
      // After a field: a delimiter, a break or the end.
      if (i >= len) {
        if (!final) return -1;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === dc) {
        i++;
        if (i >= len) {
          if (!final) return -1;
          cells.push('');
          break;
        }
        continue;
      }
      if (c === CR) {
        if (i + 1 >= len && !final) return -1;
        i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++; // LF
      break;
    }
    for (let b = 0; b < bad; b++) this.malformed();
    this.rows++;
    emit(cells, this.line);
    this.line += 1 + breaks;
    return i;
  }
}

function indexOr(text: string, s: string, from: number, none: number): number {
  const i = text.indexOf(s, from);
  return i < 0 ? none : i;
}

/** Line breaks (\r\n, \n or \r) in text[a, b), as countBreaks counts them. */
function countBreaksIn(text: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (i + 1 < b && text.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}

/** Line breaks (\r\n, \n or \r) inside one cell. */
export function countBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR) {
      n++;
      if (s.charCodeAt(i + 1) === LF) i++;
    }
  }
  return n;
}
