// The search host catching up with imports it was not told about (other tabs), and saving only what it holds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importReport } from '../../../support/import-report.js';
import {
  CATALOG_REVISION_KEY,
  KEPT_CHANGES,
} from '../../../../src/catalog/import/catalog-revision.js';
import { INDEX_SNAPSHOT_KEY } from '../../../../src/catalog/search/index-snapshot.js';
import { SearchHost } from '../../../../src/catalog/search/search-host.js';
import type { QuorumDatabase } from '../../../../src/db/open-database.js';
import { freshDatabase, seedFiles, seedText, seedNames, textAsFile } from '../support.js';

const SEED_ID = 'litert-lm-vs-openrouter-model-fusion';
const EVERYTHING = { offset: 0, limit: 1000 };

async function ids(host: SearchHost, query: string): Promise<string[]> {
  return (await host.searchPage(query, {}, EVERYTHING)).listings.map((listing) => listing.id);
}

/** Another tab's import: written straight to the database, the host is not told. */
function importElsewhere(db: QuorumDatabase, name: string, text: string) {
  return importReport(db, [textAsFile(name, text)]);
}

const robotics = () => seedText(seedNames[0]!).replace(/^Developer Tools$/m, 'Robotics');
/** Another page: the seed's first tool renamed (the title names both tools). */
const renamed = (name: string) => robotics().replaceAll('LiteRT-LM', name);
const ZEPPELIN = 'zeppelin-vs-openrouter-model-fusion';

afterEach(() => {
  vi.useRealTimers();
});

describe('SearchHost', () => {
  it('catches up with every import since its revision, not only the last one', async () => {
    const db = await freshDatabase();
    await importReport(db, seedFiles());
    const host = new SearchHost(db);
    await host.whenReady();
    expect(await ids(host, 'robotics')).toEqual([]);
    await importElsewhere(db, 'updated.txt', robotics());
    await importElsewhere(db, 'zeppelin.txt', renamed('Zeppelin'));
    await host.update();
    expect((await ids(host, 'robotics')).sort()).toEqual([SEED_ID, ZEPPELIN].sort());
    expect(await ids(host, 'zeppelin')).toEqual([ZEPPELIN]);
  });

  it('rebuilds when it is further behind than the changes kept', async () => {
    const db = await freshDatabase();
    await importReport(db, seedFiles());
    const host = new SearchHost(db);
    await host.whenReady();
    for (let i = 0; i <= KEPT_CHANGES; i += 1) {
      await importElsewhere(db, `${i}.txt`, renamed(`Tool${i}`));
    }
    await host.update();
    expect(await ids(host, 'tool0')).toEqual(['tool0-vs-openrouter-model-fusion']);
    expect(await ids(host, 'robotics')).toHaveLength(KEPT_CHANGES + 1);
  });

  it('saves its index stamped with the revision it holds, and a fresh host loads it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await freshDatabase();
    await importReport(db, seedFiles());
    const host = new SearchHost(db);
    await host.whenReady();
    await importElsewhere(db, 'updated.txt', robotics());
    await importElsewhere(db, 'other.txt', renamed('Zeppelin'));
    await host.update();
    await vi.advanceTimersByTimeAsync(5000);
    await host.whenReady();
    const saved = (await db.get('settings', INDEX_SNAPSHOT_KEY)) as { revision: unknown };
    expect(saved.revision).toBe(await db.get('settings', CATALOG_REVISION_KEY));
    const fresh = new SearchHost(db);
    await fresh.whenReady();
    expect(await ids(fresh, 'robotics')).toHaveLength(2);
  });

  it('does not save over the catalog while it is behind it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await freshDatabase();
    await importReport(db, seedFiles());
    const host = new SearchHost(db);
    await host.whenReady();
    await vi.advanceTimersByTimeAsync(5000);
    await host.whenReady();
    const before = await db.get('settings', INDEX_SNAPSHOT_KEY);
    expect(before).toBeDefined();
    // Asked to catch up, then another import lands before the save is due: the save is skipped.
    await importElsewhere(db, 'updated.txt', robotics());
    await host.update();
    await importElsewhere(db, 'other.txt', renamed('Zeppelin'));
    await vi.advanceTimersByTimeAsync(5000);
    await host.whenReady();
    const after = (await db.get('settings', INDEX_SNAPSHOT_KEY)) as { revision: unknown };
    expect(after.revision).not.toBe(await db.get('settings', CATALOG_REVISION_KEY));
    expect(after).toEqual(before);
  });
});
