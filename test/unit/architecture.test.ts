// The shape of the source tree: small folders, short files, and no import cycle between files, type imports included.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, root, sources } from './source-files.js';

/** The relative `.ts` files a source file imports (value and type imports, static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)];
  return specifiers
    .map((m) => normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '.ts'))
    .filter((target) => sources.includes(target));
}

/** Strongly connected components of more than one file (Tarjan), i.e. the import cycles. */
function importCycles(): string[][] {
  const graph = new Map(sources.map((f) => [f, importsOf(f)]));
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

describe('source tree', () => {
  it('has no folder under src/ or workers/ with more than 20 files', () => {
    const perFolder = new Map<string, number>();
    for (const f of [...filesUnder('src'), ...filesUnder('workers')]) {
      perFolder.set(dirname(f), (perFolder.get(dirname(f)) ?? 0) + 1);
    }
    const crowded = [...perFolder].filter(([, count]) => count > 20);
    expect(crowded).toEqual([]);
  });

  it('has no file under src/ or workers/ over 300 lines', () => {
    const long = sources
      .map((f) => [f, readFileSync(join(root, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });

  it('has no import cycle between files, counting type-only imports (lint catches value cycles)', () => {
    expect(importCycles().map((c) => c.map((f) => relative('.', f)))).toEqual([]);
  });
});
