// Drives /arena for its end-to-end tests (simulated, recorded, remote and built-in contestants): open it, battle, vote from the keyboard, read what was stored.
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { addEndpoint } from '../../support/endpoints-ui.js';
import { shadowTextOf } from '../../support/shadow-text.js';

/** expect.poll with room for a loaded machine (its default gives up after 1 s). */
export const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

export async function openArena(context: BrowserContext, url: string): Promise<Page> {
  const { page } = await openApp(context, url);
  await page.getByRole('button', { name: 'Start battle' }).waitFor({ timeout: 20_000 });
  return page;
}

/** The name the test server is added under in Settings. */
export const ENDPOINT = 'Home server';

/**
 * Adds the test server in Settings as a visitor does, named ENDPOINT, with its listed models or
 * `typed` ones; `serverUrl` is its address as typed (with or without /v1). Then opens the arena at
 * `arenaUrl` and closes the Settings tab.
 */
export async function openArenaWithServer(
  context: BrowserContext,
  appUrl: string,
  serverUrl: string,
  arenaUrl: string,
  typed?: readonly string[],
): Promise<Page> {
  const { page: settings } = await openApp(context, `${appUrl}/settings`);
  await addEndpoint(settings, appUrl, {
    name: ENDPOINT,
    baseUrl: serverUrl,
    ...(typed ? { typed } : {}),
  });
  const page = await openArena(context, arenaUrl);
  await settings.close();
  return page;
}

/** Waits for both answers, while the vote buttons are offered, and checks both are on screen. */
export async function waitForVoting(page: Page): Promise<void> {
  await page.getByRole('button', { name: /A is better/ }).waitFor({ timeout: 30_000 });
  // The visitor votes on what they read: both answers show, finished, before the vote.
  await poll(() => page.getByTestId('side-status').allTextContents()).toEqual(['Done', 'Done']);
  for (const name of ['Model A answer', 'Model B answer'])
    await poll(() => shadowTextOf(page.getByRole('region', { name }))).not.toBe('');
}

/** The revealed model names, Model A's first (none before the vote). */
export const sideNames = async (page: Page) =>
  (await page.locator('[data-testid="side-model"]').allTextContents()).map((t) => t.trim());

export const sideHeadings = async (page: Page) =>
  (await page.locator('quorum-battle-side h2').allTextContents()).map((t) => t.trim());

/** Everything both sides show, as a visitor reads it. */
export const battleText = async (page: Page) =>
  (await page.locator('quorum-battle-side').allInnerTexts()).join('\n');

/** N, then `key` once both have answered; resolves with the names the vote revealed. */
export async function battleByKeys(page: Page, key: string): Promise<string[]> {
  await page.keyboard.press('n');
  await waitForVoting(page);
  expect(await sideNames(page)).toEqual([]);
  await page.keyboard.press(key);
  await poll(() => sideNames(page)).toHaveLength(2);
  return sideNames(page);
}

export interface StoredVote {
  a: string;
  b: string;
  winner: string;
  source: string;
  prompt: string;
  lengthA: number;
  lengthB: number;
}

/** The votes store of database `quorum`, read in the page. */
export function storedVotes(page: Page): Promise<StoredVote[]> {
  return page.evaluate(
    () =>
      new Promise<StoredVote[]>((resolve, reject) => {
        const open = indexedDB.open('quorum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('votes').objectStore('votes').getAll();
          all.onsuccess = () => resolve(all.result as StoredVote[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** The leaderboard's rows: [rank, name, rating, …] as text. */
export async function leaderboardRows(page: Page, url: string): Promise<string[][]> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Arena leaderboard' }).waitFor();
  const rows = page.locator('quorum-standings tbody tr');
  await poll(() => rows.count()).toBeGreaterThan(0);
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')),
  );
}
