// The repository's TypeScript sources as the tree-wide unit tests read them (architecture, docstrings).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, as an absolute path ending in a separator. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every file under `dir` (relative to the repository), recursively, as repository-relative paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every `.ts` file under src/ and workers/, repository-relative. */
export const sources = [...filesUnder('src'), ...filesUnder('workers')].filter((f) =>
  f.endsWith('.ts'),
);
