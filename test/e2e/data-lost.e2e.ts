// A deleted database in the built app: said plainly while open and on the next load, the seeds back, the last export offered.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  FIXTURE_PAGES,
  cardCount,
  importInput,
  importResults,
  openApp,
  resultCount,
  waitForCards,
} from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

/** What devtools, another tab or Chromium after a failed write on a full disk does. */
async function deleteQuorumDatabase(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('quorum');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
      }),
  );
}

function notices(page: Page) {
  return page.locator('.notices');
}

describe('a lost database', () => {
  it('says the data was deleted (not "updated in another tab"), and the next load brings the seeds back and says why', async () => {
    const { page, problems } = await openApp(session.context, `${baseUrl}/`);
    await waitForCards(page, 5);
    await deleteQuorumDatabase(page);
    await expect
      .poll(() => shadowTextOf(notices(page)))
      .toContain('Quorum’s data was deleted while this tab was open');
    expect(await shadowTextOf(notices(page))).not.toContain('updated in another tab');
    await page.reload();
    await expect
      .poll(() => resultCount(page).textContent(), { timeout: 15_000 })
      .toContain('5 comparisons');
    const lost = page.getByRole('heading', { name: 'Your browser deleted Quorum’s data' });
    await lost.waitFor();
    expect(await page.locator('[data-testid="kept-export"]').textContent()).toContain(
      'No export was kept in this browser',
    );
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => lost.count()).toBe(0);
    // A third load is an ordinary returning visit: nothing lost, nothing said.
    await page.reload();
    await waitForCards(page, 5);
    expect(await lost.count()).toBe(0);
    expect(problems.errors).toEqual([]);
  });

  it('offers the last export made here, and importing it restores the pages the visitor had', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await waitForCards(page, 5);
    await importInput(page).setInputFiles(join(FIXTURE_PAGES, 'e2e-new-page.txt'));
    await expect.poll(() => cardCount(page)).toBe(6);
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export catalog' }).click(),
    ]);
    await expect
      .poll(() => importResults(page).textContent())
      .toContain('A copy is kept in this browser');
    await deleteQuorumDatabase(page);
    await page.reload();
    await waitForCards(page, 5);
    const kept = page.locator('[data-testid="kept-export"]');
    await expect.poll(() => kept.textContent()).toMatch(/quorum-catalog-.*\.json, 6 comparisons/);
    await page.getByRole('button', { name: 'Import your last export' }).click();
    await expect
      .poll(() => page.locator('[data-testid="restore-result"]').first().textContent())
      .toContain('Imported 1 new comparison');
    await expect.poll(() => cardCount(page)).toBe(6);
  });

  it('asks the browser to keep the data once the first catalog is saved, and Settings says so without an import nobody made', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await waitForCards(page, 5);
    await page.getByRole('link', { name: 'Settings' }).click();
    const asked = page.locator('[data-testid="persistence-asked"]');
    await expect
      .poll(() => asked.textContent())
      .toMatch(
        /asked the browser to keep its data when it first saved its catalog of models on this device/,
      );
    // Nobody imported anything on a first visit (newcomer's report, 2026-11-30).
    expect(await asked.textContent()).not.toMatch(/import/);
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    expect(await asked.textContent()).toContain(
      persisted ? 'the browser granted it' : 'the browser did not grant it',
    );
  });
});
