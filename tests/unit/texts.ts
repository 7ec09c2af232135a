// A file's columns as strings, for tests that compare them with what was written. The app reads
// ParsedFile.columns cell by cell (get(r)) and never makes these arrays.
import type { Column, ParsedFile } from '../../src/core/types';

export const texts = (c: Column): string[] => Array.from({ length: c.length }, (_, r) => c.get(r));

export const columnTexts = (f: Pick<ParsedFile, 'columns'>): string[][] => f.columns.map(texts);
