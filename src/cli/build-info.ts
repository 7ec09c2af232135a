// A compiled command line (dist-cli/, made by scripts/build-cli.ts) knows what it was built from:
// build.json beside its entries lists each source file of the bundle (and package-lock.json, for
// the packages bundled with it) by size, modification time and sha256. A run of a build older than
// its sources says so on stderr rather than silently running old code; the tests use a fresh
// build (scripts/build-cli.ts, freshCli). Run from the TypeScript sources (tsx), there is no
// build.json and nothing to check.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILD_INFO = 'build.json';

export interface BuildInput {
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface BuildInfo {
  /** The repository the sources were read from (absolute). */
  root: string;
  /** Path relative to root → what it was when built. */
  inputs: Record<string, BuildInput>;
}

export const sha256Of = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

export function buildInput(path: string): BuildInput {
  const st = statSync(path);
  return { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256Of(path) };
}

/**
 * The inputs (relative to the repository) that changed since the build in `dir`: a file is read
 * and hashed only when its size or modification time differ. Null when `dir` has no build.json.
 */
export function staleInputs(dir: string): string[] | null {
  let info: BuildInfo;
  try {
    info = JSON.parse(readFileSync(join(dir, BUILD_INFO), 'utf8')) as BuildInfo;
  } catch {
    return null;
  }
  const out: string[] = [];
  for (const [rel, was] of Object.entries(info.inputs)) {
    const path = join(info.root, rel);
    try {
      const st = statSync(path);
      if (st.size === was.size && st.mtimeMs === was.mtimeMs) continue;
      if (st.size !== was.size || sha256Of(path) !== was.sha256) out.push(rel);
    } catch {
      out.push(rel); // gone
    }
  }
  return out;
}

/**
 * For a command's entry (its import.meta.url): one line on stderr when its build is older than its
 * sources. CHURNLENS_BUILD_CHECK=off skips it (the tests, which check their build once, at start).
 */
export function warnIfStale(entryUrl: string): void {
  if (!entryUrl.startsWith('file:') || process.env.CHURNLENS_BUILD_CHECK === 'off') return;
  const dir = fileURLToPath(new URL('.', entryUrl));
  const stale = staleInputs(dir);
  if (!stale?.length) return;
  const more = stale.length > 1 ? ` and ${stale.length - 1} more` : '';
  process.stderr.write(`churnlens: warning: ${dir} was built before ${stale[0]}${more} changed; run npm run build:cli\n`);
}
