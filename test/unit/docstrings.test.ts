// The developers' guide's rule that every public function and type has a docstring, checked on every source file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, sources } from './source-files.js';

/**
 * An exported declaration: function (async, generator), class (abstract), interface, type alias or const.
 * Re-exports (`export { … } from`, `export type { … } from`) declare nothing and are left out.
 */
const declaration =
  /^export (?:(?:async )?function\b|(?:abstract )?class\b|interface\b|type [A-Za-z_$]|const [A-Za-z_$])/;

/**
 * Whether the declaration on line `at` (0-based) is directly preceded by a `/** … *\/` docstring. Decorators
 * (`@customElement('…')`) may stand between the two; a `//` comment or a plain `/* … *\/` block does not count.
 */
function documented(lines: string[], at: number): boolean {
  let end = at - 1;
  while (end >= 0 && /^\s*@/.test(lines[end]!)) end--;
  if (end < 0 || !/\*\/\s*$/.test(lines[end]!)) return false;
  let start = end;
  while (start > 0 && !lines[start]!.includes('/*')) start--;
  return /^\s*\/\*\*(?!\*)/.test(lines[start]!) && !/^\s*\/\*\*\/\s*$/.test(lines[start]!);
}

/** `file:line: declaration` for each exported declaration of `file` without a docstring. */
function undocumented(file: string): string[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  return lines.flatMap((line, i) =>
    declaration.test(line) && !documented(lines, i) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
  );
}

describe('docstrings', () => {
  it('recognises a docstring above a declaration, through decorators, and nothing else', () => {
    const lines = (text: string): string[] => text.split('\n');
    expect(documented(lines('/** Adds. */\nexport function add() {}'), 1)).toBe(true);
    expect(documented(lines('/**\n * Adds.\n */\nexport function add() {}'), 3)).toBe(true);
    expect(
      documented(lines("/** A view. */\n@customElement('quorum-x')\nexport class X {}"), 2),
    ).toBe(true);
    expect(documented(lines('// Adds.\nexport function add() {}'), 1)).toBe(false);
    expect(documented(lines('/* Adds. */\nexport function add() {}'), 1)).toBe(false);
    expect(documented(lines('/** Adds. */\n\nexport function add() {}'), 2)).toBe(false);
    expect(documented(lines('export function add() {}'), 0)).toBe(false);
    expect(declaration.test("export type { X } from './x.js';")).toBe(false);
    expect(declaration.test('export type X = number;')).toBe(true);
    expect(declaration.test('export async function* stream() {}')).toBe(true);
  });

  it('precedes every exported function, class, interface, type alias and const in src/ and workers/', () => {
    expect(sources.flatMap(undocumented).join('\n')).toBe('');
  });
});
