// Frozen and discarded tabs: a run frozen for a minute carries on without false failures; a run cut off is listed as interrupted.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { launchChromium } from '../../support/chromium.js';
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
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('tabs the browser freezes or discards', () => {
  it('a run in a tab frozen for 60 s continues without false timeouts or heartbeat errors', async () => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl, 'simSpeed=6&simStyle=real');
      await prepareRun(page, 'Best-of', 'What is 17 * 23?');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForText(page, 'sim-steady-1.5B');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      await new Promise((resolve) => setTimeout(resolve, 60_000));
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
      expect(problems.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
