// Issue 10 item 7 and the "first minute": / says what Quorum is for, and its demo action leads to a fused answer.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { axeViolations, openApp, waitForCards } from '../support/app-page.js';
import { failOnConsoleErrors } from '../support/console-errors.js';
import { launchChromium, launchPersistent } from '../support/chromium.js';
import { shadowTextOf } from '../support/shadow-text.js';
import { column, waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
const watchErrors = failOnConsoleErrors();
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

async function openHome(context: BrowserContext): Promise<Page> {
  const opened = await openApp(context, `${baseUrl}/`);
  watchErrors(opened.problems);
  await waitForCards(opened.page, 1);
  return opened.page;
}

const landing = (page: Page) => page.locator('quorum-landing');
const deviceLine = (page: Page) => page.getByTestId('device-support');

describe('first visit: the landing section on / (issue 10 item 7)', () => {
  it('item 7: says what Quorum does, offers the demo and set-up, and whether this device runs real models', async () => {
    const browser = await launchChromium(['--enable-unsafe-webgpu']);
    close = () => browser.close();
    const page = await openHome(await browser.newContext({ bypassCSP: true }));
    const text = await shadowTextOf(landing(page));
    expect(text).toMatch(/several AI models running in your browser/);
    expect(text).toMatch(/fuses their answers/);
    await expect(
      page.getByRole('link', { name: 'Try the simulated demo' }).isVisible(),
    ).resolves.toBe(true);
    const setUp = page.getByRole('link', { name: 'Set up models' });
    await expect(setUp.getAttribute('href')).resolves.toBe('/models');
    // Chromium's software adapter: real models would be far too slow, and the landing says so.
    await deviceLine(page)
      .filter({ hasText: /software GPU/ })
      .waitFor();
    // The catalog is still there below it.
    await expect(page.locator('quorum-comparison-card').count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('item 7: without a GPU adapter it says real models cannot run, and the demo works anywhere', async () => {
    const browser = await launchChromium();
    close = () => browser.close();
    const page = await openHome(await browser.newContext());
    await deviceLine(page)
      .filter({ hasText: /real models cannot run here/ })
      .waitFor();
    expect(await deviceLine(page).textContent()).toMatch(/simulated demo runs on any device/);
  }, 90_000);
});

describe('the first minute', () => {
  it('first minute: a fresh profile with the software adapter reaches a fused answer from / by visible links and buttons', async () => {
    const context = await launchPersistent(['--enable-unsafe-webgpu']);
    close = () => context.close();
    const page = await openHome(context);
    await page.getByRole('link', { name: 'Try the simulated demo' }).click();
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await run.waitFor();
    await expect(page.getByLabel('Prompt', { exact: true }).inputValue()).resolves.toMatch(/\S/);
    // The demo does not wait for reasoning nobody asked for: a model that can reason starts with
    // its Thinking box unchecked, one click from on.
    const thinking = page.getByRole('checkbox', { name: 'Thinking for Simulated Steady 1.5B' });
    await thinking.waitFor();
    expect(await thinking.isChecked()).toBe(false);
    await run.click();
    await waitForResult(page, 60_000);
    expect(await shadowTextOf(page.locator('[data-testid="fused-answer"]'))).toMatch(/\d/);
    expect(await column(page, 'sim-steady-1.5B').locator('quorum-reasoning').count()).toBe(0);
    await expect(page.getByTestId('engine-indicator').textContent()).resolves.toBe(
      'Simulated models',
    );
  }, 90_000);

  it('first minute: the demo link followed before the model manager has started still opens simulated mode', async () => {
    const browser = await launchChromium(['--enable-unsafe-webgpu']);
    close = () => browser.close();
    const context = await browser.newContext();
    // Holds back the read of the stored engine choice by 3 s, so the click lands while main.ts is
    // making the first registry (it read the URL, "/", before the click): CI once hit this window.
    await context.addInitScript(() => {
      const flags = window as unknown as { engineReadPending?: boolean };
      const get = IDBObjectStore.prototype.get;
      IDBObjectStore.prototype.get = function (this: IDBObjectStore, key: IDBValidKey) {
        const request = get.call(this, key);
        if (key !== 'engineMode') return request;
        flags.engineReadPending = true;
        const add = request.addEventListener.bind(request);
        request.addEventListener = ((type: string, listener: EventListener, options?: boolean) => {
          if (type !== 'success') return add(type, listener, options);
          add(
            type,
            (event) =>
              setTimeout(() => {
                flags.engineReadPending = false;
                listener.call(request, event);
              }, 3_000),
            options,
          );
        }) as typeof request.addEventListener;
        return request;
      };
    });
    const page = await openHome(context);
    await page.waitForFunction(() => (window as { engineReadPending?: boolean }).engineReadPending);
    await page.getByRole('link', { name: 'Try the simulated demo' }).click();
    expect(
      await page.evaluate(() => (window as { engineReadPending?: boolean }).engineReadPending),
    ).toBe(true);
    await expect
      .poll(() => page.getByTestId('engine-indicator').textContent(), { timeout: 20_000 })
      .toBe('Simulated models');
    await page.getByRole('checkbox', { name: 'Thinking for Simulated Steady 1.5B' }).waitFor();
  }, 90_000);
});
