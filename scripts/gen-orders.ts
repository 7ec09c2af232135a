// Writes a large bench order log (scripts/lib/orders.ts).
//   tsx scripts/gen-orders.ts ROWS OUT.csv [seed]
import { writeOrderLog } from './lib/orders.ts';

const [rowsArg, out, seedArg] = process.argv.slice(2);
const rows = Number(rowsArg?.replace(/_/g, ''));
const seed = seedArg === undefined ? 1 : Number(seedArg);
if (!out || !Number.isInteger(rows) || rows < 0 || !Number.isInteger(seed)) {
  console.error('usage: tsx scripts/gen-orders.ts ROWS OUT.csv [seed]');
  process.exit(2);
}
const t0 = performance.now();
const { bytes } = await writeOrderLog(out, rows, seed);
const secs = (performance.now() - t0) / 1000;
console.log(`wrote ${out}: ${rows} rows, ${bytes} bytes (${(bytes / 1048576).toFixed(1)} MiB) in ${secs.toFixed(1)} s`);
