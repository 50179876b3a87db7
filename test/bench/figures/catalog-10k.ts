// The 10k catalog: import10kMs and its IndexedDB floor, then (browser restarted) coldLoad10kMs, heapMB and search10kMs.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { FloorResult } from '../pages/floor.js';
import { closeProfile, newProfileDir, openProfile, waitInteractive } from './browser.js';
import { defineDeepFind, type WithDeepFind } from './deep.js';

export interface Catalog10kRun {
  importMs: number;
  floorMs: number;
  floor: FloorResult;
  importSummary: string;
  /** The import announced → the search worker next reports its index ready (it has the new pages). */
  indexAfterImportMs: number;
  coldLoad10kMs: number;
  heapMB: number;
  /** Navigation start → the search worker reports its index ready, on the restarted browser. */
  indexReloadMs: number;
  /** True when that index was rebuilt from the records instead of loaded from its saved snapshot. */
  indexRebuilt: boolean;
  /** The saved index as IndexedDB keeps it on disk (its blob files), in MiB; null when not found. */
  snapshotMB: number | null;
  /** The search worker's JS heap after a full garbage collection, in MiB. */
  workerHeapMB: number;
  /** Keystroke → result list changed, per keystroke. */
  searchMs: number[];
  /** The part after the search box's search-change event: search plus render. */
  searchAfterDebounceMs: number[];
}

/** Letters typed into the empty search box; each turns the unfiltered count into "N of M match". */
const SEARCH_KEYS = ['v', 'l', 'q', 'm', 'g', 'd', 's', 'p'];

export async function measureCatalog10k(
  appUrl: string,
  pagesUrl: string,
  pageFiles: string[],
  /** Also time the floor's puts in one transaction (one run is enough: it only explains the ratio). */
  floorInOneTransaction = false,
): Promise<Catalog10kRun> {
  const dir = newProfileDir();
  const first = await openProfile(dir);
  let importMs: number;
  let importSummary: string;
  let indexAfterImportMs: number;
  let floor: FloorResult;
  try {
    await first.page.goto(appUrl);
    await waitInteractive(first.page);
    ({ importMs, importSummary } = await importThroughUi(first.page, pageFiles));
    indexAfterImportMs = await readyAfterImport(first.page);
    floor = await measureFloor(first.page, pagesUrl, pageFiles, floorInOneTransaction);
    // The returning visitor should find the index saved: wait until it is (or say it was not).
    await waitForSavedIndex(first.page);
  } finally {
    await closeProfile(first, false);
  }
  const snapshotMB = indexedDbBlobMB(dir);
  // Restarted browser on the same profile: a returning visitor with the catalog stored.
  const second = await openProfile(dir);
  try {
    await second.page.goto(appUrl);
    const coldLoad10kMs = await waitInteractive(second.page, 120_000);
    await waitForCount(second.page, /^\d+ comparisons$/);
    const reload = await waitForSearchIndex(second.page);
    const heapMB = await heapAfterGc(second.page);
    const workerHeapMB = await searchWorkerHeapMB(second.page);
    const search = await measureSearch(second.page);
    return {
      importMs,
      floorMs: floor.putMs,
      floor,
      importSummary,
      indexAfterImportMs,
      coldLoad10kMs,
      heapMB,
      indexReloadMs: reload.readyAt,
      indexRebuilt: reload.rebuilt,
      snapshotMB,
      workerHeapMB,
      searchMs: search.total,
      searchAfterDebounceMs: search.afterDebounce,
    };
  } finally {
    await closeProfile(second);
  }
}

/** The visitor's path: "Import comparisons" file input; done when the live region announces the result. */
async function importThroughUi(
  page: Page,
  files: string[],
): Promise<{ importMs: number; importSummary: string }> {
  const input = page.getByLabel('Import comparisons');
  const results = page.locator('[data-testid="import-results"]');
  await input.evaluate((element) => {
    const marks: Record<string, number> = {};
    (window as unknown as { __import: Record<string, number> }).__import = marks;
    element.addEventListener('change', () => (marks.start = performance.now()), {
      capture: true,
      once: true,
    });
  });
  await results.evaluate((region) => {
    const marks = (window as unknown as { __import: Record<string, number> }).__import;
    const observer = new MutationObserver(() => {
      if ((region.textContent ?? '').trim().length === 0) return;
      marks.end = performance.now();
      observer.disconnect();
    });
    observer.observe(region, { childList: true, subtree: true, characterData: true });
  });
  await input.setInputFiles(files, { timeout: 120_000 });
  await page.waitForFunction(
    () => (window as unknown as { __import: { end?: number } }).__import.end !== undefined,
    null,
    { timeout: 400_000, polling: 200 },
  );
  const marks = await page.evaluate(
    () => (window as unknown as { __import: { start: number; end: number } }).__import,
  );
  const importSummary = ((await results.textContent()) ?? '').trim().replace(/\s+/g, ' ');
  if (!importSummary.startsWith(`Imported ${files.length} new comparisons`)) {
    throw new Error(`the import did not add every page: "${importSummary.slice(0, 200)}"`);
  }
  return { importMs: marks.end - marks.start, importSummary: importSummary.slice(0, 120) };
}

/** Same browser, same run: the same pages' records put with bare puts into the app's schema. */
async function measureFloor(
  appPage: Page,
  pagesUrl: string,
  files: string[],
  oneTransaction: boolean,
): Promise<FloorResult> {
  const page = await appPage.context().newPage();
  try {
    await page.goto(`${pagesUrl}/floor.html`);
    await page.waitForFunction(() => typeof window.benchFloor === 'function');
    await page.locator('#pages').setInputFiles(files, { timeout: 120_000 });
    return await page.evaluate((one) => window.benchFloor({ oneTransaction: one }), oneTransaction);
  } finally {
    await page.close();
  }
}

