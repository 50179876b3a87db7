// Issue 10, the studio's Prompt box: what is typed during a run is kept, and a question filled in by a link is one press from running.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openApp, waitForCards, waitForView } from '../support/app-page.js';
import { failOnConsoleErrors } from '../support/console-errors.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';
import { waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test', ['--enable-unsafe-webgpu']);
const watchErrors = failOnConsoleErrors();

const promptBox = (page: Page) => page.getByLabel('Prompt', { exact: true });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });

/** The focused element inside shadow roots, as `tag:text`. */
function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.localName}:${el.textContent?.trim() ?? ''}` : null;
  });
}

/** Whether the element is wholly inside the viewport, without scrolling. */
async function onScreen(page: Page, what: ReturnType<typeof runButton>): Promise<boolean> {
  const box = await what.boundingBox();
  const view = page.viewportSize();
  return box !== null && view !== null && box.y >= 0 && box.y + box.height <= view.height;
}

describe('first visit: the studio keeps what is typed during a run', () => {
  it('a question typed while a run streams is still in the Prompt box when the fused answer appears', async () => {
    // 32 tokens a second: the run lasts a few seconds, long enough to type into (checked below).
    const opened = await openApp(session.context, `${baseUrl}/studio?engine=sim&simSpeed=32`);
    watchErrors(opened.problems);
    const page = opened.page;
    await waitForView(page);
    await page.locator('quorum-pool-picker input[type="checkbox"]').first().waitFor();
    await promptBox(page).fill('What is 17 * 23?');
    await runButton(page).click();
    await page
      .locator('quorum-member-column [data-testid="column-status"]', { hasText: 'Streaming' })
      .first()
      .waitFor();
    await promptBox(page).fill('');
    await promptBox(page).pressSequentially('Why is the sky blue?');
    // Typed while the run went on: no fused answer yet (it only ever appears, so one read is enough).
    expect(await page.locator('[data-testid="fused-answer"]').count()).toBe(0);
    await waitForResult(page);
    await expect(promptBox(page).inputValue()).resolves.toBe('Why is the sky blue?');
  }, 90_000);
});

/** Follows the landing's demo link on a fresh visit until Run has the focus; screenshots it light and dark. */
async function openDemo(context: BrowserContext, name: string): Promise<Page> {
  const opened = await openApp(context, `${baseUrl}/`);
  watchErrors(opened.problems);
  const page = opened.page;
  await waitForCards(page, 1);
  await page.getByRole('link', { name: 'Try the simulated demo' }).click();
  await expect.poll(() => focused(page), { timeout: 20_000 }).toBe('button:Run');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: `test/e2e/screenshots/studio-demo-run-${name}-${colorScheme}.png`,
    });
  }
  return page;
}

/**
 * Presses "Ask a GSM8K question" and, in the same task once the studio has rendered, reads the prompt box
 * and whether Run is disabled: what a Run pressed at once would do.
 */
function askGsm8k(page: Page): Promise<{ prompt: string; runDisabled: boolean }> {
  return page
    .getByRole('button', { name: 'Ask a GSM8K question' })
    .evaluate(async (button: HTMLElement) => {
      type Lit = HTMLElement & { updateComplete: Promise<boolean> };
      button.click();
      const view = (button.getRootNode() as ShadowRoot).host as Lit;
      await view.updateComplete;
      const form = view.shadowRoot?.querySelector<Lit>('quorum-studio-prompt');
      await form?.updateComplete;
      const run = form?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]');
      return {
        prompt: form?.shadowRoot?.querySelector('textarea')?.value ?? '',
        runDisabled: run?.disabled ?? false,
      };
    });
}

/** A fresh visitor's browser of `width` × `height`, a touch phone when `touch`. */
function device(width: number, height: number, touch: boolean): Promise<BrowserContext> {
  return session.browser.newContext({
    viewport: { width, height },
    hasTouch: touch,
    isMobile: touch,
  });
}

describe('first visit: the demo opens the studio one press from running', () => {
  it('at 1280 × 800 the prompt and Run are on screen, Run has the focus, nothing runs until Enter is pressed', async () => {
    const desktop = await device(1280, 800, false);
    try {
      const page = await openDemo(desktop, '1280');
      expect(await onScreen(page, promptBox(page))).toBe(true);
      expect(await onScreen(page, runButton(page))).toBe(true);
      await expect(promptBox(page).inputValue()).resolves.toMatch(/\S/);
      expect(await page.locator('quorum-member-column').count()).toBe(0);
      await page.keyboard.press('Enter');
      await waitForResult(page, 60_000);
      // Run turned disabled while it ran; the focus is back on it, not on <body> (newcomer3).
      await expect.poll(() => focused(page)).toBe('button:Run');
    } finally {
      await desktop.close();
    }
  }, 90_000);

  it('"Ask a GSM8K question" on the demo: Run asks the question the box shows; after a run, in a new conversation', async () => {
    const desktop = await device(1280, 800, false);
    try {
      const page = await openDemo(desktop, 'gsm8k');
      const demoQuestion = await promptBox(page).inputValue();
      // Run, pressed at once, asked the pool of recorded models the demo's question (newcomer3).
      const right = await askGsm8k(page);
      expect.soft(right.runDisabled || right.prompt !== demoQuestion).toBe(true);
      await expect.poll(() => runButton(page).isEnabled()).toBe(true);
      const question = await promptBox(page).inputValue();
      expect(question).not.toBe(demoQuestion);
      await runButton(page).click();
      await waitForResult(page, 60_000);
      const asked = await shadowTextOf(page.locator('[data-testid="run-question"]'));
      expect(asked).toContain(question.replace(/\s+/g, ' ').trim().slice(0, 60));
      // After a run, another GSM8K question is a new conversation, not a follow-up to the last.
      await page.locator('[data-testid="follow-up-note"]').waitFor();
      await askGsm8k(page);
      await expect.poll(() => page.locator('[data-testid="follow-up-note"]').count()).toBe(0);
      await expect.poll(() => runButton(page).isEnabled()).toBe(true);
    } finally {
      await desktop.close();
    }
  }, 120_000);

  it('on a 390 × 844 touch phone one tap where Run is shown runs the demo', async () => {
    const phone = await device(390, 844, true);
    try {
      const page = await openDemo(phone, '390');
      expect(await onScreen(page, promptBox(page))).toBe(true);
      expect(await onScreen(page, runButton(page))).toBe(true);
      expect(await page.locator('quorum-member-column').count()).toBe(0);
      const box = await runButton(page).boundingBox();
      if (!box) throw new Error('Run has no box');
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await waitForResult(page, 60_000);
    } finally {
      await phone.close();
    }
  }, 90_000);
});
