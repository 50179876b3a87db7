// Figures for the report (not a test): how long the saved search index takes to save, read and restore.
import { it } from 'vitest';
import { CatalogSearchIndex } from '../../../src/catalog/search-index.js';
import { readImportFiles } from '../../../src/catalog/read-import-files.js';
import { openDatabase } from '../../../src/db/open-database.js';
import { generatePages } from '../../bench/generate-pages.js';

it('measures the snapshot', async () => {
  const encoder = new TextEncoder();
  const files = generatePages({ count: 10_000 }).map((p) => ({
    name: p.fileName,
    bytes: encoder.encode(p.text),
  }));
  const index = new CatalogSearchIndex();
  let t = performance.now();
  for (const record of readImportFiles(files, 1000).candidates) index.add(record);
  console.log('parse+index', (performance.now() - t).toFixed(0));
  t = performance.now();
  const snap = index.snapshot('r');
  console.log(
    'snapshot()',
    (performance.now() - t).toFixed(0),
    'tokens',
    snap.tokens.length,
    'postings MB',
    (snap.postings.bytes.byteLength / 1e6).toFixed(1),
  );
  t = performance.now();
  const clone = structuredClone(snap);
  console.log('structuredClone', (performance.now() - t).toFixed(0));
  t = performance.now();
  const docsOnly = structuredClone(snap.docs);
  console.log('clone docs only', (performance.now() - t).toFixed(0), docsOnly.length);
  t = performance.now();
  structuredClone(snap.tokens);
  console.log('clone tokens only', (performance.now() - t).toFixed(0));
  t = performance.now();
  const restored = CatalogSearchIndex.restore(clone);
  console.log('restore()', (performance.now() - t).toFixed(0));
  t = performance.now();
  restored.warm();
  console.log('warm()', (performance.now() - t).toFixed(0));
  const db = await openDatabase({ name: `snap-${Math.random()}` });
  t = performance.now();
  await db.put('settings', snap, 'search-index');
  console.log('idb put', (performance.now() - t).toFixed(0));
  t = performance.now();
  await db.get('settings', 'search-index');
  console.log('idb get', (performance.now() - t).toFixed(0));
});
