// The few facts per comparison that the search filters need, without any of its text.
import type { ComparisonRecord } from './types.js';

export interface CatalogFilters {
  /** Either tool's category. */
  category?: string;
  /** Either tool's entry price ("Free", "Paid", …). */
  entry?: string;
  /** At least one of the two tools has a panel ship of this many percent or more. */
  minPanelShip?: number;
}

export interface DocSummary {
  id: string;
  categories: readonly string[];
  entries: readonly string[];
  panelShip: readonly (number | null)[];
  importedAt: number;
}

export function summarize(record: ComparisonRecord, intern: (s: string) => string): DocSummary {
  const [a, b] = record.tools;
  return {
    id: record.id,
    categories: unique([intern(a.category), intern(b.category)]),
    entries: unique([intern(a.entry), intern(b.entry)]),
    panelShip: [a.panelShip, b.panelShip],
    importedAt: record.importedAt,
  };
}

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
