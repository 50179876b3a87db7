// Chrome's built-in model through a stub of the Prompt API installed before load: availability, a download from a click, pool member and judge.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, waitForView } from '../../support/app-page.js';
import { launchChromium } from '../../support/chromium.js';
import {
  languageModelStub,
  type StubAvailability,
  type StubRecord,
} from '../../support/language-model-stub.js';
import { columnNamed, pickPool } from '../../support/endpoints-ui.js';
import { QUESTION, statusLine, waitForResult } from '../studio-page.js';
import { shadowTextOf } from '../../support/shadow-text.js';

const baseUrl = inject('baseUrl');
const NANO = 'Gemini Nano (Chrome, built in)';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function open(path: string, availability: StubAvailability | null): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Without a stub, the API is taken away: this Chromium has a LanguageModel of its own.
  await context.addInitScript(
    availability ? languageModelStub(availability) : 'delete globalThis.LanguageModel;',
  );
  const { page } = await openApp(context, `${baseUrl}${path}`);
  await waitForView(page);
  return page;
}

const stub = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __languageModelStub: StubRecord }).__languageModelStub,
  );
const state = (page: Page) => page.getByTestId('builtin-state');

describe('Chrome’s built-in model', () => {
  it('says which Chrome and devices have it where the browser has none', async () => {
    const page = await open('/models?engine=sim', null);
    await expect.poll(() => state(page).getAttribute('data-state')).toBe('missing');
    const text = await shadowTextOf(page.getByTestId('builtin-model'));
    expect(text).toContain('Google Chrome 148 or later on desktop');
    await page.context().close();
  });

  it('shows “unavailable” with the requirements, and offers it nowhere', async () => {
    const page = await open('/models?engine=sim', 'unavailable');
    await expect.poll(() => state(page).getAttribute('data-state')).toBe('unavailable');
    expect(await shadowTextOf(page.getByTestId('builtin-model'))).toMatch(
      /cannot run its model[\s\S]*22 GB/,
    );
    await page.goto(`${baseUrl}/studio?engine=sim`);
    await page.locator('quorum-pool-picker li').first().waitFor();
    expect(await shadowTextOf(page.locator('quorum-pool-picker'))).not.toContain(NANO);
    await page.context().close();
  });

  it('downloads from a click, with progress from the downloadprogress monitor', async () => {
    const page = await open('/models?engine=sim', 'downloadable');
    await page.getByRole('button', { name: 'Download Gemini Nano' }).click();
    await page.getByText(/Downloading Chrome’s built-in model: \d+%/).waitFor();
    await expect
      .poll(() => state(page).getAttribute('data-state'), { timeout: 10_000 })
      .toBe('available');
    const record = await stub(page);
    expect(record.creates[0]?.withMonitor).toBe(true);
    await page.context().close();
  });

  it('joins a pool: vote asks it once and says its samples are not independent', async () => {
    const page = await open('/studio?engine=sim', 'available');
    await pickPool(page, [NANO, 'Simulated Tiny 360M', 'Simulated Swift 0.5B']);
    expect(await shadowTextOf(page.locator('quorum-pool-picker'))).toMatch(/Built in/);
    await page.getByLabel('Prompt', { exact: true }).fill(QUESTION);
    await page.getByRole('radio', { name: /^Vote/ }).check();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    expect(await statusLine(page).textContent()).toMatch(/Run done/);
    expect(await shadowTextOf(columnNamed(page, NANO))).toContain('Answer: 391');
    expect(await shadowTextOf(page.locator('[data-testid="trace"]'))).toContain(
      'cannot have its sampling set',
    );
    expect((await stub(page)).prompts).toHaveLength(1);
    await page.context().close();
  });

  it('judges best-of with a JSON Schema response constraint', async () => {
    const page = await open('/studio?engine=sim', 'available');
    await pickPool(page, ['Simulated Tiny 360M', 'Simulated Swift 0.5B']);
    await page.getByLabel('Prompt', { exact: true }).fill(QUESTION);
    await page.getByRole('radio', { name: /^Best-of/ }).check();
    await page.getByLabel('Judge').selectOption({ label: NANO });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    expect(await statusLine(page).textContent()).toMatch(/Run done/);
    const prompts = (await stub(page)).prompts;
    expect(prompts.length).toBeGreaterThan(0);
    expect(
      prompts.every((p) => p.responseConstraint && typeof p.responseConstraint === 'object'),
    ).toBe(true);
    await page.context().close();
  });
});
