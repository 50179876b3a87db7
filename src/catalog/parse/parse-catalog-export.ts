// Reads a Quorum JSON export and checks it against the schema Quorum writes before anything from it is stored.
import { canonicalRecord, comparisonCategory } from '../import/page-to-record.js';
import { MAX_PAGE_BYTES } from './decode-page-file.js';
import { slugify } from './slugify.js';
import type { ComparisonRecord, ParseError, ScorecardRow, ToolSnapshot } from '../types.js';

/** The records an export holds, or the first thing wrong with it. */
export type ExportParseResult =
  { ok: true; records: ComparisonRecord[] } | { ok: false; error: ParseError };

const EXPECTED = 'a Quorum catalog export ({ "format": "quorum-catalog", "version": 1, … })';

/**
 * How far ahead of this device's clock a date may be: another device's clock can be a little fast,
 * but a page dated later than that would outrank every real import of its tools (issue 13, item 4).
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Thrown inside this module only, with the path of the field that is wrong. */
class ShapeError extends Error {}

/**
 * Reads an export only if it is exactly what Quorum writes (CatalogExport, version 1): every type
 * and range, dates as whole milliseconds no later than `now` plus CLOCK_SKEW_MS, each slug and id
 * derived from its name or title, the category from the tools', one-line fields without line breaks,
 * no record holding more text than a page may (MAX_PAGE_BYTES). Fields it does not know are dropped.
 * `now` is this device's time in ms since the epoch. Never throws: a refusal names the field.
 */
export function parseCatalogExport(
  text: string,
  fileName: string,
  now: number = Date.now(),
): ExportParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return fail(
      fileName,
      syntaxErrorLine(text, message),
      `${fileName} is not valid JSON: ${message}`,
    );
  }
  try {
    return { ok: true, records: readExport(json, now + CLOCK_SKEW_MS) };
  } catch (cause) {
    const detail = cause instanceof ShapeError ? cause.message : String(cause);
    return fail(fileName, 1, `${fileName} is not a Quorum catalog export: ${detail}`);
  }
}

function fail(fileName: string, line: number, message: string): ExportParseResult {
  return { ok: false, error: { fileName, line, expected: EXPECTED, message } };
}

/** V8 reports "line L column C" or "at position P"; both become a 1-based line. */
function syntaxErrorLine(text: string, message: string): number {
  const line = /line (\d+)/.exec(message)?.[1];
  if (line !== undefined) return Math.max(1, Number(line));
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return 1;
  return text.slice(0, Number(position)).split('\n').length;
}

function readExport(json: unknown, latest: number): ComparisonRecord[] {
  const root = object(json, 'the file');
  if (root['format'] !== 'quorum-catalog')
    throw new ShapeError('"format" must be "quorum-catalog"');
  if (root['version'] !== 1) throw new ShapeError('"version" must be 1');
  const exportedAt = string(root['exportedAt'], 'exportedAt');
  if (Number.isNaN(Date.parse(exportedAt))) throw new ShapeError('exportedAt must be a date');
  const comparisons = root['comparisons'];
  if (!Array.isArray(comparisons)) throw new ShapeError('"comparisons" must be an array');
  return comparisons.map((value, i) => readRecord(value, `comparisons[${i}]`, latest));
}

