// The catalog's revision and the pages each recent import changed, written with the pages: what a search index missed.

/**
 * In the `settings` store: a number counted up by every import that writes pages, in the import's
 * own transaction. A catalog written before revisions were counted holds a random string here.
 */
export const CATALOG_REVISION_KEY = 'catalog-revision';

/** How many imports' changed ids are kept: an index further behind than this is rebuilt. */
export const KEPT_CHANGES = 32;

/** The `settings` key of the ids that the import which made `revision` wrote. */
export function changeKey(revision: number): string {
  return `catalog-change-${revision}`;
}

/** The revision an import writes after the stored one (a catalog from before counting restarts at 1). */
export function nextRevision(stored: unknown): number {
  return typeof stored === 'number' ? stored + 1 : 1;
}

/**
 * The revisions whose changes turn an index of revision `held` into one of revision `stored`, oldest
 * first; null when the changes are not all kept (or the revisions are not counted) and only a
 * rebuild from the records will do.
 */
export function revisionsBetween(held: unknown, stored: unknown): number[] | null {
  if (typeof held !== 'number' || typeof stored !== 'number') return null;
  const behind = stored - held;
  if (behind < 0 || behind > KEPT_CHANGES) return null;
  return Array.from({ length: behind }, (_, i) => held + 1 + i);
}
