// Saves /models and /chat (simulated) light and dark, phone and desktop, to test/e2e/screenshots/ to look at;
// fails if either view scrolls sideways at phone width.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, waitForView } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';

const baseUrl = inject('baseUrl');
const OUT_DIR = 'test/e2e/screenshots';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe.each(['light', 'dark'] as const)('model views in %s mode', (colorScheme) => {
  it('render at 375px and 1280px without sideways scrolling', async () => {
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const { page } = await openApp(context, `${baseUrl}/models?engine=sim`);
      await waitForView(page);
      await page.getByRole('button', { name: 'Download Simulated Swift 0.5B' }).click();
      await page.getByRole('link', { name: 'Chat with Simulated Swift 0.5B' }).click();
      await waitForView(page);
      const box = page.getByLabel('Your message');
      await box.fill('What is 12 + 30?');
      await box.press('Control+Enter');
      await page.getByTestId('usage').waitFor({ timeout: 20_000 });
      const chatUrl = page.url();
      const overflowing: string[] = [];
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        for (const [name, url] of [
          ['models', `${baseUrl}/models?engine=sim`],
          ['chat', chatUrl],
        ] as const) {
          await page.goto(url);
          await waitForView(page);
          await page.locator('quorum-model-card, quorum-chat-turn').first().waitFor();
          await page.screenshot({
            path: `${OUT_DIR}/${name}-${colorScheme}-${width}.png`,
            fullPage: true,
          });
          const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
          if (wide) overflowing.push(`${name} at ${width}px`);
        }
      }
      expect(overflowing).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
