// Which models are downloaded: web-llm's caches for real models, the settings store for simulated ones.
import type { QuorumDatabase } from '../../db/open-database.js';
import { cachedWeightBytes, isModelCached } from '../download/download-cache.js';
import { MODEL_CACHE, tensorIndexUrl, type DownloadableRecord } from '../download/download-keys.js';

/** Settings key: ids of the simulated models the visitor has "downloaded" (a simulated download). */
export const SIM_DOWNLOADED_KEY = 'simDownloaded';

export async function readSimDownloaded(db: QuorumDatabase): Promise<Set<string>> {
  const value = await db.get('settings', SIM_DOWNLOADED_KEY);
  return new Set(
    Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [],
  );
}

export async function markSimDownloaded(
  db: QuorumDatabase,
  modelId: string,
  downloaded: boolean,
): Promise<void> {
  // One read-write transaction, so two downloads finishing together do not drop each other.
  const tx = db.transaction('settings', 'readwrite');
  const value = await tx.store.get(SIM_DOWNLOADED_KEY);
  const ids = new Set(Array.isArray(value) ? value.filter((id) => typeof id === 'string') : []);
  if (downloaded) ids.add(modelId);
  else ids.delete(modelId);
  await Promise.all([tx.store.put([...ids].sort(), SIM_DOWNLOADED_KEY), tx.done]);
}

function cacheStorage(): CacheStorage | null {
  return typeof caches === 'undefined' ? null : caches;
}

/** Lists the cache once, then checks in full only the models whose index is there. */
export async function cachedModelIds(
  records: readonly DownloadableRecord[],
  storage: CacheStorage | null = cacheStorage(),
): Promise<Set<string>> {
  if (!storage) return new Set();
  const keys = new Set((await (await storage.open(MODEL_CACHE)).keys()).map((r) => r.url));
  const candidates = records.filter((record) => keys.has(tensorIndexUrl(record)));
  const cached = await Promise.all(candidates.map((record) => isModelCached(record, storage)));
  return new Set(candidates.filter((_, i) => cached[i]).map((record) => record.model_id));
}

/** Bytes of weights in the cache for these models (several variants may share none). */
export async function cachedBytes(
  records: readonly DownloadableRecord[],
  storage: CacheStorage | null = cacheStorage(),
): Promise<number> {
  if (!storage) return 0;
  // Variants with the same weights URL would be counted twice.
  const unique = [...new Map(records.map((r) => [tensorIndexUrl(r), r])).values()];
  const sizes = await Promise.all(unique.map((record) => cachedWeightBytes(record, storage)));
  return sizes.reduce((sum, bytes) => sum + bytes, 0);
}
