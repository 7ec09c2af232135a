// The rule table: every example matches its rule, lines stay readable, and the prefilter that
// skips rules never skips one that would have matched.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleHits } from '../../../src/core/causes/features';
import { normalizeReason } from '../../../src/core/causes/normalize';
import { anchorGroups, anchorsOf, requiredLiterals } from '../../../src/core/causes/prefilter';
import { RULES, topLevelAlternatives } from '../../../src/core/causes/rules';
import { CAUSES } from '../../../src/core/causes/taxonomy';
import { LABELLED } from '../../fixtures/reasons-labelled';

const hits = (text: string) => {
  const h = ruleHits(normalizeReason(text));
  return RULES.filter((_, r) => h[r] > 0).map((rule) => rule.id);
};

describe('RULES', () => {
  it('has unique ids, known causes, positive weights and examples', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    const ids = new Set(CAUSES.map((c) => c.id));
    for (const r of RULES) {
      expect(ids.has(r.cause), r.id).toBe(true);
      expect(r.weight, r.id).toBeGreaterThan(0);
      expect(r.examples.length, r.id).toBeGreaterThan(0);
    }
  });

  for (const rule of RULES) {
    it(`${rule.id}: every example matches`, () => {
      for (const ex of rule.examples) expect([ex, hits(ex)]).toEqual([ex, expect.arrayContaining([rule.id])]);
    });
  }

  it('keeps the source readable: no line over 200 characters', () => {
    const src = readFileSync(fileURLToPath(new URL('../../../src/core/causes/rules.ts', import.meta.url)), 'utf8');
    const long = src.split('\n').filter((l) => l.length > 200);
    expect(long).toEqual([]);
  });

  it('bridges languages: one concept for 贵, 貴, expensive and pricey', () => {
    for (const t of ['太贵了', '太貴', '价格太贵了吧', 'too pricey', 'way too expensive']) expect(hits(t)).toContain('price-high');
  });

  it('does not count a negated cue', () => {
    expect(hits('价格不贵')).not.toContain('price-high');
    expect(hits('not expensive at all')).not.toContain('price-high');
    expect(hits('质量没问题')).not.toContain('product-quality-bad');
    expect(hits('质量太差')).toContain('product-quality-bad');
  });

  it('splits a pattern at its top-level alternatives only', () => {
    expect(topLevelAlternatives(String.raw`a|(?:b|c)|[|]d|e\|f`)).toEqual(['a', '(?:b|c)', '[|]d', String.raw`e\|f`]);
  });
});

describe('prefilter', () => {
  it('finds the literals every match must contain', () => {
    const lit = (src: string) => requiredLiterals(src).map((g) => [...g].sort());
    expect(lit('太贵|嫌贵')).toEqual([['太贵', '嫌贵']]);
    expect(lit(String.raw`\brip-?off\b`)).toEqual([['rip'], ['off']]);
    expect(lit(String.raw`\bovercharg\w*`)).toEqual([['overcharg']]);
    expect(lit('(?:a|b)?cd')).toEqual([['cd']]);
    expect(lit('(?:长期|很久)[^,]{0,3}?(?:没|未)人?(?:联系|拜访)')).toEqual([
      ['很久', '长期'],
      ['未', '没'],
      ['拜访', '联系'],
    ]);
    expect(lit('价(?:格|钱)(?!不)[^,]{0,4}?高')).toEqual([['价格', '价钱'], ['高']]);
    expect(lit('[^x]+')).toEqual([]);
    expect(lit(String.raw`\d+|abc`)).toEqual([]);
  });

  it('anchors on rare characters and long words', () => {
    expect(anchorsOf(new Set(['不专业', 'am']))).toEqual({ cjk: ['专'.charCodeAt(0)], latin2: [97 * 128 + 109], latin3: [] });
    const the = (s: string) => [...s].reduce((k, c) => k * 128 + c.charCodeAt(0), 0);
    expect(anchorsOf(new Set(['the fit']))).toEqual({ cjk: [], latin2: [], latin3: [the('fit')] });
    expect(anchorsOf(new Set(['n/a']))).toBeNull();
    // (没|未)(联系|拜访) multiply out into one set of four strings: two sets in all.
    expect(anchorGroups('(?:长期|很久)[^,]{0,3}?(?:没|未)(?:联系|拜访)')).toHaveLength(2);
  });

  it('never skips a rule that matches a labelled reason', () => {
    const dir = fileURLToPath(new URL('../../fixtures/reasons/train/', import.meta.url));
    const texts = LABELLED.map((r) => r.text);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
      for (const line of readFileSync(dir + f, 'utf8').split('\n')) {
        if (line && !line.startsWith('#')) texts.push(line.split('\t').slice(2).join('\t'));
      }
    }
    expect(texts.length).toBeGreaterThan(600);
    const differ = texts.map(normalizeReason).filter((s) => ruleHits(s).join() !== ruleHits(s, undefined, true).join());
    expect(differ).toEqual([]);
  });
});
