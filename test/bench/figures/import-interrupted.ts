// importInterruptedIntact: a 2,000-page import cut short by a reload at seeded random moments leaves the catalog exactly before or after it.
import type { Page } from 'playwright-core';
import { seededRandom } from '../../../src/shared/prng.js';
import { closeProfile, newProfileDir, openProfile, waitInteractive } from './browser.js';

/** The catalog's stores, each reduced to what an import writes (times of writing left out). */
export interface CatalogPrint {
  comparisons: number;
  tools: number;
  /** A digest of every record but their `…At` fields, in key order. */
  digest: string;
}

export interface InterruptedRun {
  /** ms after the file input's change event when the page reloaded itself. */
  reloadAfterMs: number;
  state: 'before' | 'after' | 'neither';
  print: CatalogPrint;
}

export interface InterruptedResult {
  /** The uninterrupted import, change event → the result announced, in ms. */
  fullImportMs: number;
  before: CatalogPrint;
  after: CatalogPrint;
  runs: InterruptedRun[];
}

/** Reads both catalog stores with bare IndexedDB, so the app's own code does not judge itself. */
async function printCatalog(page: Page): Promise<CatalogPrint> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('quorum');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('getAll failed'));
      });
    const [comparisons, tools] = await Promise.all([all('comparisons'), all('tools')]);
    db.close();
    const text = JSON.stringify([comparisons, tools], (key, value: unknown) =>
      key.endsWith('At') ? undefined : value,
    );
    const bytes = new TextEncoder().encode(text);
    const hash = await crypto.subtle.digest('SHA-256', bytes);
    const digest = [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { comparisons: comparisons.length, tools: tools.length, digest };
  });
}

function same(a: CatalogPrint, b: CatalogPrint): boolean {
  return a.digest === b.digest && a.comparisons === b.comparisons && a.tools === b.tools;
}

/** A first visit in a fresh profile, the seeds in and the catalog shown. */
async function openFresh(appUrl: string) {
  const profile = await openProfile(newProfileDir());
  await profile.page.goto(appUrl);
  await waitInteractive(profile.page, 120_000);
  await profile.page
    .locator('[data-testid="result-count"]')
    .filter({ hasText: /comparisons/ })
    .waitFor({ timeout: 60_000 });
  return profile;
}

/** Arms the page: `reloadAfterMs` after the import's change event it reloads itself (null: never). */
async function armReload(page: Page, reloadAfterMs: number | null): Promise<void> {
  await page.getByLabel('Import comparisons', { exact: true }).evaluate((input, delay) => {
    const marks: Record<string, number> = {};
    (window as unknown as { __interrupt: Record<string, number> }).__interrupt = marks;
    input.addEventListener(
      'change',
      () => {
        marks.start = performance.now();
        if (delay !== null) setTimeout(() => location.reload(), delay);
      },
      { capture: true, once: true },
    );
  }, reloadAfterMs);
}

/** The uninterrupted import: how long it takes, and the catalog before and after it. */
async function fullImport(appUrl: string, files: string[]) {
  const profile = await openFresh(appUrl);
  try {
    const before = await printCatalog(profile.page);
    await armReload(profile.page, null);
    const results = profile.page.locator('[data-testid="import-results"]');
    await profile.page
      .getByLabel('Import comparisons', { exact: true })
      .setInputFiles(files, { timeout: 300_000 });
    await results.filter({ hasText: /Imported \d+ new comparisons/ }).waitFor({ timeout: 300_000 });
    const fullImportMs = await profile.page.evaluate(
      () =>
        performance.now() -
        (window as unknown as { __interrupt: { start: number } }).__interrupt.start,
    );
    return { before, after: await printCatalog(profile.page), fullImportMs };
  } finally {
    await closeProfile(profile);
  }
}

/**
 * Imports `files` through the visitor's file input in a fresh profile per run and reloads the page
 * at seeded random moments within the uninterrupted import's duration (plus a tenth, so some land
 * just after it ends); after each reload, the catalog read with bare IndexedDB must equal the one
 * before the import or the one after it.
 */
export async function measureImportInterrupted(
  appUrl: string,
  files: string[],
  points = 20,
  seed = 20_261_130,
  log: (message: string) => void = () => undefined,
): Promise<InterruptedResult> {
  const { before, after, fullImportMs } = await fullImport(appUrl, files);
  if (same(before, after)) throw new Error('the uninterrupted import changed nothing');
  log(`uninterrupted import of ${files.length} pages: ${Math.round(fullImportMs)} ms`);
  const random = seededRandom(seed);
  const runs: InterruptedRun[] = [];
  for (let run = 0; run < points; run++) {
    const reloadAfterMs = Math.round(random() * fullImportMs * 1.1);
    const profile = await openFresh(appUrl);
    try {
      await armReload(profile.page, reloadAfterMs);
      const reloaded = profile.page.waitForEvent('load', { timeout: 300_000 });
      await profile.page
        .getByLabel('Import comparisons', { exact: true })
        .setInputFiles(files, { timeout: 300_000 });
      await reloaded;
      await waitInteractive(profile.page, 120_000);
      const print = await printCatalog(profile.page);
      const state = same(print, before) ? 'before' : same(print, after) ? 'after' : 'neither';
      runs.push({ reloadAfterMs, state, print });
      log(`interrupted run ${run + 1}/${points}: reload at ${reloadAfterMs} ms → ${state}`);
    } finally {
      await closeProfile(profile);
    }
  }
  return { fullImportMs, before, after, runs };
}
