// Issue 10 items 13 and 17 (and 16's touch hints): chat on a phone, failed answers, the conversation list, and
// simulated chat before any download.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, waitForView, PHONE } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const TINY = { id: 'sim-tiny-360M', label: 'Simulated Tiny 360M' };

/** Downloads the fastest simulated model and opens a new chat with it. */
async function chatWithTiny(context: BrowserContext, extra = ''): Promise<Page> {
  const { page } = await openApp(context, `${baseUrl}/models?engine=sim`);
  await waitForView(page);
  await page.getByRole('button', { name: `Download ${TINY.label}` }).click();
  await page.getByRole('link', { name: `Chat with ${TINY.label}` }).waitFor({ timeout: 15_000 });
  await page.goto(`${baseUrl}/chat?model=${TINY.id}&engine=sim${extra}`);
  await waitForView(page);
  await page.getByLabel('Your message').waitFor();
  return page;
}

/** Sends with the Send button (as a phone does) and waits for the answer's end. */
async function ask(page: Page, question: string, answers: number): Promise<void> {
  await page.getByLabel('Your message').fill(question);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(() => page.getByTestId('usage').or(page.getByTestId('failed')).count(), {
      timeout: 30_000,
    })
    .toBe(answers);
}

describe('chat in simulated mode offers every simulated model, as the studio does (issue 10, newcomer)', () => {
  it('a fresh profile picks a simulated model on /chat with no download on /models, and Send answers', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/chat?engine=sim`);
    await waitForView(page);
    const picker = page.getByLabel('Model', { exact: true });
    await picker.waitFor({ timeout: 15_000 });
    const offered = await picker.locator('option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining([TINY.label, 'Simulated Sage 3B']));
    expect(offered.every((label) => label.startsWith('Simulated '))).toBe(true);
    await picker.selectOption({ label: 'Simulated Swift 0.5B' });
    await ask(page, 'What is 2 + 2?', 1);
    await expect(page.getByTestId('usage').textContent()).resolves.toMatch(
      /Simulated figures: \d+ prompt tokens · \d+ completion tokens/,
    );
    expect(await page.getByTestId('failed').count()).toBe(0);
    await expect(page.locator('quorum-chat-view .model-line').textContent()).resolves.toMatch(
      /Model:\s*Simulated Swift 0\.5B\s*$/,
    );
  }, 90_000);

  it('the real engine with nothing downloaded still asks for a download first, and links to the models page', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/chat`);
    await waitForView(page);
    await page
      .getByRole('heading', { name: 'No downloaded model yet' })
      .waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Model', { exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Open the model manager' }).click();
    await page.waitForURL(/\/models$/);
  }, 60_000);
});

describe('failed answers in the chat (issue 10 item 17)', () => {
  it('item 17: a model that failed to load says Failed and why, and Retry answers once it loads', async () => {
    const page = await chatWithTiny(session.context, '&simFail=fail-load');
    await ask(page, 'What is 2 + 2?', 1);
    const failed = page.locator('quorum-chat-turn').filter({ has: page.getByTestId('failed') });
    expect(await page.getByTestId('stopped').count()).toBe(0);
    expect(await shadowTextOf(failed)).toMatch(/\S{3,}/);
    await failed.getByRole('button', { name: 'Retry' }).waitFor();
    // The failure is announced as it happens…
    expect(await failed.getByRole('alert').count()).toBe(1);
    // Reopened without the failure: still says Failed (it was saved so), and Retry now answers.
    await page.reload();
    await waitForView(page);
    await page.getByTestId('failed').waitFor({ timeout: 15_000 });
    // …but a saved failure is shown, not read out again as an alert when the chat is reopened.
    expect(await failed.getByRole('alert').count()).toBe(0);
    expect(await shadowTextOf(failed)).toMatch(/\S{3,}/);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('usage').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('failed').count()).toBe(0);
    expect(await page.locator('quorum-chat-turn').count()).toBe(2);
  }, 90_000);

  it('item 17: Delete takes back the question and its failed answer', async () => {
    const page = await chatWithTiny(session.context, '&simFail=fail-load');
    await ask(page, 'What is 3 + 3?', 1);
    await page.getByRole('button', { name: 'Delete this question and its failed answer' }).click();
    await expect.poll(() => page.locator('quorum-chat-turn').count()).toBe(0);
    await page.waitForURL(/\/chat\?engine=sim$/);
    // The list is read again after the delete; until that read ends it still shows the old list.
    await expect.poll(() => page.locator('quorum-conversation-list li').count()).toBe(0);
  }, 90_000);
});

