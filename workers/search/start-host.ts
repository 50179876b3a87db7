// Opens the database inside the worker and starts building the index, reporting progress to the page.
import type { QuorumDatabase } from '../../src/db/open-database.js';
import { SearchHost, type IndexProgress } from '../../src/catalog/search/search-host.js';

/**
 * A failed build is not reported here: every call waits for the build (SearchHost), so each one
 * fails with its reason and nothing fails silently.
 */
export async function startHost(
  open: () => Promise<QuorumDatabase>,
  onProgress: (progress: IndexProgress) => void,
): Promise<SearchHost> {
  const db = await open();
  // A newer version of the app in another tab must not be blocked by this reader.
  db.addEventListener('versionchange', () => db.close());
  const host = new SearchHost(db, onProgress);
  host.whenReady().catch(() => undefined);
  return host;
}
