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

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error(`delimiter must be one character: ${JSON.stringify(delimiter)}`);
    this.d = delimiter;
    this.dc = delimiter.charCodeAt(0);
  }

  /**
   * Feed the next piece of text; complete records are emitted, the rest is kept. With `range`,
   * records without a quote go there uncut (the caller reads their cells from the text).
   */
  push(chunk: string, emit: EmitRow, range?: EmitRange): void {
    let text = chunk;
    let from = 0;
    if (this.carry.length) {
      // The record left unfinished by the last piece, completed by this piece's first line, is
      // read on its own: joined to the whole piece it would make V8 copy the piece into one flat
      // string (a megabyte per piece) before the first search in it.
      const nl = chunk.indexOf('\n');
      if (nl >= 0) {
        const head = this.carry + chunk.slice(0, nl + 1);
        const done = this.run(head, 0, false, emit, range);
        if (done === head.length) from = nl + 1;
        else text = head.slice(done) + chunk.slice(nl + 1); // a quoted record goes on
      } else text = this.carry + chunk;
    }
    this.carry = text.slice(this.run(text, from, false, emit, range));
  }

  /** No more text: emit what is left. */
  end(emit: EmitRow, range?: EmitRange): void {
    const text = this.carry;
    this.carry = '';
    if (text.length) this.run(text, 0, true, emit, range);
  }

  /** Emits complete records of `text` from `pos`; returns where the unfinished part starts. */
  private run(text: string, pos: number, final: boolean, emit: EmitRow, range: EmitRange | undefined): number {
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
        const next = this.quoted(text, pos, final, emit);
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
