// fusionOverheadRatio: every mode over four simulated models in real workers, on the bench page that imports run-fusion.ts.
import { chromium } from 'playwright-core';
import type { FusionMode } from '../../../src/fusion/modes/trace.js';
import { launchOptions } from '../../support/chromium.js';
import type { FusionBenchOptions, FusionBenchResult } from '../pages/fusion.js';

export const FUSION_MODES: FusionMode[] = ['vote', 'best-of', 'merge', 'debate'];

/** Known speed, every member alike: 100 tokens/s after 100 ms, answers capped at 160 tokens. */
export const FUSION_SIM: FusionBenchOptions = {
  tokensPerSecond: 100,
  timeToFirstTokenMs: 100,
  maxTokens: 160,
  seed: 1,
};

export async function measureFusion(
  pagesUrl: string,
  runs: number,
): Promise<Record<FusionMode, FusionBenchResult[]>> {
  const browser = await chromium.launch(launchOptions());
  const results: Record<FusionMode, FusionBenchResult[]> = {
    vote: [],
    'best-of': [],
    merge: [],
    debate: [],
  };
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${pagesUrl}/fusion.html`);
    await page.waitForFunction(() => typeof window.benchFusionLoad === 'function');
    await page.evaluate((options) => window.benchFusionLoad(options), FUSION_SIM);
    for (let run = 0; run < runs; run++) {
      for (const mode of FUSION_MODES) {
        const result = await page.evaluate(([m, seed]) => window.benchFusionRun(m, seed), [
          mode,
          FUSION_SIM.seed + run,
        ] as const);
        if (result.status !== 'done') throw new Error(`${mode} run ended ${result.status}`);
        results[mode].push(result);
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
