// The catalog's search and filters as URL query parameters, so a filtered catalog has its own link.
/** The catalog's search text and filters, as the URL carries them (minPanelShip in percent, 0..100). */
export interface CatalogQuery {
  text: string;
  category: string;
  entry: string;
  /** 0 means no minimum. */
  minPanelShip: number;
}

/**
 * The query a URL's `q`, `category`, `entry` and `ship` parameters name; `ship` is rounded and held to 0..100
 * (0 when not a number), missing fields are empty.
 */
export function readCatalogQuery(params: URLSearchParams): CatalogQuery {
  const ship = Number(params.get('ship') ?? '0');
  return {
    text: params.get('q') ?? '',
    category: params.get('category') ?? '',
    entry: params.get('entry') ?? '',
    minPanelShip: Number.isFinite(ship) ? Math.min(100, Math.max(0, Math.round(ship))) : 0,
  };
}

/** "/?q=…&category=…"; empty fields are left out so the plain catalog is just "/". */
export function catalogUrl(query: CatalogQuery): string {
  const params = new URLSearchParams();
  if (query.text.trim()) params.set('q', query.text);
  if (query.category) params.set('category', query.category);
  if (query.entry) params.set('entry', query.entry);
  if (query.minPanelShip > 0) params.set('ship', String(query.minPanelShip));
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

/** Whether the query narrows the catalog at all. */
export function isFiltered(query: CatalogQuery): boolean {
  return catalogUrl(query) !== '/';
}
