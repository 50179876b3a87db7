// Which models are downloaded (every file their load reads): web-llm's caches for real models, the settings store for simulated ones.
import type { QuorumDatabase } from '../../db/open-database.js';
import { cachedWeightBytes, listCaches, missingFiles } from '../download/download-cache.js';
import {
  CONFIG_CACHE,
  MODEL_CACHE,
  modelBaseUrl,
  tensorIndexUrl,
  type DownloadableRecord,
} from '../download/download-keys.js';
import type { ModelFileKind } from '../download/model-files.js';

/** Settings key: ids of the simulated models the visitor has "downloaded" (a simulated download). */
export const SIM_DOWNLOADED_KEY = 'simDownloaded';

/** The ids of the simulated models marked downloaded (the `settings` store); unknown values are ignored. */
export async function readSimDownloaded(db: QuorumDatabase): Promise<Set<string>> {
  const value = await db.get('settings', SIM_DOWNLOADED_KEY);
  return new Set(
    Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [],
  );
}

/** Marks a simulated model downloaded or not, in one read-write transaction. */
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

/** Models with files in web-llm's caches: those with every file their load reads, and those missing some. */
export interface StoredModels {
  complete: Set<string>;
  /** Started or left incomplete (a cancelled download, a library from an older web-llm): what is missing. */
  incomplete: Map<string, ModelFileKind[]>;
}

/** Lists the caches once, then checks in full only the models that have files under their model URL. */
export async function storedModels(
  records: readonly DownloadableRecord[],
  storage: CacheStorage | null = cacheStorage(),
): Promise<StoredModels> {
  const stored: StoredModels = { complete: new Set(), incomplete: new Map() };
  if (!storage) return stored;
  const listing = await listCaches(storage);
  const keys = [...(listing.get(CONFIG_CACHE) ?? []), ...(listing.get(MODEL_CACHE) ?? [])];
  const candidates = records.filter((record) => {
    const base = modelBaseUrl(record.model);
    return keys.some((url) => url.startsWith(base));
  });
  const missing = await Promise.all(
    candidates.map((record) => missingFiles(record, storage, listing)),
  );
  candidates.forEach((record, i) => {
    const kinds = missing[i] ?? [];
    if (kinds.length === 0) stored.complete.add(record.model_id);
    else stored.incomplete.set(record.model_id, kinds);
  });
  return stored;
}

/** What is stored in this mode: web-llm's caches for real models, the settings store for simulated ones. */
export async function storedFor(
  db: QuorumDatabase,
  simulated: boolean,
  records: readonly DownloadableRecord[],
): Promise<StoredModels> {
  if (simulated) return { complete: await readSimDownloaded(db), incomplete: new Map() };
  return storedModels(records);
}

/** Bytes of weights in the cache for these models (several variants may share none). */
export async function cachedBytes(
  records: readonly DownloadableRecord[],
  storage: CacheStorage | null = cacheStorage(),
): Promise<number> {
  if (!storage) return 0;
  const listing = await listCaches(storage);
  // Variants with the same weights URL would be counted twice.
  const unique = [...new Map(records.map((r) => [tensorIndexUrl(r), r])).values()];
  const sizes = await Promise.all(
    unique.map((record) => cachedWeightBytes(record, storage, listing)),
  );
  return sizes.reduce((sum, bytes) => sum + bytes, 0);
}
