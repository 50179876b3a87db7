// The import worker's typed, versioned methods, called through a WorkerPort; one import per worker.
import type { ImportReport } from './import-catalog.js';
import type { ImportFile } from './read-import-files.js';
import type { ParseError } from '../types.js';

export const IMPORT_PROTOCOL_VERSION = 3;

export interface WorkerImportOutcome {
  report: ImportReport;
  /** The comparisons written, for the search index to re-read. */
  writtenIds: string[];
}

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
