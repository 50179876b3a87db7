// First visit: imports the shipped comparison pages through the same path a visitor's import takes.
import type { CatalogService } from '../catalog-service.js';
import type { ImportFile, ImportReport } from './import-catalog.js';
import type { ParseError } from '../types.js';
// The list lives beside the pages it names; the build inlines it.
import seedIndex from '../../../public/seeds/index.json';

/**
 * The shipped page names, bundled at build time: no index.json round trip stands between the
 * first visit and the seed downloads. The pages themselves stay data files under /seeds/.
 */
export const SEED_NAMES: readonly string[] = parseSeedIndex(seedIndex);
/** Where the shipped comparison pages are served from. */
export const SEED_BASE = '/seeds/';

type FetchFn = (input: string) => Promise<Response>;

/** The fetched seed pages, or the report of a failed fetch. */
export type SeedFiles = { ok: true; files: ImportFile[] } | { ok: false; report: ImportReport };

/**
 * Returns null when nothing was to be done (already seeded, or the catalog already holds pages).
 * A failed fetch comes back as a report with errors and is retried on the next visit.
 * `prefetched` lets boot start the downloads while the database is still opening.
 */
export async function importSeedsIfFirstVisit(
  service: CatalogService,
  fetchFn: FetchFn = (input) => fetch(input),
  prefetched?: Promise<SeedFiles>,
): Promise<ImportReport | null> {
  if (await service.hasBeenSeeded()) return null;
  if ((await service.count()) > 0) {
    await service.markSeeded();
    return null;
  }
  const files = await (prefetched ?? fetchSeedFiles(fetchFn));
  if (!files.ok) return files.report;
  const report = await service.importFiles(files.files, true);
  if (report.ok) await service.markSeeded();
  return report;
}

/** Downloads every shipped page at once; never rejects (failures come back as a report). */
export async function fetchSeedFiles(
  fetchFn: FetchFn = (input) => fetch(input),
  names: readonly string[] = SEED_NAMES,
  base = SEED_BASE,
): Promise<SeedFiles> {
  const results = await Promise.all(
    names.map(async (name): Promise<ImportFile | ParseError> => {
      try {
        const response = await fetchOk(fetchFn, `${base}${name}`);
        return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
      } catch (cause) {
        return loadError(name, cause);
      }
    }),
  );
  const errors = results.filter((result): result is ParseError => 'line' in result);
  if (errors.length > 0) return { ok: false, report: fetchFailure(errors) };
  return { ok: true, files: results.filter((result): result is ImportFile => 'bytes' in result) };
}

function loadError(fileName: string, cause: unknown): ParseError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return {
    fileName,
    line: 1,
    expected: 'a shipped comparison page',
    message: `The starting catalog could not be loaded (${fileName}): ${message}`,
  };
}

function fetchFailure(errors: ParseError[]): ImportReport {
  return {
    ok: false,
    added: [],
    updated: [],
    unchanged: [],
    errors,
    storageError: null,
    toolDifferences: 0,
  };
}

async function fetchOk(fetchFn: FetchFn, url: string): Promise<Response> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response;
}

/** index.json is a JSON array of page file names, relative to itself. */
function parseSeedIndex(json: unknown): string[] {
  if (!Array.isArray(json) || !json.every((name) => typeof name === 'string')) {
    throw new Error('seeds/index.json must be an array of file names');
  }
  return json;
}
