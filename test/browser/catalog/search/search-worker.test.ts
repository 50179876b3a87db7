// The search worker against the pure index, in real Chromium: same ids, restarts, imports, saved snapshots.
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogService } from '../../../../src/catalog/catalog-service.js';
import { textFile } from '../../../../src/catalog/import/import-catalog.js';
import { importReport } from '../../../support/import-report.js';
import { INDEX_SNAPSHOT_KEY } from '../../../../src/catalog/search/index-snapshot.js';
import { SearchClient } from '../../../../src/catalog/search/search-client.js';
import type { IndexProgress } from '../../../../src/catalog/search/search-protocol.js';
import {
  CatalogSearchIndex,
  type CatalogFilters,
} from '../../../../src/catalog/search/search-index.js';
import { openDatabase, type QuorumDatabase } from '../../../../src/db/open-database.js';
import { generatePages } from '../../../bench/generate-pages.js';
import { silentWorker } from '../../../support/silent-worker.js';

const encoder = new TextEncoder();
const QUERIES: [string, CatalogFilters][] = [
  ['', {}],
  ['l', {}],
  ['v', {}],
  ['q', {}],
  ['open', {}],
  ['open source', {}],
  ['latency tok', {}],
  ['model ', {}],
  ['sage', {}],
  ['openrouter fusion', {}],
  ['', { entry: 'Free' }],
  ['s', { minPanelShip: 80 }],
  ['a', { entry: 'Paid', minPanelShip: 50 }],
];

const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((close) => close());
});

function pageFiles(count: number, seed: number) {
  return generatePages({ count, seed }).map((page) => ({
    name: page.fileName,
    bytes: encoder.encode(page.text),
  }));
}

async function catalogOf(count: number): Promise<QuorumDatabase> {
  const db = await openDatabase({ name: `search-worker-${Math.random().toString(36).slice(2)}` });
  closers.push(() => db.close());
  const report = await importReport(db, pageFiles(count, 7));
  expect(report.added).toHaveLength(count);
  return db;
}

async function pureIndex(db: QuorumDatabase): Promise<CatalogSearchIndex> {
  const index = new CatalogSearchIndex();
  for (const record of await db.getAll('comparisons')) index.add(record);
  return index;
}

function client(db: QuorumDatabase, onProgress?: (progress: IndexProgress) => void): SearchClient {
  const search = new SearchClient({ dbName: db.name, ...(onProgress ? { onProgress } : {}) });
  closers.push(() => search.close());
  return search;
}

const EVERYTHING = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

async function idsOf(search: SearchClient, query: string, filters: CatalogFilters = {}) {
  const page = await search.search(query, filters, EVERYTHING);
  return page.listings.map((listing) => listing.id);
}

async function expectSameAnswers(search: SearchClient, index: CatalogSearchIndex): Promise<void> {
  for (const [query, filters] of QUERIES) {
    const expected = index.search(query, filters);
    expect({ query, filters, ids: await idsOf(search, query, filters) }).toEqual({
      query,
      filters,
      ids: expected,
    });
    // A page in the middle: its cards only, and the number of all matches.
    const page = await search.search(query, filters, { offset: 3, limit: 4 });
    expect(page.total).toBe(expected.length);
    expect(page.listings.map((listing) => listing.id)).toEqual(expected.slice(3, 7));
  }
  expect(await search.facets()).toEqual(index.facets());
}

