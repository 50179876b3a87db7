// Two tabs on one catalog, each with its own search worker: a change imported in either reaches both tabs' search and the saved index.
import { afterEach, describe, expect, it } from 'vitest';
import seedPage from '../../../../public/seeds/000_39035efba6c307d6.txt?raw';
import { CatalogService } from '../../../../src/catalog/catalog-service.js';
import { textFile } from '../../../../src/catalog/import/import-catalog.js';
import { importReport } from '../../../support/import-report.js';
import { INDEX_SNAPSHOT_KEY } from '../../../../src/catalog/search/index-snapshot.js';
import { openDatabase, type QuorumDatabase } from '../../../../src/db/open-database.js';

const SEED_ID = 'litert-lm-vs-openrouter-model-fusion';
/** The seed page as a later version of it says: same title, its category now "Robotics". */
const updatedSeed = seedPage.replace(/^Developer Tools$/m, 'Robotics');
/** Another page: the seed's first tool renamed (the title names both tools). */
const newPage = seedPage.replaceAll('LiteRT-LM', 'Zeppelin');

const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((close) => close());
});

/** A tab: its own connection to the database and its own catalog service (and so its own search worker). */
async function openTab(name: string): Promise<CatalogService> {
  const db = await openDatabase({ name });
  const service = new CatalogService(db);
  closers.push(() => {
    service.close();
    db.close();
  });
  await service.ready();
  return service;
}

/** Until the saved index is stamped with the catalog's current revision (it is saved a while after a change). */
async function indexSaved(db: QuorumDatabase): Promise<void> {
  await expect
    .poll(
      async () => {
        const [revision, saved] = await Promise.all([
          db.get('settings', 'catalog-revision'),
          db.get('settings', INDEX_SNAPSHOT_KEY),
        ]);
        return (saved as { revision?: unknown } | undefined)?.revision === revision;
      },
      { timeout: 20_000, interval: 200 },
    )
    .toBe(true);
}

describe('search across tabs', () => {
  it('finds a page another tab updated: in the tab that was open, in a fresh tab and after a reload', async () => {
    const name = `two-tabs-${Math.random().toString(36).slice(2)}`;
    const db = await openDatabase({ name });
    closers.push(() => db.close());
    await importReport(db, [textFile(seedPage, 'seed.txt')]);
    const tabA = await openTab(name);
    const tabB = await openTab(name);
    expect((await tabB.search('robotics')).total).toBe(0);

    const update = await tabA.importFiles([textFile(updatedSeed, 'updated.txt')]);
    expect(update.updated).toEqual([SEED_ID]);
    const added = await tabB.importFiles([textFile(newPage, 'new.txt')]);
    expect(added.added).toHaveLength(1);

    // The case: a fresh tab loads the index saved meanwhile.
    await indexSaved(db);
    const tabC = await openTab(name);
    expect((await tabC.search('robotics')).ids).toEqual([SEED_ID]);
    expect((await tabC.search('zeppelin')).ids).toEqual(added.added);

    // Tab B, open since before tab A's import, sees it; tab A sees tab B's without doing anything.
    expect((await tabB.search('robotics')).ids).toEqual([SEED_ID]);
    await expect
      .poll(async () => (await tabA.search('zeppelin')).ids, { timeout: 10_000 })
      .toEqual(added.added);

    // Reload: every tab closed, one opened again on the saved index.
    closers.splice(0).forEach((close) => close());
    const reloaded = await openTab(name);
    expect((await reloaded.search('robotics')).ids).toEqual([SEED_ID]);
  });
});
