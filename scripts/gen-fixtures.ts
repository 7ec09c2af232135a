// Writes the client-export fixtures (scripts/lib/exports.ts) to tests/fixtures/exports/, with
// expected.json (case → files and the figures they must give).
//   npm run gen:fixtures                  regenerate (byte-identical for the same seed)
//   npm run gen:fixtures -- --check       exit 1 if the files differ from what the generator makes now
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExports } from './lib/exports.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tests', 'fixtures', 'exports');
const cases = generateExports();
const expected = Object.fromEntries(cases.map((c) => [c.id, { system: c.system, files: c.files.map((f) => f.name), ...c.expected }]));
const files: [string, Uint8Array][] = [
  ...cases.flatMap((c) => c.files.map((f): [string, Uint8Array] => [join(outDir, f.name), f.bytes])),
  [join(outDir, 'expected.json'), new TextEncoder().encode(`${JSON.stringify(expected, null, 1)}\n`)],
];

if (process.argv.includes('--check')) {
  const stale = files.filter(([path, bytes]) => !existsSync(path) || !readFileSync(path).equals(Buffer.from(bytes)));
  for (const [path] of stale) console.error(`out of date: ${relative(root, path)} (run: npm run gen:fixtures)`);
  if (stale.length === 0) console.log('tests/fixtures/exports is up to date');
  process.exit(stale.length ? 1 : 0);
}
mkdirSync(outDir, { recursive: true });
for (const [path, bytes] of files) {
  writeFileSync(path, bytes);
  console.log(`wrote ${relative(root, path)} (${bytes.length} bytes)`);
}
