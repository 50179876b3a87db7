// Every message between the catalog's main thread and the search worker, both ways.
import type { IndexProgress, PageRange, SearchPage } from './search-host.js';
import type { CatalogFacets, CatalogFilters } from './search-index.js';

export type { IndexProgress } from './search-host.js';

export const SEARCH_PROTOCOL_VERSION = 4;

export type SearchRequest =
  | { type: 'search'; query: string; filters: CatalogFilters; page: PageRange }
  | { type: 'facets' }
  /** Catch up with the stored catalog: sent after an import commits, here or in another tab. */
  | { type: 'update' }
  | { type: 'ready' };

export type SearchAnswer =
  | { type: 'search'; page: SearchPage }
  | { type: 'facets'; facets: CatalogFacets }
  | { type: 'update' }
  | { type: 'ready' };

export interface SearchError {
  kind: 'protocol' | 'storage' | 'worker-crashed';
  message: string;
}

export type ToSearchWorker =
  /** First message: the database the worker reads (tests use their own). */
  | { type: 'open'; v: number; dbName: string }
  | { type: 'request'; requestId: number; request: SearchRequest };

export type FromSearchWorker =
  /** The worker holds its life lock (see alive-lock.ts): the page may watch it from now on. */
  | { type: 'alive' }
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'answer'; requestId: number; answer: SearchAnswer }
  | { type: 'failed'; requestId: number | null; error: SearchError };
