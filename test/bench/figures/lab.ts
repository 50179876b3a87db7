// The lab: a full GSM8K run (1,319 questions × four recorded models + vote) in the app, its bare floor, the statistics.
import { readFile } from 'node:fs/promises';
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
  /** What the lab reported on the full run, in words (its exported results and its verdict). */
  report: string;
}

/** The exported results' fields the report reads (the quorum-lab-results v1 contract). */
interface ExportedResults {
  taskSet: { id: string; questions: number };
  entries: { label: string; correct: number; total: number; ci95: [number, number] }[];
  comparisons: {
    mode: string;
    against: string;
    difference: number;
    ci95: [number, number];
    mcnemarP: number;
  }[];
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
      const report = await fullRunReport(page);
      await page.goto(`${pagesUrl}/lab.html`);
      await page.waitForFunction(() => typeof window.benchLabBare === 'function');
      const bare: LabBareResult = await page.evaluate(() => window.benchLabBare());
      // The first call also loads the worker's module from the dev server: warm up, then time.
      await page.evaluate(() => window.benchLabStats());
      const stats: LabStatsResult[] = [];
      for (let i = 0; i < 3; i++) stats.push(await page.evaluate(() => window.benchLabStats()));
      results.push({ labMs, bareMs: bare.ms, answers: bare.answers, heapMB, stats, report });
    } finally {
      await browser.close();
    }
  }
  return results;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Exports the shown run's results (JSON) and puts them and the verdict in one sentence each. */
async function fullRunReport(page: Page): Promise<string> {
  const verdict = (await page.locator('[data-testid="verdict"]').first().textContent()) ?? '';
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export results (JSON)' }).click(),
  ]);
  const results = JSON.parse(await readFile((await download.path())!, 'utf8')) as ExportedResults;
  const entries = results.entries
    .map(
      (e) =>
        `${e.label} ${e.correct}/${e.total} = ${pct(e.correct / e.total)} [${pct(e.ci95[0])}, ${pct(e.ci95[1])}]`,
    )
    .join('; ');
  const comparisons = results.comparisons
    .map(
      (c) =>
        `${c.mode} − ${c.against}: ${(c.difference * 100).toFixed(1)} points [${(c.ci95[0] * 100).toFixed(1)}, ${(c.ci95[1] * 100).toFixed(1)}], McNemar p = ${c.mcnemarP.toPrecision(3)}`,
    )
    .join('; ');
  return `The lab's report on the full run (${results.taskSet.id}, ${results.taskSet.questions} questions), accuracy with Wilson 95 % interval: ${entries}. Against the best single model (paired bootstrap 95 % interval): ${comparisons}. Verdict: ${verdict.replace(/\s+/g, ' ').trim()}`;
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / (1024 * 1024);
}
