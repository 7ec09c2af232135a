// churnlens on the command line: the same core as the page.
//   npm run --silent analyze -- [--as-of YYYY-MM-DD] [--inactive-days N] FILE...
// Prints one JSON object (the Analysis) on stdout; errors go to stderr with exit code 1 (usage: 2).
// The analysis's questions (no churn signal, unknown status values…) are in it with the settings
// that answer them: --settings applies one; --role, --status and --tenure-unit set the same by hand.
// Built into dist-cli/analyze.mjs (scripts/build-cli.ts); the analysis core is loaded once the
// arguments are read, so --help and usage mistakes do not pay for it.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseIsoDay } from '../core/dates';
import { normStatusValue } from '../core/ingest/status';
import { checkedSettings, SettingsError } from '../core/settings';
import { IngestError, type ParsedFile, type Role, ROLES, type Settings, type StatusClass, type TenureUnit } from '../core/types';
import { warnIfStale } from './build-info';

const USAGE =
  'usage: npm run --silent analyze -- [--as-of YYYY-MM-DD] [--inactive-days N] [--encoding LABEL] [--engine duckdb] FILE... (CSV, TSV, TXT or .xlsx; Parquet with --engine duckdb)';

const CORRECTIONS = [
  '  --role FILE:ROLE=COLUMN          the column (header text, or 0-based index) holding ROLE in FILE; repeatable',
  "  --status FILE:VALUE=MEANING      what a value of FILE's status column means: lost, active, prospect or ignore; repeatable",
  '  --tenure-unit day|month|year     the unit of the tenure column',
  '  --settings JSON|FILE.json        settings to merge, such as the "answer" of a question in the output',
  "  (FILE is the file's name as given, without its folder)",
].join('\n');
const STATUS_CLASSES: readonly StatusClass[] = ['lost', 'active', 'prospect', 'ignore'];
const TENURE_UNITS: readonly TenureUnit[] = ['day', 'month', 'year'];

/** --role choices, by column text: resolved once the files are read. */
const roleChoices: { file: string; role: Role; column: string }[] = [];

/** "FILE:REST" → [file name, REST]: the file is what comes before the first colon. */
function fileAnd(a: string, v: string): [string, string] {
  const at = v.indexOf(':');
  if (at <= 0) fail(`${a} takes FILE:…, got "${v}"`, 2);
  return [basename(v.slice(0, at)), v.slice(at + 1)];
}

/** "LEFT=RIGHT", split at the last "=". */
function pairOf(a: string, v: string): [string, string] {
  const at = v.lastIndexOf('=');
  if (at <= 0 || at === v.length - 1) fail(`${a} takes …=…, got "${v}"`, 2);
  return [v.slice(0, at), v.slice(at + 1)];
}

/** A correction option (--role, --status, --tenure-unit, --settings) into the settings; false for any other option. */
function correction(a: string, value: () => string, settings: Settings): boolean {
  if (a === '--tenure-unit') {
    const v = value() as TenureUnit;
    if (!TENURE_UNITS.includes(v)) fail(`--tenure-unit must be day, month or year, got "${v}"`, 2);
    settings.tenureUnit = v;
  } else if (a === '--status') {
    const [file, rest] = fileAnd(a, value());
    const [raw, as] = pairOf(a, rest);
    if (!STATUS_CLASSES.includes(as as StatusClass)) fail(`--status: "${as}" is not one of ${STATUS_CLASSES.join(', ')}`, 2);
    const all = { ...(settings.statusValues ?? {}) };
    all[file] = { ...(all[file] ?? {}), [normStatusValue(raw)]: as as StatusClass };
    settings.statusValues = all;
  } else if (a === '--role') {
    const [file, rest] = fileAnd(a, value());
    const [role, column] = pairOf(a, rest);
    if (!ROLES.includes(role as Role)) fail(`--role: "${role}" is not a role (${ROLES.join(', ')})`, 2);
    roleChoices.push({ file, role: role as Role, column });
  } else if (a === '--settings') {
    const v = value();
    let extra: unknown;
    try {
      extra = JSON.parse(v.trimStart().startsWith('{') ? v : readFileSync(v, 'utf8'));
    } catch (e) {
      fail(`--settings: ${existsSync(v) ? 'not JSON' : 'neither JSON nor a readable file'} (${(e as Error).message})`, 2);
    }
    try {
      Object.assign(settings, checkedSettings({ ...settings, ...(extra as object) }));
    } catch (e) {
      if (e instanceof SettingsError) fail(`--settings: ${e.message}`, 2);
      throw e;
    }
  } else return false;
  return true;
}

/** The --role choices as roleOverrides: a column by its header text, else by its 0-based index. */
function withRoles(settings: Settings, parsed: ParsedFile[]): Settings {
  if (roleChoices.length === 0) return settings;
  const all = { ...(settings.roleOverrides ?? {}) };
  for (const { file, role, column } of roleChoices) {
    const f = parsed.find((x) => x.file === file);
    if (!f) fail(`--role: no input file named ${file}`, 2);
    let index = f.header.findIndex((h) => h.trim() === column.trim());
    if (index < 0 && /^\d+$/.test(column) && +column < f.header.length) index = +column;
    if (index < 0) fail(`--role: ${file} has no column "${column}" (its columns: ${f.header.join(', ')})`, 2);
    all[file] = { ...(all[file] ?? {}), [role]: index };
  }
  return { ...settings, roleOverrides: all };
}

function fail(message: string, code = 1): never {
  process.stderr.write(`churnlens: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { settings: Settings; files: string[]; encoding?: string; engine?: 'duckdb' } {
  const settings: Settings = checkedSettings({}); // the defaults (core/settings.ts); analyze() checks again
  const files: string[] = [];
  let encoding: string | undefined;
  let engine: 'duckdb' | undefined; // order logs summarised out of core by DuckDB (cli/duckdb.ts)
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
    else if (correction(a, value, settings)) continue;
    else if (a === '--engine') {
      if (value() !== 'duckdb') fail(`--engine must be duckdb\n${USAGE}`, 2);
      engine = 'duckdb';
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n${CORRECTIONS}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`, 2);
    else files.push(a);
  }
  if (files.length === 0) fail(`no input files\n${USAGE}`, 2);
  return { settings, files, encoding, engine };
}

async function main() {
  warnIfStale(import.meta.url);
  const { settings, files, encoding, engine } = parseArgs(process.argv.slice(2));
  const [{ analyze }, { ingestSource }, { translate }] = await Promise.all([
    import('../core/analyze'),
    import('../core/ingest/source'),
    import('../i18n'),
  ]);
  const parsed: ParsedFile[] = engine ? await (await import('./duckdb')).readWithDuckDB(files, settings, { encoding }) : [];
  for (const path of engine ? [] : files) {
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
  let analysis;
  try {
    analysis = analyze(parsed, withRoles(settings, parsed));
  } catch (e) {
    if (e instanceof SettingsError) fail(e.message, 2);
    throw e;
  }
  process.stdout.write(`${JSON.stringify(analysis)}\n`);
}

main().catch((e) => fail(`internal error: ${e instanceof Error ? e.message : String(e)}`));