async function waitForCount(page: Page, pattern: RegExp): Promise<void> {
  await page.evaluate(defineDeepFind);
  await page.waitForFunction(
    (source) => {
      const count = (window as unknown as WithDeepFind).deepFind(
        document,
        '[data-testid="result-count"]',
      );
      return new RegExp(source).test((count?.textContent ?? '').trim());
    },
    pattern.source,
    { timeout: 120_000, polling: 50 },
  );
}

/** Main-thread JS heap after a full garbage collection (CDP), in MiB. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

async function measureSearch(page: Page): Promise<{ total: number[]; afterDebounce: number[] }> {
  const total: number[] = [];
  const afterDebounce: number[] = [];
  const search = page.locator('input[type="search"]');
  for (const key of SEARCH_KEYS) {
    await search.fill('');
    await waitForCount(page, /^\d+ comparisons$/);
    await page.evaluate(() => {
      const find = (window as unknown as WithDeepFind).deepFind;
      const marks: { key?: number; emitted?: number; updated?: number } = {};
      (window as unknown as { __search: typeof marks }).__search = marks;
      const count = find(document, '[data-testid="result-count"]');
      const root = count?.getRootNode();
      const filters = find(document, 'quorum-catalog-filters');
      if (!(root instanceof ShadowRoot) || !filters) throw new Error('catalog view not found');
      window.addEventListener('keydown', () => (marks.key ??= performance.now()), {
        capture: true,
        once: true,
      });
      filters.addEventListener('search-change', () => (marks.emitted ??= performance.now()), {
        once: true,
      });
      const observer = new MutationObserver(() => {
        if (marks.key === undefined) return;
        const text = (find(document, '[data-testid="result-count"]')?.textContent ?? '').trim();
        if (!/match/.test(text)) return;
        marks.updated = performance.now();
        observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true, characterData: true });
    });
    await search.press(key);
    const marks = await (
      await page.waitForFunction(
        () => {
          const m = (window as unknown as { __search: Record<string, number | undefined> })
            .__search;
          return m.updated !== undefined && m.key !== undefined
            ? { key: m.key, updated: m.updated, emitted: m.emitted ?? m.key }
            : null;
        },
        null,
        { timeout: 30_000, polling: 50 },
      )
    ).jsonValue();
    if (!marks) throw new Error('search marks missing');
    total.push(marks.updated - marks.key);
    afterDebounce.push(marks.updated - marks.emitted);
  }
  return { total, afterDebounce };
}

/** The import's end (its announcement) → the search worker's next ready report: search has the pages. */
async function readyAfterImport(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const end = (window as unknown as { __import: { end: number } }).__import.end;
      const ready = window.__bench.searchReadyTimes.find((time) => time > end);
      return ready === undefined ? null : ready - end;
    },
    null,
    { timeout: 300_000, polling: 100 },
  );
  return Number(await handle.jsonValue());
}

/** Until the saved index carries the catalog's current revision (the app saves it a while after an import). */
async function waitForSavedIndex(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('quorum');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          const settings = db.transaction('settings').objectStore('settings');
          const revision = settings.get('catalog-revision');
          const saved = settings.get('search-index');
          saved.onsuccess = () => {
            const snapshot = saved.result as { revision?: unknown } | undefined;
            db.close();
            resolve(snapshot !== undefined && snapshot.revision === revision.result);
          };
          saved.onerror = () => resolve(false);
        };
      }),
    null,
    { timeout: 300_000, polling: 2000 },
  );
}

/** IndexedDB keeps large values (the saved index) as files beside its database: their total size. */
function indexedDbBlobMB(profileDir: string): number | null {
  const root = join(profileDir, 'Default', 'IndexedDB');
  let bytes = 0;
  let found = false;
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const inner = join(path, entry.name);
      if (entry.isDirectory()) walk(inner);
      else bytes += statSync(inner).size;
    }
  };
  try {
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name.endsWith('.indexeddb.blob')) {
        found = true;
        walk(join(root, entry.name));
      }
    }
  } catch {
    return null;
  }
  return found ? bytes / (1024 * 1024) : null;
}

/** navigation start → index ready, from the probe; and whether it was rebuilt rather than loaded. */
async function waitForSearchIndex(page: Page): Promise<{ readyAt: number; rebuilt: boolean }> {
  const handle = await page.waitForFunction(
    () =>
      window.__bench.searchReadyAt === null
        ? null
        : { readyAt: window.__bench.searchReadyAt, rebuilt: window.__bench.searchRebuilt },
    null,
    { timeout: 300_000, polling: 50 },
  );
  const result = await handle.jsonValue();
  if (result === null) throw new Error('the search index never became ready');
  return result;
}

/**
 * The search worker's heap after a full GC, through the page's CDP session: the worker is attached
 * as a child target (not flattened), and commands reach it wrapped in Target.sendMessageToTarget.
 */
async function searchWorkerHeapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const workers: string[] = [];
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker' && event.targetInfo.url.includes('search')) {
        workers.push(event.sessionId);
      }
    });
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    const sessionId = workers[0];
    if (sessionId === undefined) throw new Error('the search worker was not found over CDP');
    const call = inTarget(cdp, sessionId);
    await call('HeapProfiler.enable');
    await call('HeapProfiler.collectGarbage');
    const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
}

function inTarget(cdp: CDPSession, sessionId: string) {
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return (method: string): Promise<unknown> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params: {} }),
      });
    });
}
