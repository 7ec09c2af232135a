// Writes the ingest corpus (scripts/lib/corpus.ts) to tests/fixtures/corpus/, with expected.json.
//   tsx scripts/gen-corpus.ts           regenerate
//   tsx scripts/gen-corpus.ts --check   exit 1 if the files differ from what the generator makes now
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './lib/corpus.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'tests', 'fixtures', 'corpus');
const corpus = generateCorpus();
const expected = Object.fromEntries(corpus.map((f) => [f.name, f.expected]));
const files: [string, Uint8Array][] = [
  ...corpus.map((f): [string, Uint8Array] => [join(outDir, f.name), f.bytes]),
  [join(outDir, 'expected.json'), new TextEncoder().encode(`${JSON.stringify(expected, null, 1)}\n`)],
];

if (process.argv.includes('--check')) {
  const stale = files.filter(([path, bytes]) => !existsSync(path) || !readFileSync(path).equals(Buffer.from(bytes)));
  for (const [path] of stale) console.error(`out of date: ${relative(root, path)} (run: npx tsx scripts/gen-corpus.ts)`);
  if (stale.length === 0) console.log('tests/fixtures/corpus is up to date');
  process.exit(stale.length ? 1 : 0);
}
mkdirSync(outDir, { recursive: true });
for (const [path, bytes] of files) {
  writeFileSync(path, bytes);
  console.log(`wrote ${relative(root, path)} (${bytes.length} bytes)`);
}
