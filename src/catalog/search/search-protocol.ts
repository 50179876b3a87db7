// The search worker's typed, versioned methods (called through a WorkerPort) and what it reports by itself.
import type { IndexProgress, PageRange, SearchPage } from './search-host.js';
import type { CatalogFacets, CatalogFilters } from './search-index.js';

export type { IndexProgress } from './search-host.js';

/** The search worker's protocol version; a worker built with another refuses the hello. */
export const SEARCH_PROTOCOL_VERSION = 5;

/** Sent with the hello: the database the worker reads (tests use their own). */
export interface SearchInit {
  dbName: string;
}

/** Every method waits for the index to be built, and for the updates asked before it. */
export type SearchApi = {
  search: {
    input: { query: string; filters: CatalogFilters; page: PageRange };
    event: never;
    result: SearchPage;
  };
  facets: { input: null; event: never; result: CatalogFacets };
  /** Catch up with the stored catalog: sent after an import commits, here or in another tab. */
  update: { input: null; event: never; result: null };
  ready: { input: null; event: never; result: null };
};

/** What the search worker reports by itself: the index's build progress. */
export interface SearchNotice {
  type: 'progress';
  progress: IndexProgress;
}
