// Downloads every file a model's load reads into web-llm's caches under web-llm's keys, without a GPU; the tensor index goes last.
import { deleteModelWeights } from '../../src/models/download/download-cache.js';
import { classifyDownloadError } from '../../src/models/download/download-errors.js';
import { WASM_CACHE, type DownloadableRecord } from '../../src/models/download/download-keys.js';
import {
  namedFiles,
  parseTensorIndex,
  recordFiles,
  tokenizerFilesOf,
  type ModelFile,
} from '../../src/models/download/model-files.js';
import {
  createProgressTracker,
  type ProgressTracker,
} from '../../src/models/download/download-progress.js';
import type {
  DownloadProgress,
  DownloadResult,
} from '../../src/models/download/download-protocol.js';
import { quotaError } from '../../src/models/download/quota-message.js';
import { fetchIntoCache, type FetchIntoCacheOptions } from './fetch-into-cache.js';

/**
 * What a download uses: fetch, the Cache API, a clock (ms) and, for a full disk's message, the storage
 * estimate.
 */
export interface DownloadDeps {
  fetch: typeof fetch;
  caches: CacheStorage;
  now: () => number;
  /** The browser's storage estimate (navigator.storage.estimate), for a full disk's message. */
  estimate?: () => Promise<StorageEstimate>;
  /** Tests: the wait before a retry. */
  sleep?: FetchIntoCacheOptions['sleep'];
}

/** One download's stop signal and progress callback. */
export interface DownloadRun {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

function fileName(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? url;
}

/** The size of a cached body, from its Blob (the browser knows it without reading the bytes). */
async function cachedSize(response: Response): Promise<number> {
  return (await response.blob()).size;
}

class Downloader {
  readonly tracker: ProgressTracker;
  skippedFiles = 0;

  constructor(
    private readonly deps: DownloadDeps,
    private readonly run: DownloadRun,
  ) {
    this.tracker = createProgressTracker(deps.now, { listKnown: false });
  }

  emit(force = false): void {
    if (this.tracker.shouldEmit() || force) this.run.onProgress?.(this.tracker.snapshot());
  }

  /**
   * A file from an earlier, interrupted download is kept and skipped (resume), unless the index
   * gives its size and the cached body is not that size: then it is fetched again.
   */
  async ensure(file: ModelFile): Promise<void> {
    const cache = await this.deps.caches.open(file.cache);
    this.tracker.startFile(fileName(file.url));
    this.emit();
    this.run.signal?.throwIfAborted();
    const cached = await cache.match(file.url);
    const size = cached ? await cachedSize(cached) : null;
    if (size !== null && (file.bytes === undefined || size === file.bytes)) {
      if (file.bytes === undefined) this.tracker.addTotal(size, 0);
      this.tracker.skipped(size);
      this.skippedFiles += 1;
    } else {
      if (cached) await cache.delete(file.url);
      await fetchIntoCache(cache, file.url, {
        fetch: this.deps.fetch,
        signal: this.run.signal,
        expectedBytes: file.bytes,
        sleep: this.deps.sleep,
        onSize: (bytes) => {
          if (file.bytes === undefined) this.tracker.addTotal(bytes, 0);
        },
        onBytes: (bytes) => {
          this.tracker.fetched(bytes);
          this.emit();
        },
        onDiscard: (bytes) => this.tracker.discard(bytes),
      });
    }
    this.tracker.finishFile();
    this.emit();
  }

  async readJson(file: ModelFile): Promise<unknown> {
    const response = await (await this.deps.caches.open(file.cache)).match(file.url);
    if (!response) throw new Error(`${file.url} vanished from the cache`);
    return response.json();
  }

  /**
   * The index is held in memory and cached only after every shard, so no half-model looks cached;
   * it is fetched into memory with the same retries as every other file.
   */
  async readIndex(file: ModelFile): Promise<ArrayBuffer> {
    const cached = await (await this.deps.caches.open(file.cache)).match(file.url);
    this.tracker.startFile(fileName(file.url));
    let bytes: ArrayBuffer;
    if (cached) {
      bytes = await cached.arrayBuffer();
      this.tracker.addTotal(bytes.byteLength, 0);
      this.tracker.skipped(bytes.byteLength);
    } else {
      const held: { bytes: ArrayBuffer | null } = { bytes: null };
      const memory = {
        put: async (_: RequestInfo | URL, response: Response) => {
          held.bytes = await response.arrayBuffer();
        },
        delete: () => Promise.resolve(true),
      } as unknown as Cache;
      await fetchIntoCache(memory, file.url, {
        fetch: this.deps.fetch,
        signal: this.run.signal,
        sleep: this.deps.sleep,
        onBytes: (n) => {
          this.tracker.addTotal(n, 0);
          this.tracker.fetched(n);
        },
        onDiscard: (n) => {
          this.tracker.discard(n);
          this.tracker.addTotal(-n, 0);
        },
      });
      if (!held.bytes) throw new Error(`${file.url} came without a body`);
      bytes = held.bytes;
    }
    this.tracker.finishFile();
    this.emit();
    return bytes;
  }

  async download(record: DownloadableRecord): Promise<DownloadResult> {
    const known = recordFiles(record);
    const index = known.find((file) => file.kind === 'index');
    const config = known.find((file) => file.kind === 'config');
    if (!index || !config) throw new Error('a model record without a config or index');
    const first = known.filter((file) => file !== index);
    this.tracker.addTotal(0, known.length);
    for (const file of first) await this.ensure(file);
    const indexBytes = await this.readIndex(index);
    const parsed = parseTensorIndex(JSON.parse(new TextDecoder().decode(indexBytes)));
    if (!parsed) throw new Error(`${index.url} is not a tensor-cache index`);
    const named = namedFiles(record, tokenizerFilesOf(await this.readJson(config)), parsed);
    this.tracker.addTotal(
      parsed.records.reduce((sum, shard) => sum + shard.nbytes, 0),
      named.length,
    );
    this.tracker.listComplete();
    // One file at a time: progress stays readable and a cancel stops within one file.
    for (const file of named) await this.ensure(file);

    const modelCache = await this.deps.caches.open(index.cache);
    if (!(await modelCache.match(index.url))) {
      await modelCache.put(
        new Request(index.url),
        new Response(indexBytes, { headers: { 'content-type': 'application/json' } }),
      );
    }
    this.emit(true);
    return {
      ok: true,
      bytes: this.tracker.snapshot().loadedBytes,
      skippedFiles: this.skippedFiles,
    };
  }
}

/**
 * Never throws: every failure, opening a cache included, ends the download as `{ ok: false }` with a
 * classified error. Out of space, the half-model is deleted (it only takes room the visitor
 * needs; a model lib another model uses is kept) and the message gives the browser's figures.
 */
export async function downloadModelFiles(
  record: DownloadableRecord,
  deps: DownloadDeps,
  run: DownloadRun = {},
): Promise<DownloadResult> {
  let libWasCached = true;
  try {
    libWasCached =
      (await (await deps.caches.open(WASM_CACHE)).match(record.model_lib)) !== undefined;
    return await new Downloader(deps, run).download(record);
  } catch (error) {
    const classified = classifyDownloadError(error);
    if (classified.kind !== 'quota-exceeded') return { ok: false, error: classified };
    let removed = true;
    try {
      await deleteModelWeights(record, deps.caches);
      if (!libWasCached) await (await deps.caches.open(WASM_CACHE)).delete(record.model_lib);
    } catch {
      removed = false;
    }
    const estimate = await deps.estimate?.().catch(() => null);
    return { ok: false, error: quotaError(classified, estimate ?? null, removed) };
  }
}
