// Downloads a model's files into web-llm's caches under web-llm's keys, without a GPU; the tensor index goes last.
import { deleteModelWeights, parseTensorIndex } from '../../src/models/download/download-cache.js';
import {
  classifyDownloadError,
  HttpStatusError,
} from '../../src/models/download/download-errors.js';
import {
  CONFIG_CACHE,
  MODEL_CACHE,
  WASM_CACHE,
  chatConfigUrl,
  isModelLibCached,
  manifestUrl,
  shardUrl,
  tensorIndexUrl,
  tokenizerFile,
  tokenizerUrl,
  type DownloadableRecord,
} from '../../src/models/download/download-keys.js';
import {
  createProgressTracker,
  type ProgressTracker,
} from '../../src/models/download/download-progress.js';
import type {
  DownloadProgress,
  DownloadResult,
} from '../../src/models/download/download-protocol.js';
import { fetchIntoCache } from './fetch-into-cache.js';

export interface DownloadDeps {
  fetch: typeof fetch;
  caches: CacheStorage;
  now: () => number;
}

export interface DownloadRun {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

interface FilePlan {
  cache: Cache;
  url: string;
  /** Known from the tensor index for shards; learned from Content-Length for the rest. */
  nbytes?: number;
}

function fileName(url: string): string {
  return new URL(url).pathname.split('/').pop() ?? url;
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

  /** A finished file from an earlier, interrupted download is kept and skipped (resume). */
  async ensure(file: FilePlan): Promise<void> {
    this.tracker.startFile(fileName(file.url));
    this.emit();
    this.run.signal?.throwIfAborted();
    const cached = await file.cache.match(file.url);
    if (cached) {
      const size = file.nbytes ?? (await cached.blob()).size;
      if (file.nbytes === undefined) this.tracker.addTotal(size, 0);
      this.tracker.skipped(size);
      this.skippedFiles += 1;
    } else {
      await fetchIntoCache(file.cache, file.url, {
        fetch: this.deps.fetch,
        signal: this.run.signal,
        expectedBytes: file.nbytes,
        onSize: (bytes) => {
          if (file.nbytes === undefined) this.tracker.addTotal(bytes, 0);
        },
        onBytes: (bytes) => {
          this.tracker.fetched(bytes);
          this.emit();
        },
      });
    }
    this.tracker.finishFile();
    this.emit();
  }

  /** The index is held in memory and cached only after every shard, so no half-model looks cached. */
  async readIndex(modelCache: Cache, url: string): Promise<ArrayBuffer> {
    this.tracker.startFile(fileName(url));
    const cached = await modelCache.match(url);
    const { fetch: fetchFile } = this.deps;
    const response = cached ?? (await fetchFile(url, { signal: this.run.signal }));
    if (!response.ok) throw new HttpStatusError(url, response.status);
    const bytes = await response.arrayBuffer();
    this.tracker.addTotal(bytes.byteLength, 0);
    if (cached) this.tracker.skipped(bytes.byteLength);
    else this.tracker.fetched(bytes.byteLength);
    this.tracker.finishFile();
    this.emit();
    return bytes;
  }
}

async function readJson(cache: Cache, url: string): Promise<unknown> {
  const response = await cache.match(url);
  if (!response) throw new Error(`${url} vanished from the cache`);
  return response.json();
}

function tokenizerFilesOf(config: unknown): string[] {
  if (typeof config !== 'object' || config === null || !('tokenizer_files' in config)) return [];
  const files: unknown = config.tokenizer_files;
  return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string') : [];
}

export async function downloadModelFiles(
  record: DownloadableRecord,
  deps: DownloadDeps,
  run: DownloadRun = {},
): Promise<DownloadResult> {
  const downloader = new Downloader(deps, run);
  const { tracker } = downloader;
  const wasmWasCached =
    (await (await deps.caches.open(WASM_CACHE)).match(record.model_lib)) !== undefined;
  try {
    const [configCache, modelCache, wasmCache] = await Promise.all([
      deps.caches.open(CONFIG_CACHE),
      deps.caches.open(MODEL_CACHE),
      deps.caches.open(WASM_CACHE),
    ]);
    const manifest = manifestUrl(record);
    tracker.addTotal(0, manifest ? 3 : 2);
    if (manifest) await downloader.ensure({ cache: configCache, url: manifest });
    await downloader.ensure({ cache: configCache, url: chatConfigUrl(record) });
    const config = await readJson(configCache, chatConfigUrl(record));
    const indexUrl = tensorIndexUrl(record);
    const indexBytes = await downloader.readIndex(modelCache, indexUrl);
    const index = parseTensorIndex(JSON.parse(new TextDecoder().decode(indexBytes)));
    if (!index) throw new Error(`${indexUrl} is not a tensor-cache index`);

    const files: FilePlan[] = [];
    const tokenizer = tokenizerFile(tokenizerFilesOf(config));
    if (tokenizer) files.push({ cache: modelCache, url: tokenizerUrl(record, tokenizer) });
    if (isModelLibCached(record.model_lib)) files.push({ cache: wasmCache, url: record.model_lib });
    for (const shard of index.records) {
      files.push({
        cache: modelCache,
        url: shardUrl(record, shard.dataPath),
        nbytes: shard.nbytes,
      });
    }
    tracker.addTotal(
      index.records.reduce((sum, shard) => sum + shard.nbytes, 0),
      files.length,
    );
    tracker.listComplete();
    // One file at a time: progress stays readable and a cancel stops within one file.
    for (const file of files) await downloader.ensure(file);

    if (!(await modelCache.match(indexUrl))) {
      await modelCache.put(
        new Request(indexUrl),
        new Response(indexBytes, { headers: { 'content-type': 'application/json' } }),
      );
    }
    downloader.emit(true);
    return {
      ok: true,
      bytes: tracker.snapshot().loadedBytes,
      skippedFiles: downloader.skippedFiles,
    };
  } catch (error) {
    const classified = classifyDownloadError(error);
    // Out of space: a half-model only takes room the visitor needs; keep a model lib another model uses.
    if (classified.kind === 'quota-exceeded') {
      try {
        await deleteModelWeights(record, deps.caches);
        if (!wasmWasCached) await (await deps.caches.open(WASM_CACHE)).delete(record.model_lib);
      } catch (cleanup) {
        classified.detail = `${classified.detail ?? ''}; cleaning up also failed: ${String(cleanup)}`;
      }
    }
    return { ok: false, error: classified };
  }
}
