// Figures for the report (not a test): the catalog's import, first page and worker search over 10k generated pages.
import { unwrap } from 'idb';
import { it } from 'vitest';
import { CatalogService } from '../../../src/catalog/catalog-service.js';
import { importFilesWithRecords } from '../../../src/catalog/import-catalog.js';
import { planImport } from '../../../src/catalog/plan-import.js';
import { readImportFiles } from '../../../src/catalog/read-import-files.js';
import { openDatabase } from '../../../src/db/open-database.js';
import { generatePages } from '../../bench/generate-pages.js';

const COUNT = Number(new URLSearchParams(location.search).get('count') ?? 10_000);

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function floorMs(files: { name: string; bytes: Uint8Array }[]): Promise<number> {
  const plan = planImport(readImportFiles(files, Date.now()).candidates, new Map(), new Map());
  const db = unwrap(await openDatabase({ name: `floor-${Math.random()}` }));
  const start = performance.now();
  for (let at = 0; at < plan.comparisonPuts.length; at += 1000) {
    const last = at + 1000 >= plan.comparisonPuts.length;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['comparisons', 'tools'], 'readwrite');
      for (const r of plan.comparisonPuts.slice(at, at + 1000))
        tx.objectStore('comparisons').put(r);
      if (last) for (const t of plan.toolPuts) tx.objectStore('tools').put(t);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  db.close();
  return ms;
}

it('measures the 10k catalog', async () => {
  const encoder = new TextEncoder();
  const files = generatePages({ count: COUNT }).map((page) => ({
    name: page.fileName,
    bytes: encoder.encode(page.text),
  }));
  const rounds: string[] = [];
  let dbName = '';
  for (let round = 0; round < 2; round += 1) {
    const floor = await floorMs(files);
    const db = await openDatabase({ name: `import-${Math.random()}` });
    const start = performance.now();
    const { report } = await importFilesWithRecords(db, files);
    const importMs = performance.now() - start;
    rounds.push(
      `import ${importMs.toFixed(0)} floor ${floor.toFixed(0)} ratio ${(importMs / floor).toFixed(2)} added ${report.added.length}`,
    );
    dbName = db.name;
    db.close();
  }
  console.log(rounds.join('\n'));

  const db = await openDatabase({ name: dbName });
  const service = new CatalogService(db);
  let start = performance.now();
  const first = await service.search('', {}, 24);
  const firstPageMs = performance.now() - start;
  await service.ready();
  const readyMs = performance.now() - start;
  console.log(
    `first page ${firstPageMs.toFixed(0)} ms (${first.records.length} of ${first.total}); index ready ${readyMs.toFixed(0)} ms`,
  );
  for (const query of ['l', 'v', 'q', 'open', 'openrouter fusion', 'sage', '']) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 7; i += 1) {
      start = performance.now();
      total = (await service.search(query, {}, 24)).total;
      times.push(performance.now() - start);
    }
    console.log(
      `search ${JSON.stringify(query)} → ${total}: median ${median(times).toFixed(1)} ms [${times.map((t) => t.toFixed(1)).join(' ')}]`,
    );
  }
  service.close();
});
