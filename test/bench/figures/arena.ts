// arenaFitMs: the arena worker's Bradley–Terry fit plus 1,000 bootstrap resamples on 10,000 votes among 20 models.
import { chromium } from 'playwright-core';
import { launchOptions } from '../../support/chromium.js';
import { figure, type FigureResult } from '../budgets.js';
import type { ArenaBenchResult } from '../pages/arena.js';
import { median, summarize } from '../stats.js';

export const ARENA_VOTES = 10_000;
export const ARENA_MODELS = 20;
export const ARENA_RESAMPLES = 1000;

export async function measureArena(pagesUrl: string, runs: number): Promise<ArenaBenchResult[]> {
  const browser = await chromium.launch(launchOptions());
  const results: ArenaBenchResult[] = [];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${pagesUrl}/arena.html`);
    await page.waitForFunction(() => typeof window.benchArenaSeed === 'function');
    const dbName = await page.evaluate(
      ([votes, models]) => window.benchArenaSeed(votes, models, 1),
      [ARENA_VOTES, ARENA_MODELS] as const,
    );
    for (let run = 0; run < runs; run++) {
      const result = await page.evaluate(
        ([name, resamples]) => window.benchArenaFit(name, resamples),
        [dbName, ARENA_RESAMPLES] as const,
      );
      if (result.votes !== ARENA_VOTES || result.models !== ARENA_MODELS) {
        throw new Error(`the fit saw ${result.votes} votes among ${result.models} models`);
      }
      results.push(result);
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** arenaFitMs and arenaLongTasks from `runs` fits, each with how it was measured. */
export async function arenaFigures(pagesUrl: string, runs: number): Promise<FigureResult[]> {
  const results = await measureArena(pagesUrl, runs);
  const how = `Bench page (test/bench/pages/arena.ts): ${ARENA_VOTES} synthetic votes among ${ARENA_MODELS} models (Bradley–Terry strengths, 10 % ties, 5 % both bad) stored in IndexedDB, then a new arena worker per run asked for the leaderboard with ${ARENA_RESAMPLES} bootstrap resamples.`;
  return [
    figure(
      'arenaFitMs',
      results.map((r) => r.fitMs),
      `${how} performance.now() in the worker around computeLeaderboard (fit, ${ARENA_RESAMPLES} resamples, intervals, ranks, matrices). The worker's whole time including reading the votes from IndexedDB: ${median(results.map((r) => r.workerMs)).toFixed(0)} ms; request → board on the page, worker start included: ${median(results.map((r) => r.wallMs)).toFixed(0)} ms (medians).`,
      summarize,
    ),
    figure(
      'arenaLongTasks',
      results.map((r) => r.longTasks),
      `${how} PerformanceObserver 'longtask' entries (over 50 ms) on the page's main thread from the request until one frame after the board arrived.`,
      summarize,
    ),
  ];
}
