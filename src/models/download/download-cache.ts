// Asks and edits web-llm's caches directly (page or worker): is every file of a model cached, how big, delete it, and files no model lists.
import {
  CONFIG_CACHE,
  MODEL_CACHE,
  WASM_CACHE,
  isModelLibCached,
  modelBaseUrl,
  shardUrl,
  tensorIndexUrl,
  tokenizerUrl,
  type DownloadableRecord,
} from './download-keys.js';
import {
  missingKinds,
  namedFiles,
  parseTensorIndex,
  recordFiles,
  tokenizerFilesOf,
  type CacheListing,
  type ModelFileKind,
  type TensorIndex,
} from './model-files.js';

/** The Cache Storage caches web-llm reads models from: config, weights and model libraries. */
export const WEBLLM_CACHES = [CONFIG_CACHE, MODEL_CACHE, WASM_CACHE] as const;

/** Every key of web-llm's three caches, read once (a listing serves many models). */
export async function listCaches(storage: CacheStorage = caches): Promise<CacheListing> {
  const entries = await Promise.all(
    WEBLLM_CACHES.map(async (name) => {
      const keys = await (await storage.open(name)).keys();
      return [name, new Set(keys.map((request) => request.url))] as const;
    }),
  );
  return new Map(entries);
}

async function cachedJson(storage: CacheStorage, cache: string, url: string): Promise<unknown> {
  const response = await (await storage.open(cache)).match(url);
  return response ? response.json() : null;
}

async function cachedIndex(
  record: DownloadableRecord,
  storage: CacheStorage,
  listing: CacheListing,
): Promise<TensorIndex | null> {
  const url = tensorIndexUrl(record);
  if (!listing.get(MODEL_CACHE)?.has(url)) return null;
  return parseTensorIndex(await cachedJson(storage, MODEL_CACHE, url));
}

/**
 * What of the model is missing from web-llm's caches, by kind: every file its load reads (manifest,
 * chat config, tokenizer, model library, tensor index, each shard). Empty means downloaded. A missing
 * index hides the shards it would name, so the weights count as missing too; a missing config hides
 * the tokenizer's name, so the tokenizer counts as missing unless either file web-llm reads is cached.
 */
export async function missingFiles(
  record: DownloadableRecord,
  storage: CacheStorage = caches,
  listing?: CacheListing,
): Promise<ModelFileKind[]> {
  const keys = listing ?? (await listCaches(storage));
  const known = recordFiles(record);
  const config = known.find((file) => file.kind === 'config');
  const configJson =
    config && keys.get(CONFIG_CACHE)?.has(config.url)
      ? await cachedJson(storage, CONFIG_CACHE, config.url)
      : null;
  const index = await cachedIndex(record, storage, keys);
  const missing = missingKinds(
    [...known, ...(index ? namedFiles(record, tokenizerFilesOf(configJson), index) : [])],
    keys,
  );
  // Without the config the tokenizer's name is unknown: either file web-llm reads will do.
  const anyTokenizer = ['tokenizer.json', 'tokenizer.model'].some((file) =>
    keys.get(MODEL_CACHE)?.has(tokenizerUrl(record, file)),
  );
  if (!configJson && !anyTokenizer && !missing.includes('tokenizer')) missing.push('tokenizer');
  if (!index && !missing.includes('weights')) missing.push('weights');
  return missing;
}

/** Every file the model's load reads is cached (stricter than web-llm's hasModelInCache, which looks at weights only). */
export async function isModelCached(
  record: DownloadableRecord,
  storage: CacheStorage = caches,
): Promise<boolean> {
  return (await missingFiles(record, storage)).length === 0;
}

/** Bytes of the weights of this model that are in the cache (from the index, without reading shards). */
export async function cachedWeightBytes(
  record: DownloadableRecord,
  storage: CacheStorage = caches,
  listing?: CacheListing,
): Promise<number> {
  const keys = listing ?? (await listCaches(storage));
  const index = await cachedIndex(record, storage, keys);
  if (!index) return 0;
  const cached = keys.get(MODEL_CACHE);
  return index.records
    .filter((shard) => cached?.has(shardUrl(record, shard.dataPath)))
    .reduce((sum, shard) => sum + shard.nbytes, 0);
}

async function deleteUnderPrefix(cache: Cache, prefix: string): Promise<void> {
  const keys = await cache.keys();
  await Promise.all(keys.filter((r) => r.url.startsWith(prefix)).map((r) => cache.delete(r)));
}

/** Deletes the model's config, tokenizer, index and shards (everything under its base URL), not its lib. */
export async function deleteModelWeights(
  record: DownloadableRecord,
  storage: CacheStorage = caches,
): Promise<void> {
  const prefix = modelBaseUrl(record.model);
  await deleteUnderPrefix(await storage.open(MODEL_CACHE), prefix);
  await deleteUnderPrefix(await storage.open(CONFIG_CACHE), prefix);
}

/**
 * Deletes every file of the model, partial downloads included (web-llm's deleteModelAllInfoInCache leaves
 * tensor-cache.json and unlisted files behind). The model lib is kept when another cached model in
 * `others` uses the same one, so deleting one variant does not break another offline.
 */
export async function deleteModelFromCache(
  record: DownloadableRecord,
  others: readonly DownloadableRecord[] = [],
  storage: CacheStorage = caches,
): Promise<void> {
  await deleteModelWeights(record, storage);
  if (!isModelLibCached(record.model_lib)) return;
  const sharers = others.filter(
    (other) => other.model_id !== record.model_id && other.model_lib === record.model_lib,
  );
  for (const other of sharers) {
    if (await isModelCached(other, storage)) return;
  }
  await (await storage.open(WASM_CACHE)).delete(record.model_lib);
}

/** A file in web-llm's caches that no listed model reads. */
export interface UnlistedFile {
  cache: string;
  url: string;
  bytes: number;
}

/** Whether `url` in `cache` is a file of one of `records` (under its model URL, or its model library). */
function belongsToListed(
  cache: string,
  url: string,
  records: readonly DownloadableRecord[],
): boolean {
  if (cache === WASM_CACHE) return records.some((record) => record.model_lib === url);
  return records.some((record) => url.startsWith(modelBaseUrl(record.model)));
}

/**
 * Files in web-llm's caches that none of `records` reads: libraries of an older web-llm, models that
 * left the list. Sizes come from the cached bodies (a Blob's size, not its bytes read).
 */
export async function unlistedFiles(
  records: readonly DownloadableRecord[],
  storage: CacheStorage | null = typeof caches === 'undefined' ? null : caches,
): Promise<UnlistedFile[]> {
  const found: UnlistedFile[] = [];
  if (!storage) return found;
  for (const name of WEBLLM_CACHES) {
    const cache = await storage.open(name);
    for (const request of await cache.keys()) {
      if (belongsToListed(name, request.url, records)) continue;
      const response = await cache.match(request);
      const bytes = response ? (await response.blob()).size : 0;
      found.push({ cache: name, url: request.url, bytes });
    }
  }
  return found;
}

/** Deletes the given unlisted files (as found by `unlistedFiles`). */
export async function deleteUnlistedFiles(
  files: readonly Pick<UnlistedFile, 'cache' | 'url'>[],
  storage: CacheStorage = caches,
): Promise<void> {
  for (const file of files) await (await storage.open(file.cache)).delete(file.url);
}
