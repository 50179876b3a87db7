// Chat with real-world output end to end: reasoning folded, Markdown rendered, model HTML as text, the thinking switch.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { waitForView } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import { LEAKS, OVERLAY, hitAtCentreOf, renderedModelText } from './page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('file', [], { viewport: { width: 1280, height: 900 } });

describe('chat with real-world output', () => {
  let chat: Page;

  beforeAll(async () => {
    chat = await session.context.newPage();
    await chat.goto(`${baseUrl}/models?engine=sim`);
    await waitForView(chat);
    for (const label of ['Simulated Tiny 360M', 'Simulated Steady 1.5B']) {
      // The studio runs above may have downloaded it already.
      await chat.locator('quorum-model-card', { hasText: label }).first().waitFor();
      const download = chat.getByRole('button', { name: `Download ${label}` });
      if (await download.isVisible()) await download.click();
      await chat.getByRole('link', { name: `Chat with ${label}` }).waitFor({ timeout: 20_000 });
    }
  }, 60_000);

  async function ask(query: string, question: string, model = 'sim-tiny-360M'): Promise<void> {
    await chat.goto(`${baseUrl}/chat?model=${model}&engine=sim&${query}`);
    await chat.getByLabel('Your message').waitFor();
    if (model === 'sim-steady-1.5B' && /thinking=off/.test(query)) {
      // Thinking is among the answer settings, behind their toggle (issue 10 item 13).
      await chat.getByRole('button', { name: 'Answer settings' }).click();
      await chat.getByRole('checkbox', { name: /Thinking/ }).uncheck();
    }
    const box = chat.getByLabel('Your message');
    await box.fill(question);
    await box.press('Control+Enter');
    await chat
      .locator('quorum-chat-turn [data-testid="usage"]')
      .last()
      .waitFor({ timeout: 30_000 });
  }

  it('shows reasoning folded, Markdown rendered, model HTML as text and no leaked token', async () => {
    await ask('simStyle=think,markdown,angle,tokens', 'Explain how to declare a list of names.');
    const answer = chat.locator('quorum-chat-turn').last();
    expect(await shadowTextOf(answer.locator('quorum-reasoning'))).toMatch(/Reasoning/);
    const rendered = await renderedModelText(answer);
    expect(rendered.forbidden).toEqual([]);
    expect(rendered.code).toHaveLength(1);
    expect(rendered.text).toContain('List<String>');
    expect(rendered.text).toContain('<button>Sign in</button>');
    expect(rendered.text).not.toMatch(LEAKS);
  }, 60_000);

  it('an answer holding a covering link leaves "Regenerate" clickable', async () => {
    await ask('simSpeed=400', OVERLAY);
    const answer = chat.locator('quorum-chat-turn').last();
    const rendered = await renderedModelText(answer);
    expect(rendered.styled).toBe(0);
    expect(rendered.text).toContain(OVERLAY);
    const regenerate = chat.getByRole('button', { name: 'Regenerate' });
    expect(await hitAtCentreOf(chat, regenerate)).toMatchObject({ same: true });
    await regenerate.click();
    await chat
      .locator('quorum-chat-turn [data-testid="usage"]')
      .last()
      .waitFor({ timeout: 30_000 });
    expect(new URL(chat.url()).host).toBe(new URL(baseUrl).host);
  }, 60_000);

  it('a model that can switch its reasoning offers Thinking, on by default', async () => {
    await ask('simSpeed=400', 'Explain how to declare a list of names.', 'sim-steady-1.5B');
    expect(await shadowTextOf(chat.locator('quorum-chat-turn').last())).toMatch(/Reasoning/);
    await ask(
      'simSpeed=400&thinking=off',
      'Explain how to declare a list of names.',
      'sim-steady-1.5B',
    );
    const answer = chat.locator('quorum-chat-turn').last();
    expect(await answer.locator('quorum-reasoning').count()).toBe(0);
    expect((await renderedModelText(answer)).text).toMatch(/\w{3}/);
    await ask('simSpeed=400', 'Hello again.', 'sim-tiny-360M');
    expect(await chat.getByRole('checkbox', { name: /Thinking/ }).count()).toBe(0);
  }, 60_000);
});
