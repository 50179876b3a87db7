// Matching a URL path to a route: params decoded, the query kept, unknown paths refused.
import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../src/app/match-route.js';
import type { RouteDefinition } from '../../../src/app/routes.js';

const route = (name: string, pattern: string): RouteDefinition => ({
  name,
  pattern,
  tag: `quorum-${name}`,
  title: name,
  load: () => Promise.resolve(),
});
const table = [route('catalog', '/'), route('tool', '/tool/:slug'), route('compare', '/compare')];

describe('matchRoute', () => {
  it('matches the root to the catalog', () => {
    expect(matchRoute(table, '/')?.route.name).toBe('catalog');
  });
  it('extracts and decodes params', () => {
    const match = matchRoute(table, '/tool/a%20b%26c');
    expect(match?.route.name).toBe('tool');
    expect(match?.params).toEqual({ slug: 'a b&c' });
  });
  it('keeps the query string', () => {
    expect(matchRoute(table, '/compare', '?a=x&b=y')?.query.get('b')).toBe('y');
  });
  it('returns null for unknown paths and empty params', () => {
    expect(matchRoute(table, '/nope')).toBeNull();
    expect(matchRoute(table, '/tool/')).toBeNull();
  });
  it('keeps a malformed escape as it was instead of throwing', () => {
    expect(matchRoute(table, '/tool/%E0%A4%A')?.params.slug).toBe('%E0%A4%A');
  });
});
