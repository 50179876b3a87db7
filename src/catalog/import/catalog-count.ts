// The number of stored comparisons, saved by every import: counting the store took ~280 ms over 10k pages at start-up.
import type { QuorumDatabase } from '../../db/open-database.js';

/** In the `settings` store, written in each import's own transaction, so it never disagrees with the pages. */
export const CATALOG_COUNT_KEY = 'catalog-count';

/** The saved count; a catalog stored before counts were saved is counted once the slow way. */
export async function readCatalogCount(db: QuorumDatabase): Promise<number> {
  return savedOrCounted(await db.get('settings', CATALOG_COUNT_KEY), () => db.count('comparisons'));
}

/** `saved`, the value stored under CATALOG_COUNT_KEY, if there is one; else the store counted. */
export function savedOrCounted(saved: unknown, count: () => Promise<number>): Promise<number> {
  return typeof saved === 'number' ? Promise.resolve(saved) : count();
}
