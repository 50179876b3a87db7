// The shapes of a parsed comparison page and of what the catalog stores.

/** One tool as a single comparison page describes it. */
export interface ToolSnapshot {
  slug: string;
  name: string;
  category: string;
  tagline: string;
  /** 0..100, or null where the page shows "—". */
  panelShip: number | null;
  /** 0..100, or null where the page shows "—" (no votes yet). */
  community: number | null;
  entry: string;
  description: string;
}

/** Row i pairs tool A's quote i with tool B's quote i. */
export interface ScorecardRow {
  a: string;
  b: string;
}

/** A page as the parser returns it, before it is stored. */
export interface ComparisonPage {
  title: string;
  intro: string;
  tools: [ToolSnapshot, ToolSnapshot];
  scorecard: ScorecardRow[];
}

/** Why a file could not be imported, naming the file and line. */
export interface ParseError {
  fileName: string;
  /** 1-based line number where the page stopped matching the format. */
  line: number;
  expected: string;
  message: string;
}

/** A parsed page, or why it could not be parsed. */
export type ParseResult = { ok: true; page: ComparisonPage } | { ok: false; error: ParseError };

/** A stored comparison: the page plus where and when it came from. */
export interface ComparisonRecord extends ComparisonPage {
  /** Slug of the title: importing the same page twice stores it once. */
  id: string;
  /** Both tools' slugs, for the by-tool index. */
  toolSlugs: [string, string];
  category: string;
  sourceFile: string;
  importedAt: number;
}

/**
 * What a comparison's card in a list shows. The search index keeps it for every page, so a keystroke
 * is answered without reading records from storage (that read was a third of a search over 10k pages).
 */
export interface ComparisonListing {
  id: string;
  title: string;
  category: string;
  tools: [ToolListing, ToolListing];
}

/** The tool facts a catalog card shows. */
export type ToolListing = Pick<ToolSnapshot, 'name' | 'tagline' | 'panelShip' | 'entry'>;

/**
 * A field of a tool whose value differed between pages. For `name`, nothing is replaced: the tool
 * keeps `currentValue`, its first stored spelling, and `previousValue` is the spelling the page
 * `previousComparisonId` gave.
 */
export interface ToolFieldDifference {
  field: keyof Omit<ToolSnapshot, 'slug'>;
  /** The value that was replaced by a newer import, and the page it came from. */
  previousValue: string | number | null;
  previousComparisonId: string;
  currentValue: string | number | null;
  currentComparisonId: string;
}

/** The deduplicated tool: the newest import's fields win, differences stay visible. */
export interface ToolRecord extends ToolSnapshot {
  comparisonIds: string[];
  /** importedAt of the comparison whose fields are the current ones. */
  updatedAt: number;
  /** The comparison the current fields come from. */
  sourceComparisonId: string;
  /** Fields that disagreed between pages; newest first. */
  differences: ToolFieldDifference[];
}

/** The JSON export format: importing it back changes nothing. */
export interface CatalogExport {
  format: 'quorum-catalog';
  version: 1;
  exportedAt: string;
  comparisons: ComparisonRecord[];
}
