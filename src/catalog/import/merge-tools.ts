// Folds one page's view of a tool into the deduplicated ToolRecord: it keeps its name, the newest fields win, differences stay.
import type { ToolFieldDifference, ToolRecord, ToolSnapshot } from '../types.js';

type TrackedField = ToolFieldDifference['field'];
const TRACKED_FIELDS: readonly TrackedField[] = [
  'category',
  'tagline',
  'panelShip',
  'community',
  'entry',
  'description',
];
/** Re-importing alternating versions of a page must not grow a tool record without bound. */
export const MAX_DIFFERENCES = 20;

/** A tool record after folding in one page's view of it. */
export interface MergeResult {
  tool: ToolRecord;
  /** Differences this merge added (0 when the page agrees with what was stored). */
  newDifferences: number;
}

/**
 * `importedAt` of the page decides who is newer; a tie goes to the page being merged, because
 * within one import later files count as newer. The name is the tool's identity and is never
 * rewritten: pages sharing a slug can only spell the name differently ("OpenRouter" / "Openrouter"),
 * and the first stored spelling stays, whatever a newer page says; another spelling is kept as a
 * `name` difference (issue 13, item 4).
 */
export function mergeToolSnapshot(
  existing: ToolRecord | undefined,
  snapshot: ToolSnapshot,
  comparisonId: string,
  importedAt: number,
): MergeResult {
  if (existing === undefined) {
    const tool: ToolRecord = {
      ...snapshot,
      comparisonIds: [comparisonId],
      updatedAt: importedAt,
      sourceComparisonId: comparisonId,
      differences: [],
    };
    return { tool, newDifferences: 0 };
  }
  const wins = importedAt >= existing.updatedAt;
  let differences = existing.differences;
  let newDifferences = 0;
  for (const field of TRACKED_FIELDS) {
    if (existing[field] === snapshot[field]) continue;
    const older = wins
      ? { value: existing[field], id: existing.sourceComparisonId }
      : { value: snapshot[field], id: comparisonId };
    const newer = wins
      ? { value: snapshot[field], id: comparisonId }
      : { value: existing[field], id: existing.sourceComparisonId };
    const difference: ToolFieldDifference = {
      field,
      previousValue: older.value,
      previousComparisonId: older.id,
      currentValue: newer.value,
      currentComparisonId: newer.id,
    };
    const others = differences.filter((known) => !sameDifference(known, difference));
    if (others.length === differences.length) newDifferences += 1;
    differences = [difference, ...others].slice(0, MAX_DIFFERENCES);
  }
  if (snapshot.name !== existing.name) {
    const spelling: ToolFieldDifference = {
      field: 'name',
      previousValue: snapshot.name,
      previousComparisonId: comparisonId,
      currentValue: existing.name,
      // The pages are listed in the order they first named the tool: the first other one set the name.
      currentComparisonId:
        existing.comparisonIds.find((id) => id !== comparisonId) ?? existing.sourceComparisonId,
    };
    const others = differences.filter((known) => !sameSpelling(known, spelling));
    if (others.length === differences.length) newDifferences += 1;
    differences = [spelling, ...others].slice(0, MAX_DIFFERENCES);
  }
  const comparisonIds = existing.comparisonIds.includes(comparisonId)
    ? existing.comparisonIds
    : [...existing.comparisonIds, comparisonId];
  const fields = wins
    ? { ...snapshot, name: existing.name, updatedAt: importedAt, sourceComparisonId: comparisonId }
    : {};
  return { tool: { ...existing, ...fields, comparisonIds, differences }, newDifferences };
}

/** The tool without one comparison (when a re-imported page no longer names it). */
export function withoutComparison(tool: ToolRecord, comparisonId: string): ToolRecord {
  return { ...tool, comparisonIds: tool.comparisonIds.filter((id) => id !== comparisonId) };
}

function sameDifference(x: ToolFieldDifference, y: ToolFieldDifference): boolean {
  return (
    x.field === y.field &&
    x.previousValue === y.previousValue &&
    x.previousComparisonId === y.previousComparisonId &&
    x.currentValue === y.currentValue &&
    x.currentComparisonId === y.currentComparisonId
  );
}

/** One entry per page and spelling: the page that keeps the name may change without a new entry. */
function sameSpelling(x: ToolFieldDifference, y: ToolFieldDifference): boolean {
  return (
    x.field === y.field &&
    x.previousValue === y.previousValue &&
    x.previousComparisonId === y.previousComparisonId
  );
}
