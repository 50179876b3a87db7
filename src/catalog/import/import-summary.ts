// Turns an import's outcome into the sentences the import panel announces, naming every file.
import type { ClassifiedError } from '../../shared/errors.js';
import type { ParseError } from '../types.js';
import { countOf } from '../../shared/count.js';

/** The parts of the catalog service's ImportReport the summary reads. */
export interface ImportOutcome {
  ok: boolean;
  added: readonly string[];
  updated: readonly string[];
  unchanged: readonly string[];
  errors: readonly ParseError[];
  storageError: ClassifiedError | null;
  toolDifferences: number;
}

/** One sentence of an import's summary, with the parser's explanation when it has one. */
export interface SummaryLine {
  text: string;
  /** The parser's (or the browser's) own explanation, shown under the line. */
  detail?: string;
}

/** What the import panel announces about an import. */
export interface ImportSummary {
  ok: boolean;
  lines: SummaryLine[];
}

/** The last line of every failed import's summary. */
export const NOTHING_IMPORTED = 'Nothing was imported.';

/**
 * An import's report in sentences naming the files: what was added, updated or unchanged, or each failure and
 * "Nothing was imported."
 */
export function summarizeImport(
  outcome: ImportOutcome,
  fileNames: readonly string[],
): ImportSummary {
  if (!outcome.ok)
    return { ok: false, lines: [...failureLines(outcome), { text: NOTHING_IMPORTED }] };
  const files = listNames(fileNames);
  const added = outcome.added.length;
  const lines: SummaryLine[] = [
    { text: `Imported ${countOf(added, 'new comparison')} from ${files}${restOf(outcome)}.` },
  ];
  if (outcome.toolDifferences > 0) {
    lines.push({
      text: `${countOf(outcome.toolDifferences, 'tool field')} differed from earlier pages; the newest values are shown and the differences are listed on each tool’s page.`,
    });
  }
  return { ok: true, lines };
}

/** Files refused before they reach the catalog (too large, unreadable): the whole import stops. */
export function summarizeRefusal(
  problems: readonly { fileName: string; reason: string }[],
): ImportSummary {
  return {
    ok: false,
    lines: [
      ...problems.map((problem) => ({ text: `${problem.fileName}: ${problem.reason}` })),
      { text: NOTHING_IMPORTED },
    ],
  };
}

function failureLines(outcome: ImportOutcome): SummaryLine[] {
  const lines: SummaryLine[] = outcome.errors.map((error) => ({
    // Line 0: the file as a whole (it could not be read at all).
    text: `${error.fileName}${error.line > 0 ? `, line ${error.line}` : ''}: expected ${error.expected}.`,
    detail: error.message,
  }));
  if (outcome.storageError) {
    const { kind, message, detail } = outcome.storageError;
    const text =
      kind === 'storage' || kind === 'quota-exceeded'
        ? `Could not save to this browser’s storage: ${message}`
        : message;
    lines.push(detail ? { text, detail } : { text });
  }
  if (lines.length === 0) lines.push({ text: 'The import failed for an unknown reason.' });
  return lines;
}

function restOf(outcome: ImportOutcome): string {
  const parts: string[] = [];
  if (outcome.updated.length > 0) parts.push(`${outcome.updated.length} updated`);
  if (outcome.unchanged.length > 0) {
    parts.push(`${outcome.unchanged.length} already in your catalog, unchanged`);
  }
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function listNames(names: readonly string[]): string {
  if (names.length <= 3) return names.join(', ') || 'no files';
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more files`;
}
