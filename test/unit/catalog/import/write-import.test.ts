// Writing a large import in one transaction as groups of files arrive: everything stored, or nothing.
import { describe, expect, it } from 'vitest';
import { CatalogService } from '../../../../src/catalog/catalog-service.js';
import { importReport } from '../../../support/import-report.js';
import {
  CATALOG_COUNT_KEY,
  readCatalogCount,
} from '../../../../src/catalog/import/catalog-count.js';
import { CATALOG_REVISION_KEY } from '../../../../src/catalog/import/catalog-revision.js';
import { generatePages } from '../../../bench/generate-pages.js';
import { groupsOf } from '../../../support/import-groups.js';
import { freshDatabase, textAsFile } from '../support.js';

/** Enough files for several groups in the streamed imports below. */
const MANY = 450;

function pageFiles(count: number, seed: number) {
  return generatePages({ count, seed }).map((page) => textAsFile(page.fileName, page.text));
}

describe('importing many files', () => {
  it('stores every page and every tool of a large import', async () => {
    const db = await freshDatabase();
    const report = await importReport(db, pageFiles(MANY, 1));
    expect(report.added).toHaveLength(MANY);
    expect(await db.count('comparisons')).toBe(MANY);
    const tools = await db.getAll('tools');
    const named = tools.reduce((sum, tool) => sum + tool.comparisonIds.length, 0);
    expect(named).toBe(MANY * 2);
  });

  it('stores nothing when a file in a late chunk is malformed, and names it', async () => {
    const db = await freshDatabase();
    const files = pageFiles(MANY, 2);
    files[MANY - 3] = textAsFile('broken.txt', 'AI tool comparison\nno separator');
    const report = await importReport(db, files);
    expect(report.ok).toBe(false);
    expect(report.errors.map((error) => error.fileName)).toEqual(['broken.txt']);
    expect(await db.count('comparisons')).toBe(0);
    expect(await db.count('tools')).toBe(0);
    expect(await db.get('settings', CATALOG_REVISION_KEY)).toBeUndefined();
  });

  it('re-importing a big batch with one changed page updates just that page', async () => {
    const db = await freshDatabase();
    const files = pageFiles(MANY, 3);
    await importReport(db, files, { now: () => 1000 });
    const revision = await db.get('settings', CATALOG_REVISION_KEY);
    const changed = generatePages({ count: MANY, seed: 3 })[400]!;
    const text = changed.text.replace(/\n(\d+%|—)\nPanel ship/, '\n1%\nPanel ship');
    files[400] = textAsFile('changed.txt', text);
    const report = await importReport(db, files, { now: () => 2000 });
    expect(report.updated).toHaveLength(1);
    expect((await db.get('comparisons', report.updated[0] ?? ''))?.sourceFile).toBe('changed.txt');
    expect(report.unchanged).toHaveLength(MANY - 1);
    expect(await db.get('settings', CATALOG_REVISION_KEY)).not.toEqual(revision);
  });

  it('a service finds pages of an import made before its index existed and after', async () => {
    const db = await freshDatabase();
    await importReport(db, pageFiles(50, 4));
    const service = new CatalogService(db);
    await service.ready();
    const report = await service.importFiles(pageFiles(30, 5));
    const found = await service.search('', {}, 100);
    expect(found.total).toBe(80);
    expect(found.ids).toEqual(expect.arrayContaining(report.added));
  });

  it('keeps one transaction open while slow groups of files arrive, and stores them all', async () => {
    const db = await freshDatabase();
    // Each group arrives long after the previous group's writes finished.
    const report = await importReport(db, groupsOf(pageFiles(MANY, 6), 100, 30));
    expect(report.ok).toBe(true);
    expect(report.added).toHaveLength(MANY);
    expect(await db.count('comparisons')).toBe(MANY);
    expect(await db.get('settings', CATALOG_REVISION_KEY)).toBeDefined();
  });

  it('takes groups that arrive while earlier writes are still landing', async () => {
    const db = await freshDatabase();
    // No delay: each group is ready after a macrotask, with the previous group's puts in flight.
    const report = await importReport(db, groupsOf(pageFiles(MANY, 10), 150, 0));
    expect(report.ok).toBe(true);
    expect(await db.count('comparisons')).toBe(MANY);
  });

  it('stores nothing when a file of a late group cannot be read, and names it', async () => {
    const db = await freshDatabase();
    const files = pageFiles(MANY, 7);
    const report = await importReport(db, groupsOf(files, 100, 5, 420));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({ fileName: files[420]?.name, line: 0 }),
    ]);
    expect(await db.count('comparisons')).toBe(0);
    expect(await db.count('tools')).toBe(0);
  });

  it('saves the number of stored pages with every import, duplicates and updates included', async () => {
    const db = await freshDatabase();
    // A catalog stored before counts were saved is counted from the store.
    await db.put('comparisons', { ...generatePages({ count: 1, seed: 8 })[0]!, id: 'x' } as never);
    expect(await readCatalogCount(db)).toBe(1);
    await db.clear('comparisons');
    const files = pageFiles(60, 9);
    await importReport(db, [...files.slice(0, 40), files[3]!, files[3]!]);
    expect(await db.get('settings', CATALOG_COUNT_KEY)).toBe(40);
    const changed = generatePages({ count: 60, seed: 9 })[5]!;
    const updated = textAsFile(
      'updated.txt',
      changed.text.replace(/\n(\d+%|—)\nPanel ship/, '\n1%\nPanel ship'),
    );
    await importReport(db, [...files.slice(30), updated], { now: () => Date.now() + 1000 });
    expect(await db.count('comparisons')).toBe(60);
    expect(await db.get('settings', CATALOG_COUNT_KEY)).toBe(60);
    expect(await readCatalogCount(db)).toBe(60);
  });
});
