// Issue 10 items 1–4: the simulated demo runs on any device, fit is judged one way, the engine choice is one rule.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, waitForCards, waitForView } from '../support/app-page.js';
import { failOnConsoleErrors } from '../support/console-errors.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';
import { waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
// Chromium's software adapter (SwiftShader): a GPU with about 1 GB, as a first visitor without a real GPU has.
const session = useBrowserSession('test', ['--enable-unsafe-webgpu']);
const watchErrors = failOnConsoleErrors();

async function open(path: string): Promise<Page> {
  const opened = await openApp(session.context, `${baseUrl}${path}`);
  watchErrors(opened.problems);
  await waitForView(opened.page);
  return opened.page;
}

const poolItems = (page: Page) => page.locator('quorum-pool-picker li');
const poolItem = (page: Page, label: string) => poolItems(page).filter({ hasText: label });
const indicator = (page: Page) => page.getByTestId('engine-indicator');

async function waitForPool(page: Page): Promise<void> {
  await page
    .locator('quorum-pool-picker input[type="checkbox"]')
    .first()
    .waitFor({ timeout: 20_000 });
}

/** Sets the GPU budget override on the models page (the current engine's). */
async function setBudget(page: Page, mb: number): Promise<void> {
  const input = page.getByLabel('Override (MB)');
  await input.fill(String(mb));
  await page.getByRole('button', { name: 'Set budget' }).click();
  await page
    .getByTestId('budget')
    .filter({ hasText: `${mb} MB` })
    .waitFor();
}

describe('first visit: getting a fusion to run (issue 10 items 1–4)', () => {
  it('item 1: the simulated demo runs with its default pool on the software adapter', async () => {
    const page = await open('/studio?engine=sim');
    await waitForPool(page);
    expect(await page.locator('quorum-pool-picker .unfit').count()).toBe(0);
    await page.getByLabel('Prompt', { exact: true }).fill('What is 17 * 23?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const problem = page.locator('quorum-studio-prompt .problem');
    await page
      .locator('[data-testid="fused-answer"]')
      .or(problem)
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await problem.count()).toBe(0);
    await waitForResult(page);
  }, 90_000);

  it('item 1: models that do not fit are marked before Run, named by label, with a link to the budget', async () => {
    const page = await open('/models?engine=sim');
    await setBudget(page, 1024);
    await page.goto(`${baseUrl}/studio`);
    await waitForPool(page);
    await expect(poolItem(page, 'Simulated Tiny 360M').locator('.unfit').count()).resolves.toBe(0);
    for (const label of ['Simulated Swift 0.5B', 'Simulated Steady 1.5B']) {
      await expect(poolItem(page, label).locator('.unfit').textContent()).resolves.toBe(
        'Does not fit this device',
      );
    }
    // Picking one anyway: Run says why in words, by label, and links to the control.
    await poolItem(page, 'Simulated Swift 0.5B').locator('input').check();
    await page.getByLabel('Prompt', { exact: true }).fill('What is 2 + 2?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const problem = page.locator('quorum-studio-prompt .problem');
    await problem.waitFor();
    const text = (await problem.textContent())?.replace(/\s+/g, ' ').trim();
    expect(text).toBe(
      'Simulated Swift 0.5B needs 950 MB of GPU memory, more than the 922 MB usable here. Remove it from the pool, or raise the GPU budget. Change the GPU budget',
    );
    await problem.getByRole('link', { name: 'Change the GPU budget' }).click();
    await page.waitForURL(/\/models\?focus=gpu-budget/);
    await page.waitForFunction(() => {
      const deepActive = (root: Document | ShadowRoot): Element | null => {
        const el = root.activeElement;
        return el?.shadowRoot ? (deepActive(el.shadowRoot) ?? el) : el;
      };
      return deepActive(document)?.id === 'gpu-budget';
    });
  }, 90_000);

  it('item 2: "simulated mode" switches the studio at once, from the studio and from a comparison', async () => {
    const page = await open('/');
    await waitForCards(page, 1);
    await page.locator('quorum-comparison-card a').first().click();
    await page.getByRole('link', { name: 'Ask your local models about this' }).click();
    await page.getByRole('link', { name: 'simulated mode' }).click();
    await waitForPool(page);
    await expect(poolItems(page).count()).resolves.toBeGreaterThan(1);
    expect(await shadowTextOf(page.locator('quorum-pool-picker'))).toMatch(/Simulated Tiny 360M/);
    // The comparison's question came along.
    await expect(page.getByLabel('Prompt', { exact: true }).inputValue()).resolves.toMatch(/\S/);
    await expect(indicator(page).textContent()).resolves.toBe('Simulated models');
  }, 90_000);

  it('item 3: a choice made by the URL persists on reload until switched off, and the header shows it', async () => {
    const page = await open('/studio');
    await expect(indicator(page).textContent()).resolves.toBe('Real models');
    await page.goto(`${baseUrl}/studio?engine=sim`);
    await waitForPool(page);
    await page.goto(`${baseUrl}/studio`);
    await waitForPool(page);
    await expect(indicator(page).textContent()).resolves.toBe('Simulated models');
    expect(await shadowTextOf(page.locator('quorum-pool-picker'))).toMatch(/Simulated Tiny 360M/);
    // Switched off on the models page (the header's indicator leads there): real again, also after a reload.
    await indicator(page).click();
    await page.getByRole('button', { name: /Use real models/ }).click();
    // The header follows the switch once the new registry is made: poll, the click returns first.
    await expect.poll(() => indicator(page).filter({ hasText: 'Real models' }).count()).toBe(1);
    await page.reload();
    await waitForView(page);
    await expect(indicator(page).textContent()).resolves.toBe('Real models');
  }, 90_000);

  it('item 4: /models and the studio agree on what fits, and state usable memory the same way', async () => {
    const page = await open('/models?engine=sim');
    await setBudget(page, 1024);
    await expect(page.getByTestId('usable').textContent()).resolves.toMatch(/922 MB usable/);
    const cards = page.locator('quorum-model-card');
    await cards.first().waitFor();
    const onModels = new Map<string, boolean>();
    for (const card of await cards.all()) {
      const label = ((await card.locator('h3').textContent()) ?? '').trim();
      const text = await shadowTextOf(card);
      onModels.set(label, /Fits this device/.test(text));
      expect(text).toMatch(/MB usable/);
      // Item 11: written for a person, not web-llm's field name.
      expect(text).not.toMatch(/vram_required_MB/);
    }
    expect([...onModels.values()]).toContain(false);
    expect([...onModels.values()]).toContain(true);
    await page.goto(`${baseUrl}/studio`);
    await waitForPool(page);
    for (const [label, fits] of onModels) {
      const marked = await poolItem(page, label).locator('.unfit').count();
      expect(marked === 0, label).toBe(fits);
    }
    expect(await shadowTextOf(page.locator('quorum-pool-picker'))).toMatch(/922 MB usable/);
  }, 90_000);
});
