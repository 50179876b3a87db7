// The lab: a full GSM8K run (1,319 questions × four recorded models + vote) in the app, its bare floor, the statistics.
import { chromium, type Page } from 'playwright-core';
import { launchOptions } from '../../support/chromium.js';
import type { LabBareResult, LabStatsResult } from '../pages/lab.js';

export interface LabRun {
  /** Start run → the verdict shown, in the app (instant replay). */
  labMs: number;
  /** The same model calls on the bench page, with nothing stored, graded or shown. */
  bareMs: number;
  answers: number;
  /** Main-thread heap after the results are shown and a full garbage collection, MiB. */
  heapMB: number;
  stats: LabStatsResult[];
}

const LAB_TIMEOUT_MS = 15 * 60_000;

export async function measureLab(
  appUrl: string,
  pagesUrl: string,
  runs: number,
): Promise<LabRun[]> {
  const results: LabRun[] = [];
  for (let run = 0; run < runs; run++) {
    const browser = await chromium.launch(launchOptions());
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(LAB_TIMEOUT_MS);
      await page.goto(`${appUrl}/lab`);
      await page.getByRole('checkbox', { name: /GPT-3 175B \+ verifier \(recorded\)/ }).waitFor();
      await page.getByRole('radio', { name: 'Every question' }).check();
      const started = Date.now();
      await page.getByRole('button', { name: 'Start run' }).click();
      await page.locator('[data-testid="verdict"]').first().waitFor({ timeout: LAB_TIMEOUT_MS });
      const labMs = Date.now() - started;
      const heapMB = await heapAfterGc(page);
      await page.goto(`${pagesUrl}/lab.html`);
      await page.waitForFunction(() => typeof window.benchLabBare === 'function');
      const bare: LabBareResult = await page.evaluate(() => window.benchLabBare());
      // The first call also loads the worker's module from the dev server: warm up, then time.
      await page.evaluate(() => window.benchLabStats());
      const stats: LabStatsResult[] = [];
      for (let i = 0; i < 3; i++) stats.push(await page.evaluate(() => window.benchLabStats()));
      results.push({ labMs, bareMs: bare.ms, answers: bare.answers, heapMB, stats });
    } finally {
      await browser.close();
    }
  }
  return results;
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}
