// What differs between the engines the customer summary runs on: quoting, types, integer
// division, regular expressions, trimming, dates out, and whether an aggregate can be told the
// order to add in. Everything else in the generated SQL is written once (generate.ts).
//
// Regular expressions use no backslash (character classes such as [0-9] and [.] instead), so a
// pattern means the same inside every engine's string literals.

export const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'spark', 'snowflake'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface Dialect {
  name: DialectName;
  /** A column name, quoted. */
  ident(name: string): string;
  /** A table name, dotted parts allowed (project.dataset.table). */
  table(name: string): string;
  /** A string literal. */
  str(s: string): string;
  text: string;
  int: string;
  big: string;
  float: string;
  /** Integer division of non-negative integers. */
  idiv(a: string, b: string): string;
  mod(a: string, b: string): string;
  /** s matches the (anchored) pattern. */
  matches(s: string, pattern: string): string;
  /** The text of capture group `group` (1-based) of the pattern; used only where the pattern matches. */
  extract(s: string, pattern: string, group: number): string;
  replaceAll(s: string, pattern: string, by: string): string;
  /** s without the leading and trailing white space JavaScript's trim() removes (the usual ones). */
  trim(s: string): string;
  /** A cast that gives NULL rather than an error (only used where a pattern has vouched for the text). */
  cast(s: string, type: string): string;
  /**
   * The sum of x over each window partition, added in this order (so floating-point sums match the
   * core's to the bit), on every row of the partition; null where the engine cannot be told the
   * order. DuckDB: an ordered aggregate over the partition (its windows spill to disk, its grouped
   * ordered aggregates do not); PostgreSQL: a frame of the whole partition, added row by row.
   */
  orderedSum: ((x: string, partition: string, order: string) => string) | null;
  /** The same as a grouped aggregate, where the engine has one: faster, but it holds the rows in memory (DuckDB). */
  groupedOrderedSum?: (x: string, order: string) => string;
  /** The value of the row with the largest key among the rows where cond holds (NULL when none). */
  lastBy(value: string, key: string, cond: string): string;
  /** 'YYYY-MM-DD' of an epoch day (days since 1970-01-01). */
  dayText(day: string): string;
  /** Left-pad text to n characters with c. */
  lpad(s: string, n: number, c: string): string;
  concat(...parts: string[]): string;
  /** First character. */
  first(s: string): string;
  /** How a CTE used more than once is kept: computed once where the engine allows saying so. */
  materialized: string;
  /** The rows' input order when the engine reads a file in order (DuckDB); null elsewhere. */
  fileOrder: string | null;
  /**
   * Ends a CTE whose columns are read many times, so the engine computes them once (PostgreSQL
   * inlines a CTE used once, and would parse a date again for every reference to its parts).
   */
  fence: string;
}

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

const dq = (name: string) => `"${name.replace(/"/g, '""')}"`;
const bq = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
const sq = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** BigQuery and Spark read backslash escapes in string literals. */
const sqBackslash = (s: string) =>
  `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;

/** The white space trimmed: space, tab, LF, CR, no-break space, ideographic space, BOM. */
const WS_CODES = [32, 9, 10, 13, 160, 12288, 65279];
const WS_ESCAPED = ' \\t\\n\\r\\u00A0\\u3000\\uFEFF';
const DUCK_WS = '[ \\t\\n\\r\\x{00A0}\\x{3000}\\x{FEFF}]';
const DUCK_WS_EDGE = `^${DUCK_WS}|${DUCK_WS}$`;
const DUCK_WS_RUNS = `^${DUCK_WS}+|${DUCK_WS}+$`;

/** A pattern with only capture group `group` capturing, the others made (?:…) (BigQuery allows one group). */
export function onlyGroup(pattern: string, group: number): string {
  let out = '';
  let inClass = false;
  let n = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === ']') out += pattern[++i]; // ']' first in a class is literal
    } else if (c === '(' && pattern[i + 1] !== '?') {
      n++;
      out += n === group ? '(' : '(?:';
    } else out += c;
  }
  return out;
}

const dotted = (name: string, quote: (part: string) => string) => name.split('.').map(quote).join('.');

const duckdb: Dialect = {
  name: 'duckdb',
  ident: dq,
  table: (n) => dotted(n, dq),
  str: sq,
  text: 'VARCHAR',
  int: 'INTEGER',
  big: 'BIGINT',
  float: 'DOUBLE',
  idiv: (a, b) => `((${a}) // ${b})`,
  mod: (a, b) => `((${a}) % ${b})`,
  matches: (s, p) => `regexp_matches(${s}, ${sq(p)})`,
  extract: (s, p, g) => `regexp_extract(${s}, ${sq(p)}, ${g})`,
  replaceAll: (s, p, by) => `regexp_replace(${s}, ${sq(p)}, ${sq(by)}, 'g')`,
  // DuckDB's trim with a set of characters is slow: only cells that start or end with white space
  // go through it (RE2 reads the escapes; DuckDB's '…' literals keep backslashes as written).
  trim: (s) => `CASE WHEN regexp_matches(${s}, '${DUCK_WS_EDGE}') THEN regexp_replace(${s}, '${DUCK_WS_RUNS}', '', 'g') ELSE ${s} END`,
  cast: (s, t) => `TRY_CAST(${s} AS ${t})`,
  orderedSum: (x, partition, order) => `sum(${x} ORDER BY ${order}) OVER (PARTITION BY ${partition})`,
  groupedOrderedSum: (x, order) => `sum(${x} ORDER BY ${order})`,
  lastBy: (v, k, cond) => `arg_max(${v}, ${k}) FILTER (WHERE ${cond})`,
  dayText: (d) => `CAST(DATE '1970-01-01' + CAST(${d} AS INTEGER) AS VARCHAR)`,
  lpad: (s, n, c) => `lpad(${s}, ${n}, ${sq(c)})`,
  concat: (...p) => `concat(${p.join(', ')})`,
  first: (s) => `substr(${s}, 1, 1)`,
  materialized: 'AS MATERIALIZED',
  fileOrder: 'ROW_NUMBER() OVER ()',
  fence: '',
};

