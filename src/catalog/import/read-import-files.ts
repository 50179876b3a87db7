// Decodes and parses every file of an import up front, so a bad file stops the import before storage.
import { decodePageFile, isExportFileName } from '../parse/decode-page-file.js';
import { parseCatalogExport } from '../parse/parse-catalog-export.js';
import { parseComparisonPage } from '../parse/parse-comparison-page.js';
import { pageToRecord } from './page-to-record.js';
import type { ComparisonRecord, ParseError } from '../types.js';

/** One file of an import: its name and raw bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** The records an import's files hold, or their parse errors. */
export interface ReadFilesResult {
  /** In import order: file order, and within an export, oldest import first. */
  candidates: ComparisonRecord[];
  errors: ParseError[];
}

/** Pages get `importedAt = now`; records from an export keep theirs, so re-importing changes nothing. */
export function readImportFiles(files: readonly ImportFile[], now: number): ReadFilesResult {
  const candidates: ComparisonRecord[] = [];
  const errors: ParseError[] = [];
  for (const file of files) {
    const decoded = decodePageFile(file.bytes, file.name);
    if (!decoded.ok) {
      errors.push(decoded.error);
      continue;
    }
    if (looksLikeExport(file.name, decoded.text)) {
      const parsed = parseCatalogExport(decoded.text, file.name, now);
      if (parsed.ok) candidates.push(...oldestFirst(parsed.records));
      else errors.push(parsed.error);
      continue;
    }
    const parsed = parseComparisonPage(decoded.text, file.name);
    if (parsed.ok) candidates.push(pageToRecord(parsed.page, file.name, now));
    else errors.push(parsed.error);
  }
  return { candidates, errors };
}

/** Pasted text has no extension: a page starts with its header, an export with "{". */
function looksLikeExport(fileName: string, text: string): boolean {
  return isExportFileName(fileName) || text.trimStart().startsWith('{');
}

function oldestFirst(records: ComparisonRecord[]): ComparisonRecord[] {
  return records
    .map((record, order) => ({ record, order }))
    .sort((x, y) => x.record.importedAt - y.record.importedAt || x.order - y.order)
    .map(({ record }) => record);
}
