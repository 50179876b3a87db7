// Asks and edits web-llm's caches directly (page or worker): is a model cached, how big, delete it.
import {
  CONFIG_CACHE,
  MODEL_CACHE,
  WASM_CACHE,
  isModelLibCached,
  modelBaseUrl,
  shardUrl,
  tensorIndexUrl,
  type DownloadableRecord,
} from './download-keys.js';

export interface TensorIndexShard {
  dataPath: string;
  nbytes: number;
}

export interface TensorIndex {
  records: TensorIndexShard[];
}

/** Validates the part of tensor-cache.json that downloads rely on. */
export function parseTensorIndex(value: unknown): TensorIndex | null {
  if (typeof value !== 'object' || value === null || !('records' in value)) return null;
  const records: unknown = value.records;
  if (!Array.isArray(records)) return null;
  const shards: TensorIndexShard[] = [];
  for (const item of records as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { dataPath, nbytes } = item as Record<string, unknown>;
    if (typeof dataPath !== 'string' || typeof nbytes !== 'number') return null;
    shards.push({ dataPath, nbytes });
  }
  return { records: shards };
}

async function cachedIndex(
  record: DownloadableRecord,
  storage: CacheStorage,
): Promise<{ keys: Set<string>; index: TensorIndex } | null> {
  const cache = await storage.open(MODEL_CACHE);
  const keys = new Set((await cache.keys()).map((request) => request.url));
  const indexUrl = tensorIndexUrl(record);
  if (!keys.has(indexUrl)) return null;
  const response = await cache.match(indexUrl);
  const index = response ? parseTensorIndex(await response.json()) : null;
  return index ? { keys, index } : null;
}

/** Same rule as web-llm's hasModelInCache: the tensor index and every shard it lists are cached. */
export async function isModelCached(
  record: DownloadableRecord,
  storage: CacheStorage = caches,
): Promise<boolean> {
  const found = await cachedIndex(record, storage);
  if (!found) return false;
  return found.index.records.every((shard) => found.keys.has(shardUrl(record, shard.dataPath)));
}

/** Bytes of the weights of this model that are in the cache (from the index, without reading shards). */
export async function cachedWeightBytes(
  record: DownloadableRecord,
  storage: CacheStorage = caches,
): Promise<number> {
  const found = await cachedIndex(record, storage);
  if (!found) return 0;
  return found.index.records
    .filter((shard) => found.keys.has(shardUrl(record, shard.dataPath)))
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
