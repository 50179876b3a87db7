// The studio after a run and the run history: no axe violations, and screenshots light/dark at 375 and 1280px.
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openApp } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import { openStudio, prepareRun, waitForResult } from './studio-page.js';

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

describe.each(['light', 'dark'] as const)('studio in %s mode', (colorScheme) => {
  it('has no axe violations after a run or on the history, and fits a phone', async () => {
    // bypassCSP: axe is injected as an inline script, which the app's CSP rightly refuses.
    const context = await browser.newContext({
      colorScheme,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl);
      await prepareRun(page, 'Best-of');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page);
      const found: Record<string, unknown[]> = {};
      const studio = await axeViolations(page);
      if (studio.length) found['studio'] = studio;
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({
          path: `${OUT_DIR}/studio-${colorScheme}-${width}.png`,
          fullPage: true,
        });
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(375);
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('link', { name: 'History', exact: true }).click();
      await page.locator('[data-testid="run-item"]').first().waitFor();
      const runs = await axeViolations(page);
      if (runs.length) found['runs'] = runs;
      await page.locator('[data-testid="run-item"] a').first().click();
      await page.locator('[data-testid="run-status"]').waitFor();
      const run = await axeViolations(page);
      if (run.length) found['run'] = run;
      await page.screenshot({ path: `${OUT_DIR}/run-${colorScheme}-1280.png`, fullPage: true });
      expect(found).toEqual({});
    } finally {
      await context.close();
    }
  }, 120_000);
});
