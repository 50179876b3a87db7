// The few facts per comparison that the search filters and the result cards need, without its long text.
import type { ComparisonListing, ComparisonRecord, ToolListing, ToolSnapshot } from '../types.js';

/** The catalog's filters; an unset field does not filter. */
export interface CatalogFilters {
  /** Either tool's category. */
  category?: string;
  /** Either tool's entry price ("Free", "Paid", …). */
  entry?: string;
  /** At least one of the two tools has a panel ship of this many percent or more. */
  minPanelShip?: number;
}

/** What the index keeps of a comparison: its filter facts and its card. */
export interface DocSummary {
  id: string;
  categories: readonly string[];
  entries: readonly string[];
  panelShip: readonly (number | null)[];
  importedAt: number;
  listing: ComparisonListing;
}

/** A comparison's summary; `intern` shares repeated strings (categories, entries) between docs. */
export function summarize(record: ComparisonRecord, intern: (s: string) => string): DocSummary {
  const [a, b] = record.tools;
  return {
    id: record.id,
    categories: unique([intern(a.category), intern(b.category)]),
    entries: unique([intern(a.entry), intern(b.entry)]),
    panelShip: [a.panelShip, b.panelShip],
    importedAt: record.importedAt,
    listing: {
      id: record.id,
      title: record.title,
      category: intern(record.category),
      tools: [toolListing(a, intern), toolListing(b, intern)],
    },
  };
}

/** Tools recur across pages: their strings are shared, not copied per page. */
function toolListing(tool: ToolSnapshot, intern: (s: string) => string): ToolListing {
  return {
    name: intern(tool.name),
    tagline: intern(tool.tagline),
    panelShip: tool.panelShip,
    entry: intern(tool.entry),
  };
}

/** Whether a comparison passes every filter that is set. */
export function matchesFilters(doc: DocSummary, filters: CatalogFilters): boolean {
  if (filters.category !== undefined && !doc.categories.includes(filters.category)) return false;
  if (filters.entry !== undefined && !doc.entries.includes(filters.entry)) return false;
  const min = filters.minPanelShip;
  if (min !== undefined && !doc.panelShip.some((value) => value !== null && value >= min)) {
    return false;
  }
  return true;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
