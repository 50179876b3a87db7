// The one catalog service the views use: reads, search, import and export over the `quorum` database.
import type { QuorumDatabase } from '../db/open-database.js';
import { afterNextPaint } from '../ui/after-paint.js';
import { readCatalogCount } from './import/catalog-count.js';
import { openCatalogChangeChannel, type CatalogChangeChannel } from './catalog-change-channel.js';
import { exportCatalog } from './import/export-catalog.js';
import {
  importFilesWithRecords,
  type ImportReport,
  type ImportSource,
} from './import/import-catalog.js';
import { importInWorker } from './import/import-client.js';
import { listPage } from './search/list-first-page.js';
import { isImportStream } from './import/write-import.js';
import {
  InProcessSearch,
  type ProgressListener,
  type SearchBackend,
} from './search/search-backend.js';
import { SearchClient } from './search/search-client.js';
import type { IndexProgress } from './search/search-host.js';
import type { CatalogFacets, CatalogFilters } from './search/search-index.js';
import type { CatalogExport, ComparisonListing, ComparisonRecord, ToolRecord } from './types.js';

/** Fired after every import, successful or not, and once another tab changed the catalog; views re-read what they show. */
export class CatalogChangeEvent extends Event {
  /** `report`: this tab's import; null when another tab changed the catalog. */
  constructor(readonly report: ImportReport | null) {
    super('change');
  }
}

/** Fired while the search index is built and once it is ready: views can show "indexing…". */
export class IndexProgressEvent extends Event {
  constructor(readonly progress: IndexProgress) {
    super('index-progress');
  }
}

/** One page of catalog search results, and how many matched. */
export interface CatalogSearchResult {
  /** The ids of `records`: matches offset … offset + limit, best first. */
  ids: string[];
  /** How many matched in all. */
  total: number;
  /**
   * The cards of this page, from the search index; until it is ready, the unfiltered list is read
   * straight from storage, in the same order.
   */
  records: ComparisonListing[];
}

/** Options of the catalog service (tests inject a clock and an in-process index). */
export interface CatalogServiceOptions {
  now?: () => number;
  /** Where the index lives; the default is the search worker, or in-process where there are no workers. */
  createSearch?: (db: QuorumDatabase, onProgress: ProgressListener) => SearchBackend;
}

const SEEDED_KEY = 'seeded';

function defaultSearch(db: QuorumDatabase, onProgress: ProgressListener): SearchBackend {
  return typeof Worker === 'undefined'
    ? new InProcessSearch(db, onProgress)
    : new SearchClient({ dbName: db.name, onProgress });
}

/**
 * The one catalog service the views use: reads, search (the index in a worker), import and export over the
 * `quorum` database, kept in step with other tabs. Fires 'change' (CatalogChangeEvent) after any import here
 * or a change in another tab, and 'index-progress' while the index builds.
 */
export class CatalogService extends EventTarget {
  private backend: SearchBackend | null = null;
  /** The first unfiltered page read from storage, which the index's start waits for (see `started`). */
  private firstPage: Promise<unknown> | null = null;

  /** Hears other tabs' imports, and tells them of this tab's. */
  private readonly changes: CatalogChangeChannel;

  constructor(
    private readonly db: QuorumDatabase,
    private readonly options: CatalogServiceOptions = {},
  ) {
    super();
    this.changes = openCatalogChangeChannel(db.name, () => this.changedElsewhere());
  }

  /**
   * Resolves once the first unfiltered page was read from storage and painted (or failed): boot
   * defers work the first frame does not need until then. Pending until a view asks for that page.
   */
  firstPageShown(): Promise<void> {
    return this.firstPageRead.then(afterNextPaint);
  }

  /** The whole catalog, while this service knows it without reading storage (see importFiles). */
  private known: ComparisonRecord[] | null = null;

  private knownPage(offset: number, limit: number): CatalogSearchResult {
    const known = this.known ?? [];
    const records = known.slice(offset, offset + limit);
    if (this.firstPage === null) {
      this.firstPage = Promise.resolve();
      this.markFirstPageRead();
      // Only the first frame relies on it: another tab may import later.
      void afterNextPaint().then(() => (this.known = null));
    }
    return { ids: records.map((record) => record.id), total: known.length, records };
  }

  private markFirstPageRead: () => void = () => undefined;
  private readonly firstPageRead = new Promise<void>((resolve) => {
    this.markFirstPageRead = resolve;
  });

  /** Starts building the search index (off the main thread) on first use; resolves once it is ready. */
  async ready(): Promise<void> {
    await (await this.started()).whenReady();
  }

