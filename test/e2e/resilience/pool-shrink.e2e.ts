// A pool that shrinks is described honestly: members that fail, a pool left with one model, a judge that hangs.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import {
  FAST,
  openStudio,
  prepareRun,
  statusLine,
  waitForResult,
  type StudioMode,
} from '../studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('file', [], { viewport: { width: 1280, height: 900 } });

/** A run in a new tab with the simulated options `sim` (realistic writing included). */
async function runWith(
  sim: string,
  mode: StudioMode,
  prompt: string,
  pool?: string[],
  judgeId?: string,
) {
  const { page } = await openApp(session.context, `${baseUrl}/`);
  await openStudio(page, baseUrl, `${FAST}&simStyle=real&${sim}`);
  await prepareRun(page, mode, prompt);
  if (pool) {
    const items = page.locator('quorum-pool-picker li');
    for (let i = 0; i < (await items.count()); i++) {
      const text = (await items.nth(i).textContent()) ?? '';
      await items
        .nth(i)
        .locator('input')
        .first()
        .setChecked(pool.some((label) => text.includes(label)));
    }
  }
  if (judgeId) await page.locator('#judge').selectOption(judgeId);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
  return page;
}

const result = (page: Page) => shadowTextOf(page.locator('quorum-run-result'));

describe('a pool that shrinks', () => {
  it('one of three loses the GPU mid-answer: "2 of 3 answered", best-of compares the remaining pair', async () => {
    const page = await runWith(
      'simFail=device-lost&simFailAfter=3&simFailModel=sim-swift-0.5B',
      'Best-of',
      'What is 17 * 23?',
    );
    const text = await result(page);
    expect(text).toContain('2 of 3 models answered.');
    expect(text).toMatch(/2 of 3 models answered; Simulated Swift 0\.5B failed: it lost the GPU\./);
    expect(text).toMatch(/Response 1 vs Response 2/);
    expect(text).not.toMatch(/Response 3/);
    await page.close();
  }, 90_000);

  it('one of two fails to load: no winner or consensus wording, the one answer is shown as such', async () => {
    const page = await runWith(
      'simFail=fail-load&simFailModel=sim-tiny-360M',
      'Vote',
      'What is 17 * 23?',
      ['Simulated Tiny 360M', 'Simulated Swift 0.5B'],
    );
    const text = await result(page);
    expect(text).toContain('Answer (only 1 of 2 models answered)');
    expect(text).toMatch(
      /Only Simulated Swift 0\.5B answered, so nothing was fused: this is its answer\./i,
    );
    expect(text).not.toMatch(/winner|consensus|100 ?%|Fused answer/i);
    expect(await shadowTextOf(page.locator('[data-testid="fused-answer"]'))).toMatch(/Answer: \d+/);
    await page.close();
  }, 90_000);

  it.each([
    ['Best-of', 'judges instead', 'What is 17 * 23?'],
    ['Merge', 'aggregates instead', 'Explain how to declare a list of names.'],
  ] as const)(
    '%s: a judge or aggregator that hangs is replaced by a pool model, and the trace says which',
    async (mode, replaced, prompt) => {
      // Sage, outside the pool, is picked to judge or aggregate; it never writes a token. The
      // page's judgeStallMs gives it up after 2 s of silence, not the run's own 15 s or more.
      const page = await runWith(
        'simFail=hang&simFailModel=sim-sage-3B&judgeStallMs=2000',
        mode,
        prompt,
        undefined,
        'sim-sage-3B',
      );
      const text = await result(page);
      expect(text).toMatch(
        new RegExp(
          `Simulated Sage 3B failed as (judge|aggregator) \\(it stopped responding: no text for \\d+(\\.\\d+)? s\\)\\. Simulated \\w+ [\\d.]+[BM] ${replaced}\\.`,
        ),
      );
      expect(await statusLine(page).textContent()).toMatch(/Run done/);
      await page.close();
    },
    120_000,
  );
});
