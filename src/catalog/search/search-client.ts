// The main thread's side of the search worker: its methods as promises, its progress, a new worker after a crash.
import { classified } from '../../shared/errors.js';
import { WorkerPort } from '../../shared/worker-port.js';
import type { ProgressListener, SearchBackend } from './search-backend.js';
import type { PageRange, SearchPage } from './search-host.js';
import type { CatalogFacets, CatalogFilters } from './search-index.js';
import {
  SEARCH_PROTOCOL_VERSION,
  type IndexProgress,
  type SearchApi,
  type SearchInit,
  type SearchNotice,
} from './search-protocol.js';

/** What the search worker is started with. */
export interface SearchClientOptions {
  dbName: string;
  onProgress?: ProgressListener;
  /** Tests inject their own; the default is the bundled search worker. `name`: its life lock. */
  createWorker?: (name: string) => Worker;
}

/** A worker that crashes this often in a row without answering anything is given up on. */
const MAX_RESTARTS = 3;
const NOTHING_INDEXED: IndexProgress = { indexed: 0, total: 0, ready: false };

function defaultWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/search.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

/** Calls reject with a ClassifiedFailure ('storage', 'worker-crashed', …) the catalog view shows. */
export class SearchClient implements SearchBackend {
  private readonly port: WorkerPort<SearchApi, SearchNotice, SearchInit>;
  private latest: IndexProgress = NOTHING_INDEXED;

  constructor(private readonly options: SearchClientOptions) {
    this.port = new WorkerPort({
      name: 'search',
      create: options.createWorker ?? defaultWorker,
      version: SEARCH_PROTOCOL_VERSION,
      init: { dbName: options.dbName },
      crashAdvice: 'The search stopped working. Reload the page to search the catalog again.',
      // A fresh worker rebuilds the index from storage and is asked the pending calls again, so
      // callers only notice a delay.
      restarts: MAX_RESTARTS,
      onNotice: (notice) => this.setProgress(notice.progress),
      onRestart: () => this.setProgress(NOTHING_INDEXED),
    });
  }

  get progress(): IndexProgress {
    return this.latest;
  }

  search(query: string, filters: CatalogFilters, page: PageRange): Promise<SearchPage> {
    return this.port.call('search', { query, filters, page });
  }

  facets(): Promise<CatalogFacets> {
    return this.port.call('facets', null);
  }

  /** Catches up with the stored catalog (after an import here or in another tab). */
  async update(): Promise<void> {
    await this.port.call('update', null);
  }

  async whenReady(): Promise<void> {
    await this.port.call('ready', null);
  }

  /** Starts a fresh worker, which rebuilds the index; unanswered calls are asked again. */
  restart(): void {
    this.port.restart();
  }

  close(): void {
    this.port.close(classified('aborted', 'closed', 'The search was closed.'));
  }

  private setProgress(progress: IndexProgress): void {
    this.latest = progress;
    this.options.onProgress?.(progress);
  }
}
