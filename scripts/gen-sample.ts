// Writes the bundled sample (scripts/lib/sample.ts) to src/sample/customers.csv, orders.csv and staff.csv.
//   tsx scripts/gen-sample.ts           regenerate the files
//   tsx scripts/gen-sample.ts --check   exit 1 if the files differ from what the generator makes now
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample } from './lib/sample.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'sample');
const check = process.argv.includes('--check');

const sample = generateSample();
const files: [string, string][] = [
  [join(outDir, 'customers.csv'), sample.customers],
  [join(outDir, 'orders.csv'), sample.orders],
  [join(outDir, 'staff.csv'), sample.staff],
];

if (check) {
  const stale = files.filter(([path, text]) => !existsSync(path) || !readFileSync(path).equals(Buffer.from(text, 'utf8')));
  for (const [path] of stale) console.error(`out of date: ${relative(root, path)} (run: npx tsx scripts/gen-sample.ts)`);
  if (stale.length === 0) console.log('src/sample is up to date');
  process.exit(stale.length ? 1 : 0);
}

mkdirSync(outDir, { recursive: true });
for (const [path, text] of files) {
  writeFileSync(path, text, 'utf8');
  console.log(`wrote ${relative(root, path)} (${Buffer.byteLength(text, 'utf8')} bytes)`);
}
