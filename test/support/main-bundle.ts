// Finds the JavaScript a built page loads up front: the entry script and everything it imports statically.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g;

/** Paths (relative to distDir) of the entry scripts and modulepreloads in index.html, plus their static imports. */
export function initialChunks(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  const seen = new Set<string>();
  const queue = roots.filter((root) => root.endsWith('.js'));
  while (queue.length > 0) {
    const chunk = queue.pop() ?? '';
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    const code = readFileSync(join(distDir, chunk), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const target = relative(distDir, join(distDir, dirname(chunk), match[1] ?? ''));
      if (!seen.has(target)) queue.push(target);
    }
  }
  return [...seen].sort();
}
