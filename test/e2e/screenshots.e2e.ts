// Saves the main views light and dark, phone and desktop, to test/e2e/screenshots/ for a person to look at;
// fails if a view scrolls sideways at phone width.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  cardCount,
  mainViews,
  openApp,
  waitForCards,
  waitForView,
  type MainView,
} from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';

const baseUrl = inject('baseUrl');
const OUT_DIR = 'test/e2e/screenshots';
const WIDTHS = [375, 1280] as const;
let browser: Browser;
let views: MainView[];

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
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

describe.each(['light', 'dark'] as const)('screenshots in %s mode', (colorScheme) => {
  it.each(WIDTHS)(
    'renders every main view at %ipx without sideways scrolling',
    async (width) => {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 800 } });
      try {
        const { page } = await openApp(context, `${baseUrl}/`);
        await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
        const overflowing: string[] = [];
        for (const view of views) {
          await page.goto(`${baseUrl}${view.path}`);
          await waitForView(page);
          const name = `${OUT_DIR}/${view.name}-${colorScheme}-${width}`;
          await page.screenshot({ path: `${name}.png`, fullPage: true });
          // The first screen alone, at full size: what a visitor sees before scrolling.
          await page.screenshot({ path: `${name}-fold.png` });
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > width) overflowing.push(`${view.name}: ${scrollWidth}px`);
        }
        expect(overflowing).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
