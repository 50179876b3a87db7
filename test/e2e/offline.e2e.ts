// Offline: once the service worker controls the page, the catalog and deep links load with the network cut.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cardCount, openApp, waitForServiceWorkerControl } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser.close();
});

describe('offline', () => {
  it('takes control on the first visit, then reloads the catalog and opens a deep link with no network', async () => {
    const { page } = await openApp(context, `${baseUrl}/`);
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
    await waitForServiceWorkerControl(page);
    const href = await page.locator('quorum-comparison-card a').first().getAttribute('href');
    expect(href).toMatch(/^\/comparison\//);

    await context.setOffline(true);
    try {
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      await page.reload();
      await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);

      await page.goto(`${baseUrl}${href}`);
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toContain(' vs ');
      expect(await page.locator('quorum-scorecard li').count()).toBeGreaterThan(0);

      await page.goto(`${baseUrl}/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    } finally {
      await context.setOffline(false);
    }
  });
});
