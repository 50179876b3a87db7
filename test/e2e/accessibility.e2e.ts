// axe-core finds no violations on the main views and on a debate's decision trace, in light and in dark.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  axeViolations,
  cardCount,
  mainViews,
  openApp,
  waitForCards,
  waitForView,
  type MainView,
} from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import { FAST, openStudio, prepareRun, waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let views: MainView[];

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext();
  const { page } = await openApp(context, `${baseUrl}/`);
  await waitForCards(page, 5);
  views = await mainViews(page);
  await context.close();
});
afterAll(async () => {
  await browser.close();
});

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (colorScheme) => {
  it('has no axe violations on the catalog, comparison, tool, compare, settings and not-found views', async () => {
    // bypassCSP: axe is injected as an inline script, which the app's CSP rightly refuses.
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
      const found: Record<string, unknown[]> = {};
      for (const view of [...views, { name: 'not-found', path: '/no-such-page' }]) {
        await page.goto(`${baseUrl}${view.path}`);
        await waitForView(page);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[view.name] = violations;
      }
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  }, 180_000);
});

describe.each(['light', 'dark'] as const)('the debate trace in %s mode', (colorScheme) => {
  it('has no axe violations on a finished debate with its folded details open (issue 10 item 19)', async () => {
    const context = await browser.newContext({ colorScheme, bypassCSP: true });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl, FAST);
      await prepareRun(page, 'Debate', 'Explain how a B-tree keeps itself balanced.');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page);
      for (const details of await page.locator('quorum-fusion-trace details').all())
        await details.evaluate((el) => el.setAttribute('open', ''));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
