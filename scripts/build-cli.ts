// The command line as JavaScript, so no TypeScript is compiled at each start (issue 13): the
// commands in src/cli bundled by vite (rolldown, already a dependency) into dist-cli/ (git-ignored
// by dist-*/), one .mjs per command plus shared chunks. Everything is bundled but
// @duckdb/node-api, a native addon, which stays a package import and is loaded only when DuckDB
// is used (analyze --engine duckdb, a Parquet sample for sql).
//
//   npm run build:cli              dist-cli/ (run by `prepare` on npm ci, and before the unit tests)
//   tsx scripts/build-cli.ts DIR   the same into DIR
//
// dist-cli/build.json lists the sources the bundle was made from (src/cli/build-info.ts): a
// command run from an older build says so on stderr, and freshCli() below gives the tests a build
// of the current sources.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Rolldown } from 'vite';
import { BUILD_INFO, type BuildInfo, buildInput, staleInputs } from '../src/cli/build-info.ts';

const root = resolve(import.meta.dirname, '..');

/** The built commands: dist-cli/<name>.mjs from src/cli/<name>.ts. */
export const COMMANDS = ['analyze', 'classify', 'sql'] as const;
export const CLI_DIR = join(root, 'dist-cli');

/** Bundle the commands into `outDir` (emptied first) and write its build.json. */
export async function buildCli(outDir: string = CLI_DIR): Promise<void> {
  const { build } = await import('vite'); // not loaded by the tests that only ask for freshCli()
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: Object.fromEntries(COMMANDS.map((c) => [c, join(root, `src/cli/${c}.ts`)])),
        external: ['@duckdb/node-api'],
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      },
    },
    ssr: { noExternal: true, external: ['@duckdb/node-api'] },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = new Set<string>(['package-lock.json', relative(root, import.meta.filename)]);
  for (const o of outputs) {
    for (const c of o.output) {
      if (c.type !== 'chunk') continue;
      for (const id of c.moduleIds) {
        if (!isAbsolute(id)) continue; // virtual modules
        const rel = relative(root, id);
        if (!rel.startsWith('..') && !rel.split('/').includes('node_modules')) files.add(rel);
      }
    }
  }
  const info: BuildInfo = { root, inputs: {} };
  for (const f of [...files].sort()) info.inputs[f] = buildInput(join(root, f));
  writeFileSync(join(outDir, BUILD_INFO), `${JSON.stringify(info, null, 1)}\n`);
}

let fresh: string | undefined;

/**
 * The environment to run a build from freshCli() in: its sources were checked when it was chosen,
 * so a source edited while the tests run does not add a warning to their stderr.
 */
export const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, CHURNLENS_BUILD_CHECK: 'off' };

/**
 * For tests: a folder with a build of the current sources. dist-cli/ when it is up to date; else
 * (missing, or a source changed since `npm run build:cli`) a build made now in a temporary
 * dist-cli-test-* folder, once per process, so a test never runs a stale build.
 */
export function freshCli(): string {
  if (fresh) return fresh;
  const stale = staleInputs(CLI_DIR);
  if (stale && stale.length === 0) return (fresh = CLI_DIR);
  // Inside the project (git-ignored, like every dist-*), so the build finds node_modules/@duckdb/node-api.
  const dir = mkdtempSync(join(root, 'dist-cli-test-'));
  const why = stale ? `${stale[0]}${stale.length > 1 ? ` and ${stale.length - 1} more` : ''} changed since it was built` : 'it is missing';
  console.warn(`*** dist-cli/: ${why}; testing a build made now in ${dir} (npm run build:cli updates dist-cli/) ***`);
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [import.meta.filename, dir], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the command line failed:\n${r.stderr}${r.stdout}`);
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return (fresh = dir);
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const out = process.argv[2] ? resolve(process.argv[2]) : CLI_DIR;
  const t0 = performance.now();
  await buildCli(out);
  console.log(
    `command line built in ${relative(process.cwd(), out) || '.'}/ (${COMMANDS.map((c) => `${c}.mjs`).join(', ')}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
