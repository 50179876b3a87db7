// Model and page markup end to end: shown as written, never as elements or overlays; a fenced code block streams cleanly.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  FIXTURE_PAGES,
  axeViolations,
  importInput,
  openApp,
  waitForView,
} from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { failOnConsoleErrors } from '../../support/console-errors.js';
import { FAST, POOL, column, openStudio, prepareRun, waitForResult } from '../studio-page.js';
import { OVERLAY, fused, hitAtCentreOf, renderedModelText, run, runStudio } from './page.js';

/** The covering link's opening tag and text, as far as a simulated answer quotes it. */
const OVERLAY_TAG = OVERLAY.slice(0, OVERLAY.indexOf('>x') + 2);
const baseUrl = inject('baseUrl');
const session = useBrowserSession('file', [], { viewport: { width: 1280, height: 900 } });
let page: Page;
const watchErrors = failOnConsoleErrors();

beforeAll(async () => {
  const opened = await openApp(session.context, `${baseUrl}/`);
  page = opened.page;
  watchErrors(opened.problems);
});

const SCREENSHOTS = 'test/e2e/screenshots';

describe('model markup is shown as written', () => {
  it.each([
    ['Declare it as List<String> names and include <vector> first.', ['List<String>', '<vector>']],
    [
      'Form: <input type="text" name="u"> <button>Sign in</button>',
      ['<input type="text" name="u"> <button>Sign in</button>'],
    ],
    ['Explain why a < b > c reads oddly.', ['a < b > c']],
    [OVERLAY, [OVERLAY]],
  ])(
    'the question %j is shown as written in every column and the fused answer, never as elements',
    async (question, shown) => {
      await runStudio(page, 'Vote', question);
      for (const part of [...POOL.map((id) => column(page, id)), fused(page)]) {
        const rendered = await renderedModelText(part);
        expect(rendered.forbidden).toEqual([]);
        expect(rendered.styled).toBe(0);
        for (const piece of shown) expect(rendered.text).toContain(piece);
      }
      // Nothing covers the app: a click where "Run" is drawn reaches the button.
      expect(await hitAtCentreOf(page, run(page))).toMatchObject({ same: true });
    },
    60_000,
  );

  it('a fenced code block streams without stray backticks, then renders as one code block', async () => {
    await openStudio(page, baseUrl, 'simSpeed=60&simStyle=markdown');
    await prepareRun(page, 'Vote', 'Explain how to declare a list of names.');
    const watching = page.evaluate(
      (key) =>
        new Promise<{ frames: number; withCode: number; debris: string[] }>((resolve) => {
          const deep = (root: Document | ShadowRoot, selector: string): Element[] => [
            ...root.querySelectorAll(selector),
            ...[...root.querySelectorAll('*')].flatMap((el) =>
              el.shadowRoot ? deep(el.shadowRoot, selector) : [],
            ),
          ];
          const result = { frames: 0, withCode: 0, debris: [] as string[] };
          const deadline = performance.now() + 60_000;
          const tick = () => {
            const col = deep(document, `quorum-member-column[data-key="${key}"]`)[0];
            const root = col?.shadowRoot;
            const status = root?.querySelector('[data-testid="column-status"]')?.textContent;
            if (root && status === 'Streaming') {
              result.frames += 1;
              const blocks = deep(root, 'quorum-markdown').flatMap((md) => [
                ...(md.shadowRoot?.children ?? []),
              ]);
              for (const block of blocks) {
                const text = block.textContent ?? '';
                if (block.tagName === 'DIV' && block.querySelector('pre')) {
                  result.withCode += 1;
                  if (text.replace(/Copy$/, '').includes('`')) result.debris.push(text);
                } else if (text.includes('``')) result.debris.push(text);
              }
            }
            if (status === 'Done' || performance.now() > deadline) resolve(result);
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      'member:sim-tiny-360M',
    );
    await run(page).click();
    const seen = await watching;
    expect(seen.frames).toBeGreaterThan(5);
    expect(seen.withCode).toBeGreaterThan(0);
    expect(seen.debris).toEqual([]);
    await waitForResult(page);
    const rendered = await renderedModelText(column(page, 'sim-tiny-360M'));
    expect(rendered.code).toHaveLength(1);
    expect(rendered.code[0]!.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(3);
    expect(rendered.text).not.toContain('```');
  }, 90_000);

  it('a page whose tool name is a covering link reaches the models and history as text only', async () => {
    page.setDefaultTimeout(20_000);
    // Simulated mode, chosen once, stays on for the studio the comparison's link opens; that
    // studio is reached without a reload, so its models keep the pace this load of / names.
    await openStudio(page, baseUrl);
    await page.goto(`${baseUrl}/?${FAST}`);
    await waitForView(page);
    await importInput(page).setInputFiles(join(FIXTURE_PAGES, 'e2e-overlay.txt'));
    const card = page.getByRole('link', { name: /vs Plain Notes/ }).first();
    await card.waitFor();
    await card.click();

    await page.waitForURL(/\/comparison\//);
    await page.getByRole('link', { name: 'Ask your local models about this' }).click();
    await page.waitForURL(/\/studio\?/);
    await expect
      .poll(() => page.getByLabel('Prompt', { exact: true }).inputValue(), { timeout: 20_000 })
      .toContain(OVERLAY);
    const prompt = await page.getByLabel('Prompt', { exact: true }).inputValue();
    await prepareRun(page, 'Vote', prompt);
    await run(page).click();
    await waitForResult(page);
    for (const part of [...POOL.map((id) => column(page, id)), fused(page)]) {
      const rendered = await renderedModelText(part);
      expect(rendered.styled).toBe(0);
      // The simulated engine quotes the question's first 80 characters: the tag, shown as text.
      expect(rendered.text).toContain(OVERLAY_TAG);
    }
    const newConversation = page.getByRole('button', { name: 'New conversation' });
    expect(await hitAtCentreOf(page, newConversation)).toMatchObject({ same: true });
    // Reopened from history, the answers still cover nothing.
    await page.getByRole('link', { name: 'Open this run in history' }).click();
    await page.locator('[data-testid="run-status"]').waitFor();
    const stored = await renderedModelText(page.locator('quorum-run-view'));
    expect(stored.styled).toBe(0);
    expect(stored.text).toContain(OVERLAY_TAG);
    const exportButton = page.getByRole('button', { name: 'Export JSON' });
    expect(await hitAtCentreOf(page, exportButton)).toMatchObject({ same: true });
    expect(new URL(page.url()).host).toBe(new URL(baseUrl).host);
  }, 90_000);
});

describe.each(['light', 'dark'] as const)('real-world output in %s mode', (colorScheme) => {
  it('columns with reasoning, code and tables pass axe and fit 390 and 1280 px (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const screens = await session.browser.newContext({
      colorScheme,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const { page: p } = await openApp(screens, `${baseUrl}/`);
      await runStudio(p, 'Merge', 'Explain how to declare a list of names.', 'simStyle=real');
      // One reasoning part opened, as a visitor reading it would.
      await column(p, 'sim-tiny-360M').locator('quorum-reasoning summary').first().click();
      expect(await axeViolations(p)).toEqual([]);
      for (const width of [1280, 390]) {
        await p.setViewportSize({ width, height: 900 });
        await p.locator('quorum-member-column').first().scrollIntoViewIfNeeded();
        await p.screenshot({
          path: `${SCREENSHOTS}/real-output-${colorScheme}-${width}.png`,
          fullPage: true,
        });
        const scrollWidth = await p.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(width);
      }
    } finally {
      await screens.close();
    }
  }, 90_000);
});
