// The import worker's typed, versioned methods, called through a WorkerPort; one import per worker.
import type { ImportReport } from './import-catalog.js';
import type { ImportFile } from './read-import-files.js';
import type { ParseError } from '../types.js';

/** The import worker's protocol version; a worker built with another refuses the hello. */
export const IMPORT_PROTOCOL_VERSION = 3;

/** The import's report and the ids of the comparisons written. */
export interface WorkerImportOutcome {
  report: ImportReport;
  /** The comparisons written, for the search index to re-read. */
  writtenIds: string[];
}

/**
 * The import worker's methods, served by workers/import.worker.ts: one import, its files sent group by group.
 */
export type ImportApi = {
  /** Runs the import in one transaction, over the groups sent; resolves once it committed or rolled back. */
  import: { input: { dbName: string; now: number }; event: never; result: WorkerImportOutcome };
  /** The next group of files, in picked order; resolves once parsed and queued (back-pressure). */
  group: { input: ImportFile[]; event: never; result: null };
  /** Every file was sent. */
  end: { input: null; event: never; result: null };
  /** The page refused a file (too large, unreadable): the worker rolls the import back. */
  refuse: { input: ParseError; event: never; result: null };
};
