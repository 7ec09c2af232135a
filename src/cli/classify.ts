// Classify churn reasons from stdin, one per line:
//   printf 'too expensive\n业务员离职了\n' | npm run --silent classify
// Prints one JSON line per input line: {"text":…,"cause":…,"confidence":…}.
// Errors go to stderr with exit code 1 (usage: 2). Built into dist-cli/classify.mjs
// (scripts/build-cli.ts); the classifier (its rules and weights) is loaded after the arguments
// are read.
import { readFileSync } from 'node:fs';
import { warnIfStale } from './build-info';

const USAGE = 'usage: npm run --silent classify < REASONS.txt   (UTF-8, one reason per line)';

async function main(): Promise<void> {
  warnIfStale(import.meta.url);
  for (const a of process.argv.slice(2)) {
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    process.stderr.write(`churnlens classify: unknown argument ${a} (reasons are read from stdin)\n${USAGE}\n`);
    process.exit(2);
  }
  const classifier = import('../core/causes/classify');
  let input = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(0));
  if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // after a trailing newline
  const results = (await classifier).classifyMany(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { cause, confidence } = results[i];
    out.push(JSON.stringify({ text: lines[i], cause, confidence: Math.round(confidence * 1000) / 1000 }));
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e) => {
  process.stderr.write(`churnlens classify: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
