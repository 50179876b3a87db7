// Issue 10 items 6 and 12: the studio suggests a mode, downloads only what was picked, and keeps the question in view.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it, vi } from 'vitest';
import { openApp, waitForView, PHONE } from '../support/app-page.js';
import { failOnConsoleErrors } from '../support/console-errors.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';
import { FAST, waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test', ['--enable-unsafe-webgpu']);
const watchErrors = failOnConsoleErrors();

async function openStudio(query = ''): Promise<Page> {
  const opened = await openApp(session.context, `${baseUrl}/studio?engine=sim${query}`);
  watchErrors(opened.problems);
  await waitForView(opened.page);
  await opened.page
    .locator('quorum-pool-picker input[type="checkbox"]')
    .first()
    .waitFor({ timeout: 20_000 });
  return opened.page;
}

const modeRadio = (page: Page, name: string) =>
  page.getByRole('radio', { name: new RegExp(`^${name}`) });

describe('first visit: the studio (issue 10 items 6 and 12)', () => {
  it('item 6: an open question suggests Merge without switching, the aggregator comes from the pool, and only the pool is downloaded', async () => {
    const page = await openStudio(`&${FAST}`);
    await page
      .getByLabel('Prompt', { exact: true })
      .fill('Explain how a B-tree keeps itself balanced.');
    const suggestion = page.getByTestId('mode-suggestion');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toMatch(/Merge suits this question better than Vote/);
    await expect(modeRadio(page, 'Vote').isChecked()).resolves.toBe(true);
    await suggestion.getByRole('button', { name: 'Use Merge' }).click();
    await expect(modeRadio(page, 'Merge').isChecked()).resolves.toBe(true);
    // The default pool: the three smallest; the aggregator is the strongest of those, not a fourth model.
    const judge = page.getByLabel('Aggregator');
    await expect(judge.locator('option:checked').textContent()).resolves.toBe(
      'Strongest in the pool',
    );
    await expect(page.locator('quorum-pool-picker #judge-default').textContent()).resolves.toBe(
      'Currently Simulated Steady 1.5B.',
    );
    const plan = await shadowTextOf(page.locator('quorum-plan-summary'));
    expect(plan).not.toMatch(/All 4/);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    // Simulated Sage 3B was never picked: it is still not downloaded.
    const sage = page.locator('quorum-pool-picker li').filter({ hasText: 'Simulated Sage 3B' });
    expect(await sage.textContent()).toMatch(/not downloaded yet/);
  }, 90_000);

  it('item 12: after a run the question stays above the answers', async () => {
    const page = await openStudio(`&${FAST}`);
    const question = 'What is 12 + 13?';
    await page.getByLabel('Prompt', { exact: true }).fill(question);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    const shown = page.getByTestId('run-question');
    await expect(shown.textContent()).resolves.toMatch(
      new RegExp(`You asked:\\s*${question.replace(/[+?]/g, '\\$&')}`),
    );
    // The question comes before the answers' columns.
    const before = await page.evaluate(() => {
      const find = (root: Document | ShadowRoot, selector: string): Element | null =>
        root.querySelector(selector) ??
        [...root.querySelectorAll('*')].reduce<Element | null>(
          (found, el) => found ?? (el.shadowRoot ? find(el.shadowRoot, selector) : null),
          null,
        );
      const q = find(document, '[data-testid="run-question"]');
      const columns = find(document, 'quorum-member-column');
      return q && columns
        ? q.getBoundingClientRect().top < columns.getBoundingClientRect().top
        : null;
    });
    expect(before).toBe(true);
  }, 90_000);

  it('item 15: after Stop the keyboard focus is on Run, not on the page body', async () => {
    const page = await openStudio('&simSpeed=2');
    await page.getByLabel('Prompt', { exact: true }).fill('What is 17 * 23?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const stop = page.getByRole('button', { name: 'Stop', exact: true });
    await page
      .locator('quorum-member-column [data-testid="column-status"]', { hasText: 'Streaming' })
      .first()
      .waitFor();
    await stop.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: 'Run', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
    const focused = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.localName}:${el.textContent?.trim() ?? ''}` : null;
    });
    expect(focused).toBe('button:Run');
  }, 90_000);
});

/** WCAG 2 contrast ratio of a text box's placeholder against the box's own (opaque) background. */
function placeholderContrast(box: Locator): Promise<number> {
  return box.evaluate((el) => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [lr = 0, lg = 0, lb = 0] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
    };
    const placeholder = getComputedStyle(el, '::placeholder');
    const [r = 0, g = 0, b = 0, a = 1] = rgb(placeholder.color);
    const back = rgb(getComputedStyle(el).backgroundColor);
    // A translucent placeholder (alpha, opacity) is blended over the background it shows on.
    const alpha = a * Number(placeholder.opacity || 1);
    const text = [r, g, b].map((c, i) => c * alpha + (back[i] ?? 0) * (1 - alpha));
    const [hi, lo] = [luminance(text), luminance(back)].sort((x, y) => y - x);
    return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
  });
}

describe('first visit: a follow-up is a visible choice (issue 10, newcomer report)', () => {
  it('after a run the Prompt box says which question it follows up, offers New conversation there, and its placeholder is no question', async () => {
    const page = await openStudio(`&${FAST}`);
    const box = page.getByLabel('Prompt', { exact: true });
    // A grey question in an empty box reads as one typed in.
    expect(await box.getAttribute('placeholder')).not.toMatch(/\?$/);
    await box.fill('What is 17 * 23?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    const note = page.getByTestId('follow-up-note');
    await expect(note.textContent()).resolves.toMatch(/Follow-up to “What is 17 \* 23\?”/);
    // Said where the visitor types: right above the box, on screen with it.
    await box.scrollIntoViewIfNeeded();
    const [noteBox, boxBox] = [(await note.boundingBox())!, (await box.boundingBox())!];
    expect(noteBox.y + noteBox.height).toBeLessThanOrEqual(boxBox.y + 1);
    expect(boxBox.y - noteBox.y).toBeLessThan(200);
    expect(await box.getAttribute('placeholder')).not.toMatch(/\?$|17/);
    await note.getByRole('button', { name: 'New conversation' }).click();
    expect(await note.count()).toBe(0);
    await expect(box.evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
    await box.fill('What is 12 + 13?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    expect(await page.locator('quorum-studio-turns details').count()).toBe(0);
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        // The placeholder saying what a follow-up is must be readable: WCAG AA's 4.5:1 (axe skips
        // placeholders).
        expect(await placeholderContrast(box), colorScheme).toBeGreaterThanOrEqual(4.5);
        await note.scrollIntoViewIfNeeded();
        await page.screenshot({
          path: `test/e2e/screenshots/studio-follow-up-${colorScheme}-${width}.png`,
        });
      }
    }
  }, 90_000);
});

describe('first visit: touch screens (issue 10 item 16, in part)', () => {
  it('item 16: no "Ctrl+Enter" hint on a touch-only phone', async () => {
    const phone = await session.browser.newContext(PHONE);
    try {
      const opened = await openApp(phone, `${baseUrl}/studio?engine=sim`);
      watchErrors(opened.problems);
      await waitForView(opened.page);
      const hint = opened.page.getByText('Ctrl+Enter or ⌘+Enter runs.');
      await hint.waitFor({ state: 'attached' });
      expect(await hint.isVisible()).toBe(false);
    } finally {
      await phone.close();
    }
  }, 90_000);
});

describe('chat (issue 10 item 17, in part)', () => {
  it('item 17: /chat/<unknown id> says the conversation is not found instead of opening a new chat', async () => {
    const opened = await openApp(
      session.context,
      `${baseUrl}/chat/no-such-conversation?engine=sim`,
    );
    watchErrors(opened.problems);
    await waitForView(opened.page);
    const error = opened.page.getByText('No saved conversation has this address.');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.isVisible()).toBe(true);
  }, 60_000);
});

/**
 * Presses "Download all simulated models" on a phone of `width` × `height` (slow pretend downloads,
 * so the progress is there to be seen) and says whether the first download's progress and the
 * "N of 4" line are on screen; screenshots it light and dark.
 */
async function downloadAllOn(width: number, height: number) {
  const phone = await session.browser.newContext({ viewport: { width, height } });
  try {
    const opened = await openApp(phone, `${baseUrl}/studio?engine=sim&simDownloadMs=4000`);
    watchErrors(opened.problems);
    const page = opened.page;
    await waitForView(page);
    await page.getByRole('button', { name: 'Download all simulated models' }).click();
    const progress = page.locator('quorum-download-progress').first();
    const status = page.getByRole('status').filter({ hasText: /Simulated download \d of 4/ });
    await progress.waitFor();
    const onScreen = async (what: typeof progress): Promise<boolean> => {
      const box = await what.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= height;
    };
    // The page may scroll to it once it appears: wait for that rather than for a set time.
    await vi.waitFor(async () => expect(await onScreen(progress)).toBe(true), { timeout: 3_000 });
    // Which download of how many: said once (a live region), beside the button, not only in the
    // prompt's status line far below.
    expect(await status.count()).toBe(1);
    expect(await onScreen(status)).toBe(true);
    await expect(status.textContent()).resolves.toMatch(
      /Simulated download 1 of 4: Simulated Tiny 360M/,
    );
    // One wording for progress: the bar gives percent and bytes, no second "step/steps" count.
    await expect
      .poll(() => shadowTextOf(progress))
      .toMatch(/Simulated download · \d+ ?% · [\d.]+ [KMG]?B of [\d.]+ [KMG]?B/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({
        path: `test/e2e/screenshots/studio-download-all-${colorScheme}-${width}.png`,
      });
    }
  } finally {
    await phone.close();
  }
}

describe('first visit: downloading every simulated model (issue 10 item 19, studio part)', () => {
  it('item 19: "Download all simulated models" says which download runs beside its button, on screen at 390 × 844', async () => {
    await downloadAllOn(390, 844);
  }, 90_000);

  it('item 19: on a phone held sideways (844 × 390) the progress is scrolled on screen', async () => {
    await downloadAllOn(844, 390);
  }, 90_000);
});
