// Opening `quorum`: a database written by version 1 keeps every record when it gains version 2's stores (`votes`,
// the lab's `labRuns`, `labAnswers`, `labTaskSets`, `recordings`, and `endpoints`); lab answers keyed by run; a created
// database is reported, and a deletion is told apart from an upgrade.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { DB_VERSION } from '../../../src/db/schema.js';
import { DatabaseMissingError, openDatabase } from '../../../src/db/open-database.js';

/** Version 1 as it shipped: the stores and indexes, written here so later edits cannot change it. */
async function createVersion1(name: string): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(v1) {
      const comparisons = v1.createObjectStore('comparisons', { keyPath: 'id' });
      comparisons.createIndex('by-tool', 'toolSlugs', { multiEntry: true });
      comparisons.createIndex('by-category', 'category');
      comparisons.createIndex('by-imported', 'importedAt');
      v1.createObjectStore('tools', { keyPath: 'slug' }).createIndex('by-name', 'name');
      v1.createObjectStore('settings');
      v1.createObjectStore('conversations', { keyPath: 'id' }).createIndex(
        'by-updated',
        'updatedAt',
      );
      v1.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      v1.createObjectStore('deviceLog', { keyPath: 'id', autoIncrement: true }).createIndex(
        'by-model',
        'modelId',
      );
      v1.createObjectStore('modelStats', { keyPath: 'modelId' });
    },
  });
  await db.put('comparisons', {
    id: 'c1',
    toolSlugs: ['a', 'b'],
    category: 'chat',
    importedAt: 1,
  });
  await db.put('tools', { slug: 'a', name: 'Tool A' });
  await db.put('settings', 'sim', 'engine-mode');
  await db.put('runs', { id: 'r1', createdAt: 5, mode: 'vote', prompt: 'Why?' });
  await db.put('conversations', { id: 'k1', updatedAt: 3 });
  await db.put('modelStats', { modelId: 'm', correct: 1, total: 2 });
  db.close();
}

describe('openDatabase upgrade', () => {
  it('keeps the runs, catalog and settings of version 1 and adds the empty stores of version 2', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    await createVersion1(name);
    const db = await openDatabase({ name });
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('runs', 'r1')).toMatchObject({ prompt: 'Why?' });
    expect(await db.get('comparisons', 'c1')).toMatchObject({ category: 'chat' });
    expect(await db.getAllFromIndex('comparisons', 'by-tool', 'b')).toHaveLength(1);
    expect(await db.get('tools', 'a')).toMatchObject({ name: 'Tool A' });
    expect(await db.get('settings', 'engine-mode')).toBe('sim');
    expect(await db.count('conversations')).toBe(1);
    expect(await db.count('modelStats')).toBe(1);
    for (const store of [
      'votes',
      'labRuns',
      'labAnswers',
      'labTaskSets',
      'recordings',
      'endpoints',
    ] as const)
      expect(await db.count(store)).toBe(0);
    const endpoint = {
      id: 'e1',
      name: 'Box',
      baseUrl: 'http://127.0.0.1:11434/v1',
      apiKey: null,
      models: ['m'],
      modelsFrom: 'typed' as const,
      createdAt: 5,
      updatedAt: 5,
    };
    await db.put('endpoints', endpoint);
    expect(await db.get('endpoints', 'e1')).toEqual(endpoint);
    db.close();
  });

  it('creates every store in a new database', async () => {
    const db = await openDatabase({ name: `fresh-${crypto.randomUUID()}` });
    expect([...db.objectStoreNames].sort()).toEqual(
      [
        'comparisons',
        'conversations',
        'endpoints',
        'deviceLog',
        'labAnswers',
        'labRuns',
        'labTaskSets',
        'modelStats',
        'recordings',
        'runs',
        'settings',
        'tools',
        'votes',
      ].sort(),
    );
    db.close();
  });

  it("keys a lab answer by run, position and answerer, and finds a run's answers by its id", async () => {
    const db = await openDatabase({ name: `lab-${crypto.randomUUID()}` });
    const answer = (runId: string, position: number, answerer: string) => ({
      runId,
      position,
      answerer,
      text: 'A: 1',
      extracted: '1',
      correct: true,
      tokens: 3,
      ms: 4,
      error: null,
      decision: null,
    });
    await db.put('labAnswers', answer('run-a', 0, 'm1'));
    await db.put('labAnswers', answer('run-a', 0, 'm1'));
    await db.put('labAnswers', answer('run-a', 1, 'vote'));
    await db.put('labAnswers', answer('run-b', 0, 'm1'));
    expect(await db.countFromIndex('labAnswers', 'by-run', 'run-a')).toBe(2);
    expect(await db.get('labAnswers', ['run-a', 1, 'vote'])).toMatchObject({ answerer: 'vote' });
    db.close();
  });
});

const uniqueName = () => `quorum-open-${Math.random().toString(36).slice(2)}`;

describe('openDatabase', () => {
  it('reports a database it had to create, and not one that already existed', async () => {
    const name = uniqueName();
    const onCreated = vi.fn();
    (await openDatabase({ name, onCreated })).close();
    expect(onCreated).toHaveBeenCalledTimes(1);
    (await openDatabase({ name, onCreated })).close();
    expect(onCreated).toHaveBeenCalledTimes(1);
  });

  it('reports a deletion while open as a deletion, not as an upgrade in another tab', async () => {
    const name = uniqueName();
    const onVersionChange = vi.fn();
    const onDeleted = vi.fn();
    const db = await openDatabase({ name, onVersionChange, onDeleted });
    // As the app does on either callback: close, so the deletion can go ahead.
    db.addEventListener('versionchange', () => db.close());
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    expect(onDeleted).toHaveBeenCalledTimes(1);
    expect(onVersionChange).not.toHaveBeenCalled();
    const onCreated = vi.fn();
    (await openDatabase({ name, onCreated })).close();
    expect(onCreated).toHaveBeenCalledTimes(1);
  });
});

describe('openDatabase from a worker (mustExist)', () => {
  it('refuses to create a missing database, so the page still learns that it was lost', async () => {
    const name = uniqueName();
    const page = vi.fn();
    (await openDatabase({ name, onCreated: page })).close();
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = resolve;
      request.onerror = reject;
    });
    // A worker's first search after the deletion, before the page reloads.
    await expect(openDatabase({ name, mustExist: true })).rejects.toBeInstanceOf(
      DatabaseMissingError,
    );
    const onCreated = vi.fn();
    (await openDatabase({ name, onCreated })).close();
    expect(onCreated).toHaveBeenCalledTimes(1);
  });

  it('opens a database that exists', async () => {
    const name = uniqueName();
    (await openDatabase({ name })).close();
    const db = await openDatabase({ name, mustExist: true });
    expect([...db.objectStoreNames]).toContain('comparisons');
    db.close();
  });
});
