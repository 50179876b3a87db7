// Turns one search request into its answer (the worker's single exhaustive switch over requests).
import type { SearchHost } from '../../src/catalog/search/search-host.js';
import type {
  SearchAnswer,
  SearchError,
  SearchRequest,
} from '../../src/catalog/search/search-protocol.js';

export async function answerRequest(
  host: SearchHost,
  request: SearchRequest,
): Promise<SearchAnswer> {
  switch (request.type) {
    case 'search':
      return {
        type: 'search',
        page: await host.searchPage(request.query, request.filters, request.page),
      };
    case 'facets':
      return { type: 'facets', facets: await host.facets() };
    case 'update':
      await host.update();
      return { type: 'update' };
    case 'ready':
      await host.whenReady();
      return { type: 'ready' };
  }
}

/** Storage errors cross the boundary as `{ kind, message }`: the class of a DOMException is lost. */
export function errorOf(cause: unknown): SearchError {
  const name = cause instanceof Error || cause instanceof DOMException ? cause.name : '';
  const message =
    cause instanceof Error || cause instanceof DOMException ? cause.message : String(cause);
  return {
    kind: 'storage',
    message: `The search index could not read the catalog: ${name ? `${name}: ` : ''}${message}`,
  };
}
