// Classify churn reasons from stdin, one per line:
//   printf 'too expensive\n业务员离职了\n' | npx tsx src/cli/classify.ts
// Prints one JSON line per input line: {"text":…,"cause":…,"confidence":…}.
// Errors go to stderr with exit code 1.
import { readFileSync } from 'node:fs';
import { classifyMany } from '../core/causes/classify';

function main(): void {
  let input = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(0));
  if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // after a trailing newline
  const results = classifyMany(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { cause, confidence } = results[i];
    out.push(JSON.stringify({ text: lines[i], cause, confidence: Math.round(confidence * 1000) / 1000 }));
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`churnlens classify: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
