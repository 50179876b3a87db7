// Imports pages and exports all-or-nothing: parse everything, then write in one transaction.
import type { QuorumDatabase } from '../../db/open-database.js';
import {
  classified,
  errorText,
  isQuotaExceeded,
  type ClassifiedError,
} from '../../shared/errors.js';
import type { ImportFile } from './read-import-files.js';
import type { ComparisonRecord, ParseError } from '../types.js';
import { writeImport, type ImportSource } from './write-import.js';

export type { ImportFile } from './read-import-files.js';
export type { ImportSource } from './write-import.js';

/** What an import did: comparisons added, updated or unchanged, or why nothing was stored. */
export interface ImportReport {
  ok: boolean;
  added: string[];
  updated: string[];
  unchanged: string[];
  /** One per failing file; when any file fails, nothing is stored. */
  errors: ParseError[];
  /** Why nothing could be stored: storage full or failing, or the import worker ending. */
  storageError: ClassifiedError | null;
  /** Tool fields that disagreed with what was stored (kept in ToolRecord.differences). */
  toolDifferences: number;
}

/** Import options (tests inject a clock, epoch ms). */
export interface ImportOptions {
  now?: () => number;
}

/** The report plus the records written, so the search index can follow without re-reading. */
export interface ImportOutcome {
  report: ImportReport;
  written: ComparisonRecord[];
}

/** The file name errors give pasted text. */
export const PASTED_TEXT_NAME = 'pasted text';

/** Pasted text as an import file (UTF-8). */
export function textFile(text: string, name = PASTED_TEXT_NAME): ImportFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

/**
 * Imports pages and exports all or nothing, in one transaction: any file that fails to parse stores nothing
 * and is named in `errors`; a storage failure (full disk) comes back as `storageError`. Never rejects.
 */
export async function importFilesWithRecords(
  db: QuorumDatabase,
  files: ImportSource,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const now = (options.now ?? Date.now)();
  try {
    const outcome = await writeImport(db, files, now);
    if (outcome.kind === 'invalid') {
      return { report: emptyReport({ errors: outcome.errors }), written: [] };
    }
    if (outcome.kind === 'empty') return { report: emptyReport({ ok: true }), written: [] };
    const { plan } = outcome;
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

/** Why a write to the catalog failed, as the visitor's advice; the browser's words go to `detail`. */
export function classifyStorageError(cause: unknown): ClassifiedError {
  if (isQuotaExceeded(cause)) {
    return classified(
      'quota-exceeded',
      errorText(cause),
      'The browser has no storage space left for the catalog, so nothing was imported. Free some space (for example delete downloaded models) and try again.',
    );
  }
  return classified(
    'storage',
    errorText(cause),
    'Saving the catalog failed, so nothing was imported.',
  );
}

/** A report of nothing imported (`ok` false unless overridden), with what went wrong. */
export function emptyReport(overrides: Partial<ImportReport>): ImportReport {
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
