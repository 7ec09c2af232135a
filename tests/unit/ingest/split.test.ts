// The hand-written splitter against PapaParse (the reference it replaces) and against itself
// streamed in arbitrary pieces.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countBreaks, Cut, Splitter } from '../../../src/core/ingest/split';

function split(pieces: string[], delimiter: string) {
  const rows: string[][] = [];
  const lines: number[] = [];
  const s = new Splitter(delimiter);
  const emit = (cells: string[], line: number) => {
    rows.push(cells);
    lines.push(line);
  };
  for (const p of pieces) s.push(p, emit);
  s.end(emit);
  return { rows, lines, malformed: s.malformedQuotes };
}

function papa(text: string, delimiter: string, newline: string): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, newline: newline as '\n', quoteChar: '"', skipEmptyLines: false }).data;
  if (rows.length && rows.at(-1)!.length === 1 && rows.at(-1)![0] === '' && /[\r\n]$/.test(text)) rows.pop();
  if (text === '') return [];
  return rows;
}

/** Cut `text` at the given fractions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((f) => Math.floor(f * (text.length + 1))))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

const DELIMS = [',', ';', '\t', '|'];
const EOLS = ['\n', '\r\n', '\r'];
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom('客', '流失', '😀', '　', ' ') },
  { weight: 3, arbitrary: fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r', '\r\n') },
);
const cell = fc.array(unit, { maxLength: 4 }).map((p) => p.join(''));
const matrix = fc
  .record({ cols: fc.integer({ min: 1, max: 5 }), rows: fc.integer({ min: 1, max: 10 }) })
  .chain(({ cols, rows }) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

const write = (rows: string[][], d: string, eol: string) =>
  rows.map((r) => r.map((s) => (/[,;\t|"\r\n]/.test(s) || (r.length === 1 && s === '') ? `"${s.replace(/"/g, '""')}"` : s)).join(d)).join(eol) + eol;

describe('Splitter', () => {
  it('agrees with PapaParse on well-formed CSV of any strings, streamed in any pieces', () => {
    fc.assert(
      fc.property(
        matrix,
        fc.constantFrom(...DELIMS),
        fc.constantFrom(...EOLS),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (rows, d, eol, at) => {
          const text = write(rows, d, eol);
          const ours = split(cut(text, at), d);
          expect(ours.rows).toEqual(papa(text, d, eol));
          expect(ours.rows).toEqual(rows);
          expect(ours.malformed).toBe(0);
          // Line numbers: each record starts after the breaks of all records before it.
          let line = 1;
          ours.rows.forEach((r, i) => {
            expect(ours.lines[i]).toBe(line);
            line += 1 + r.reduce((n, c) => n + countBreaks(c), 0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with PapaParse on quote-free text of any shape (blank lines, ragged rows)', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '1', ' ', '客', ',', ';', '\n'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(',', ';'), (t, d) => {
        expect(split([t], d).rows).toEqual(papa(t, d, '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('any text, even malformed: streamed in pieces gives what one piece gives, and never throws', () => {
    const text = fc.array(fc.constantFrom('a', '"', '""', ',', '\n', '\r', '\r\n', ' ', '客'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (t, at) => {
        const whole = split([t], ',');
        const pieces = split(cut(t, at), ',');
        expect(pieces).toEqual(whole);
        // Nothing is lost: the cells hold every non-syntax character of the input.
        const letters = (s: string) => s.replace(/[^a客]/g, '');
        expect(letters(whole.rows.flat().join(''))).toBe(letters(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('a stray quote inside a quoted field and an unclosed quote are counted', () => {
    expect(split(['a,"b"c",d\n1,2\n'], ',')).toMatchObject({ malformed: 1 });
    expect(split(['id,name\n1,"open\n2,b\n'], ',')).toMatchObject({
      rows: [
        ['id', 'name'],
        ['1', 'open\n2,b\n'],
      ],
      malformed: 1,
    });
  });
});

describe('Splitter across pieces, uncut lines (range)', () => {
  /** Records as cells, quote-free lines cut from their range. */
  function splitRange(pieces: string[]) {
    const rows: string[][] = [];
    const lines: number[] = [];
    const s = new Splitter(',');
    const emit = (cells: string[], line: number) => {
      rows.push(cells);
      lines.push(line);
    };
    const range = (text: string, a: number, b: number, line: number) => emit(a === b ? [''] : text.slice(a, b).split(','), line);
    for (const p of pieces) s.push(p, emit, range);
    s.end(emit, range);
    return { rows, lines };
  }

  it('finishes the record cut at a piece end with the next piece, quoted or not', () => {
    const text = 'a,b\nc,"x\ny",z\nd,e\r\nf,g\rh,"i"\n';
    const whole = splitRange([text]);
    expect(whole.rows).toEqual([
      ['a', 'b'],
      ['c', 'x\ny', 'z'],
      ['d', 'e'],
      ['f', 'g'],
      ['h', 'i'],
    ]);
    expect(whole.lines).toEqual([1, 2, 4, 5, 6]);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 5)]) {
        expect(splitRange([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }
  });

  it('gives what one piece gives, for any text in any pieces (fast-check)', () => {
    const t = fc.array(fc.constantFrom('a', '1', ',', '"', '\n', '\r', '客', ' '), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(
      fc.property(t, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (text, at) => {
        expect(splitRange(cut(text, at))).toEqual(splitRange([text]));
      }),
      { numRuns: 500 },
    );
  });
});

