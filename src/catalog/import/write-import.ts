// Parses and writes an import in one readwrite transaction, overlapping reading and parsing with the writes.
import type { QuorumDatabase } from '../../db/open-database.js';
import { CATALOG_COUNT_KEY } from './catalog-count.js';
import { CATALOG_REVISION_KEY, KEPT_CHANGES, changeKey, nextRevision } from './catalog-revision.js';
import { planImport, type ImportPlan } from './plan-import.js';
import { TransactionKeeper } from './transaction-keeper.js';
import { RefusedFileError } from './read-picked-files.js';
import { readImportFiles, type ImportFile } from './read-import-files.js';
import type { ComparisonRecord, ParseError, ToolRecord } from '../types.js';

/**
 * An import's files: all at hand, or arriving in groups while the browser reads them (see
 * readFileGroups), so the first pages are stored while later files are still being read.
 */
export type ImportSource = readonly ImportFile[] | AsyncIterable<readonly ImportFile[]>;

/** A key no record has: reading it is the cheapest request that keeps the transaction open. */
const KEEP_ALIVE_KEY = '\u0000keep-alive';

/** How a write ended: written (with its plan), invalid (parse errors, nothing stored), or empty. */
export type WriteOutcome =
  | { kind: 'written'; plan: ImportPlan }
  | { kind: 'invalid'; errors: ParseError[] }
  | { kind: 'empty' };

/**
 * All or nothing: a file that fails to parse, or a write that fails, aborts the transaction. New
 * pages are put while later files are still being parsed (the database writes in the browser's
 * storage process meanwhile); pages that are already stored, and every tool, are planned once all
 * files are read, exactly as `planImport` decides.
 */
export async function writeImport(
  db: QuorumDatabase,
  source: ImportSource,
  now: number,
): Promise<WriteOutcome> {
  const tx = db.transaction(['comparisons', 'tools', 'settings'], 'readwrite');
  const done = tx.done;
  const writes: Promise<unknown>[] = [];
  const comparisonStore = tx.objectStore('comparisons');
  const toolStore = tx.objectStore('tools');
  try {
    // Keys only: whole stored records are read just for the pages this import names again.
    const settings = tx.objectStore('settings');
    const [comparisonKeys, toolKeys, storedRevision] = await Promise.all([
      comparisonStore.getAllKeys(),
      toolStore.getAllKeys(),
      settings.get(CATALOG_REVISION_KEY),
    ]);
    const storedIds = new Set(comparisonKeys);
    const storedSlugs = new Set(toolKeys);
    const storedReads = new Map<string, Promise<ComparisonRecord | undefined>>();
    const toolReads = new Map<string, Promise<ToolRecord | undefined>>();
    const readTools = (slugs: readonly string[]): void => {
      for (const slug of slugs) {
        if (storedSlugs.has(slug) && !toolReads.has(slug)) toolReads.set(slug, toolStore.get(slug));
      }
    };
    const putEarly = new Map<string, ComparisonRecord>();
    const candidates: ComparisonRecord[] = [];
    const errors: ParseError[] = [];
    const keeper = new TransactionKeeper(() => comparisonStore.get(KEEP_ALIVE_KEY));
    const putNew = (record: ComparisonRecord): void => {
      const write = comparisonStore.put(record);
      writes.push(write);
      keeper.track(write);
    };
    const parseAndPut = (files: readonly ImportFile[]): void => {
      const parsed = readImportFiles(files, now);
      errors.push(...parsed.errors);
      candidates.push(...parsed.candidates);
      // After a bad file nothing more is written, but every file is still read to name each bad one.
      if (errors.length > 0) return;
      for (const record of parsed.candidates) {
        readTools(record.toolSlugs);
        if (storedIds.has(record.id)) {
          if (!storedReads.has(record.id))
            storedReads.set(record.id, comparisonStore.get(record.id));
        } else if (!putEarly.has(record.id)) {
          // A page new to the catalog is added whatever else the import holds.
          putEarly.set(record.id, record);
          putNew(record);
        }
      }
    };
    if (isImportStream(source)) {
      const groups = source[Symbol.asyncIterator]();
      // A file read is not a database request: without care the transaction would commit while
      // one is awaited, and the rest of the import would land in no transaction at all.
      const nextGroup = () => keeper.wait(groups.next());
      for (let next = await nextGroup(); next.done !== true; next = await nextGroup()) {
        parseAndPut(next.value);
      }
    } else {
      parseAndPut(source);
    }
    if (errors.length > 0 || candidates.length === 0) {
      abortQuietly(tx);
      await settle(writes, done);
      return errors.length > 0 ? { kind: 'invalid', errors } : { kind: 'empty' };
    }
    const storedComparisons = await resolved(storedReads);
    for (const record of storedComparisons.values()) readTools(record.toolSlugs);
    const storedTools = await resolved(toolReads);
    const plan = planImport(candidates, storedComparisons, storedTools);
    for (const record of plan.comparisonPuts) {
      if (putEarly.get(record.id) !== record) writes.push(comparisonStore.put(record));
    }
    for (const tool of plan.toolPuts) writes.push(toolStore.put(tool));
    for (const slug of plan.toolDeletes) writes.push(toolStore.delete(slug));
    // Every search index, in any tab, learns from these what it missed (see catalog-revision.ts).
    if (plan.comparisonPuts.length > 0) {
      const revision = nextRevision(storedRevision);
      const changed = plan.comparisonPuts.map((record) => record.id);
      writes.push(settings.put(revision, CATALOG_REVISION_KEY));
      writes.push(settings.put(changed, changeKey(revision)));
      writes.push(settings.delete(changeKey(revision - KEPT_CHANGES)));
      writes.push(settings.put(storedIds.size + plan.added.length, CATALOG_COUNT_KEY));
    }
    await Promise.all([...writes, done]);
    return { kind: 'written', plan };
  } catch (cause) {
    abortQuietly(tx);
    await settle(writes, done);
    if (cause instanceof RefusedFileError) return { kind: 'invalid', errors: [cause.error] };
    throw tx.error ?? cause;
  }
}

/** Files still arriving (being read), rather than all at hand. */
export function isImportStream(
  source: ImportSource,
): source is AsyncIterable<readonly ImportFile[]> {
  return Symbol.asyncIterator in source;
}

async function resolved<T>(reads: Map<string, Promise<T | undefined>>): Promise<Map<string, T>> {
  const keys = [...reads.keys()];
  const values = await Promise.all(reads.values());
  const found = new Map<string, T>();
  values.forEach((value, i) => {
    const key = keys[i];
    if (value !== undefined && key !== undefined) found.set(key, value);
  });
  return found;
}

/** Each rolled-back request rejects with AbortError; the cause that matters is reported instead. */
async function settle(writes: Promise<unknown>[], done: Promise<void>): Promise<void> {
  for (const write of writes) write.catch(() => undefined);
  await done.catch(() => undefined);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted by the failing request: nothing left to roll back.
  }
}
