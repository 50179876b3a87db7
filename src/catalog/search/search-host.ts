// Owns one search index over the stored catalog: builds it in batches, follows imports, answers searches.
import type { QuorumDatabase } from '../../db/open-database.js';
import { INDEX_SNAPSHOT_KEY, isSnapshot } from './index-snapshot.js';
import { CATALOG_COUNT_KEY, readCatalogCount, savedOrCounted } from '../import/catalog-count.js';
import { CATALOG_REVISION_KEY, changeKey, revisionsBetween } from '../import/catalog-revision.js';
import { CatalogSearchIndex, type CatalogFacets, type CatalogFilters } from './search-index.js';
import type { ComparisonListing } from '../types.js';

/** Which matches to return: `limit` of them from `offset`. */
export interface PageRange {
  offset: number;
  limit: number;
}

/** A page of results: only its cards cross to the main thread, not every matching id. */
export interface SearchPage {
  total: number;
  listings: ComparisonListing[];
}

/** How far the index build is. */
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
 * sees the imported pages. The index knows the catalog revision it holds, and catches up with the
 * stored one from the changes each import keeps (another tab's included): it is never saved as
 * newer than what it holds.
 */
export class SearchHost {
  private index = new CatalogSearchIndex();
  /** The catalog revision whose every change the index holds (see catalog-revision.ts). */
  private revision: unknown = null;
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

  /**
   * Catches up with the stored catalog (after an import here or in another tab): re-reads the pages
   * of every import since the index's revision, or rebuilds when those are no longer kept.
   */
  update(): Promise<void> {
    const next = this.queue.then(() => this.catchUp());
    this.queue = next;
    return next;
  }

  /** Stops a pending save: for an in-process host whose database is about to close. */
  close(): void {
    clearTimeout(this.saveTimer);
  }

  private async build(): Promise<void> {
    if (await this.restore()) {
      await this.catchUp();
      return;
    }
    await this.rebuild();
  }

  /**
   * Reads every record in batches. The revision is read before any record: pages an import writes
   * meanwhile may be read too, and are read again when the index catches up with that import.
   */
  private async rebuild(): Promise<void> {
    this.index = new CatalogSearchIndex();
    this.revision = await this.db.get('settings', CATALOG_REVISION_KEY);
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
   * Loads the saved index when the catalog is still at its revision (with as many pages), or only as
   * many imports further on as keep their changes: `catchUp` then reads those.
   */
  private async restore(): Promise<boolean> {
    const tx = this.db.transaction(['settings', 'comparisons']);
    const settings = tx.objectStore('settings');
    const [revision, saved, savedCount] = await Promise.all([
      settings.get(CATALOG_REVISION_KEY),
      settings.get(INDEX_SNAPSHOT_KEY),
      settings.get(CATALOG_COUNT_KEY),
    ]);
    if (!isSnapshot(saved)) return false;
    if (saved.revision === revision) {
      // Counting the store took ~280 ms over 10k pages; imports save the count with the revision.
      const count = await savedOrCounted(savedCount, () => tx.objectStore('comparisons').count());
      if (saved.size !== count) return false;
    } else if (revisionsBetween(saved.revision, revision) === null) {
      return false;
    }
    this.index = CatalogSearchIndex.restore(saved);
    this.revision = saved.revision;
    this.index.warm();
    this.report({ indexed: this.index.size, total: this.index.size, ready: true });
    return true;
  }

  /**
   * Reads the stored revision, the ids each missed import changed and those pages, all in one
   * transaction: the index then holds exactly that revision.
   */
  private async catchUp(): Promise<void> {
    const tx = this.db.transaction(['settings', 'comparisons']);
    const settings = tx.objectStore('settings');
    const stored = await settings.get(CATALOG_REVISION_KEY);
    if (stored === this.revision) return;
    const missed = revisionsBetween(this.revision, stored);
    const changes = await Promise.all((missed ?? []).map((n) => settings.get(changeKey(n))));
    if (missed === null || !changes.every(isIdList)) {
      await this.rebuild();
      return;
    }
    const ids = [...new Set(changes.flat())];
    const store = tx.objectStore('comparisons');
    const records = await Promise.all(ids.map((id) => store.get(id)));
    records.forEach((record, i) => {
      if (record !== undefined) this.index.add(record);
      else this.index.remove(ids[i] ?? '');
    });
    this.revision = stored;
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

  /**
   * Best effort: without a snapshot the next start rebuilds, which is slower but correct. Saved only
   * while the index holds the stored revision: a tab that has not caught up yet leaves a newer one be.
   */
  private async save(): Promise<void> {
    const snapshot = this.index.snapshot(this.revision);
    const tx = this.db.transaction('settings', 'readwrite');
    // A full disk, say: the next start rebuilds instead.
    const done = tx.done.catch(() => undefined);
    const current = await tx.store.get(CATALOG_REVISION_KEY).catch(() => undefined);
    if (current === this.revision)
      await tx.store.put(snapshot, INDEX_SNAPSHOT_KEY).catch(() => undefined);
    await done;
  }

  private report(progress: IndexProgress): void {
    this.progress = progress;
    this.onProgress(progress);
  }
}

function isIdList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id) => typeof id === 'string');
}
