// The layer order of src/ (scripts/layers.js) is enforced by lint: these fixtures prove that the rule
// catches an upward import of every kind, and the real tree is checked for cycles between folders and
// between files (type imports included).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../scripts/layers.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, filePath) });
  return result!.messages
    .filter((m) => m.ruleId === 'layers/import-downward')
    .map((m) => m.message);
}

describe('lint: layers import downward only', () => {
  it('lists every folder under src/, each once', () => {
    const folders = readdirSync(join(repoRoot, 'src')).filter((f) =>
      statSync(join(repoRoot, 'src', f)).isDirectory(),
    );
    expect(folders.filter((f) => !LAYERS.includes(f))).toEqual([]);
    expect(new Set(LAYERS).size).toBe(LAYERS.length);
  });

  it.each([
    ['a value import', "import { App } from '../app/components/App.tsx';\nexport const x = App;\n"],
    [
      'a type import',
      "import type { AppParams } from '../params/types.ts';\nexport type X = AppParams;\n",
    ],
    ['a re-export', "export { useT } from '../app/hooks/i18n.ts';\n"],
    ['a dynamic import', "export const load = () => import('../state/store.ts');\n"],
  ])('fails on %s from the engine upward', async (_kind, code) => {
    const errors = await layerErrors('src/engine/fixture.ts', code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/src\/engine may not import from src\/(app|params|state)\//);
  });

  it('fails on an upward import between two middle layers (viz → panels)', async () => {
    const code =
      "import type { PanelProps } from '../panels/types.ts';\nexport type P = PanelProps;\n";
    expect(await layerErrors('src/viz/fixture.ts', code)).toHaveLength(1);
  });

  it('fails in a nested file (../../ climbing out of a subfolder)', async () => {
    const code = "import { Tex } from '../../panels/tex/Tex.tsx';\nexport const T = Tex;\n";
    expect(await layerErrors('src/viz/shapes/fixture.ts', code)).toHaveLength(1);
  });

  it('passes a downward import and an import inside the same folder', async () => {
    const code =
      "import type { DRParams } from '../engine/types.ts';\nimport type { Lang } from './lang.ts';\nexport type X = [DRParams, Lang];\n";
    expect(await layerErrors('src/i18n/fixture.ts', code)).toEqual([]);
  });

  it('fails for a folder that is not in the layer list', async () => {
    const errors = await layerErrors('src/misc/fixture.ts', 'export const x = 1;\n');
    expect(errors[0]).toMatch(/src\/misc\/ is not in the layer list/);
  });
});

/** Every relative import (static, type, re-export, dynamic) of every source file, resolved. */
function importGraph(): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name)) files.push(p);
    }
  };
  walk(join(repoRoot, 'src'));
  const spec = /(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g;
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = [...readFileSync(f, 'utf8').matchAll(spec)]
      .map((m) => resolve(dirname(f), m[1]!))
      .filter((t) => /\.tsx?$/.test(t));
    graph.set(relative(repoRoot, f), [...new Set(targets.map((t) => relative(repoRoot, t)))]);
  }
  return graph;
}

/** Strongly connected components with more than one node, or a node importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const files = importGraph();

  it('has no cycle between files', () => {
    expect(cycles(files)).toEqual([]);
  });

  it('has no cycle between the folders straight under src/', () => {
    const folders = new Map<string, string[]>();
    const folderOf = (f: string) => f.split('/')[1]!;
    for (const [f, targets] of files) {
      const own = folderOf(f);
      const list = folders.get(own) ?? [];
      for (const t of targets) if (folderOf(t) !== own) list.push(folderOf(t));
      folders.set(own, [...new Set(list)]);
    }
    expect(cycles(folders)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
  });
});
