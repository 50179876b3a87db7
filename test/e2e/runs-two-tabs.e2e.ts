// Run history across two tabs of the built app: a run going on in one is "running in another tab" in the other, and a deletion there stands.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { column, openStudio, prepareRun, statusLine } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

/** Starts a slow debate in a new tab and waits until it has streamed a number and been saved once. */
async function startSlowRun(prompt: string): Promise<Page> {
  const tab = await session.context.newPage();
  // Four tokens a second: five debate rounds are still going however fast the machine is. With
  // thinking off (the landing demo's parameter), Simulated Steady writes its answer at once instead
  // of reasoning first for about ten seconds at this pace.
  await openStudio(tab, baseUrl, 'simSpeed=4&thinking=off');
  await prepareRun(tab, 'Debate', prompt);
  await tab.getByLabel('Rounds after round 0').fill('4');
  await tab.getByLabel('Rounds after round 0').press('Tab');
  await tab.getByRole('button', { name: 'Run', exact: true }).click();
  await column(tab, 'sim-steady-1.5B')
    .locator('[data-testid="column-text"]')
    .filter({ hasText: /\d/ })
    .first()
    .waitFor({ timeout: 20_000 });
  return tab;
}

async function historyItem(page: Page, prompt: string) {
  await page.goto(`${baseUrl}/runs`);
  const item = page.locator('[data-testid="run-item"]', { hasText: prompt });
  await item.waitFor({ timeout: 15_000 });
  return item;
}

describe('run history in two tabs', () => {
  it('shows a run going on in another tab as running there, and follows it when it stops', async () => {
    const prompt = 'What is 12 * 12? Owned by tab A.';
    const tabA = await startSlowRun(prompt);
    const tabB = await session.context.newPage();
    const item = await historyItem(tabB, prompt);
    const status = item.locator('[data-testid="run-item-status"]');
    expect(await status.textContent()).toBe('running in another tab');
    await item.getByRole('link').click();
    await expect
      .poll(() => tabB.locator('[data-testid="run-status"]').textContent())
      .toBe('running in another tab');
    await tabA.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => statusLine(tabA).textContent()).toMatch(/Run stopped/);
    // Tab B hears the owner let go and reads the run again, without a reload.
    await expect
      .poll(() => tabB.locator('[data-testid="run-status"]').textContent(), { timeout: 15_000 })
      .toBe('stopped');
  }, 90_000);

  it('a run deleted in another tab is not saved again by the tab running it', async () => {
    const prompt = 'What is 12 * 12? Deleted from tab B.';
    const tabA = await startSlowRun(prompt);
    const tabB = await session.context.newPage();
    const item = await historyItem(tabB, prompt);
    tabB.once('dialog', (dialog) => void dialog.accept());
    await item.getByRole('button', { name: /^Delete run/ }).click();
    await expect.poll(() => item.count()).toBe(0);
    // Tab A finds it gone at its next save, says so, and keeps running without writing it back.
    await expect
      .poll(() => tabA.locator('quorum-studio-prompt p.problem').textContent(), {
        timeout: 15_000,
      })
      .toMatch(/deleted in another tab, so it is no longer saved/);
    await tabA.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => statusLine(tabA).textContent()).toMatch(/Run stopped/);
    await tabB.reload();
    await tabB.getByRole('heading', { level: 1, name: 'Run history' }).waitFor();
    await tabB
      .locator('quorum-runs-view')
      .getByText(/runs? yet|newest first/)
      .waitFor();
    expect(await tabB.locator('[data-testid="run-item"]', { hasText: prompt }).count()).toBe(0);
  }, 90_000);
});
