// The module graph of src/ points one way: no import cycle anywhere (type-only imports count:
// they tie two modules together for the next engineer as much as value imports do), and the
// data contract (src/core/types/) imports nothing but itself.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../src');
const CONTRACT = join(root, 'core/types');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(p) ? [p] : [];
  });
}

/**
 * Every module specifier in a file: `import … from`, `import type … from`, `export … from`,
 * `import '…'` and `import('…')`, as TypeScript's own scanner finds them (comments and strings
 * that merely look like imports are not). A .svelte file is read through its <script> blocks.
 */
function specifiers(text: string, svelte = false): string[] {
  const code = svelte ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  return ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier names, or null for a package or a non-source file (css, csv, fonts). */
function resolveSpecifier(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  const tries = [base, `${base}.ts`, `${base}.svelte`, `${base}.svelte.ts`, join(base, 'index.ts')];
  const hit = tries.find((p) => existsSync(p) && statSync(p).isFile() && /\.(ts|svelte)$/.test(p));
  return hit ?? null;
}

function importGraph(list: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of list) {
    const to = specifiers(readFileSync(f, 'utf8'), f.endsWith('.svelte'))
      .map((s) => resolveSpecifier(f, s))
      .filter((p): p is string => p !== null);
    graph.set(f, [...new Set(to)]);
  }
  return graph;
}

/** One cycle through each strongly connected component of more than one module (or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative so that a deep graph cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++];
        if (!graph.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let v: string;
        do {
          v = stack.pop()!;
          onStack.delete(v);
          component.push(v);
        } while (v !== top.node);
        if (component.length > 1 || (graph.get(top.node) ?? []).includes(top.node)) components.push(component);
      }
    }
  }
  // A concrete cycle in each component: the shortest path back to its first module (breadth-first).
  return components.map((component) => {
    const inside = new Set(component);
    const first = [...component].sort()[0];
    const from = new Map<string, string>();
    const queue = [first];
    for (let q = 0; q < queue.length; q++) {
      for (const to of graph.get(queue[q]) ?? []) {
        if (!inside.has(to)) continue;
        if (to === first) {
          const path = [first];
          for (let v = queue[q]; v !== first; v = from.get(v)!) path.splice(1, 0, v);
          return [...path, first];
        }
        if (!from.has(to)) {
          from.set(to, queue[q]);
          queue.push(to);
        }
      }
    }
    return [first, first];
  });
}

const name = (p: string) => relative(root, p);

/** The modules that reach `from` and are reached from it. */
function componentOf(graph: Map<string, string[]>, from: string): string[] {
  const reach = (g: Map<string, string[]>) => {
    const seen = new Set([from]);
    const queue = [from];
    for (let q = 0; q < queue.length; q++) {
      for (const to of g.get(queue[q]) ?? []) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
    return seen;
  };
  const back = new Map<string, string[]>();
  for (const [a, tos] of graph) for (const b of tos) back.set(b, [...(back.get(b) ?? []), a]);
  const forward = reach(graph);
  return [...reach(back)].filter((v) => forward.has(v)).sort();
}

describe('the import graph of src/', () => {
  const list = files(root);
  const graph = importGraph(list);

  it('reads imports of every kind, including import type and .svelte scripts', () => {
    const sample = [
      "import type { A } from './a';",
      "import { b, type B } from '../b';",
      "export { c } from './c';",
      "export type { D } from './d';",
      "import './e.css';",
      "const w = import('./f');",
      "// import { g } from './g';",
      "const s = '/* not a comment'; import {\n  h,\n  i,\n} from './hi';",
    ].join('\n');
    expect(specifiers(sample)).toEqual(['./a', '../b', './c', './d', './e.css', './f', './hi']);
    expect(specifiers(`<script lang="ts">\n  import X from './X.svelte';\n</script>\n<p>import y from './y'</p>`, true)).toEqual(['./X.svelte']);
    // The graph is not empty and sees .svelte files and type-only imports.
    const app = graph.get(join(root, 'ui/App.svelte'));
    expect(app?.length).toBeGreaterThan(0);
    const analyze = graph.get(join(root, 'core/analyze.ts'))!;
    expect(analyze).toContain(join(CONTRACT, 'index.ts'));
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cycles(g)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
  });

  it('finds a cycle made of type-only imports, through a folder index and a .svelte file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'churnlens-cycle-'));
    try {
      mkdirSync(join(dir, 'types'));
      writeFileSync(join(dir, 'types/index.ts'), "export * from './rows';\n");
      writeFileSync(join(dir, 'types/rows.ts'), "import type { Impl } from '../impl';\nexport interface Row { impl: Impl }\n");
      writeFileSync(join(dir, 'impl.ts'), "import type { Row } from './types';\nexport type Impl = { row?: Row };\n");
      writeFileSync(join(dir, 'View.svelte'), '<script lang="ts">\n  import type { Impl } from \'./impl\';\n</script>\n');
      writeFileSync(join(dir, 'leaf.ts'), "import View from './View.svelte';\nexport default View;\n");
      const g = importGraph(['types/index.ts', 'types/rows.ts', 'impl.ts', 'View.svelte', 'leaf.ts'].map((f) => join(dir, f)));
      expect(g.get(join(dir, 'leaf.ts'))).toEqual([join(dir, 'View.svelte')]);
      expect(g.get(join(dir, 'View.svelte'))).toEqual([join(dir, 'impl.ts')]);
      expect(cycles(g).map((c) => c.map((f) => relative(dir, f)))).toEqual([['impl.ts', 'types/index.ts', 'types/rows.ts', 'impl.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no import cycle', () => {
    const found = cycles(graph).map((c) => {
      const component = componentOf(graph, c[0]);
      const more = component.length > c.length - 1 ? ` (one of the cycles among ${component.map(name).join(', ')})` : '';
      return c.map(name).join(' → ') + more;
    });
    expect(found, `import cycles in src/:\n${found.join('\n')}`).toEqual([]);
  });

  it('keeps the data contract (src/core/types/) free of imports from the implementation', () => {
    const contract = list.filter((f) => f.startsWith(CONTRACT + '/'));
    expect(contract.length).toBeGreaterThan(0);
    // Nothing outside the folder: neither the implementation nor a package.
    const outside = contract.flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter((s) => !(resolveSpecifier(f, s) ?? '').startsWith(CONTRACT + '/'))
        .map((s) => `${name(f)} imports ${s}`),
    );
    expect(outside).toEqual([]);
  });
});
