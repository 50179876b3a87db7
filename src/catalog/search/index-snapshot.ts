// The search index saved in the `settings` store, so a returning visitor's index loads instead of being rebuilt.
import type { DocSummary } from './doc-summary.js';
import type { PackedPostings } from './posting-lists.js';

/** Written by every import in the same transaction as its pages: a snapshot of another revision is stale. */
export const CATALOG_REVISION_KEY = 'catalog-revision';
export const INDEX_SNAPSHOT_KEY = 'search-index';
/** Bump when the snapshot's shape or the tokenizer changes: older snapshots are then rebuilt. */
export const SNAPSHOT_VERSION = 3;

/** Plain data and typed arrays only: IndexedDB stores it with a structured clone (no JSON). */
export interface IndexSnapshot {
  version: number;
  /** CATALOG_REVISION_KEY's value when the indexed records were read. */
  revision: string | null;
  /** The number of live docs, checked against the store as a second guard. */
  size: number;
  docs: (DocSummary | null)[];
  tokens: string[];
  postings: PackedPostings;
}

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

/** A fresh revision for an import's transaction. */
export function newRevision(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