/** The padded-key maximum: the value of the row whose key, as 20 digits, is the largest. */
const paddedLast = (d: Pick<Dialect, 'lpad' | 'concat' | 'text'>, v: string, k: string, cond: string) =>
  `substr(max(CASE WHEN ${cond} THEN ${d.concat(d.lpad(`CAST(${k} AS ${d.text})`, 20, '0'), `coalesce(${v}, '')`)} END), 21)`;

const postgres: Dialect = {
  name: 'postgres',
  ident: dq,
  table: (n) => dotted(n, dq),
  str: sq,
  text: 'TEXT',
  int: 'INTEGER',
  big: 'BIGINT',
  float: 'DOUBLE PRECISION',
  idiv: (a, b) => `((${a}) / ${b})`,
  mod: (a, b) => `((${a}) % ${b})`,
  matches: (s, p) => `(${s} ~ ${sq(p)})`,
  // substring() with one capture group is about 10× faster than regexp_match() in PostgreSQL 15.
  extract: (s, p, g) => `substring(${s}, ${sq(onlyGroup(p, g))})`,
  replaceAll: (s, p, by) => `regexp_replace(${s}, ${sq(p)}, ${sq(by)}, 'g')`,
  trim: (s) => `btrim(${s}, E'${WS_ESCAPED}')`,
  cast: (s, t) => `CAST(${s} AS ${t})`,
  orderedSum: (x, partition, order) =>
    `sum(${x}) OVER (PARTITION BY ${partition} ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`,
  lastBy: (v, k, cond) => paddedLast(postgres, v, k, cond),
  dayText: (d) => `to_char(DATE '1970-01-01' + CAST(${d} AS INTEGER), 'YYYY-MM-DD')`,
  lpad: (s, n, c) => `lpad(${s}, ${n}, ${sq(c)})`,
  concat: (...p) => `concat(${p.join(', ')})`,
  first: (s) => `substr(${s}, 1, 1)`,
  // PostgreSQL 12+ computes a CTE used more than once once, spilling to disk.
  materialized: 'AS',
  fileOrder: null,
  fence: 'OFFSET 0',
};

