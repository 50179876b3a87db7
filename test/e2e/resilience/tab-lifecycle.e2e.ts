// Frozen and discarded tabs: a run frozen past its silence limits carries on without false failures; a run cut off is listed as interrupted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MEMBER_STALL_MS } from '../../../src/fusion/core/member-stall.js';
import { openApp } from '../../support/app-page.js';
import { launchChromium } from '../../support/chromium.js';
import { failOnConsoleErrors } from '../../support/console-errors.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import {
  column,
  openStudio,
  POOL,
  prepareRun,
  statusLine,
  waitForResult,
  waitForText,
} from '../studio-page.js';

const baseUrl = inject('baseUrl');
/**
 * The freeze issue 11 item 8 names: 60 s, longer than a member's silence limit (MEMBER_STALL_MS,
 * 30 s), the worker heartbeat's 10 s, and the longest limit a silent judge can be given (60 s).
 */
const FREEZE_MS = Math.max(60_000, MEMBER_STALL_MS + 5_000);

interface SavedRun {
  status: string;
  /** The stored answers' text, joined. */
  text: string;
}

/** The run whose prompt contains `marker` as stored in IndexedDB, read in the page; null if none. */
function savedRun(page: Page, marker: string): Promise<SavedRun | null> {
  return page.evaluate(
    (wanted) =>
      new Promise<SavedRun | null>((resolve, reject) => {
        const open = indexedDB.open('quorum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('runs').objectStore('runs').getAll();
          all.onsuccess = () => {
            db.close();
            const runs = all.result as {
              prompt: string;
              status: string;
              answers: { text: string }[];
            }[];
            const run = runs.find((r) => r.prompt.includes(wanted));
            resolve(
              run ? { status: run.status, text: run.answers.map((a) => a.text).join(' ') } : null,
            );
          };
          all.onerror = () => reject(all.error);
        };
      }),
    marker,
  );
}
let browser: Browser;
const watchErrors = failOnConsoleErrors();

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('tabs the browser freezes or discards', () => {
  it('a run in a tab frozen longer than its silence limits continues without false timeouts or heartbeat errors', async () => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openApp(context, `${baseUrl}/`);
      watchErrors(problems);
      // Thinking off: Simulated Steady's answer starts at once, not after ~8 s of reasoning at this pace.
      await openStudio(page, baseUrl, 'simSpeed=6&simStyle=real&thinking=off');
      await prepareRun(page, 'Best-of', 'What is 17 * 23?');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForText(page, 'sim-steady-1.5B');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      await new Promise((resolve) => setTimeout(resolve, FREEZE_MS));
      await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      await waitForResult(page, 120_000);
      expect(await statusLine(page).textContent()).toMatch(/Run done/);
      for (const id of POOL) {
        const text = await shadowTextOf(column(page, id));
        expect(text).not.toMatch(/Failed|timeout|worker-crashed/);
      }
      const result = await shadowTextOf(page.locator('quorum-run-result'));
      expect(result).not.toMatch(/failed as judge|timeout|models answered/);
      expect(await page.locator('quorum-toast-region li').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('a run in a tab that is discarded is listed as interrupted, with its partial answers kept', async () => {
    const context = await browser.newContext();
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      page.setDefaultTimeout(20_000);
      // Thinking off: Simulated Steady's answer starts at once, not after ~10 s of reasoning at this pace.
      await openStudio(page, baseUrl, 'simSpeed=4&thinking=off');
      await prepareRun(page, 'Vote', 'What is 12 * 12? Discarded tab.');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForText(page, 'sim-steady-1.5B');
      // A progressive save holding some answer text has reached the database; the run still goes.
      let saved: SavedRun | null = null;
      await expect
        .poll(async () => (saved = await savedRun(page, 'Discarded tab.'))?.text.length ?? 0, {
          timeout: 20_000,
        })
        .toBeGreaterThan(20);
      expect(saved!.status).toBe('running');
      // The tab's renderer goes without a word, as a discarded or crashed tab does. Playwright never
      // answers a CDP command whose renderer dies of it, so the crash event is what is waited for.
      const cdp = await context.newCDPSession(page);
      const crashed = page.waitForEvent('crash');
      void cdp.send('Page.crash').catch(() => undefined);
      await crashed;
      // Another tab of the same browser opens the history.
      const other = await context.newPage();
      other.setDefaultTimeout(20_000);
      await other.goto(`${baseUrl}/runs`);
      const item = other.locator('[data-testid="run-item"]', { hasText: 'Discarded tab.' });
      await item.waitFor();
      expect(await item.locator('[data-testid="run-item-status"]').textContent()).toMatch(
        /interrupted/,
      );
      await item.getByRole('link').click();
      await expect
        .poll(() => other.locator('[data-testid="run-status"]').textContent(), { timeout: 20_000 })
        .toBe('interrupted');
      const view = await shadowTextOf(other.locator('quorum-run-view'));
      const words = saved!.text.match(/[A-Za-z]{4,}/g)?.slice(0, 3) ?? [];
      expect(words.length).toBe(3);
      for (const word of words) expect(view).toContain(word);
      expect(await shadowTextOf(other.locator('quorum-run-result'))).toMatch(
        /Interrupted before a fused answer/,
      );
    } finally {
      await context.close();
    }
  }, 90_000);
});
