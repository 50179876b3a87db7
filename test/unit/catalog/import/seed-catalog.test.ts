// The shipped seed pages: imported once on a first visit, never again, and never over a visitor's own catalog.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CatalogService } from '../../../../src/catalog/catalog-service.js';
import { textFile } from '../../../../src/catalog/import/import-catalog.js';
import { listPage } from '../../../../src/catalog/search/list-first-page.js';
import {
  SEED_NAMES,
  fetchSeedFiles,
  importSeedsIfFirstVisit,
} from '../../../../src/catalog/import/seed-catalog.js';
import { PUBLIC_DIR, fixtureText, freshDatabase, seedNames } from '../support.js';

/** Serves files from public/ like the app's origin does, and records what was asked for. */
function publicFetch(requested: string[] = []): (url: string) => Promise<Response> {
  return (url) => {
    requested.push(url);
    try {
      return Promise.resolve(new Response(readFileSync(`${PUBLIC_DIR}${url}`)));
    } catch {
      return Promise.resolve(new Response('not found', { status: 404 }));
    }
  };
}

describe('importSeedsIfFirstVisit', () => {
  it('lists exactly the shipped pages in seeds/index.json', () => {
    const index = JSON.parse(readFileSync(`${PUBLIC_DIR}/seeds/index.json`, 'utf8'));
    expect(index).toEqual(seedNames);
  });

  it('bundles the seed list, so no index.json is fetched', () => {
    expect(SEED_NAMES).toEqual(seedNames);
  });

  it('imports the five shipped pages on the first visit, then never again', async () => {
    const service = new CatalogService(await freshDatabase());
    const requested: string[] = [];
    const report = await importSeedsIfFirstVisit(service, publicFetch(requested));
    expect(report?.ok).toBe(true);
    expect(report?.added).toHaveLength(5);
    expect(requested).not.toContain('/seeds/index.json');
    expect(requested).toHaveLength(seedNames.length);
    expect(requested).toContain(`/seeds/${seedNames[0]}`);
    expect(await service.count()).toBe(5);
    expect(await importSeedsIfFirstVisit(service, publicFetch())).toBeNull();
  });

  it('does not re-seed a visitor who emptied the catalog after seeding', async () => {
    const db = await freshDatabase();
    const service = new CatalogService(db);
    await importSeedsIfFirstVisit(service, publicFetch());
    await db.clear('comparisons');
    const requested: string[] = [];
    expect(await importSeedsIfFirstVisit(service, publicFetch(requested))).toBeNull();
    expect(requested).toEqual([]);
  });

  it('does not seed a catalog that already holds pages', async () => {
    const service = new CatalogService(await freshDatabase());
    await service.importFiles([textFile(fixtureText('special-names.txt'))]);
    const requested: string[] = [];
    expect(await importSeedsIfFirstVisit(service, publicFetch(requested))).toBeNull();
    expect(requested).toEqual([]);
    expect(await service.count()).toBe(1);
  });

  it('imports downloads started before the database was ready, fetching nothing more', async () => {
    const prefetched = fetchSeedFiles(publicFetch());
    const service = new CatalogService(await freshDatabase());
    const requested: string[] = [];
    const report = await importSeedsIfFirstVisit(service, publicFetch(requested), prefetched);
    expect(report?.added).toHaveLength(5);
    expect(requested).toEqual([]);
    expect(await service.count()).toBe(5);
  });

  it('shows the first page of a freshly seeded catalog in list order', async () => {
    const db = await freshDatabase();
    const service = new CatalogService(db);
    await importSeedsIfFirstVisit(service, publicFetch());
    const shown = await service.search('', {}, 3);
    expect(shown.total).toBe(5);
    expect(shown.records.map((record) => record.id)).toEqual(
      (await listPage(db, 0, 3)).map((record) => record.id),
    );
  });

  it('reports a failed download by file name and tries again next visit', async () => {
    const service = new CatalogService(await freshDatabase());
    const failing = (url: string): Promise<Response> =>
      url.endsWith(seedNames[2] ?? '')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : publicFetch()(url);
    const report = await importSeedsIfFirstVisit(service, failing);
    expect(report?.ok).toBe(false);
    expect(report?.errors.map((error) => error.fileName)).toEqual([seedNames[2]]);
    expect(await service.count()).toBe(0);
    expect(await service.hasBeenSeeded()).toBe(false);
    expect((await importSeedsIfFirstVisit(service, publicFetch()))?.added).toHaveLength(5);
  });
});
