// What the catalog service needs from a search index, wherever it runs (a worker, or in-process).
import type { QuorumDatabase } from '../../db/open-database.js';
import { SearchHost, type IndexProgress, type PageRange, type SearchPage } from './search-host.js';
import type { CatalogFacets, CatalogFilters } from './search-index.js';

/** What the catalog service needs from a search index, wherever it runs (a worker, or in-process). */
export interface SearchBackend {
  /** One page of the matches, best first, and their number; waits for the index to be built. */
  search(query: string, filters: CatalogFilters, page: PageRange): Promise<SearchPage>;
  facets(): Promise<CatalogFacets>;
  /** Catches up with the stored catalog (an import here or in another tab); later searches see the result. */
  update(): Promise<void>;
  whenReady(): Promise<void>;
  readonly progress: IndexProgress;
  close(): void;
}

/** Told of the index's build progress. */
export type ProgressListener = (progress: IndexProgress) => void;

/** The index on the calling thread: for Node (tests) and browsers without module workers. */
export class InProcessSearch implements SearchBackend {
  private readonly host: SearchHost;

  constructor(db: QuorumDatabase, onProgress: ProgressListener = () => {}) {
    this.host = new SearchHost(db, onProgress);
  }

  get progress(): IndexProgress {
    return this.host.status;
  }

  search(query: string, filters: CatalogFilters, page: PageRange): Promise<SearchPage> {
    return this.host.searchPage(query, filters, page);
  }

  facets(): Promise<CatalogFacets> {
    return this.host.facets();
  }

  update(): Promise<void> {
    return this.host.update();
  }

  whenReady(): Promise<void> {
    return this.host.whenReady();
  }

  close(): void {
    this.host.close();
  }
}
