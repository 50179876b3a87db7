// Turns a parsed page into the record the catalog stores, and compares records by content.
import { slugify } from '../parse/slugify.js';
import type { ComparisonPage, ComparisonRecord, ToolSnapshot } from '../types.js';

/**
 * The record's category is tool A's category, or "A / B" when the two tools' categories differ,
 * so a comparison across categories is findable under both names in the text search.
 */
export function comparisonCategory(a: ToolSnapshot, b: ToolSnapshot): string {
  return a.category === b.category ? a.category : `${a.category} / ${b.category}`;
}

/** The stored record of a parsed page: id, slugs and category derived from it (see comparisonCategory). */
export function pageToRecord(
  page: ComparisonPage,
  sourceFile: string,
  importedAt: number,
): ComparisonRecord {
  const [a, b] = page.tools;
  return canonicalRecord({
    ...page,
    id: slugify(page.title),
    toolSlugs: [a.slug, b.slug],
    category: comparisonCategory(a, b),
    sourceFile,
    importedAt,
  });
}

/** A copy with only the known fields, in one fixed order: what is stored and exported. */
export function canonicalRecord(record: ComparisonRecord): ComparisonRecord {
  return {
    id: record.id,
    title: record.title,
    intro: record.intro,
    tools: [canonicalTool(record.tools[0]), canonicalTool(record.tools[1])],
    scorecard: record.scorecard.map((row) => ({ a: row.a, b: row.b })),
    toolSlugs: [record.toolSlugs[0], record.toolSlugs[1]],
    category: record.category,
    sourceFile: record.sourceFile,
    importedAt: record.importedAt,
  };
}

function canonicalTool(tool: ToolSnapshot): ToolSnapshot {
  return {
    slug: tool.slug,
    name: tool.name,
    category: tool.category,
    tagline: tool.tagline,
    panelShip: tool.panelShip,
    community: tool.community,
    entry: tool.entry,
    description: tool.description,
  };
}

/** Same page content, ignoring when and from which file it was imported. */
export function sameContent(x: ComparisonRecord, y: ComparisonRecord): boolean {
  return contentKey(x) === contentKey(y);
}

function contentKey(record: ComparisonRecord): string {
  return JSON.stringify({ ...canonicalRecord(record), sourceFile: '', importedAt: 0 });
}
