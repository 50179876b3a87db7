// The catalog's search text and filters as URL parameters: read, written, clamped, round-tripped.
import { describe, expect, it } from 'vitest';
import { catalogUrl, isFiltered, readCatalogQuery } from '../../../src/catalog/catalog-query.js';

describe('catalog query in the URL', () => {
  it('reads an empty query as no search and no filters', () => {
    const query = readCatalogQuery(new URLSearchParams(''));
    expect(query).toEqual({ text: '', category: '', entry: '', minPanelShip: 0 });
    expect(isFiltered(query)).toBe(false);
    expect(catalogUrl(query)).toBe('/');
  });
  it('round-trips text and filters, including characters that need escaping', () => {
    const query = {
      text: 'fusion & <b>',
      category: 'Developer Tools',
      entry: 'Paid',
      minPanelShip: 75,
    };
    const url = catalogUrl(query);
    expect(readCatalogQuery(new URL(url, 'http://x').searchParams)).toEqual(query);
  });
  it('clamps a hand-edited minimum panel ship into 0..100 and ignores garbage', () => {
    expect(readCatalogQuery(new URLSearchParams('ship=250')).minPanelShip).toBe(100);
    expect(readCatalogQuery(new URLSearchParams('ship=-3')).minPanelShip).toBe(0);
    expect(readCatalogQuery(new URLSearchParams('ship=abc')).minPanelShip).toBe(0);
  });
  it('leaves whitespace-only search text out of the URL', () => {
    expect(catalogUrl({ text: '   ', category: '', entry: '', minPanelShip: 0 })).toBe('/');
  });
});
