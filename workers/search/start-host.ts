// Opens the database inside the worker and starts building the index, reporting progress to the page.
import type { QuorumDatabase } from '../../src/db/open-database.js';
import { SearchHost } from '../../src/catalog/search/search-host.js';
import type { FromSearchWorker } from '../../src/catalog/search/search-protocol.js';
import { errorOf } from './answer-request.js';

export async function startHost(
  open: () => Promise<QuorumDatabase>,
  post: (message: FromSearchWorker) => void,
): Promise<SearchHost> {
  const db = await open();
  // A newer version of the app in another tab must not be blocked by this reader.
  db.addEventListener('versionchange', () => db.close());
  const host = new SearchHost(db, (progress) => post({ type: 'progress', progress }));
  // Requests report a failed build themselves; this makes sure it is never silent.
  host.whenReady().catch((cause: unknown) => {
    post({ type: 'failed', requestId: null, error: errorOf(cause) });
  });
  return host;
}