describe('the conversation list (issue 10 item 17)', () => {
  it('item 17: titles show more than their first 14 characters, with the model and the time', async () => {
    const page = await chatWithTiny(session.context);
    await page.setViewportSize({ width: 1280, height: 800 });
    const question = 'How should a comparison page describe licence terms?';
    await ask(page, question, 1);
    const item = page.locator('quorum-conversation-list li').first();
    await item.waitFor();
    const title = item.locator('.title');
    await expect(title.textContent()).resolves.toBe(question);
    // Nothing of the title is clipped.
    const clipped = await title.evaluate(
      (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
    );
    expect(clipped).toBe(false);
    const meta = (await item.locator('small').textContent())?.replace(/\s+/g, ' ').trim();
    expect(meta).toMatch(new RegExp(`^${TINY.label} · Today \\d{1,2}:\\d{2}( [AP]M)?$`));
    expect(await item.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  }, 90_000);

  it('Delete asks first, as the history does: dismissed keeps the conversation, accepted removes it', async () => {
    const page = await chatWithTiny(session.context);
    const question = 'Which licence lets me sell an app built on it?';
    await ask(page, question, 1);
    const items = page.locator('quorum-conversation-list li');
    await items.first().waitFor();
    const button = page.getByRole('button', { name: `Delete conversation “${question}”` });
    const asked = page.waitForEvent('dialog', { timeout: 5_000 });
    const clicked = button.click();
    const dialog = await asked;
    expect(dialog.message()).toBe(`Delete this conversation?\n\n${question}`);
    await dialog.dismiss();
    await clicked;
    // Still saved: it is listed again after a reload.
    await page.reload();
    await waitForView(page);
    await items.first().waitFor({ timeout: 15_000 });
    page.once('dialog', (d) => void d.accept());
    await button.click();
    await expect.poll(() => items.count()).toBe(0);
    await page.reload();
    await waitForView(page);
    await page.getByLabel('Your message').waitFor();
    await expect
      .poll(() => shadowTextOf(page.locator('quorum-conversation-list')))
      .toContain('No conversations yet.');
  }, 90_000);
});

describe('chat on a phone (issue 10 item 13, item 16 touch hints)', () => {
  it('item 13: opening a conversation shows its newest message above a compact composer', async () => {
    const phone = await session.browser.newContext(PHONE);
    try {
      const page = await chatWithTiny(phone);
      for (const [i, question] of ['What is 2 + 2?', 'And 3 + 3?', 'And 4 + 4?'].entries()) {
        await ask(page, `${question} Explain in a few sentences.`, i + 1);
      }
      const url = page.url();
      await page.goto(`${baseUrl}/models?engine=sim`);
      await waitForView(page);
      await page.goto(url);
      await waitForView(page);
      await page.locator('quorum-chat-turn').nth(5).waitFor({ timeout: 15_000 });
      // The list is folded away and the composer is small.
      expect(await page.locator('quorum-chat-view aside details').getAttribute('open')).toBeNull();
      const composer = (await page.locator('quorum-chat-composer').boundingBox())!;
      expect(composer.height).toBeLessThanOrEqual(150);
      // The newest message ends inside the window, above the composer.
      await expect
        .poll(async () => {
          const last = (await page.locator('quorum-chat-turn').last().boundingBox())!;
          return last.y + last.height <= composer.y + 1 && last.y + last.height > 0;
        })
        .toBe(true);
      // Touch: no keyboard shortcut hint; the settings open behind their toggle.
      expect(await page.getByText('Ctrl+Enter or ⌘+Enter sends.').isVisible()).toBe(false);
      expect(await page.getByLabel('Max tokens').isVisible()).toBe(false);
      const toggle = page.getByRole('button', { name: 'Answer settings' });
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.getByLabel('Max tokens').isVisible()).toBe(true);
    } finally {
      await phone.close();
    }
  }, 120_000);
});

describe('chat on a phone follows the newest answer (issue 10 item 13, newcomer report)', () => {
  it('item 13: after each answer streams in, its end is on screen above the composer', async () => {
    const phone = await session.browser.newContext(PHONE);
    try {
      const page = await chatWithTiny(phone);
      const questions = [
        'Hello! Can you help me plan a trip to Lisbon for three days with kids?',
        'And what about rainy days?',
      ];
      for (const [i, question] of questions.entries()) {
        await ask(page, question, i + 1);
        const composer = (await page.locator('quorum-chat-composer').boundingBox())!;
        await expect
          .poll(async () => {
            const last = (await page.locator('quorum-chat-turn').last().boundingBox())!;
            return last.y + last.height <= composer.y + 1 && last.y + last.height > 0;
          })
          .toBe(true);
      }
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: `test/e2e/screenshots/chat-newest-${colorScheme}-390.png` });
      }
    } finally {
      await phone.close();
    }
  }, 120_000);
});
