// Real model output end to end: reasoning blocks, markup, special tokens and streaming Markdown in the studio, chat, history and exports.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  FIXTURE_PAGES,
  axeViolations,
  importInput,
  openApp,
  waitForView,
} from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import { shadowTextOf } from '../support/shadow-text.js';
import { hitAtCentreOf, renderedModelText } from './real-output-page.js';
import {
  POOL,
  column,
  openStudio,
  prepareRun,
  waitForResult,
  type StudioMode,
} from './studio-page.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: { errors: string[] };

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ({ page, problems } = await openApp(context, `${baseUrl}/`));
});
afterAll(async () => {
  await browser.close();
});

const SCREENSHOTS = 'test/e2e/screenshots';
const OVERLAY = '<a href=//ex.co style=position:fixed;inset:0;z-index:9;background:red>x</a>';
const fused = (p: Page) => p.locator('[data-testid="fused-answer"]');
const run = (p: Page) => p.getByRole('button', { name: 'Run', exact: true });
/** Leftovers that must never reach the visitor. */
const LEAKS = /<\/?think>|<\|[a-z_]+\|>|<end_of_turn>/;

/** Runs `mode` over the three small simulated models with `prompt`, with extra URL options. */
async function runStudio(p: Page, mode: StudioMode, prompt: string, sim = ''): Promise<void> {
  await openStudio(p, baseUrl, `simSpeed=400${sim ? `&${sim}` : ''}`);
  await prepareRun(p, mode, prompt);
  await run(p).click();
  await waitForResult(p);
}

