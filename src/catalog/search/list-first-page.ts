// Reads one page of the unfiltered catalog straight from storage, in the search index's list order.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { ComparisonRecord } from '../types.js';

/**
 * Newest first, and by id among pages imported together (one import stamps all its pages with the
 * same time), so the list does not reorder when the search index takes over. Walks the by-imported
 * index one import at a time with cursors: reading all 10,000 keys of one import took seconds
 * on a cold start, a cursor reads just the page.
 */
export async function listPage(
  db: QuorumDatabase,
  offset: number,
  limit: number,
  /**
   * The catalog's size once known (it is read alongside): the page then ends without one more
   * cursor to find that no older import is left, a round trip of up to 30 ms on a cold start.
   */
  knownTotal: () => number | undefined = () => undefined,
): Promise<ComparisonRecord[]> {
  const tx = db.transaction('comparisons');
  const byImported = tx.store.index('by-imported');
  const records: ComparisonRecord[] = [];
  let skip = offset;
  let before: number | undefined;
  while (records.length < limit && offset + records.length < (knownTotal() ?? Infinity)) {
    const range = before === undefined ? null : IDBKeyRange.upperBound(before, true);
    const newest = await byImported.openKeyCursor(range, 'prev');
    if (newest === null) break;
    before = newest.key;
    const group = IDBKeyRange.only(newest.key);
    if (skip > 0) {
      const size = await byImported.count(group);
      if (skip >= size) {
        skip -= size;
        continue;
      }
    }
    // Entries with equal index keys come in primary key order: by id.
    if (skip === 0) {
      // One request for the rest of the page: a cursor step per card cost a round trip each.
      records.push(...(await byImported.getAll(group, limit - records.length)));
      continue;
    }
    let cursor = await byImported.openCursor(group);
    if (cursor !== null) cursor = await cursor.advance(skip);
    skip = 0;
    while (cursor !== null && records.length < limit) {
      records.push(cursor.value);
      cursor = await cursor.continue();
    }
  }
  // Not awaiting the read-only transaction's completion: the records are final once read, and the
  // complete event came a round trip later, behind whatever else the page had queued (25 ms here).
  return records;
}
