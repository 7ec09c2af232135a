// The pure core and the chart specs never import the DOM, Svelte, IndexedDB or vega-embed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../src');
const FORBIDDEN = /from\s+['"](svelte[^'"]*|idb-keyval|vega-embed|vega-interpreter|node:[^'"]+|fs|path|\.\.\/(ui|store|worker)\/[^'"]*)['"]/;
const DOM = /\b(document|window|localStorage|indexedDB|navigator)\./;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe.each(['core', 'charts', 'i18n'])('src/%s', (dir) => {
  const list = files(join(root, dir));
  it('has files to check', () => expect(list.length).toBeGreaterThan(0));
  it.each(list.map((f) => [f.slice(root.length + 1), f]))('%s imports nothing of the shell', (_, f) => {
    const text = readFileSync(f, 'utf8');
    expect(text).not.toMatch(FORBIDDEN);
    expect(text).not.toMatch(DOM);
  });
});
