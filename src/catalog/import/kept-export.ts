// Keeps the visitor's last catalog export in the Cache API, apart from IndexedDB, so it outlives a lost database.
import type { ImportFile } from './read-import-files.js';

/**
 * The Cache API is stored apart from IndexedDB: Chromium deleting the database after a failed write,
 * or `indexedDB.deleteDatabase`, leaves it. Workbox's cleanup touches only its `-precache-` caches.
 */
export const KEPT_EXPORT_CACHE = 'quorum-kept-export';
const KEPT_EXPORT_URL = '/quorum-kept-export/catalog.json';
const NAME_HEADER = 'x-quorum-file-name';
const COUNT_HEADER = 'x-quorum-comparisons';
const SAVED_HEADER = 'x-quorum-saved-at';

/** What the kept export is: the file the visitor downloaded, how many comparisons, and when. */
export interface KeptExportInfo {
  fileName: string;
  comparisons: number;
  /** ms since the epoch. */
  savedAt: number;
}

type Caches = Pick<CacheStorage, 'open'>;

function cacheStorage(): Caches | null {
  return typeof caches === 'undefined' ? null : caches;
}

/**
 * Replaces the kept export with this one. Resolves false when it could not be kept (no Cache API,
 * or no space left): the downloaded file is then the visitor's only copy, which the caller says.
 */
export async function keepExport(
  text: string,
  info: KeptExportInfo,
  storage: Caches | null = cacheStorage(),
): Promise<boolean> {
  if (storage === null) return false;
  try {
    const cache = await storage.open(KEPT_EXPORT_CACHE);
    const headers = {
      'content-type': 'application/json',
      [NAME_HEADER]: encodeURIComponent(info.fileName),
      [COUNT_HEADER]: String(info.comparisons),
      [SAVED_HEADER]: String(info.savedAt),
    };
    await cache.put(KEPT_EXPORT_URL, new Response(text, { headers }));
    return true;
  } catch {
    return false;
  }
}

/** What is kept, without reading the file itself; null when nothing is (or it cannot be read). */
export async function keptExportInfo(
  storage: Caches | null = cacheStorage(),
): Promise<KeptExportInfo | null> {
  const response = await keptResponse(storage);
  return response ? infoOf(response) : null;
}

/** The kept export as a file to import, named as it was downloaded; null when nothing is kept. */
export async function readKeptExport(
  storage: Caches | null = cacheStorage(),
): Promise<{ info: KeptExportInfo; file: ImportFile } | null> {
  const response = await keptResponse(storage);
  const info = response ? infoOf(response) : null;
  if (!response || !info) return null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { info, file: { name: info.fileName, bytes } };
}

async function keptResponse(storage: Caches | null): Promise<Response | null> {
  if (storage === null) return null;
  try {
    const cache = await storage.open(KEPT_EXPORT_CACHE);
    return (await cache.match(KEPT_EXPORT_URL)) ?? null;
  } catch {
    return null;
  }
}

function infoOf(response: Response): KeptExportInfo | null {
  const comparisons = Number(response.headers.get(COUNT_HEADER));
  const savedAt = Number(response.headers.get(SAVED_HEADER));
  const name = response.headers.get(NAME_HEADER);
  if (name === null || !Number.isFinite(comparisons) || !Number.isFinite(savedAt)) return null;
  return { fileName: decodeURIComponent(name), comparisons, savedAt };
}