describe('real model output (simulated engine writing like real models)', () => {
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

  it('a question with a reasoning block and a special token: reasoning folded, token gone', async () => {
    await runStudio(page, 'Vote', '<think>plan</think> Final: 42 <|im_end|>');
    const answer = await renderedModelText(fused(page));
    expect(answer.text).toContain('Final: 42');
    expect(answer.text).not.toMatch(LEAKS);
    expect(answer.text).not.toMatch(/plan\s+Final/);
    const reasoning = column(page, 'sim-tiny-360M').locator('quorum-reasoning').first();
    expect(await shadowTextOf(reasoning)).toMatch(/Reasoning\s+plan/);
  }, 60_000);

  it.each(['Vote', 'Best-of', 'Merge', 'Debate'] as const)(
    '%s with real-world output: reasoning folded apart, Markdown rendered, nothing leaked',
    async (mode) => {
      const prompt =
        mode === 'Merge' ? 'Explain how to declare a list of names.' : 'What is 17 * 23?';
      await runStudio(page, mode, prompt, 'simStyle=real');
      // Tiny thinks (closed blocks), Swift writes none: only real reasoning is shown.
      expect(
        await column(page, 'sim-tiny-360M').locator('quorum-reasoning').count(),
      ).toBeGreaterThan(0);
      expect(await column(page, 'sim-swift-0.5B').locator('quorum-reasoning').count()).toBe(0);
      for (const part of [...POOL.map((id) => column(page, id)), fused(page)]) {
        const rendered = await renderedModelText(part);
        expect(rendered.forbidden).toEqual([]);
        expect(rendered.text).not.toMatch(LEAKS);
      }
      const answer = await renderedModelText(fused(page));
      if (mode === 'Merge') expect(answer.text).toMatch(/\w{3}/);
      else expect(answer.text).toMatch(/Answer: \d+/);
      const trace = await shadowTextOf(page.locator('[data-testid="trace"]'));
      expect(trace).not.toMatch(LEAKS);
      if (mode === 'Best-of') expect(trace).not.toMatch(/no verdict on any pair/);
      if (mode === 'Merge') {
        // Tables and fenced code from the members render as such.
        const tiny = await renderedModelText(column(page, 'sim-tiny-360M'));
        expect(tiny.code.length).toBeGreaterThan(0);
        expect(tiny.code.join('\n')).not.toContain('`');
        expect(
          await column(page, 'sim-tiny-360M').locator('quorum-markdown').count(),
        ).toBeGreaterThan(0);
      }
    },
    120_000,
  );

  it('exports keep the reasoning folded apart and model markup literal', async () => {
    await runStudio(page, 'Vote', 'Explain how to declare a list of names.', 'simStyle=real');
    await page.getByRole('link', { name: 'Open this run in history' }).click();
    await page.locator('[data-testid="run-status"]').waitFor();
    const view = page.locator('quorum-run-view');
    expect(await view.locator('quorum-reasoning').count()).toBeGreaterThan(0);
    const stored = await renderedModelText(view);
    expect(stored.forbidden).toEqual([]);
    expect(stored.text).not.toMatch(LEAKS);
    expect(stored.text).toContain('List<String>');
    const [markdownFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const markdown = await readFile((await markdownFile.path())!, 'utf8');
    expect(markdown).toContain('<details><summary>Reasoning</summary>');
    expect(markdown).toContain('List\\<String>');
    expect(markdown.replace(/<\/?details>|<\/?summary>/g, '')).not.toMatch(LEAKS);
    const [jsonFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const json = JSON.parse(await readFile((await jsonFile.path())!, 'utf8')) as {
      answers: { text: string; reasoning?: string }[];
      finalAnswer: string;
    };
    expect(json.answers.some((a) => (a.reasoning ?? '').length > 0)).toBe(true);
    for (const a of json.answers) expect(a.text).not.toMatch(LEAKS);
    expect(json.finalAnswer).not.toMatch(LEAKS);
  }, 90_000);

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

  it('merge and debate answers quote only the visitor’s question, never the prompt template', async () => {
    for (const mode of ['Merge', 'Debate'] as const) {
      await runStudio(page, mode, 'Explain why the sky looks blue at noon.');
      const all = page.locator('quorum-member-column');
      const texts = await Promise.all(
        Array.from({ length: await all.count() }, (_, i) => shadowTextOf(all.nth(i))),
      );
      const columns = texts.join('\n');
      expect(columns).toContain('Explain why the sky looks blue at noon.');
      expect(columns).not.toMatch(
        /"""|Response 1:|Several assistants|Your previous answer|Question:/,
      );
      expect(await shadowTextOf(fused(page))).not.toMatch(/"""|Response 1:|Question:/);
    }
  }, 120_000);

  it('a page whose tool name is a covering link reaches the models and history as text only', async () => {
    await page.goto(`${baseUrl}/`);
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
      expect(rendered.text).toContain(OVERLAY);
    }
    const newConversation = page.getByRole('button', { name: 'New conversation' });
    expect(await hitAtCentreOf(page, newConversation)).toMatchObject({ same: true });
    // Reopened from history, the answers still cover nothing.
    await page.getByRole('link', { name: 'Open this run in history' }).click();
    await page.locator('[data-testid="run-status"]').waitFor();
    const stored = await renderedModelText(page.locator('quorum-run-view'));
    expect(stored.styled).toBe(0);
    expect(stored.text).toContain(OVERLAY);
    const exportButton = page.getByRole('button', { name: 'Export JSON' });
    expect(await hitAtCentreOf(page, exportButton)).toMatchObject({ same: true });
    expect(new URL(page.url()).host).toBe(new URL(baseUrl).host);
  }, 90_000);

  it('thinking is on or off per pool member, off for the judge by default, and stored with the run', async () => {
    await openStudio(page, baseUrl, 'simSpeed=400');
    await prepareRun(page, 'Best-of', 'What is 17 * 23?');
    // Only Steady can switch its reasoning: it alone has a toggle, on by default.
    const toggle = page.getByRole('checkbox', { name: 'Thinking for Simulated Steady 1.5B' });
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Thinking for Simulated Tiny/ }).count()).toBe(
      0,
    );
    await page.locator('#judge').selectOption('sim-steady-1.5B');
    const judgeThinks = page.getByRole('checkbox', { name: /Judge thinks first/ });
    expect(await judgeThinks.isChecked()).toBe(false);
    await run(page).click();
    await waitForResult(page);
    expect(
      await column(page, 'sim-steady-1.5B').locator('quorum-reasoning').count(),
    ).toBeGreaterThan(0);
    const judgeColumn = page.locator('quorum-member-column[data-key="judge:sim-steady-1.5B"]');
    expect(await judgeColumn.locator('quorum-reasoning').count()).toBe(0);
    await page.getByRole('button', { name: 'New conversation' }).click();
    await toggle.uncheck();
    await run(page).click();
    await waitForResult(page);
    expect(await column(page, 'sim-steady-1.5B').locator('quorum-reasoning').count()).toBe(0);
    await page.getByRole('link', { name: 'Open this run in history' }).click();
    await page.locator('[data-testid="run-status"]').waitFor();
    const [jsonFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const json = JSON.parse(await readFile((await jsonFile.path())!, 'utf8')) as {
      thinking: unknown;
    };
    expect(json.thinking).toEqual({ members: { 'sim-steady-1.5B': false }, judge: false });
  }, 90_000);

  it('the studio, history and imports raised no page errors', () => {
    expect(problems.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

describe('chat with real-world output', () => {
  let chat: Page;

  beforeAll(async () => {
    chat = await context.newPage();
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
    if (model === 'sim-steady-1.5B' && /thinking=off/.test(query))
      await chat.getByRole('checkbox', { name: /Thinking/ }).uncheck();
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

describe.each(['light', 'dark'] as const)('real-world output in %s mode', (colorScheme) => {
  it('columns with reasoning, code and tables pass axe and fit 390 and 1280 px (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const screens = await browser.newContext({
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
