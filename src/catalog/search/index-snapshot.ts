// The search index saved in the `settings` store, so a returning visitor's index loads instead of being rebuilt.
import type { DocSummary } from './doc-summary.js';
import type { PackedPostings } from './posting-lists.js';

/** The `settings` key of the saved search index. */
export const INDEX_SNAPSHOT_KEY = 'search-index';
/** Bump when the snapshot's shape or the tokenizer changes: older snapshots are then rebuilt. */
export const SNAPSHOT_VERSION = 3;

/** Plain data and typed arrays only: IndexedDB stores it with a structured clone (no JSON). */
export interface IndexSnapshot {
  version: number;
  /**
   * The catalog revision (see catalog-revision.ts) whose pages the index holds, every change up to it
   * included: never one it has not caught up with.
   */
  revision: unknown;
  /** The number of live docs, checked against the store as a second guard. */
  size: number;
  docs: (DocSummary | null)[];
  tokens: string[];
  postings: PackedPostings;
}

/** Whether a stored value is a snapshot of the current version and shape. */
export function isSnapshot(value: unknown): value is IndexSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const snapshot = value as Partial<IndexSnapshot>;
  return (
    snapshot.version === SNAPSHOT_VERSION &&
    Array.isArray(snapshot.docs) &&
    Array.isArray(snapshot.tokens) &&
    snapshot.postings?.counts instanceof Uint32Array &&
    snapshot.postings.bytes instanceof Uint8Array
  );
}