describe('Splitter: quoted records cut into ranges (the fast path) against the string path', () => {
  /** Records as strings: quote-free lines from their range, quoted ones from the cut when `fast`. */
  function splitBoth(pieces: string[], d: string, fast: boolean) {
    const rows: string[][] = [];
    const lines: number[] = [];
    let cutRows = 0;
    const s = new Splitter(d);
    const emit = (cells: string[], line: number) => {
      rows.push(cells);
      lines.push(line);
    };
    const range = (text: string, a: number, b: number, line: number) => emit(a === b ? [''] : text.slice(a, b).split(d), line);
    const cut = (text: string, c: Cut, line: number) => {
      cutRows++;
      emit(c.cells(text), line);
    };
    for (const p of pieces) s.push(p, emit, range, fast ? cut : undefined);
    s.end(emit, range, fast ? cut : undefined);
    return { rows, lines, malformed: s.malformedQuotes, first: [s.firstMalformedRow, s.firstMalformedLine], records: s.rows, cutRows };
  }
  const strip = (r: ReturnType<typeof splitBoth>) => ({ ...r, cutRows: 0 });

  it('gives the same cells, lines and malformed counts on any text, in any pieces (fast-check)', () => {
    const t = fc
      .array(fc.constantFrom('a', '1', ',', ';', '"', '""', '"a"', '\n', '\r', '\r\n', '客', '😀', ' ', '" ', '",'), { maxLength: 60 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(t, fc.constantFrom(',', ';'), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (text, d, at) => {
        const general = splitBoth([text], d, false);
        expect(strip(splitBoth([text], d, true))).toEqual(general);
        expect(strip(splitBoth(cut(text, at), d, true))).toEqual(general);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes well-formed quoted records, with "", delimiters and breaks inside, and leaves malformed ones to the string path', () => {
    const text = 'a,"b,c",d\n"x""y","two\r\nlines",z\r\n"q" ,r\n"open';
    const fast = splitBoth([text], ',', true);
    // Spaces after a closing quote are dropped (as PapaParse does); the unclosed quote is malformed.
    expect(fast.rows).toEqual([['a', 'b,c', 'd'], ['x"y', 'two\r\nlines', 'z'], ['q', 'r'], ['open']]);
    expect(fast.lines).toEqual([1, 2, 4, 5]);
    expect(fast.cutRows).toBe(2);
    expect(fast.malformed).toBe(1);
    expect(strip(fast)).toEqual(splitBoth([text], ',', false));
  });

  it('a multibyte character or a CRLF cut at a piece boundary changes nothing', () => {
    const text = '客户,"备注,说明"\r\n"😀,甲","乙\r\n丙"\r\n丁,"戊"\r\n';
    const whole = splitBoth([text], ',', true);
    expect(whole.rows).toEqual([
      ['客户', '备注,说明'],
      ['😀,甲', '乙\r\n丙'],
      ['丁', '戊'],
    ]);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) expect(splitBoth([text.slice(0, i), text.slice(i, j), text.slice(j)], ',', true)).toEqual(whole);
    }
  });
});
