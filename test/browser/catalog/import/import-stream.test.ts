// Streamed imports against Chromium's real IndexedDB, whose transaction rules fake-indexeddb does not enforce.
import { afterEach, describe, expect, it } from 'vitest';
import { importInWorker } from '../../../../src/catalog/import/import-client.js';
import { importReport } from '../../../support/import-report.js';
import type { ImportFile } from '../../../../src/catalog/import/read-import-files.js';
import { openDatabase, type QuorumDatabase } from '../../../../src/db/open-database.js';
import { generatePages } from '../../../bench/generate-pages.js';
import { groupsOf } from '../../../support/import-groups.js';
import { silentWorker } from '../../../support/silent-worker.js';

const encoder = new TextEncoder();
const closers: (() => void)[] = [];
afterEach(() => {
  closers.splice(0).forEach((close) => close());
});

async function freshDb(): Promise<QuorumDatabase> {
  const db = await openDatabase({ name: `import-stream-${Math.random().toString(36).slice(2)}` });
  closers.push(() => db.close());
  return db;
}

function pageFiles(count: number, seed: number): ImportFile[] {
  return generatePages({ count, seed }).map((page) => ({
    name: page.fileName,
    bytes: encoder.encode(page.text),
  }));
}

describe('streamed import', () => {
  it.each([
    ['while earlier writes are still landing', 0],
    ['after every earlier write has landed', 40],
  ])('keeps one transaction for groups arriving %s', async (_, delayMs) => {
    const db = await freshDb();
    const report = await importReport(db, groupsOf(pageFiles(600, 1), 100, delayMs));
    expect(report).toMatchObject({ ok: true, storageError: null });
    expect(report.added).toHaveLength(600);
    expect(await db.count('comparisons')).toBe(600);
  });

  it('rolls every group back when a later file is refused', async () => {
    const db = await freshDb();
    const files = pageFiles(400, 2);
    const report = await importReport(db, groupsOf(files, 100, 0, 350));
    expect(report.errors.map((error) => error.fileName)).toEqual([files[350]?.name]);
    expect(await db.count('comparisons')).toBe(0);
  });

  it('imports through the import worker, and a refusal there stores nothing either', async () => {
    const db = await freshDb();
    const files = pageFiles(500, 3);
    const refused = await importInWorker(db.name, groupsOf(files, 100, 0, 420), Date.now());
    expect(refused.report.errors.map((error) => error.fileName)).toEqual([files[420]?.name]);
    expect(await db.count('comparisons')).toBe(0);

    // The first run transferred (detached) the bytes it sent: read the pages again.
    const done = await importInWorker(db.name, groupsOf(pageFiles(500, 3), 100, 0), Date.now());
    expect(done.report).toMatchObject({ ok: true, storageError: null });
    expect(done.writtenIds).toHaveLength(500);
    expect(await db.count('comparisons')).toBe(500);
  });

  it('reports a worker that dies mid-import as a failure, with nothing stored', async () => {
    const db = await freshDb();
    const dying = () =>
      new Worker(
        URL.createObjectURL(
          new Blob(
            ['onmessage = (e) => { if (e.data.method === "group") throw new Error("boom"); }'],
            {
              type: 'text/javascript',
            },
          ),
        ),
      );
    const outcome = await importInWorker(db.name, groupsOf(pageFiles(50, 4), 10, 0), 0, dying);
    expect(outcome.report.ok).toBe(false);
    expect(outcome.report.storageError).toMatchObject({ kind: 'worker-crashed' });
    expect(outcome.report.storageError?.message).toMatch(
      /The import stopped.*nothing was imported/,
    );
    expect(outcome.report.storageError?.detail).toMatch(/boom/);
    expect(await db.count('comparisons')).toBe(0);
  });

  it('reports a worker that ends without a word mid-import (closed, killed), with nothing stored', async () => {
    const db = await freshDb();
    // Without watching the worker's life lock, the import would wait forever (this test times out).
    const silent = (name: string) => silentWorker(name, 'group');
    const outcome = await importInWorker(db.name, groupsOf(pageFiles(50, 5), 10, 0), 0, silent);
    expect(outcome.report.ok).toBe(false);
    expect(outcome.report.storageError).toMatchObject({
      kind: 'worker-crashed',
      detail: 'the import worker ended',
    });
    expect(outcome.report.storageError?.message).toMatch(
      /The import stopped.*nothing was imported/,
    );
    expect(await db.count('comparisons')).toBe(0);
  }, 20_000);
});