function readRecord(value: unknown, path: string, latest: number): ComparisonRecord {
  const record = object(value, path);
  const budget = new TextBudget(path);
  const tools = record['tools'];
  if (!Array.isArray(tools) || tools.length !== 2) {
    throw new ShapeError(`${path}.tools must be an array of two tools`);
  }
  const toolA = readTool(tools[0], `${path}.tools[0]`, budget);
  const toolB = readTool(tools[1], `${path}.tools[1]`, budget);
  const slugs = record['toolSlugs'];
  if (
    !Array.isArray(slugs) ||
    slugs[0] !== toolA.slug ||
    slugs[1] !== toolB.slug ||
    slugs.length !== 2
  ) {
    throw new ShapeError(`${path}.toolSlugs must list the two tools' slugs`);
  }
  const scorecard = record['scorecard'];
  if (!Array.isArray(scorecard)) throw new ShapeError(`${path}.scorecard must be an array`);
  const title = budget.line(record['title'], `${path}.title`);
  const category = budget.line(record['category'], `${path}.category`);
  derived(category, comparisonCategory(toolA, toolB), `${path}.category`, "the tools' categories");
  return canonicalRecord({
    id: derived(budget.line(record['id'], `${path}.id`), slugify(title), `${path}.id`, 'its title'),
    title,
    intro: budget.line(record['intro'], `${path}.intro`, true),
    tools: [toolA, toolB],
    scorecard: scorecard.map((row, i) => readRow(row, `${path}.scorecard[${i}]`, budget)),
    toolSlugs: [toolA.slug, toolB.slug],
    category,
    sourceFile: budget.line(record['sourceFile'], `${path}.sourceFile`, true),
    importedAt: date(record['importedAt'], `${path}.importedAt`, latest),
  });
}

function readTool(value: unknown, path: string, budget: TextBudget): ToolSnapshot {
  const tool = object(value, path);
  const name = budget.line(tool['name'], `${path}.name`);
  return {
    // A tool is known by its slug: one that is not its name's would let a page speak for another tool.
    slug: derived(
      budget.line(tool['slug'], `${path}.slug`),
      slugify(name),
      `${path}.slug`,
      'its name',
    ),
    name,
    category: budget.line(tool['category'], `${path}.category`, true),
    tagline: budget.line(tool['tagline'], `${path}.tagline`, true),
    panelShip: percentage(tool['panelShip'], `${path}.panelShip`),
    community: percentage(tool['community'], `${path}.community`),
    entry: budget.line(tool['entry'], `${path}.entry`, true),
    description: budget.line(tool['description'], `${path}.description`, true),
  };
}

function readRow(value: unknown, path: string, budget: TextBudget): ScorecardRow {
  const row = object(value, path);
  return {
    a: budget.line(row['a'], `${path}.a`, true),
    b: budget.line(row['b'], `${path}.b`, true),
  };
}

/**
 * Every field a page gives is one line of that page, and a page is at most MAX_PAGE_BYTES: a record
 * holding more text than that, or a line break inside a field, was not written by Quorum.
 */
class TextBudget {
  private left = MAX_PAGE_BYTES;
  constructor(private readonly path: string) {}

  line(value: unknown, path: string, mayBeEmpty = false): string {
    const text = string(value, path);
    if (!mayBeEmpty && text.length === 0) throw new ShapeError(`${path} must not be empty`);
    this.left -= text.length;
    if (this.left < 0) {
      throw new ShapeError(`${this.path} is too long: a comparison page holds at most 1 MiB`);
    }
    if (/[\r\n]/.test(text)) {
      throw new ShapeError(`${path} must be one line: it holds a line break`);
    }
    return text;
  }
}

function derived(value: string, expected: string, path: string, source: string): string {
  if (value !== expected) {
    throw new ShapeError(
      `${path} must be derived from ${source} ("${expected}"), but is "${preview(value)}"`,
    );
  }
  return value;
}

function date(value: unknown, path: string, latest: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new ShapeError(`${path} must be a time in whole milliseconds since 1970`);
  }
  if (value > latest) {
    throw new ShapeError(
      `${path} is in the future (${new Date(value).toISOString()}); a page cannot have been imported later than now`,
    );
  }
  return value;
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ShapeError(`${path} must be an object`);
  }
  return value as Record<string, unknown>;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(`${path} must be a string`);
  return value;
}

function percentage(value: unknown, path: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
    throw new ShapeError(`${path} must be a number from 0 to 100, or null`);
  }
  return value;
}

/** A value quoted in a message stays short, however long the field. */
function preview(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
