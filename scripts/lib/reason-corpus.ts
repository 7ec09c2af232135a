// The labelled churn reasons the classifier learns from: tests/fixtures/reasons/train/*.tsv
// (`cause<TAB>lang<TAB>text`, `#` comments) and the hand-labelled set in reasons-labelled.ts.
// The held-out file has the same format; only tests/unit/causes/heldout.test.ts reads it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toSimplified } from '../../src/core/causes/normalize.ts';
import { CAUSES } from '../../src/core/causes/taxonomy.ts';
import type { CauseId } from '../../src/core/types/index.ts';

export type ReasonLang = 'en' | 'zh-Hans' | 'zh-Hant' | 'mixed';
export const LANGS: readonly ReasonLang[] = ['en', 'zh-Hans', 'zh-Hant', 'mixed'];

export interface LabelledReason {
  text: string;
  cause: CauseId;
  lang: ReasonLang;
  /** file:line, for messages. */
  from: string;
}

const CAUSE_IDS = new Set<string>(CAUSES.map((c) => c.id));

/** Rows of one TSV file; malformed lines are returned as messages, not thrown. */
export function parseReasonTsv(content: string, file: string): { rows: LabelledReason[]; errors: string[] } {
  const rows: LabelledReason[] = [];
  const errors: string[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, k) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [cause, lang, ...rest] = line.split('\t');
    const text = rest.join('\t');
    const from = `${file}:${k + 1}`;
    if (!CAUSE_IDS.has(cause)) errors.push(`${from}: unknown cause "${cause}"`);
    else if (!(LANGS as readonly string[]).includes(lang)) errors.push(`${from}: unknown lang "${lang}"`);
    else rows.push({ text, cause: cause as CauseId, lang: lang as ReasonLang, from });
  });
  return { rows, errors };
}

/** Language of a reason written without a tag (the hand-labelled set). */
export function langOf(text: string): ReasonLang {
  const cjk = /[\u3400-\u9fff]/.test(text);
  const latin = /[A-Za-z]{2,}/.test(text);
  if (cjk && latin) return 'mixed';
  if (!cjk) return 'en';
  return toSimplified(text) === text ? 'zh-Hans' : 'zh-Hant';
}

/** Every training file in name order, then the hand-labelled set. */
export async function readTrainingCorpus(dir: string): Promise<{ rows: LabelledReason[]; errors: string[]; files: string[] }> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort();
  const rows: LabelledReason[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const got = parseReasonTsv(readFileSync(join(dir, f), 'utf8'), f);
    rows.push(...got.rows);
    errors.push(...got.errors);
  }
  const { LABELLED } = await import('../../tests/fixtures/reasons-labelled.ts');
  LABELLED.forEach((r, k) => rows.push({ text: r.text, cause: r.cause, lang: langOf(r.text), from: `reasons-labelled.ts#${k}` }));
  return { rows, errors, files };
}
