// Turns a copy of the built app into "the next deploy": chosen chunks get new names, as a changed build gives them.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TEXT = /\.(js|css|html|json|webmanifest)$/;

/**
 * Renames every file of `root/assets` whose name matches `chunks`, then every hashed file whose
 * content changed because it names a renamed one (its importers, up to the entry), as a real
 * rebuild does; rewrites index.html and sw.js to the new names and gives index.html a new precache
 * revision, so the browser installs a new service worker. The old names are gone from the server.
 * Returns the renamed files' new names. Throws when sw.js has no precache entry for index.html (a
 * changed manifest format would otherwise leave the old index.html cached and the test meaningless).
 */
export function deployRenamedChunks(root: string, chunks: RegExp, tag = 'next'): string[] {
  const assets = join(root, 'assets');
  const pending = readdirSync(assets).filter((name) => chunks.test(name));
  const renamed = new Map<string, string>();
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (renamed.has(name)) continue;
    const next = name.replace(/(\.\w+)$/, `-${tag}$1`);
    renameSync(join(assets, name), join(assets, next));
    renamed.set(name, next);
    for (const other of readdirSync(assets).filter((file) => TEXT.test(file))) {
      const path = join(assets, other);
      const text = readFileSync(path, 'utf8');
      if (!text.includes(name)) continue;
      writeFileSync(path, text.split(name).join(next));
      // Its content changed: a real build would hash it anew.
      if (!renamed.has(other) && ![...renamed.values()].includes(other)) pending.push(other);
    }
  }
  const indexPath = join(root, 'index.html');
  const swPath = join(root, 'sw.js');
  const oldIndex = readFileSync(indexPath, 'utf8');
  let index = oldIndex;
  let sw = readFileSync(swPath, 'utf8');
  for (const [name, next] of renamed) {
    index = index.split(name).join(next);
    sw = sw.split(name).join(next);
  }
  const revision = (text: string) => createHash('md5').update(text).digest('hex');
  // Workbox's generated worker writes `url:"index.html",revision:"…"`; an injectManifest worker
  // (ours) carries the manifest as JSON, `"revision":"…","url":"index.html"`. Either way the
  // old revision appears once, next to index.html.
  const before = revision(oldIndex);
  const after = revision(index);
  const entry = new RegExp(
    `url"?:"index\\.html","?revision"?:"${before}"|"?revision"?:"${before}","?url"?:"index\\.html"`,
  );
  if (!entry.test(sw)) throw new Error('redeploy: index.html’s precache entry is not in sw.js');
  sw = sw.replace(entry, (match) => match.replace(before, after));
  writeFileSync(indexPath, index);
  writeFileSync(swPath, `${sw}\n// deploy: ${tag}\n`);
  return [...renamed.values()];
}
