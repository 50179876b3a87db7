// Exports the whole catalog as JSON; importing the file back reports everything unchanged.
import type { QuorumDatabase } from '../../db/open-database.js';
import { canonicalRecord } from './page-to-record.js';
import type { CatalogExport } from '../types.js';

/**
 * The whole catalog as a `quorum-catalog` version 1 export, stamped with `now` (epoch ms); importing it back
 * changes nothing.
 */
export async function exportCatalog(
  db: QuorumDatabase,
  now: () => number = Date.now,
): Promise<CatalogExport> {
  const comparisons = await db.getAll('comparisons');
  return {
    format: 'quorum-catalog',
    version: 1,
    exportedAt: new Date(now()).toISOString(),
    comparisons: comparisons.map(canonicalRecord),
  };
}

/** "quorum-catalog-2026-11-23.json" (the visitor's local date). */
export function catalogExportFileName(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `quorum-catalog-${day}.json`;
}

/** Pretty enough to diff, small enough to share. */
export function serializeCatalogExport(data: CatalogExport): string {
  return `${JSON.stringify(data, null, 1)}\n`;
}
