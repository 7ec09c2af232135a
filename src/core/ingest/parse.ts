// Text → rows of cells. The delimiter is sniffed here (PapaParse's guesser is thrown by title
// rows above the header); the splitting is Splitter's (split.ts), which streams.
import { Splitter } from './split';

export interface Delimited {
  rows: string[][];
  delimiter: string;
  /** The line break outside quotes ('\n' also for a mix of breaks). */
  newline: string;
  /** 1-based source line of each row; only present when quoted cells hold line breaks. */
  rowLine?: number[];
  /** Count of malformed-quote errors PapaParse reported (a stray quote can swallow rows). */
  malformedQuotes: number;
  /** Index of the first row with a malformed quote, or -1. */
  firstMalformedRow: number;
}

const CANDIDATES = [',', ';', '\t', '|'];
const SNIFF_LINES = 50;
const SNIFF_CHARS = 512 * 1024;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

const isCandidate = (c: number): boolean => c === 44 || c === 59 || c === 9 || c === 124;

/**
 * Delimiter by consistency of field counts over the first non-empty lines, outside quotes.
 * Score: how many lines share the modal field count (> 1); ties go to the wider mode.
 */
export function sniffDelimiter(text: string): string {
  const counts: number[][] = []; // per line: occurrences of each candidate
  let cur = [0, 0, 0, 0];
  let nonBlank = false;
  let inQuotes = false;
  let fieldStart = true;
  const end = Math.min(text.length, SNIFF_CHARS);
  for (let i = 0; i < end && counts.length < SNIFF_LINES; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF || c === CR) {
      if (nonBlank) counts.push(cur);
      cur = [0, 0, 0, 0];
      nonBlank = false;
      fieldStart = true;
      continue;
    }
    if (c === QUOTE && fieldStart) {
      inQuotes = true;
      nonBlank = true;
      fieldStart = false;
      continue;
    }
    if (isCandidate(c)) {
      cur[c === 44 ? 0 : c === 59 ? 1 : c === 9 ? 2 : 3]++;
      fieldStart = true;
      nonBlank = true; // Excel pads blank and title lines with delimiters: still evidence
      continue;
    }
    fieldStart = false;
    if (c !== 32) nonBlank = true;
  }
  if (nonBlank && counts.length < SNIFF_LINES) counts.push(cur);

  let best = ',';
  let bestFreq = 0;
  let bestMode = 0;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const freq = new Map<number, number>();
    for (const line of counts) freq.set(line[k], (freq.get(line[k]) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [n, f] of freq) {
      if (n === 0) continue; // one field: says nothing about this delimiter
      if (f > modeFreq || (f === modeFreq && n > mode)) {
        mode = n;
        modeFreq = f;
      }
    }
    if (modeFreq > bestFreq || (modeFreq === bestFreq && modeFreq > 0 && mode > bestMode)) {
      best = CANDIDATES[k];
      bestFreq = modeFreq;
      bestMode = mode;
    }
  }
  return best;
}

function countOf(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

/** The line break the text uses outside quotes: '\n' for LF and for a mix, else '\r\n' or '\r'. */
export function newlineOf(text: string): string {
  const nLF = countOf(text, '\n');
  const nCR = countOf(text, '\r');
  if (nCR === 0) return '\n';
  if (nLF === 0) return '\r';
  const nCRLF = countOf(text, '\r\n');
  return nCR === nCRLF && nLF === nCRLF ? '\r\n' : '\n';
}

/** Split delimited text into rows (all in memory; ingest streams with Splitter instead). */
export function parseDelimited(text: string, delimiter = sniffDelimiter(text)): Delimited {
  const rows: string[][] = [];
  const lines: number[] = [];
  const s = new Splitter(delimiter);
  const emit = (cells: string[], line: number) => {
    rows.push(cells);
    lines.push(line);
  };
  s.push(text, emit);
  s.end(emit);
  let rowLine: number[] | undefined;
  for (let r = 0; r < lines.length; r++) {
    if (lines[r] !== r + 1) {
      rowLine = lines;
      break;
    }
  }
  return {
    rows,
    delimiter,
    newline: newlineOf(text),
    rowLine,
    malformedQuotes: s.malformedQuotes,
    firstMalformedRow: s.firstMalformedRow,
  };
}
