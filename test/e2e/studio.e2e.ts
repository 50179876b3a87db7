// The fusion studio end to end in simulated mode: every mode streams and shows its trace; stop, history, export.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import {
  POOL,
  QUESTION,
  column,
  deepText,
  grew,
  openStudio,
  prepareRun,
  sampleStreaming,
  statusLine,
  waitForText,
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
  await openStudio(page, baseUrl);
});
afterAll(async () => {
  await browser.close();
});

/** What each mode's trace must show once the run is done. */
const TRACE: Record<StudioMode, RegExp> = {
  Vote: /Vote tally/,
  'Best-of': /Pairwise judging, both orders[\s\S]*Swapped[\s\S]*Ranking/,
  Merge:
    /Synthesis skipped — unanimous|Consensus[\s\S]*Contradictions[\s\S]*Unique points[\s\S]*Blind spots/,
  Debate: /Round 0 \(before debate\)[\s\S]*Final answer[\s\S]*Answers by round/,
};

describe('fusion studio (simulated models)', () => {
  it.each(['Vote', 'Best-of', 'Merge', 'Debate'] as const)(
    '%s: three columns stream side by side, then a fused answer with its trace',
    async (mode) => {
      await prepareRun(page, mode);
      const sampling = sampleStreaming(page, 'sim-steady-1.5B');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const lengths = await sampling;
      expect(grew(lengths), `streamed lengths: ${lengths.join(',')}`).toBe(true);
      await waitForResult(page);
      for (const id of POOL) expect(await deepText(column(page, id))).toMatch(/Simulated/);
      expect(await deepText(page.locator('[data-testid="fused-answer"]'))).toMatch(/\d/);
      expect(await deepText(page.locator('[data-testid="trace"]'))).toMatch(TRACE[mode]);
      expect(await statusLine(page).textContent()).toMatch(/Run done/);
      expect(await deepText(page.locator('quorum-cost-panel'))).toMatch(/Wall time/);
      // The prompt box empties for a follow-up, which continues this conversation.
      expect(await page.getByLabel('Prompt', { exact: true }).inputValue()).toBe('');
      await page.getByRole('button', { name: 'New conversation' }).click();
    },
    120_000,
  );

  it('Stop ends the run, keeps the partial answers, and history reopens and exports it', async () => {
    await prepareRun(page, 'Vote');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForText(page, 'sim-steady-1.5B');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect
      .poll(() => statusLine(page).textContent(), { timeout: 15_000 })
      .toMatch(/Run stopped/);
    // Nothing streams on after Stop, and what was produced stays on screen.
    const statuses = await page.locator('[data-testid="column-status"]').allTextContents();
    expect(statuses).not.toContain('Streaming');
    const kept = page.locator('[data-testid="column-text"]').filter({ hasText: /\S{3,}/ });
    expect(await kept.count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'History', exact: true }).click();
    const first = page.locator('[data-testid="run-item"]').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/stopped/);
    expect(await first.textContent()).toContain(QUESTION);
    await first.getByRole('link').click();
    await expect
      .poll(() => page.locator('[data-testid="run-status"]').textContent())
      .toBe('stopped');
    expect(await page.locator('[data-testid="stored-answer"]').count()).toBeGreaterThan(0);

    const [markdownDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const markdown = await readFile((await markdownDownload.path())!, 'utf8');
    expect(markdownDownload.suggestedFilename()).toMatch(/\.md$/);
    expect(markdown).toMatch(/^# Quorum run: vote/);
    expect(markdown).toContain(QUESTION);
    expect(markdown).toMatch(/Status: stopped/);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const json = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as {
      prompt: string;
      status: string;
      mode: string;
      answers: { text: string }[];
    };
    expect(json).toMatchObject({ prompt: QUESTION, status: 'stopped', mode: 'vote' });
    expect(json.answers.some((a) => a.text.length > 0)).toBe(true);
  }, 120_000);

  it('a run cut short by closing the tab is kept as stopped with what it had', async () => {
    const other = await context.newPage();
    await openStudio(other, baseUrl);
    await prepareRun(other, 'Debate', 'What is 12 * 12? Cut short.');
    // The slow Sage and enough rounds keep the run going when the tab closes.
    await other.getByRole('checkbox', { name: /Simulated Sage 3B/ }).check();
    await other.getByLabel('Rounds after round 0').fill('4');
    await other.getByLabel('Rounds after round 0').press('Tab');
    await other.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForText(other, 'sim-steady-1.5B');
    // Past one progressive save.
    await other.waitForTimeout(1_800);
    await other.close({ runBeforeUnload: true });
    await page.goto(`${baseUrl}/runs`);
    const item = page.locator('[data-testid="run-item"]', { hasText: 'Cut short.' });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/stopped/);
    await item.getByRole('link').click();
    await expect
      .poll(() => page.locator('[data-testid="run-status"]').textContent())
      .toBe('stopped');
    const saved = page.locator('[data-testid="stored-answer"]').filter({ hasText: /\d/ });
    expect(await saved.count()).toBeGreaterThan(0);
  }, 60_000);

  it('Measure compares each model alone with the fused pool on the built-in tasks, labelled simulated', async () => {
    await openStudio(page, baseUrl);
    await prepareRun(page, 'Vote', 'What is 1 + 1?');
    await page.getByRole('button', { name: 'Measure fusion gain' }).click();
    const panel = page.locator('quorum-measure-panel');
    await panel.locator('tr.fusion').waitFor({ timeout: 110_000 });
    const text = await deepText(panel);
    for (const label of [
      'Simulated Tiny 360M alone',
      'Simulated Steady 1.5B alone',
      'Vote (fused)',
    ])
      expect(text).toContain(label);
    expect(text).toMatch(/\d of 6/);
    expect(text).toMatch(/Simulated results/);
  }, 120_000);

  it('the studio and history load without page errors', () => {
    expect(problems.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
