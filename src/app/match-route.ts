// Pure path matching for the router: which route a URL shows, and with which params.
import type { RouteDefinition } from './routes.js';

/** The route a URL shows, its decoded `:name` params and its query. */
export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
  query: URLSearchParams;
}

/**
 * The first route whose pattern matches the path segment for segment (`:name` segments match any non-empty
 * segment, URI-decoded when they can be); null when none does.
 */
export function matchRoute(
  routes: readonly RouteDefinition[],
  pathname: string,
  search = '',
): RouteMatch | null {
  const pathParts = splitPath(pathname);
  for (const route of routes) {
    const patternParts = splitPath(route.pattern);
    if (patternParts.length !== pathParts.length) continue;
    const params: Record<string, string> = {};
    const matched = patternParts.every((part, i) => {
      const actual = pathParts[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = safeDecode(actual);
        return actual.length > 0;
      }
      return part === actual;
    });
    if (matched) return { route, params, query: new URLSearchParams(search) };
  }
  return null;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
