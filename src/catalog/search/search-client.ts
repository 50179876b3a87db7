// The main thread's side of the search worker: typed requests as promises, progress, restart after a crash.
import { newAliveLockName, watchAliveLock } from '../../shared/alive-lock.js';
import type { ProgressListener, SearchBackend } from './search-backend.js';
import type { PageRange, SearchPage } from './search-host.js';
import type { CatalogFacets, CatalogFilters } from './search-index.js';
import {
  SEARCH_PROTOCOL_VERSION,
  type FromSearchWorker,
  type IndexProgress,
  type SearchAnswer,
  type SearchError,
  type SearchRequest,
} from './search-protocol.js';

export class SearchWorkerError extends Error {
  constructor(
    readonly kind: SearchError['kind'],
    message: string,
  ) {
    super(message);
    this.name = 'SearchWorkerError';
  }
}

export interface SearchClientOptions {
  dbName: string;
  onProgress?: ProgressListener;
  /** Tests inject their own; the default is the bundled search worker. `name`: its life lock. */
  createWorker?: (name: string) => Worker;
}

interface Pending {
  request: SearchRequest;
  resolve: (answer: SearchAnswer) => void;
  reject: (error: SearchWorkerError) => void;
}

/** A worker that crashes this often without answering anything is given up on. */
const MAX_RESTARTS = 3;

function defaultWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/search.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

export class SearchClient implements SearchBackend {
  private worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private restartsWithoutAnswer = 0;
  private latest: IndexProgress = { indexed: 0, total: 0, ready: false };
  /** Set once the worker kept crashing: later requests fail at once instead of hanging. */
  private broken: SearchWorkerError | null = null;

  constructor(private readonly options: SearchClientOptions) {
    this.worker = this.spawn();
  }

  get progress(): IndexProgress {
    return this.latest;
  }

  async search(query: string, filters: CatalogFilters, page: PageRange): Promise<SearchPage> {
    const answer = await this.send({ type: 'search', query, filters, page });
    return answer.type === 'search' ? answer.page : { total: 0, listings: [] };
  }

  async facets(): Promise<CatalogFacets> {
    const answer = await this.send({ type: 'facets' });
    return answer.type === 'facets' ? answer.facets : { categories: [], entries: [] };
  }

  async update(): Promise<void> {
    await this.send({ type: 'update' });
  }

  async whenReady(): Promise<void> {
    await this.send({ type: 'ready' });
  }

  /**
   * A fresh worker rebuilds the index from storage; requests still unanswered are asked again, so
   * callers only notice a delay.
   */
  restart(): void {
    this.worker.terminate();
    this.setProgress({ indexed: 0, total: 0, ready: false });
    this.worker = this.spawn();
    for (const [requestId, { request }] of this.pending) this.post(requestId, request);
  }

  close(): void {
    this.worker.terminate();
    const error = new SearchWorkerError('worker-crashed', 'The search was closed.');
    this.broken = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private send(request: SearchRequest): Promise<SearchAnswer> {
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.broken !== null) {
        reject(this.broken);
        return;
      }
      this.pending.set(requestId, { request, resolve, reject });
      this.post(requestId, request);
    });
  }

  private post(requestId: number, request: SearchRequest): void {
    this.worker.postMessage({ type: 'request', requestId, request });
  }

  private spawn(): Worker {
    const aliveLock = newAliveLockName();
    const worker = (this.options.createWorker ?? defaultWorker)(aliveLock);
    worker.onmessage = (event: MessageEvent<FromSearchWorker>) => {
      if (event.data.type !== 'alive') {
        this.receive(event.data);
        return;
      }
      // A worker closed or killed sends no event: its released lock says it ended. Ending it
      // ourselves (restart, close) releases the lock too, and is not a crash.
      watchAliveLock(aliveLock, () => {
        if (this.worker === worker && this.broken === null) this.crashed('the search worker ended');
      });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.crashed(event.message || 'the search worker failed to start');
    };
    worker.postMessage({ type: 'open', v: SEARCH_PROTOCOL_VERSION, dbName: this.options.dbName });
    return worker;
  }

  private receive(message: FromSearchWorker): void {
    switch (message.type) {
      case 'progress':
        this.setProgress(message.progress);
        return;
      case 'answer': {
        this.restartsWithoutAnswer = 0;
        const pending = this.pending.get(message.requestId);
        this.pending.delete(message.requestId);
        pending?.resolve(message.answer);
        return;
      }
      case 'failed': {
        const error = new SearchWorkerError(message.error.kind, message.error.message);
        const targets =
          message.requestId === null
            ? [...this.pending.keys()]
            : [message.requestId].filter((id) => this.pending.has(id));
        for (const id of targets) {
          this.pending.get(id)?.reject(error);
          this.pending.delete(id);
        }
        return;
      }
    }
  }

  private crashed(reason: string): void {
    this.restartsWithoutAnswer += 1;
    if (this.restartsWithoutAnswer <= MAX_RESTARTS) {
      this.restart();
      return;
    }
    const error = new SearchWorkerError('worker-crashed', `Search stopped working: ${reason}`);
    this.broken = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private setProgress(progress: IndexProgress): void {
    this.latest = progress;
    this.options.onProgress?.(progress);
  }
}
