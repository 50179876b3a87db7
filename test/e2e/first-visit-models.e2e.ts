// Issue 10 items 18 and 16 (the models page): sizes on the cards, asking before a large download, what fits first.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, waitForView } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';

const baseUrl = inject('baseUrl');
// Chromium's software adapter: about 1 GB of GPU and no shader-f16, so a few real models fit and most do not.
const session = useBrowserSession('test', ['--enable-unsafe-webgpu']);

async function openModels(path = '/models'): Promise<Page> {
  const { page } = await openApp(session.context, `${baseUrl}${path}`);
  await waitForView(page);
  await page.locator('quorum-model-card').first().waitFor({ timeout: 20_000 });
  return page;
}

const card = (page: Page, label: string) =>
  page.locator('quorum-model-card').filter({ has: page.locator(`article[aria-label="${label}"]`) });

describe('real model cards (issue 10 item 18)', () => {
  it('item 18: every real card shows its download size and a human name beside the id, what fits first', async () => {
    const page = await openModels();
    const cards = await page.locator('quorum-model-card').all();
    expect(cards.length).toBe(69);
    const fits: boolean[] = [];
    for (const one of cards) {
      const text = (await shadowTextOf(one)).replace(/\s+/g, ' ');
      expect(text).toMatch(/Download (about [\d.]+ [MG]B|nothing to download)/);
      fits.push(/Fits this device/.test(text));
    }
    // At least one fits and one does not on this adapter, and no fitting card comes after one that does not.
    expect(fits).toContain(true);
    expect(fits).toContain(false);
    expect(fits.indexOf(false)).toBe(fits.lastIndexOf(true) + 1);
    const llama = card(page, 'Llama 3.1 8B Instruct');
    await expect(llama.locator('h3').textContent()).resolves.toBe('Llama 3.1 8B Instruct');
    await expect(llama.locator('code').textContent()).resolves.toBe(
      'Llama-3.1-8B-Instruct-q4f32_1-MLC',
    );
  }, 90_000);

  it('item 18: a large download that does not fit asks first with its size and fit; Escape and Cancel start nothing', async () => {
    const page = await openModels();
    const label = 'Llama 3.1 8B Instruct';
    const download = page.getByRole('button', { name: `Download ${label}`, exact: true });
    await download.click();
    const dialog = page.getByRole('dialog', { name: `Download ${label}?` });
    await dialog.waitFor();
    const text = (await shadowTextOf(dialog)).replace(/\s+/g, ' ');
    expect(text).toMatch(/It is about \d\.\d GB to download/);
    expect(text).toMatch(/It does not fit this device: Needs \d+ MB, more than the \d+ MB usable/);
    // The safe choice has the focus; Escape closes without downloading.
    const focused = await page.evaluate(() => {
      const deep = (root: Document | ShadowRoot): Element | null => {
        const el = root.activeElement;
        return el?.shadowRoot ? (deep(el.shadowRoot) ?? el) : el;
      };
      return deep(document)?.textContent?.trim();
    });
    expect(focused).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await download.click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await download.isVisible()).toBe(true);
    // Confirming starts it (here it cannot reach the model's host: progress or the failure shows on the card).
    await download.click();
    await dialog.getByRole('button', { name: /^Download about \d\.\d GB$/ }).click();
    await card(page, label)
      .getByRole('progressbar')
      .or(card(page, label).getByRole('alert'))
      .first()
      .waitFor({ timeout: 20_000 });
  }, 90_000);
});

describe('the models page on a phone (issue 10 items 16 and 19)', () => {
  it('item 16: at 390 px the model list starts on the first screen, the device and storage folded above it', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/models?engine=sim`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await waitForView(page);
    const heading = page.getByRole('heading', { name: 'Simulated models' });
    await heading.waitFor({ timeout: 20_000 });
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    // The panels are one line away, and say the figure the fit badges use.
    const summary = page.locator('quorum-models-view details.panels > summary');
    await expect(summary.textContent()).resolves.toMatch(
      /This device \(\d+ MB usable\) and storage/,
    );
    await summary.click();
    await page.getByRole('heading', { name: 'This device' }).waitFor();
  }, 60_000);

  it('item 19: on a phone toasts name models by label and show one at a time, saying how many wait', async () => {
    const { page } = await openApp(
      session.context,
      `${baseUrl}/models?engine=sim&simDownloadMs=300`,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForView(page);
    const labels = ['Simulated Tiny 360M', 'Simulated Swift 0.5B'];
    for (const label of labels)
      await page.getByRole('button', { name: `Download ${label}` }).click();
    for (const label of labels)
      await page.getByRole('link', { name: `Chat with ${label}` }).waitFor({ timeout: 15_000 });
    const toasts = page.locator('quorum-toast-region li');
    await expect.poll(() => toasts.count()).toBe(2);
    const texts = await toasts.allTextContents();
    expect(texts.join(' ')).not.toMatch(/sim-/);
    const visible = [];
    for (const toast of await toasts.all()) if (await toast.isVisible()) visible.push(toast);
    expect(visible).toHaveLength(1);
    await expect(visible[0]!.textContent()).resolves.toMatch(
      /Simulated (Tiny 360M|Swift 0\.5B) is downloaded\.\s+\(1 more\)/,
    );
  }, 60_000);
});
