// Writes the generated 10k pages to a temp folder once; later runs reuse it (the generator is deterministic).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePages } from './generate-pages.js';

export interface PageFiles {
  dir: string;
  paths: string[];
  totalBytes: number;
}

export function ensurePageFiles(count: number, seed = 20_260_501): PageFiles {
  const dir = join(tmpdir(), `quorum-bench-pages-${count}-${seed}-v1`);
  const complete = existsSync(dir) && readdirSync(dir).length === count;
  if (!complete) {
    mkdirSync(dir, { recursive: true });
    for (const page of generatePages({ count, seed })) {
      writeFileSync(join(dir, page.fileName), page.text);
    }
  }
  const names = readdirSync(dir).sort();
  const paths = names.map((name) => join(dir, name));
  const totalBytes = paths.reduce((total, path) => total + statSync(path).size, 0);
  return { dir, paths, totalBytes };
}