  /** How far the index is: `ready` false means searches wait for it. */
  get indexProgress(): IndexProgress {
    return this.backend?.progress ?? { indexed: 0, total: 0, ready: false };
  }

  /**
   * The count every import saves, cached: the catalog asks on every keystroke. Every write goes
   * through importFiles, which drops the cache.
   */
  count(): Promise<number> {
    if (this.known !== null) return Promise.resolve(this.known.length);
    this.counted ??= readCatalogCount(this.db).catch((error: unknown) => {
      this.counted = null;
      throw error;
    });
    return this.counted;
  }

  private counted: Promise<number> | null = null;

  async search(
    query: string,
    filters: CatalogFilters = {},
    limit = 50,
    offset = 0,
  ): Promise<CatalogSearchResult> {
    if (!this.indexProgress.ready && isUnfiltered(query, filters)) {
      // The first page must not wait for the index: it comes straight from storage.
      if (this.known !== null) return this.knownPage(offset, limit);
      let known: number | undefined;
      const counting = this.count().then((count) => (known = count));
      const read = Promise.all([listPage(this.db, offset, limit, () => known), counting]);
      if (this.firstPage === null) {
        this.firstPage = read.catch(() => undefined);
        void this.firstPage.then(this.markFirstPageRead);
      }
      const [records, total] = await read;
      return { ids: records.map((record) => record.id), total, records };
    }
    const { total, listings } = await (
      await this.started()
    ).search(query, filters, { offset, limit });
    return { ids: listings.map((listing) => listing.id), total, records: listings };
  }

  async facets(): Promise<CatalogFacets> {
    return (await this.started()).facets();
  }

  getComparison(id: string): Promise<ComparisonRecord | undefined> {
    return this.db.get('comparisons', id);
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

  /**
   * `intoEmpty`: the caller saw an empty catalog just before (the first-visit seeding). The pages
   * written are then the whole catalog, and the first page is shown from them without a read.
   */
  async importFiles(files: ImportSource, intoEmpty = false): Promise<ImportReport> {
    let report: ImportReport;
    let writtenIds: string[];
    if (isImportStream(files) && typeof Worker !== 'undefined') {
      // Files still being read (a picked or dropped batch) are parsed and stored off the main thread.
      const now = (this.options.now ?? Date.now)();
      ({ report, writtenIds } = await importInWorker(this.db.name, files, now));
      this.known = null;
    } else {
      const outcome = await importFilesWithRecords(this.db, files, this.options);
      report = outcome.report;
      writtenIds = outcome.written.map((record) => record.id);
      this.known = intoEmpty && report.ok ? inListOrder(outcome.written) : null;
    }
    this.counted = null;
    if (writtenIds.length > 0) {
      this.changes.announce();
      // An index not started yet reads everything when it starts; a started one re-reads what changed.
      // Not awaited: later searches queue behind the update, and report its failure if it fails.
      this.backend?.update().catch(() => undefined);
    }
    this.dispatchEvent(new CatalogChangeEvent(report));
    return report;
  }

  /** Another tab imported: the index catches up before the views re-read. */
  private changedElsewhere(): void {
    this.counted = null;
    this.known = null;
    const caughtUp = this.backend?.update() ?? Promise.resolve();
    void caughtUp
      .catch(() => undefined)
      .then(() => this.dispatchEvent(new CatalogChangeEvent(null)));
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

  /** Stops the search worker; the service must not be used afterwards. */
  close(): void {
    this.changes.close();
    this.backend?.close();
  }

  /**
   * The index's start (reading a 10k catalog's saved index or records, and a worker to start) fills
   * the storage process and a core for seconds: it waits until the first page, asked for in the
   * same task, has been read and painted.
   */
  private async started(): Promise<SearchBackend> {
    if (this.backend === null) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.firstPage !== null) {
        await this.firstPage;
        await afterNextPaint();
      }
    }
    return this.searchBackend();
  }

  private searchBackend(): SearchBackend {
    this.backend ??= (this.options.createSearch ?? defaultSearch)(this.db, (progress) =>
      this.dispatchEvent(new IndexProgressEvent(progress)),
    );
    return this.backend;
  }
}

/** listPage's order: newest import first, by id within one import. */
function inListOrder(records: readonly ComparisonRecord[]): ComparisonRecord[] {
  return [...records].sort((x, y) => y.importedAt - x.importedAt || compareIds(x.id, y.id));
}

/** IndexedDB orders string keys by code unit, as < does (localeCompare would not). */
function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function isUnfiltered(query: string, filters: CatalogFilters): boolean {
  return (
    query.trim() === '' &&
    filters.category === undefined &&
    filters.entry === undefined &&
    filters.minPanelShip === undefined
  );
}
