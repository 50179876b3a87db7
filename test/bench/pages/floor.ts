// Bench page: the floor for import10kRatio — the import's own records put into the app's schema with bare puts.
import { unwrap } from 'idb';
import { planImport } from '../../../src/catalog/import/plan-import.js';
import { readImportFiles } from '../../../src/catalog/import/read-import-files.js';
import type { ComparisonRecord, ToolRecord } from '../../../src/catalog/types.js';
import { openDatabase } from '../../../src/db/open-database.js';

/** Records per readwrite transaction: large enough that commits do not dominate. */
export const FLOOR_BATCH = 1000;
const FLOOR_DB = 'quorum-bench-floor';

export interface FloorResult {
  comparisons: number;
  tools: number;
  /** Only the puts and their commits: reading and parsing the files is not timed. */
  putMs: number;
  /**
   * When asked: the same puts in one readwrite transaction, as an all-or-nothing import must write
   * them (the floor above commits every 1,000).
   */
  oneTransactionMs?: number;
}

declare global {
  interface Window {
    benchFloor: (options?: { oneTransaction?: boolean }) => Promise<FloorResult>;
  }
}

/** Reads the picked files and plans the import exactly as the app does, into an empty catalog. */
async function recordsFromPickedFiles(): Promise<{
  comparisons: ComparisonRecord[];
  tools: ToolRecord[];
}> {
  const input = document.querySelector<HTMLInputElement>('#pages');
  const files = Array.from(input?.files ?? []);
  const read = await Promise.all(
    files.map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  const { candidates, errors } = readImportFiles(read, Date.now());
  if (errors.length > 0) throw new Error(`floor: ${errors.length} pages did not parse`);
  const plan = planImport(candidates, new Map(), new Map());
  return { comparisons: plan.comparisonPuts, tools: plan.toolPuts };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
  });
}

function putBatch(
  db: IDBDatabase,
  comparisons: ComparisonRecord[],
  tools: ToolRecord[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['comparisons', 'tools'], 'readwrite');
    const comparisonStore = tx.objectStore('comparisons');
    const toolStore = tx.objectStore('tools');
    for (const record of comparisons) comparisonStore.put(record);
    for (const tool of tools) toolStore.put(tool);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('floor transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('floor transaction aborted'));
  });
}

window.benchFloor = async ({ oneTransaction = false } = {}) => {
  const { comparisons, tools } = await recordsFromPickedFiles();
  await deleteDatabase(FLOOR_DB);
  // The app's own schema and indexes (by-tool multiEntry, by-category, by-imported, by-name).
  const db = unwrap(await openDatabase({ name: FLOOR_DB }));
  const start = performance.now();
  for (let at = 0; at < comparisons.length; at += FLOOR_BATCH) {
    const last = at + FLOOR_BATCH >= comparisons.length;
    await putBatch(db, comparisons.slice(at, at + FLOOR_BATCH), last ? tools : []);
  }
  const putMs = performance.now() - start;
  db.close();
  await deleteDatabase(FLOOR_DB);
  const result: FloorResult = { comparisons: comparisons.length, tools: tools.length, putMs };
  if (oneTransaction) {
    const single = unwrap(await openDatabase({ name: FLOOR_DB }));
    const started = performance.now();
    await putBatch(single, comparisons, tools);
    result.oneTransactionMs = performance.now() - started;
    single.close();
    await deleteDatabase(FLOOR_DB);
  }
  return result;
};
