import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '../../../src/core/churn/survival';

// IBM telco sample, read in place from the shared data folder (never copied into the repo).
const CSV = fileURLToPath(new URL('../../../../shared/data/telco-ibm.csv', import.meta.url));
const present = existsSync(CSV);
if (!present) console.warn(`\n*** telco.test.ts SKIPPED: ${CSV} not found ***\n`);

function loadTelco(): { tenure: number[]; churn: boolean[] } {
  const text = readFileSync(CSV, 'utf8');
  // A plain split is only safe on ASCII without quoted fields; fail loudly if the file changes.
  if (!/^[\x00-\x7f]*$/.test(text) || text.includes('"')) throw new Error('telco-ibm.csv is not plain ASCII CSV');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const iTenure = header.indexOf('tenure');
  const iChurn = header.indexOf('Churn');
  if (iTenure < 0 || iChurn < 0) throw new Error('telco-ibm.csv: tenure or Churn column missing');
  const tenure: number[] = [];
  const churn: boolean[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const t = Number(cells[iTenure]);
    const c = cells[iChurn]?.trim();
    if (cells.length !== header.length || !Number.isInteger(t) || (c !== 'Yes' && c !== 'No')) {
      throw new Error(`telco-ibm.csv: unexpected row ${line}`);
    }
    tenure.push(t);
    churn.push(c === 'Yes');
  }
  return { tenure, churn };
}

/** Textbook product limit, deliberately naive: recount the risk set from scratch at every time. */
function referenceKm(tenure: number[], churn: boolean[]): Map<number, { s: number; n: number; d: number }> {
  const times = [...new Set(tenure)].sort((a, b) => a - b);
  const out = new Map<number, { s: number; n: number; d: number }>();
  let s = 1;
  for (const t of times) {
    const n = tenure.filter((x) => x >= t).length;
    const d = tenure.filter((x, i) => x === t && churn[i]).length;
    s = (s * (n - d)) / n;
    out.set(t, { s, n, d });
  }
  return out;
}

describe.skipIf(!present)('Kaplan–Meier on the IBM telco sample (tenure in months)', () => {
  const { tenure, churn } = present ? loadTelco() : { tenure: [], churn: [] };
  const km = kaplanMeier(tenure, churn);

  it('has the expected shape of data', () => {
    expect(tenure).toHaveLength(7043);
    expect(churn.filter(Boolean)).toHaveLength(1869);
    // 11 customers with tenure 0, none churned: censored at 0.
    expect(tenure.filter((t, i) => t === 0 && !churn[i])).toHaveLength(11);
    expect(tenure.filter((t, i) => t === 0 && churn[i])).toHaveLength(0);
  });

  it('agrees with a naive reference at every time point', () => {
    const ref = referenceKm(tenure, churn);
    // Tenure 0 exists, so there is no synthetic t = 0 point: one point per distinct tenure.
    expect(km.curve.map((p) => p.t)).toEqual([...ref.keys()]);
    for (const p of km.curve) {
      const r = ref.get(p.t)!;
      expect(p.survival).toBeCloseTo(r.s, 9);
      expect(p.atRisk).toBe(r.n);
      expect(p.events).toBe(r.d);
    }
  });

  it('reproduces the recorded values', () => {
    // Obtained once from an independent Python (numpy) product limit over the same file.
    const recorded: [number, number][] = [
      [1, 0.9459613196814562],
      [2, 0.9278349382636624],
      [12, 0.8431995538158313],
      [24, 0.7887363983705988],
      [48, 0.7088401843460784],
      [72, 0.5927901520522304],
    ];
    const at = (t: number) => km.curve.find((p) => p.t === t)!;
    for (const [t, s] of recorded) expect(at(t).survival).toBeCloseTo(s, 12);
    expect(at(0)).toMatchObject({ survival: 1, atRisk: 7043, events: 0, censored: 11 });
    expect(at(1)).toMatchObject({ atRisk: 7032, events: 380 });
    // Survival never falls to one half within the 72 months observed.
    expect(km.median).toBeNull();
  });
});
