// Real model output in every mode end to end: reasoning folded apart, special tokens gone, exports, the thinking switch.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { failOnConsoleErrors } from '../../support/console-errors.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import { POOL, column, openStudio, prepareRun, waitForResult } from '../studio-page.js';
import { LEAKS, fused, renderedModelText, run, runStudio } from './page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('file', [], { viewport: { width: 1280, height: 900 } });
let page: Page;
const watchErrors = failOnConsoleErrors();

beforeAll(async () => {
  const opened = await openApp(session.context, `${baseUrl}/`);
  page = opened.page;
  watchErrors(opened.problems);
});

describe('real model output (simulated engine writing like real models)', () => {
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

  it('thinking is on or off per pool member, off for the judge by default, and stored with the run', async () => {
    page.setDefaultTimeout(20_000);
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
    // A finished run empties the prompt box (the question stays above the answers): ask again.
    await page.getByLabel('Prompt', { exact: true }).fill('What is 17 * 23?');
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
});
