// Reads a Quorum JSON export and checks its whole shape before anything from it is stored.
import { canonicalRecord } from '../import/page-to-record.js';
import type { ComparisonRecord, ParseError, ScorecardRow, ToolSnapshot } from '../types.js';

export type ExportParseResult =
  { ok: true; records: ComparisonRecord[] } | { ok: false; error: ParseError };

const EXPECTED = 'a Quorum catalog export ({ "format": "quorum-catalog", "version": 1, … })';

/** Thrown inside this module only, with the path of the field that is wrong. */
class ShapeError extends Error {}

export function parseCatalogExport(text: string, fileName: string): ExportParseResult {
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
    return { ok: true, records: readExport(json) };
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

function readExport(json: unknown): ComparisonRecord[] {
  const root = object(json, 'the file');
  if (root['format'] !== 'quorum-catalog')
    throw new ShapeError('"format" must be "quorum-catalog"');
  if (root['version'] !== 1) throw new ShapeError('"version" must be 1');
  string(root['exportedAt'], 'exportedAt');
  const comparisons = root['comparisons'];
  if (!Array.isArray(comparisons)) throw new ShapeError('"comparisons" must be an array');
  return comparisons.map((value, i) => readRecord(value, `comparisons[${i}]`));
}

function readRecord(value: unknown, path: string): ComparisonRecord {
  const record = object(value, path);
  const tools = record['tools'];
  if (!Array.isArray(tools) || tools.length !== 2) {
    throw new ShapeError(`${path}.tools must be an array of two tools`);
  }
  const toolA = readTool(tools[0], `${path}.tools[0]`);
  const toolB = readTool(tools[1], `${path}.tools[1]`);
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
  const importedAt = record['importedAt'];
  if (typeof importedAt !== 'number' || !Number.isFinite(importedAt)) {
    throw new ShapeError(`${path}.importedAt must be a number`);
  }
  return canonicalRecord({
    id: nonEmpty(record['id'], `${path}.id`),
    title: nonEmpty(record['title'], `${path}.title`),
    intro: string(record['intro'], `${path}.intro`),
    tools: [toolA, toolB],
    scorecard: scorecard.map((row, i) => readRow(row, `${path}.scorecard[${i}]`)),
    toolSlugs: [toolA.slug, toolB.slug],
    category: string(record['category'], `${path}.category`),
    sourceFile: string(record['sourceFile'], `${path}.sourceFile`),
    importedAt,
  });
}

function readTool(value: unknown, path: string): ToolSnapshot {
  const tool = object(value, path);
  return {
    slug: nonEmpty(tool['slug'], `${path}.slug`),
    name: nonEmpty(tool['name'], `${path}.name`),
    category: string(tool['category'], `${path}.category`),
    tagline: string(tool['tagline'], `${path}.tagline`),
    panelShip: percentage(tool['panelShip'], `${path}.panelShip`),
    community: percentage(tool['community'], `${path}.community`),
    entry: string(tool['entry'], `${path}.entry`),
    description: string(tool['description'], `${path}.description`),
  };
}

function readRow(value: unknown, path: string): ScorecardRow {
  const row = object(value, path);
  return { a: string(row['a'], `${path}.a`), b: string(row['b'], `${path}.b`) };
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

function nonEmpty(value: unknown, path: string): string {
  const text = string(value, path);
  if (text.length === 0) throw new ShapeError(`${path} must not be empty`);
  return text;
}

function percentage(value: unknown, path: string): number | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
    throw new ShapeError(`${path} must be a number from 0 to 100, or null`);
  }
  return value;
}
