// Offline: once the service worker controls the page, the catalog and deep links load with the network cut.
import { describe, expect, inject, it } from 'vitest';
import { cardCount, openApp, waitForServiceWorkerControl } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('file');

describe('offline', () => {
  it('takes control on the first visit, then reloads the catalog and opens a deep link with no network', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
    await waitForServiceWorkerControl(page);
    const href = await page.locator('quorum-comparison-card a').first().getAttribute('href');
    expect(href).toMatch(/^\/comparison\//);

    await session.context.setOffline(true);
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
      await session.context.setOffline(false);
    }
  });
});
