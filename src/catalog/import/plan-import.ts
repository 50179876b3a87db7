// Decides, without touching storage, what an import adds, updates or leaves alone.
import { mergeToolSnapshot, withoutComparison } from './merge-tools.js';
import { sameContent } from './page-to-record.js';
import type { ComparisonRecord, ToolRecord } from '../types.js';

/** What an import will write and delete, and what it reports. */
export interface ImportPlan {
  comparisonPuts: ComparisonRecord[];
  toolPuts: ToolRecord[];
  /** Tools that no stored comparison names any more. */
  toolDeletes: string[];
  added: string[];
  updated: string[];
  unchanged: string[];
  toolDifferences: number;
}

type Status = 'added' | 'updated' | 'unchanged';

/**
 * `candidates` are in import order (later = newer). `storedComparisons` and `storedTools` hold
 * the stored records for every id and slug the candidates (and their stored versions) name.
 */
export function planImport(
  candidates: readonly ComparisonRecord[],
  storedComparisons: ReadonlyMap<string, ComparisonRecord>,
  storedTools: ReadonlyMap<string, ToolRecord>,
): ImportPlan {
  const comparisons = new Map(storedComparisons);
  const tools = new Map(storedTools);
  const status = new Map<string, Status>();
  const touchedTools = new Set<string>();
  let toolDifferences = 0;

  for (const candidate of candidates) {
    const previous = comparisons.get(candidate.id);
    if (previous !== undefined && sameContent(previous, candidate)) {
      if (!status.has(candidate.id)) status.set(candidate.id, 'unchanged');
      continue;
    }
    const known = status.get(candidate.id);
    status.set(
      candidate.id,
      known === 'added' || !storedComparisons.has(candidate.id) ? 'added' : 'updated',
    );
    comparisons.set(candidate.id, candidate);
    for (const slug of previous?.toolSlugs ?? []) {
      const tool = tools.get(slug);
      if (tool === undefined || candidate.toolSlugs.includes(slug)) continue;
      tools.set(slug, withoutComparison(tool, candidate.id));
      touchedTools.add(slug);
    }
    for (const snapshot of candidate.tools) {
      const merged = mergeToolSnapshot(
        tools.get(snapshot.slug),
        snapshot,
        candidate.id,
        candidate.importedAt,
      );
      tools.set(snapshot.slug, merged.tool);
      touchedTools.add(snapshot.slug);
      toolDifferences += merged.newDifferences;
    }
  }

  const idsWith = (wanted: Status): string[] =>
    [...status].filter(([, s]) => s === wanted).map(([id]) => id);
  const written = [...idsWith('added'), ...idsWith('updated')];
  const touched = [...touchedTools].map((slug) => tools.get(slug)).filter((t) => t !== undefined);
  return {
    comparisonPuts: written.map((id) => comparisons.get(id)).filter((r) => r !== undefined),
    toolPuts: touched.filter((tool) => tool.comparisonIds.length > 0),
    toolDeletes: touched.filter((tool) => tool.comparisonIds.length === 0).map((t) => t.slug),
    added: idsWith('added'),
    updated: idsWith('updated'),
    unchanged: idsWith('unchanged'),
    toolDifferences,
  };
}
