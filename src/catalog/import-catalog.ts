// Imports pages and exports all-or-nothing: parse everything, then write in one transaction.
import type { QuorumDatabase } from '../db/open-database.js';
import { planImport, type ImportPlan } from './plan-import.js';
import { readImportFiles, type ImportFile } from './read-import-files.js';
import type { ComparisonRecord, ParseError, ToolRecord } from './types.js';

export type { ImportFile } from './read-import-files.js';

export interface StorageError {
  kind: 'quota-exceeded' | 'unknown';
  message: string;
}

export interface ImportReport {
  ok: boolean;
  added: string[];
  updated: string[];
  unchanged: string[];
  /** One per failing file; when any file fails, nothing is stored. */
  errors: ParseError[];
  storageError: StorageError | null;
  /** Tool fields that disagreed with what was stored (kept in ToolRecord.differences). */
  toolDifferences: number;
}

export interface ImportOptions {
  now?: () => number;
}

/** The report plus the records written, so the search index can follow without re-reading. */
export interface ImportOutcome {
  report: ImportReport;
  written: ComparisonRecord[];
}

export const PASTED_TEXT_NAME = 'pasted text';

export async function importFiles(
  db: QuorumDatabase,
  files: ImportFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  return (await importFilesWithRecords(db, files, options)).report;
}

/** Paste: the text is imported as a file named "pasted text". */
export function importText(
  db: QuorumDatabase,
  text: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importFiles(db, [textFile(text)], options);
}

export function textFile(text: string, name = PASTED_TEXT_NAME): ImportFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export async function importFilesWithRecords(
  db: QuorumDatabase,
  files: ImportFile[],
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const now = (options.now ?? Date.now)();
  const { candidates, errors } = readImportFiles(files, now);
  if (errors.length > 0) return { report: emptyReport({ errors }), written: [] };
  if (candidates.length === 0) return { report: emptyReport({ ok: true }), written: [] };
  try {
    const plan = await writePlan(db, candidates);
    const report: ImportReport = {
      ok: true,
      added: plan.added,
      updated: plan.updated,
      unchanged: plan.unchanged,
      errors: [],
      storageError: null,
      toolDifferences: plan.toolDifferences,
    };
    return { report, written: plan.comparisonPuts };
  } catch (cause) {
    return { report: emptyReport({ storageError: classifyStorageError(cause) }), written: [] };
  }
}

/** Reads what the import touches, plans, and writes — all inside one readwrite transaction. */
async function writePlan(db: QuorumDatabase, candidates: ComparisonRecord[]): Promise<ImportPlan> {
  const tx = db.transaction(['comparisons', 'tools'], 'readwrite');
  const done = tx.done;
  const writes: Promise<unknown>[] = [];
  try {
    const comparisonStore = tx.objectStore('comparisons');
    const toolStore = tx.objectStore('tools');
    const ids = [...new Set(candidates.map((record) => record.id))];
    const stored = await Promise.all(ids.map((id) => comparisonStore.get(id)));
    const storedComparisons = new Map<string, ComparisonRecord>();
    for (const record of stored) if (record !== undefined) storedComparisons.set(record.id, record);
    const slugs = new Set(candidates.flatMap((record) => record.toolSlugs));
    for (const record of storedComparisons.values()) record.toolSlugs.forEach((s) => slugs.add(s));
    const tools = await Promise.all([...slugs].map((slug) => toolStore.get(slug)));
    const storedTools = new Map<string, ToolRecord>();
    for (const tool of tools) if (tool !== undefined) storedTools.set(tool.slug, tool);

    const plan = planImport(candidates, storedComparisons, storedTools);
    // Pushed one by one: if a put throws, the requests already made still get a handler below.
    for (const record of plan.comparisonPuts) writes.push(comparisonStore.put(record));
    for (const tool of plan.toolPuts) writes.push(toolStore.put(tool));
    for (const slug of plan.toolDeletes) writes.push(toolStore.delete(slug));
    await Promise.all([...writes, done]);
    return plan;
  } catch (cause) {
    abortQuietly(tx);
    // Each rolled-back request rejects with AbortError; the cause that matters is the first error.
    for (const write of writes) write.catch(() => undefined);
    await done.catch(() => undefined);
    throw tx.error ?? cause;
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted by the failing request: nothing left to roll back.
  }
}

export function classifyStorageError(cause: unknown): StorageError {
  const name = cause instanceof Error || isDomException(cause) ? cause.name : '';
  const message = cause instanceof Error || isDomException(cause) ? cause.message : String(cause);
  if (name === 'QuotaExceededError') {
    return {
      kind: 'quota-exceeded',
      message: `The browser has no storage space left for the catalog, so nothing was imported. Free some space (for example delete downloaded models) and try again. (${message})`,
    };
  }
  return {
    kind: 'unknown',
    message: `Saving the catalog failed, so nothing was imported: ${name ? `${name}: ` : ''}${message}`,
  };
}

function isDomException(value: unknown): value is DOMException {
  return typeof DOMException !== 'undefined' && value instanceof DOMException;
}

function emptyReport(overrides: Partial<ImportReport>): ImportReport {
  return {
    ok: false,
    added: [],
    updated: [],
    unchanged: [],
    errors: [],
    storageError: null,
    toolDifferences: 0,
    ...overrides,
  };
}
