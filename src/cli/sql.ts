// The customer-summary SQL for an engine, on the command line (core/sql):
//   npm run --silent sql -- --dialect duckdb|postgres|bigquery|spark|snowflake [--table NAME]
//       [--as-of YYYY-MM-DD] [--inactive-days N] [--period month|quarter] [--order-column COL]
//       [--encoding LABEL] [--customer-id COL] [--order-date COL] [--amount COL] … [--status COL]
//       [--order-status VALUE,VALUE…] [FILE]
// FILE is a sample of the export (its first rows are enough): the core reads its roles, date and
// number forms. Roles given as flags win; without FILE they are all there is. Rows whose status
// says they are not sales (cancelled, refunded, pending…) are left out, by the values the sample
// shows: --order-status adds the values of the whole table (SELECT DISTINCT status …), which the
// core's rule then reads. Prints the SQL only; errors go to stderr with exit code 1 (unusable
// input) or 2 (usage).
import { accessSync, constants } from 'node:fs';
import { basename } from 'node:path';
import { parseIsoDay } from '../core/dates';
import { textColumns } from '../core/ingest/columns';
import { checkedSettings } from '../core/settings';
import { type DialectName, DIALECTS, isDialect } from '../core/sql/dialects';
import { summarySql } from '../core/sql/generate';
import { ORDER_ROLES, type OrderRole, SpecError, specFromSample } from '../core/sql/spec';
import type { CohortPeriod, ParsedFile, Role } from '../core/types';
import { IngestError } from '../core/types';
import { warnIfStale } from './build-info';
import { sampleFile } from './sample';

const FLAG_ROLE: Record<string, OrderRole> = Object.fromEntries(
  ORDER_ROLES.map((r) => [`--${r.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, r]),
);

const USAGE =
  `usage: npm run --silent sql -- --dialect ${DIALECTS.join('|')} [--table NAME] [--as-of YYYY-MM-DD] ` +
  `[--inactive-days N] [--period month|quarter] [--order-column COL] [--encoding LABEL] ` +
  `[${Object.keys(FLAG_ROLE).join(' COL] [')} COL] [--order-status VALUE,VALUE…] [FILE]`;

function fail(message: string, code = 1): never {
  process.stderr.write(`churnlens: ${message}\n`);
  process.exit(code);
}

interface Args {
  dialect: DialectName;
  table?: string;
  asOf?: string;
  inactiveDays: number;
  period: CohortPeriod;
  orderColumn?: string;
  /** Status values given by --order-status (the whole table's). */
  statusValues: string[];
  encoding?: string;
  roles: Partial<Record<OrderRole, string>>;
  file?: string;
}

function parseArgs(argv: string[]): Args {
  let dialect: DialectName | undefined;
  const args: Omit<Args, 'dialect'> = { inactiveDays: checkedSettings({}).inactiveDays, period: 'month', roles: {}, statusValues: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value\n${USAGE}`, 2);
      return v;
    };
    if (a === '--dialect') {
      const v = value();
      if (!isDialect(v)) fail(`--dialect must be one of ${DIALECTS.join(', ')}, got "${v}"`, 2);
      dialect = v;
    } else if (a === '--table') args.table = value();
    else if (a === '--as-of') {
      const v = value();
      if (parseIsoDay(v) === null) fail(`--as-of must be a date as YYYY-MM-DD, got "${v}"`, 2);
      args.asOf = v;
    } else if (a === '--inactive-days') {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 1) fail('--inactive-days must be a positive whole number', 2);
      args.inactiveDays = v;
    } else if (a === '--period') {
      const v = value();
      if (v !== 'month' && v !== 'quarter') fail(`--period must be month or quarter, got "${v}"`, 2);
      args.period = v;
    } else if (a === '--order-column') args.orderColumn = value();
    else if (a === '--order-status') {
      const v = value()
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      if (v.length === 0) fail(`--order-status takes status values, as VALUE or VALUE,VALUE…\n${USAGE}`, 2);
      args.statusValues.push(...v);
    } else if (a === '--encoding') args.encoding = value();
    else if (FLAG_ROLE[a]) args.roles[FLAG_ROLE[a]] = value();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`, 2);
    else if (args.file !== undefined) fail(`one sample FILE only\n${USAGE}`, 2);
    else args.file = a;
  }
  if (!dialect) fail(`--dialect is required\n${USAGE}`, 2);
  if (!args.file && (!args.roles.customerId || !args.roles.orderDate)) {
    fail(`give a sample FILE, or at least --customer-id and --order-date\n${USAGE}`, 2);
  }
  if (!args.file && args.statusValues.length && !args.roles.status)
    fail(`--order-status needs the status column: name it with --status COL\n${USAGE}`, 2);
  return { dialect, ...args };
}

/** The sample with the roles given as flags over the guessed ones (a column holds one role). */
function withRoles(f: ParsedFile, given: Partial<Record<OrderRole, string>>): ParsedFile {
  const roles = { ...f.roles };
  for (const [role, name] of Object.entries(given) as [OrderRole, string][]) {
    const c = f.header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
    if (c < 0) fail(`${f.file} has no column "${name}" (its columns: ${f.header.join(', ')})`, 2);
    for (const r of Object.keys(roles) as Role[]) if (roles[r] === c) delete roles[r];
    roles[role] = c;
  }
  return { ...f, roles };
}

/** No sample: a header of the columns given, with no values. */
function bare(given: Partial<Record<OrderRole, string>>): ParsedFile {
  const header = [...new Set(Object.values(given))];
  const roles: Partial<Record<Role, number>> = {};
  for (const [role, name] of Object.entries(given) as [OrderRole, string][]) roles[role] = header.indexOf(name);
  return {
    file: 'orders',
    kind: 'orders',
    encoding: 'utf-8',
    delimiter: ',',
    header,
    columns: textColumns(header.map(() => [])),
    rowCount: 0,
    roles,
    skipped: { title: 0, blank: 0, totals: 0, repeatedHeader: 0 },
    issues: [],
  };
}

async function main() {
  warnIfStale(import.meta.url);
  const args = parseArgs(process.argv.slice(2));
  let sample: ParsedFile;
  if (args.file) {
    try {
      accessSync(args.file, constants.R_OK);
    } catch (e) {
      fail(`cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      sample = withRoles(await sampleFile(args.file, args.encoding), args.roles);
    } catch (e) {
      if (e instanceof IngestError) fail((await import('../i18n')).translate('en', `error.${e.code}`, { file: args.file, ...(e.params ?? {}) }));
      throw e;
    }
  } else sample = bare(args.roles);
  if (args.statusValues.length && sample.roles.status === undefined) {
    fail(`--order-status: ${sample.file} has no status column: name it with --status COL\n${USAGE}`, 2);
  }
  try {
    const spec = specFromSample(
      {
        source: args.file ? basename(args.file) : (args.table ?? 'orders'),
        header: sample.header,
        roles: sample.roles,
        columns: sample.columns,
        rowCount: sample.rowCount,
      },
      {
        table: args.table,
        asOf: args.asOf,
        inactiveDays: args.inactiveDays,
        period: args.period,
        orderColumn: args.orderColumn,
        statusValues: args.statusValues,
      },
    );
    process.stdout.write(summarySql(spec, args.dialect));
  } catch (e) {
    if (e instanceof SpecError) fail(`${e.message}: name it with --customer-id / --order-date\n${USAGE}`);
    throw e;
  }
}

main().catch((e) => fail(`internal error: ${e instanceof Error ? e.message : String(e)}`));
