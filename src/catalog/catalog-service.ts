// The one catalog service the views use: reads, search, import and export over the `quorum` database.
import type { QuorumDatabase } from '../db/open-database.js';
import { exportCatalog } from './export-catalog.js';
import {
  importFilesWithRecords,
  textFile,
  type ImportFile,
  type ImportReport,
} from './import-catalog.js';
import { CatalogSearchIndex, type CatalogFilters } from './search-index.js';
import type { CatalogExport, ComparisonRecord, ToolRecord } from './types.js';

/** Fired after every import, successful or not; views re-read what they show. */
export class CatalogChangeEvent extends Event {
  constructor(readonly report: ImportReport) {
    super('change');
  }
}

export interface CatalogSearchResult {
  /** Every matching id, best first. */
  ids: string[];
  total: number;
  /** The records of ids[offset … offset + limit). */
  records: ComparisonRecord[];
}

export interface CatalogServiceOptions {
  now?: () => number;
}

/** Read in slices so the first page renders while the index is still being built. */
const INDEX_BATCH = 200;
const SEEDED_KEY = 'seeded';

export class CatalogService extends EventTarget {
  private readonly index = new CatalogSearchIndex();
  private indexBuilt: Promise<void> | null = null;

  constructor(
    private readonly db: QuorumDatabase,
    private readonly options: CatalogServiceOptions = {},
  ) {
    super();
  }

  /** Builds the search index on first use; later calls return the same promise. */
  ready(): Promise<void> {
    this.indexBuilt ??= this.buildIndex();
    return this.indexBuilt;
  }

  count(): Promise<number> {
    return this.db.count('comparisons');
  }

  /** Newest first, walking the by-imported index: only the requested slice is read. */
  async listPage(offset: number, limit: number): Promise<ComparisonRecord[]> {
    const tx = this.db.transaction('comparisons');
    const records: ComparisonRecord[] = [];
    let cursor = await tx.store.index('by-imported').openCursor(null, 'prev');
    if (cursor !== null && offset > 0) cursor = await cursor.advance(offset);
    while (cursor !== null && records.length < limit) {
      records.push(cursor.value);
      cursor = await cursor.continue();
    }
    await tx.done;
    return records;
  }

  async search(
    query: string,
    filters: CatalogFilters = {},
    limit = 50,
    offset = 0,
  ): Promise<CatalogSearchResult> {
    await this.ready();
    const ids = this.index.search(query, filters);
    const records = await this.getComparisons(ids.slice(offset, offset + limit));
    return { ids, total: ids.length, records };
  }

  async facets(): Promise<{ categories: string[]; entries: string[] }> {
    await this.ready();
    return this.index.facets();
  }

  getComparison(id: string): Promise<ComparisonRecord | undefined> {
    return this.db.get('comparisons', id);
  }

  async getComparisons(ids: readonly string[]): Promise<ComparisonRecord[]> {
    const tx = this.db.transaction('comparisons');
    const records = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return records.filter((record) => record !== undefined);
  }

  getTool(slug: string): Promise<ToolRecord | undefined> {
    return this.db.get('tools', slug);
  }

  async listTools(): Promise<ToolRecord[]> {
    const tools = await this.db.getAll('tools');
    return tools.sort((x, y) => x.name.localeCompare(y.name));
  }

  /** Every comparison naming the tool, newest first. */
  async comparisonsForTool(slug: string): Promise<ComparisonRecord[]> {
    const records = await this.db.getAllFromIndex('comparisons', 'by-tool', slug);
    return records.sort((x, y) => y.importedAt - x.importedAt || x.id.localeCompare(y.id));
  }

  async importFiles(files: ImportFile[]): Promise<ImportReport> {
    const { report, written } = await importFilesWithRecords(this.db, files, this.options);
    // An index not built yet reads the stored records later; a built one follows incrementally.
    if (this.indexBuilt !== null && written.length > 0) {
      await this.indexBuilt;
      for (const record of written) this.index.add(record);
    }
    this.dispatchEvent(new CatalogChangeEvent(report));
    return report;
  }

  /** Paste: the text becomes a file named "pasted text" (or `name`). */
  importText(text: string, name?: string): Promise<ImportReport> {
    return this.importFiles([textFile(text, name)]);
  }

  exportCatalog(): Promise<CatalogExport> {
    return exportCatalog(this.db, this.options.now);
  }

  /** True once the shipped pages were imported: a visitor who then deletes data is not re-seeded. */
  async hasBeenSeeded(): Promise<boolean> {
    return (await this.db.get('settings', SEEDED_KEY)) === true;
  }

  async markSeeded(): Promise<void> {
    await this.db.put('settings', true, SEEDED_KEY);
  }

  private async buildIndex(): Promise<void> {
    let after: string | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const batch = await this.db.getAll('comparisons', range, INDEX_BATCH);
      for (const record of batch) this.index.add(record);
      const last = batch[batch.length - 1];
      if (last === undefined || batch.length < INDEX_BATCH) return;
      after = last.id;
    }
  }
}
