// Owns one search index over the stored catalog: builds it in batches, follows imports, answers searches.
import type { QuorumDatabase } from '../../db/open-database.js';
import {
  CATALOG_REVISION_KEY,
  INDEX_SNAPSHOT_KEY,
  isSnapshot,
  type IndexSnapshot,
} from './index-snapshot.js';
import { CATALOG_COUNT_KEY, readCatalogCount, savedOrCounted } from '../import/catalog-count.js';
import { CatalogSearchIndex, type CatalogFacets, type CatalogFilters } from './search-index.js';
import type { ComparisonListing } from '../types.js';

export interface PageRange {
  offset: number;
  limit: number;
}

/** A page of results: only its cards cross to the main thread, not every matching id. */
export interface SearchPage {
  total: number;
  listings: ComparisonListing[];
}

export interface IndexProgress {
  /** Comparisons indexed so far. */
  indexed: number;
  /** Comparisons stored when the build started. */
  total: number;
  ready: boolean;
}

/** Read in slices: each slice is a few MB of records, dropped once tokenized. */
const BUILD_BATCH = 250;
/** Imports often come in a row (drops, pastes): save the index once they settle. */
const SAVE_DELAY_MS = 2000;

/**
 * Runs in the search worker (or in-process where there are no workers, as in Node tests). Every
 * request waits for the build and for the updates asked before it, so a search after an import
 * sees the imported pages.
 */
export class SearchHost {
  private index = new CatalogSearchIndex();
  private revision: string | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void>;
  private progress: IndexProgress = { indexed: 0, total: 0, ready: false };

  constructor(
    private readonly db: QuorumDatabase,
    private readonly onProgress: (progress: IndexProgress) => void = () => {},
  ) {
    this.queue = this.build();
  }

  get status(): IndexProgress {
    return this.progress;
  }

  whenReady(): Promise<void> {
    return this.queue;
  }

  /** One page of the results, as cards, and how many matched in all. */
  async searchPage(query: string, filters: CatalogFilters, page: PageRange): Promise<SearchPage> {
    await this.queue;
    const { total, ids } = this.index.searchPage(query, filters, page.offset, page.limit);
    return { total, listings: this.index.listings(ids) };
  }

  async facets(): Promise<CatalogFacets> {
    await this.queue;
    return this.index.facets();
  }

  /** Re-reads these comparisons from storage (after an import): stored ones are re-indexed, gone ones dropped. */
  update(ids: readonly string[]): Promise<void> {
    const next = this.queue.then(() => this.reindex(ids));
    this.queue = next;
    return next;
  }

  private async build(): Promise<void> {
    if (await this.restore()) return;
    const total = await readCatalogCount(this.db);
    this.report({ indexed: 0, total, ready: false });
    let after: string | undefined;
    let indexed = 0;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const batch = await this.db.getAll('comparisons', range, BUILD_BATCH);
      for (const record of batch) this.index.add(record);
      indexed += batch.length;
      const last = batch[batch.length - 1];
      if (last === undefined || batch.length < BUILD_BATCH) break;
      this.report({ indexed, total: Math.max(total, indexed), ready: false });
      after = last.id;
    }
    this.index.warm();
    this.report({ indexed, total: indexed, ready: true });
    this.scheduleSave();
  }

  /**
   * Loads the saved index when it was saved at the catalog's current revision and size. The
   * revision is read before any record, so an import during a build leaves a stale revision
   * behind and the next start rebuilds.
   */
  private async restore(): Promise<boolean> {
    const tx = this.db.transaction(['settings', 'comparisons']);
    const [revision, saved, savedCount] = await Promise.all([
      tx.objectStore('settings').get(CATALOG_REVISION_KEY),
      tx.objectStore('settings').get(INDEX_SNAPSHOT_KEY),
      tx.objectStore('settings').get(CATALOG_COUNT_KEY),
    ]);
    // Counting the store took ~280 ms over 10k pages; imports save the count with the revision.
    const count = await savedOrCounted(savedCount, () => tx.objectStore('comparisons').count());
    await tx.done;
    this.revision = typeof revision === 'string' ? revision : null;
    if (!isSnapshot(saved) || saved.revision !== this.revision || saved.size !== count) {
      return false;
    }
    this.index = CatalogSearchIndex.restore(saved);
    this.index.warm();
    this.report({ indexed: this.index.size, total: this.index.size, ready: true });
    return true;
  }

  private async reindex(ids: readonly string[]): Promise<void> {
    const tx = this.db.transaction(['comparisons', 'settings']);
    const store = tx.objectStore('comparisons');
    const [revision, ...records] = await Promise.all([
      tx.objectStore('settings').get(CATALOG_REVISION_KEY),
      ...ids.map((id) => store.get(id)),
    ]);
    await tx.done;
    records.forEach((record, i) => {
      if (record !== undefined) this.index.add(record);
      else this.index.remove(ids[i] ?? '');
    });
    this.revision = typeof revision === 'string' ? revision : null;
    this.index.warm();
    this.report({ indexed: this.index.size, total: this.index.size, ready: true });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.queue = this.queue.then(() => this.save());
    }, SAVE_DELAY_MS);
  }

  /** Best effort: without a snapshot the next start rebuilds, which is slower but correct. */
  private async save(): Promise<void> {
    const snapshot: IndexSnapshot = this.index.snapshot(this.revision);
    await this.db.put('settings', snapshot, INDEX_SNAPSHOT_KEY).catch(() => undefined);
  }

  private report(progress: IndexProgress): void {
    this.progress = progress;
    this.onProgress(progress);
  }
}