const bigquery: Dialect = {
  name: 'bigquery',
  ident: bq,
  // project.dataset.table in one pair of backticks (a project id may hold dashes).
  table: (n) => bq(n),
  str: sqBackslash,
  text: 'STRING',
  int: 'INT64',
  big: 'INT64',
  float: 'FLOAT64',
  idiv: (a, b) => `DIV(${a}, ${b})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  matches: (s, p) => `REGEXP_CONTAINS(${s}, ${sqBackslash(p)})`,
  extract: (s, p, g) => `REGEXP_EXTRACT(${s}, ${sqBackslash(onlyGroup(p, g))})`,
  replaceAll: (s, p, by) => `REGEXP_REPLACE(${s}, ${sqBackslash(p)}, ${sqBackslash(by)})`,
  trim: (s) => `TRIM(${s}, '${WS_ESCAPED}')`,
  cast: (s, t) => `SAFE_CAST(${s} AS ${t})`,
  orderedSum: null,
  lastBy: (v, k, cond) => paddedLast(bigquery, v, k, cond),
  dayText: (d) => `CAST(DATE_FROM_UNIX_DATE(${d}) AS STRING)`,
  lpad: (s, n, c) => `LPAD(${s}, ${n}, ${sqBackslash(c)})`,
  concat: (...p) => `CONCAT(${p.join(', ')})`,
  first: (s) => `SUBSTR(${s}, 1, 1)`,
  materialized: 'AS',
  fileOrder: null,
  fence: '',
};

const spark: Dialect = {
  name: 'spark',
  ident: bq,
  table: (n) => dotted(n, bq),
  str: sqBackslash,
  text: 'STRING',
  int: 'INT',
  big: 'BIGINT',
  float: 'DOUBLE',
  idiv: (a, b) => `FLOOR((${a}) / ${b})`,
  mod: (a, b) => `((${a}) % ${b})`,
  matches: (s, p) => `(${s} RLIKE ${sqBackslash(p)})`,
  extract: (s, p, g) => `regexp_extract(${s}, ${sqBackslash(p)}, ${g})`,
  replaceAll: (s, p, by) => `regexp_replace(${s}, ${sqBackslash(p)}, ${sqBackslash(by)})`,
  trim: (s) => `regexp_replace(${s}, '^[${WS_ESCAPED}]+|[${WS_ESCAPED}]+$', '')`,
  // Only where a pattern has vouched for the text, so a plain CAST never fails (in ANSI mode too).
  cast: (s, t) => `CAST(${s} AS ${t})`,
  orderedSum: null,
  lastBy: (v, k, cond) => paddedLast(spark, v, k, cond),
  dayText: (d) => `CAST(date_add(DATE '1970-01-01', CAST(${d} AS INT)) AS STRING)`,
  lpad: (s, n, c) => `lpad(${s}, ${n}, ${sqBackslash(c)})`,
  concat: (...p) => `concat(${p.join(', ')})`,
  first: (s) => `substr(${s}, 1, 1)`,
  materialized: 'AS',
  fileOrder: null,
  fence: '',
};

/** Snowflake folds unquoted names to upper case: quote only names that need it. */
const snowIdent = (n: string) => (SIMPLE.test(n) ? n : dq(n));
/** Snowflake reads backslash escapes in '…' literals as well as doubled quotes. */
const snowStr = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const snowflake: Dialect = {
  name: 'snowflake',
  ident: snowIdent,
  table: (n) => dotted(n, snowIdent),
  str: snowStr,
  text: 'VARCHAR',
  int: 'INTEGER',
  big: 'BIGINT',
  float: 'DOUBLE',
  idiv: (a, b) => `FLOOR((${a}) / ${b})`,
  mod: (a, b) => `MOD(${a}, ${b})`,
  matches: (s, p) => `REGEXP_LIKE(${s}, ${snowStr(p)})`,
  extract: (s, p, g) => `REGEXP_SUBSTR(${s}, ${snowStr(p)}, 1, 1, 'e', ${g})`,
  replaceAll: (s, p, by) => `REGEXP_REPLACE(${s}, ${snowStr(p)}, ${snowStr(by)})`,
  trim: (s) => `TRIM(${s}, ${WS_CODES.map((c) => `CHR(${c})`).join(' || ')})`,
  cast: (s, t) => `TRY_CAST(${s} AS ${t})`,
  orderedSum: null,
  lastBy: (v, k, cond) => paddedLast(snowflake, v, k, cond),
  dayText: (d) => `TO_VARCHAR(DATEADD(day, ${d}, DATE '1970-01-01'), 'YYYY-MM-DD')`,
  lpad: (s, n, c) => `LPAD(${s}, ${n}, ${snowStr(c)})`,
  concat: (...p) => `CONCAT(${p.join(', ')})`,
  first: (s) => `SUBSTR(${s}, 1, 1)`,
  materialized: 'AS',
  fileOrder: null,
  fence: '',
};

const BY_NAME: Record<DialectName, Dialect> = { duckdb, postgres, bigquery, spark, snowflake };

export function dialect(name: DialectName): Dialect {
  const d = BY_NAME[name];
  if (!d) throw new RangeError(`unknown SQL dialect: ${name} (one of ${DIALECTS.join(', ')})`);
  return d;
}

export const isDialect = (s: string): s is DialectName => (DIALECTS as readonly string[]).includes(s);
