// Every message between the page and the import worker, both ways.
import type { ImportReport } from './import-catalog.js';
import type { ImportFile } from './read-import-files.js';
import type { ParseError } from '../types.js';

export const IMPORT_PROTOCOL_VERSION = 2;

export type ToImportWorker =
  /** First message: the database to write and the import's time stamp. */
  | { type: 'start'; v: number; dbName: string; now: number }
  /** The next group of files, in picked order; their bytes are transferred, not copied. */
  | { type: 'group'; files: ImportFile[] }
  /** Every file was sent. */
  | { type: 'end' }
  /** The page refused a file (too large, unreadable): the worker rolls the import back. */
  | { type: 'refused'; error: ParseError };

export type FromImportWorker =
  /** The worker holds its life lock (see alive-lock.ts): the page may watch it from now on. */
  | { type: 'alive' }
  /** A group was parsed and its writes queued: the page may send another (back-pressure). */
  | { type: 'consumed' }
  /** The transaction committed or rolled back; the ids are the comparisons written. */
  | { type: 'done'; report: ImportReport; writtenIds: string[] }
  | { type: 'failed'; message: string };
