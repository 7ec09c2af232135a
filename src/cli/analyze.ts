// churnlens on the command line: the same core as the page.
//   npm run --silent analyze -- [--as-of YYYY-MM-DD] [--inactive-days N] FILE...
// Prints one JSON object (the Analysis) on stdout; errors go to stderr with exit code 1 (usage: 2).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../core/analyze';
import { ingestSource } from '../core/ingest/source';
import { parseIsoDay } from '../core/dates';
import { IngestError, type ParsedFile, type Settings } from '../core/types';
import { checkedSettings } from '../core/settings';
import { translate } from '../i18n';

const USAGE =
  'usage: npm run --silent analyze -- [--as-of YYYY-MM-DD] [--inactive-days N] [--encoding LABEL] FILE... (CSV, TSV, TXT or .xlsx)';

function fail(message: string, code = 1): never {
  process.stderr.write(`churnlens: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { settings: Settings; files: string[]; encoding?: string } {
  const settings: Settings = checkedSettings({}); // the defaults (core/settings.ts); analyze() checks again
  const files: string[] = [];
  let encoding: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value\n${USAGE}`, 2);
      return v;
    };
    if (a === '--as-of') {
      const v = value();
      if (parseIsoDay(v) === null) fail(`--as-of must be a date as YYYY-MM-DD, got "${v}"`, 2);
      settings.asOf = v;
    } else if (a === '--inactive-days') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) fail(`--inactive-days must be a positive whole number`, 2);
      settings.inactiveDays = v;
    } else if (a === '--encoding') encoding = value();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`, 2);
    else files.push(a);
  }
  if (files.length === 0) fail(`no input files\n${USAGE}`, 2);
  return { settings, files, encoding };
}

async function main() {
  const { settings, files, encoding } = parseArgs(process.argv.slice(2));
  const parsed: ParsedFile[] = [];
  for (const path of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      parsed.push(await ingestSource(basename(path), buffer, { encoding }));
    } catch (e) {
      if (e instanceof IngestError) {
        fail(translate('en', `error.${e.code}`, { file: path, ...(e.params ?? {}) }));
      }
      throw e;
    }
  }
  const analysis = analyze(parsed, settings);
  process.stdout.write(`${JSON.stringify(analysis)}\n`);
}

main().catch((e) => fail(`internal error: ${e instanceof Error ? e.message : String(e)}`));
