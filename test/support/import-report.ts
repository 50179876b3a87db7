// Imports pages through the app's own import (importFilesWithRecords) and keeps only the report, for tests about reports.
import {
  importFilesWithRecords,
  type ImportOptions,
  type ImportReport,
  type ImportSource,
} from '../../src/catalog/import/import-catalog.js';
import type { QuorumDatabase } from '../../src/db/open-database.js';

export async function importReport(
  db: QuorumDatabase,
  files: ImportSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return (await importFilesWithRecords(db, files, options)).report;
}
