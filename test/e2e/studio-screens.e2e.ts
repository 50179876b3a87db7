// The studio after a run and the run history: no axe violations, and screenshots light/dark at 375, 390 and 1280px,
// with the judge's select inside the window and its pick not cut off.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openApp } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import { FAST, openStudio, prepareRun, waitForResult } from './studio-page.js';

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

/**
 * The judge select's right edge, its picked option's text width in its font, and the room for text
 * inside it (its content box less ~20 px for the native arrow): a select's text cannot wrap.
 */
function judgeFit(page: Page) {
  return page.getByLabel('Judge', { exact: true }).evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const probe = document.createElement('span');
    probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${style.font}`;
    const text = select.selectedOptions[0]?.textContent?.trim() ?? '';
    probe.textContent = text;
    document.body.append(probe);
    const textPx = probe.getBoundingClientRect().width;
    probe.remove();
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const roomPx = select.clientWidth - padding - 20;
    return { right: select.getBoundingClientRect().right, text, textPx, roomPx };
  });
}

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
      await openStudio(page, baseUrl, FAST);
      await prepareRun(page, 'Best-of');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page);
      const found: Record<string, unknown[]> = {};
      const studio = await axeViolations(page);
      if (studio.length) found['studio'] = studio;
      for (const width of [1280, 390, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({
          path: `${OUT_DIR}/studio-${colorScheme}-${width}.png`,
          fullPage: true,
        });
        // The judge's select lies inside the window, and the pick it shows is not cut off inside it.
        const judge = await judgeFit(page);
        expect(judge.right, `the judge select's right edge at ${width} px`).toBeLessThanOrEqual(
          width,
        );
        expect(judge.textPx, `"${judge.text}" at ${width} px`).toBeLessThanOrEqual(judge.roomPx);
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
