// The model manager and chat with the simulated engine: download two models, chat with each, stop one, reload.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openApp, waitForView } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import { samples, shadowText, startSampling } from './models-page.js';

const baseUrl = inject('baseUrl');
const MODELS = [
  { id: 'sim-tiny-360M', label: 'Simulated Tiny 360M' },
  // The slowest simulated model: its answers last long enough to stop one mid-way.
  { id: 'sim-sage-3B', label: 'Simulated Sage 3B' },
] as const;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  // bypassCSP only so axe can be injected as an inline script at the end.
  context = await browser.newContext({ bypassCSP: true });
  ({ page } = await openApp(context, `${baseUrl}/models?engine=sim`));
});
afterAll(async () => {
  await browser.close();
});

async function ask(question: string): Promise<void> {
  const box = page.getByLabel('Your message');
  await box.fill(question);
  await box.press('Control+Enter');
}

describe('models and chat with engine=sim', () => {
  it('labels the model manager as simulated and downloads two models with progress to 100%', async () => {
    await waitForView(page);
    await expect(page.getByTestId('sim-banner').textContent()).resolves.toMatch(/Simulated mode/);
    for (const model of MODELS) {
      const card = page.locator('quorum-model-card', { hasText: model.label });
      await expect(card.locator('.badge.sim').textContent()).resolves.toBe('Simulated');
      const name = `progress_${model.id.replace(/\W/g, '_')}`;
      await startSampling(page, name, '[role="progressbar"]', 'aria-valuenow');
      await page.getByRole('button', { name: `Download ${model.label}` }).click();
      await card
        .getByRole('link', { name: `Chat with ${model.label}` })
        .waitFor({ timeout: 15_000 });
      const values = (await samples(page, name)).map(Number);
      expect(values.length).toBeGreaterThan(1);
      expect(Math.max(...values)).toBe(100);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    await expect(page.getByText('2 downloaded').count()).resolves.toBe(1);
  }, 60_000);

  it('streams an answer from each model with usage figures and the Simulated label', async () => {
    for (const model of MODELS) {
      await page.goto(`${baseUrl}/chat?model=${model.id}&engine=sim`);
      await waitForView(page);
      await expect(page.getByLabel('Model', { exact: true }).inputValue()).resolves.toBe(model.id);
      const name = `answer_${model.id.replace(/\W/g, '_')}`;
      await startSampling(page, name, 'quorum-markdown.streaming', 'text');
      await ask(`Explain briefly how ${model.label} would compare two tools.`);
      const usage = page.getByTestId('usage');
      await usage.waitFor({ timeout: 30_000 });
      await expect(usage.textContent()).resolves.toMatch(
        /Simulated figures: \d+ prompt tokens · \d+ completion tokens · first token after \d+ ms/,
      );
      expect(new Set(await samples(page, name)).size).toBeGreaterThan(2);
      const answer = page.locator('quorum-chat-turn', { hasText: model.label }).last();
      await expect(answer.getByTestId('simulated-label').isVisible()).resolves.toBe(true);
      await expect(page.url()).toMatch(/\/chat\/[\w-]+\?engine=sim$/);
    }
  }, 60_000);

  it('stops a long answer mid-way, keeps the partial text marked stopped, and keeps it after a reload', async () => {
    const slow = MODELS[1];
    await page.goto(`${baseUrl}/chat?model=${slow.id}&engine=sim`);
    await waitForView(page);
    await ask('Write a long, detailed explanation of how comparison pages should be structured.');
    const streaming = page.locator('quorum-markdown.streaming');
    await page.waitForFunction(
      () => {
        const find = (root: Document | ShadowRoot): Element | null =>
          root.querySelector('quorum-markdown.streaming') ??
          [...root.querySelectorAll('*')].reduce<Element | null>(
            (found, el) => found ?? (el.shadowRoot ? find(el.shadowRoot) : null),
            null,
          );
        return (find(document)?.shadowRoot?.textContent ?? '').length > 20;
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByTestId('stopped').waitFor({ timeout: 10_000 });
    expect(await streaming.count()).toBe(0);
    expect(await page.getByTestId('usage').count()).toBe(0);
    const answer = page.locator('quorum-chat-turn', { hasText: 'Stopped' });
    const partial = await shadowText(answer.locator('quorum-markdown'));
    expect(partial.trim().length).toBeGreaterThan(10);
    await expect(page.getByRole('button', { name: 'Send' }).isEnabled()).resolves.toBe(true);

    const url = page.url();
    await page.reload();
    await waitForView(page);
    expect(page.url()).toBe(url);
    const reopened = page.locator('quorum-chat-turn', { hasText: 'Stopped' });
    await reopened.waitFor({ timeout: 10_000 });
    expect(await shadowText(reopened.locator('quorum-markdown'))).toBe(partial);
    const list = page.locator('quorum-conversation-list li');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(3);
  }, 60_000);

  it.each(['/models?engine=sim', '/chat?engine=sim'])(
    'has no axe violations on %s',
    async (path) => {
      await page.goto(`${baseUrl}${path}`);
      await waitForView(page);
      await page.locator('quorum-model-card, quorum-conversation-list').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
    },
    60_000,
  );

  it('has no axe violations on a saved conversation', async () => {
    await page.goto(`${baseUrl}/chat?engine=sim`);
    await waitForView(page);
    await page.locator('quorum-conversation-list a').first().click();
    await page.locator('quorum-chat-turn').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