describe('search worker', () => {
  it('returns the same ids, in the same order, as the pure index', async () => {
    const db = await catalogOf(300);
    const index = await pureIndex(db);
    expect(index.search('l').length).toBeGreaterThan(100);
    await expectSameAnswers(client(db), index);
  });

  it('answers requests asked before and after a restart', async () => {
    const db = await catalogOf(200);
    const index = await pureIndex(db);
    const search = client(db);
    const pending = idsOf(search, 'open');
    search.restart();
    expect(search.progress.ready).toBe(false);
    expect(await pending).toEqual(index.search('open'));
    await expectSameAnswers(search, index);
  });

  it('replaces a worker that crashes, and gives up after repeated crashes', async () => {
    const db = await catalogOf(60);
    const index = await pureIndex(db);
    const crashing = () =>
      new Worker(
        URL.createObjectURL(new Blob(['throw new Error("boom")'], { type: 'text/javascript' })),
      );
    const real = () =>
      new Worker(new URL('../../../../workers/search.worker.ts', import.meta.url), {
        type: 'module',
      });
    let spawned = 0;
    const recovering = new SearchClient({
      dbName: db.name,
      createWorker: () => (++spawned === 1 ? crashing() : real()),
    });
    closers.push(() => recovering.close());
    expect(await idsOf(recovering, 'open')).toEqual(index.search('open'));
    expect(spawned).toBe(2);

    const hopeless = new SearchClient({ dbName: db.name, createWorker: crashing });
    closers.push(() => hopeless.close());
    await expect(idsOf(hopeless, 'open')).rejects.toMatchObject({ kind: 'worker-crashed' });
    await expect(hopeless.facets()).rejects.toMatchObject({ kind: 'worker-crashed' });
  });

  it('replaces a worker that ends without a word (closed, killed), and answers', async () => {
    const db = await catalogOf(60);
    const index = await pureIndex(db);
    // Without watching the worker's life lock, the search would wait forever (this test times out).
    const silent = (name: string) => silentWorker(name, 'search');
    const real = (name: string) =>
      new Worker(new URL('../../../../workers/search.worker.ts', import.meta.url), {
        type: 'module',
        name,
      });
    let spawned = 0;
    const recovering = new SearchClient({
      dbName: db.name,
      createWorker: (name) => (++spawned === 1 ? silent(name) : real(name)),
    });
    closers.push(() => recovering.close());
    expect(await idsOf(recovering, 'open')).toEqual(index.search('open'));
    expect(spawned).toBe(2);
  }, 20_000);

  it('follows an import made through the catalog service', async () => {
    const db = await catalogOf(200);
    const service = new CatalogService(db);
    closers.push(() => service.close());
    await service.ready();
    const before = await service.search('zeppelin', {});
    expect(before.total).toBe(0);
    const page = generatePages({ count: 1, seed: 99 })[0]!;
    const lines = page.text.split('\n');
    lines[2] = `${lines[2]} Zeppelin!`;
    const text = lines.join('\n');
    const report = await service.importFiles([textFile(text, 'zeppelin.txt')]);
    expect(report.added).toHaveLength(1);
    const after = await service.search('zeppel', {});
    expect(after.ids).toEqual(report.added);
    // The card comes from the index: exactly the fields a card shows, as stored.
    const stored = (await db.get('comparisons', report.added[0] ?? ''))!;
    expect(after.records).toEqual([
      {
        id: stored.id,
        title: stored.title,
        category: stored.category,
        tools: stored.tools.map(({ name, tagline, panelShip, entry }) => ({
          name,
          tagline,
          panelShip,
          entry,
        })),
      },
    ]);
    const index = await pureIndex(db);
    expect((await service.search('v', {}, 10_000)).ids).toEqual(index.search('v'));
  });

  it('serves the first page from storage before the index is ready, in the index order', async () => {
    const db = await catalogOf(120);
    const index = await pureIndex(db);
    const service = new CatalogService(db);
    closers.push(() => service.close());
    const first = await service.search('', {}, 24);
    expect(first.total).toBe(120);
    expect(first.records.map((record) => record.id)).toEqual(index.search('').slice(0, 24));
    await service.ready();
    expect(service.indexProgress).toEqual({ indexed: 120, total: 120, ready: true });
    expect((await service.search('', {}, 24, 24)).ids).toEqual(index.search('').slice(24, 48));
  });

  it('loads the saved index in a new worker, and rebuilds once an import made it stale', async () => {
    const db = await catalogOf(150);
    const first = client(db);
    await first.whenReady();
    await expect
      .poll(() => db.get('settings', INDEX_SNAPSHOT_KEY), { timeout: 20_000 })
      .toBeTruthy();
    first.close();
    // A build reports its progress from nothing before it is ready; a loaded index is ready at once.
    const loading: IndexProgress[] = [];
    await expectSameAnswers(
      client(db, (progress) => loading.push(progress)),
      await pureIndex(db),
    );
    expect(loading).toEqual([{ indexed: 150, total: 150, ready: true }]);

    await importReport(db, pageFiles(30, 8));
    await expectSameAnswers(client(db), await pureIndex(db));
  });
});
