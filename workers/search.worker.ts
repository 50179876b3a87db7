// The search worker: opens the `quorum` database itself, keeps the catalog's search index, answers queries.
import {
  SEARCH_PROTOCOL_VERSION,
  type SearchApi,
  type SearchInit,
  type SearchNotice,
} from '../src/catalog/search/search-protocol.js';
import type { SearchHost } from '../src/catalog/search/search-host.js';
import { openDatabase } from '../src/db/open-database.js';
import { classified, errorText } from '../src/shared/errors.js';
import { serve } from './serve.js';
import { startHost } from './search/start-host.js';

let host: Promise<SearchHost> | null = null;

/** Every method waits for the index: a failed build fails each call with its reason. */
function ready(): Promise<SearchHost> {
  return host ?? Promise.reject(new Error('the search worker has no database'));
}

const port = serve<SearchApi, SearchNotice, SearchInit>({
  name: 'search',
  version: SEARCH_PROTOCOL_VERSION,
  start: ({ dbName }) => {
    host = startHost(
      () => openDatabase({ name: dbName, mustExist: true }),
      (progress) => port.notify({ type: 'progress', progress }),
    );
  },
  // The index only reads storage: whatever goes wrong here is the catalog not being readable.
  classify: (cause) =>
    classified('storage', errorText(cause), 'The search index could not read the catalog.'),
  methods: {
    search: async ({ query, filters, page }) => (await ready()).searchPage(query, filters, page),
    facets: async () => (await ready()).facets(),
    update: async () => {
      await (await ready()).update();
      return null;
    },
    ready: async () => {
      await (await ready()).whenReady();
      return null;
    },
  },
});
