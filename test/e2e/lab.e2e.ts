// The evaluation lab end to end: 50 seeded GSM8K questions through the four recorded models and vote,
// checked against the recording's own is_correct; resume after a reload; files that must be refused.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extractAnswer } from '../../src/fusion/modes/extract-answer.js';
import { seededSubset } from '../../src/lab/tasks/subset.js';
import { openApp, waitForServiceWorkerControl, type PageProblems } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import {
  RECORDED_IDS,
  answersIn,
  exportResults,
  openLab,
  startRun,
  storedAnswers,
  waitForVerdict,
} from './lab-page.js';

const baseUrl = inject('baseUrl');
const COLUMNS = ['6b_finetuning', '6b_verification', '175b_finetuning', '175b_verification'];
type Row = Record<string, { solution: string; is_correct: boolean }>;
const recording = readFileSync('public/eval/gsm8k-recorded-solutions.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Row);

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function freshLab(query = '', { controlled = false } = {}): Promise<void> {
  await context?.close();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  ({ page, problems } = await openApp(context, `${baseUrl}/`));
  if (controlled) await waitForServiceWorkerControl(page);
  await openLab(page, baseUrl, query);
}

/**
 * What vote must answer with one sample per recorded model and no earlier lab run: every model
 * agrees with itself, so the answer given by most models wins, a tie going to the first in pool order.
 */
function expectedVoteRight(row: Row): boolean {
  const answers = COLUMNS.map((c) => extractAnswer(row[c]!.solution, 'number').normalized);
  const count = (a: string) => answers.filter((b) => b === a).length;
  const winner = answers.reduce((best, a, i) => (count(a) > count(answers[best]!) ? i : best), 0);
  return row[COLUMNS[winner]!]!.is_correct;
}

describe('the evaluation lab', () => {
  it("runs 50 seeded GSM8K questions through the four recorded models and vote, and exports results matching the recording's is_correct", async () => {
    await freshLab();
    await startRun(page, { size: 50, seed: 1 });
    const verdict = await waitForVerdict(page);
    expect(verdict).toMatch(
      /^Vote (helped|hurt|and the best single model, .* could not be told apart)/,
    );
    const results = await exportResults(page);
    const subset = seededSubset(1319, 50, 1);
    expect(results).toMatchObject({
      format: 'quorum-lab-results',
      version: 1,
      taskSet: { id: 'gsm8k-test', questions: 50 },
    });
    expect(results.questions.map((q) => q.index)).toEqual(subset);
    for (const [i, id] of RECORDED_IDS.entries()) {
      const expected = subset.filter((index) => recording[index]![COLUMNS[i]!]!.is_correct).length;
      expect(results.entries.find((e) => e.id === id)).toMatchObject({
        kind: 'single',
        correct: expected,
        total: 50,
      });
    }
    const vote = subset.filter((index) => expectedVoteRight(recording[index]!)).length;
    expect(results.entries.find((e) => e.id === 'vote')).toMatchObject({
      kind: 'fusion',
      correct: vote,
      total: 50,
    });
    const best = results.entries
      .filter((e) => e.kind === 'single')
      .sort((a, b) => b.correct - a.correct)[0]!;
    const [comparison] = results.comparisons;
    expect(comparison).toMatchObject({ mode: 'vote', against: best.id });
    expect(comparison!.difference).toBeCloseTo((vote - best.correct) / 50, 5);
    expect(comparison!.ci95[0]).toBeLessThanOrEqual(comparison!.difference);
    expect(comparison!.ci95[1]).toBeGreaterThanOrEqual(comparison!.difference);
    expect(comparison!.mcnemarP).toBeGreaterThan(0);
    expect(comparison!.mcnemarP).toBeLessThanOrEqual(1);
    expect(problems.errors).toEqual([]);
  }, 180_000);

  it('keeps every stored answer through a reload mid-run, and Resume finishes the run without asking twice', async () => {
    await freshLab('?recordedSpeed=300');
    await startRun(page, { size: 8, seed: 3, realistic: true });
    await expect.poll(() => answersIn(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
    const before = await storedAnswers(page);
    expect(before).toBeGreaterThanOrEqual(9);
    await page.reload();
    await page.getByRole('button', { name: /^Resume/ }).waitFor({ timeout: 20_000 });
    const afterReload = await storedAnswers(page);
    expect(afterReload).toBeGreaterThanOrEqual(before);
    expect(afterReload).toBeLessThan(40);
    await page.locator('quorum-lab-runs').getByText('Interrupted').waitFor();
    await page.getByRole('button', { name: /^Resume/ }).click();
    await waitForVerdict(page, 120_000);
    expect(await storedAnswers(page)).toBe(40);
    const results = await exportResults(page);
    expect(results.entries.map((e) => e.total)).toEqual([8, 8, 8, 8, 8]);
  }, 180_000);

  it('names every bad line of a JSONL file, imports nothing from it, and shows its markup as text', async () => {
    await freshLab();
    await page.getByText('Use your own questions or a recording').click();
    const bad = [
      '{"question": "Fine?", "answer": "yes"}',
      '{"question": "<img src=x onerror=alert(1)>", "answer": "<b>bold</b>", "choices": ["a", "b"]}',
      'not json',
      '',
    ].join('\n');
    await page.getByLabel('Questions (JSONL)').setInputFiles({
      name: 'mine.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(bad),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(
      'Line 2: the answer "<b>bold</b>" is neither a letter A–B nor the text of one of the choices.',
    );
    expect(text).toContain('Line 3: not valid JSON');
    expect(await page.locator('quorum-lab-view img, quorum-lab-view b').count()).toBe(0);
    expect(await page.getByRole('radio', { name: /Your file/ }).count()).toBe(0);
    // A truncated recording is refused as a whole.
    await page.getByLabel('Recording (JSON)').setInputFiles({
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "quorum-recording", "version": 1, "mod'),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: 'cut.json: The file is not complete JSON' })
      .waitFor();
    expect(await page.getByRole('checkbox', { name: /\(recorded\)/ }).count()).toBe(4);
  }, 60_000);

  it('runs offline once the lab has fetched its questions and recordings', async () => {
    await freshLab('', { controlled: true });
    await startRun(page, { size: 5, seed: 2 });
    await waitForVerdict(page);
    await context.setOffline(true);
    try {
      await page.reload();
      await openLab(page, baseUrl);
      await startRun(page, { size: 5, seed: 4 });
      await waitForVerdict(page);
      const results = await exportResults(page);
      expect(results.entries.map((e) => e.total)).toEqual([5, 5, 5, 5, 5]);
    } finally {
      await context.setOffline(false);
    }
  }, 120_000);

  it('the studio fuses the recorded models on a GSM8K question, shows the latest lab result for the pool, and links back', async () => {
    await freshLab();
    await startRun(page, { size: 5, seed: 5 });
    await waitForVerdict(page);
    await page.getByRole('link', { name: 'Studio', exact: true }).click();
    const boxes = page.locator('quorum-pool-picker li');
    await boxes
      .filter({ hasText: 'GPT-3 175B + verifier (recorded)' })
      .waitFor({ timeout: 20_000 });
    for (let i = 0; i < (await boxes.count()); i++) {
      const item = boxes.nth(i);
      await item
        .locator('input')
        .first()
        .setChecked(/\(recorded\)/.test((await item.textContent()) ?? ''));
    }
    await page
      .locator('[data-testid="latest-lab-result"]')
      .filter({ hasText: /GSM8K test[^]*, 5\s+questions[^]*: Vote/ })
      .waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Ask a GSM8K question' }).click();
    await expect.poll(() => page.getByLabel('Prompt', { exact: true }).inputValue()).not.toBe('');
    await page.getByRole('radio', { name: /^Vote/ }).check();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('[data-testid="fused-answer"]').waitFor({ timeout: 60_000 });
    // A question the recording does not hold: every recorded model says why it cannot answer.
    await page.getByLabel('Prompt', { exact: true }).fill('What is 17 * 23?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page
      .getByText(/Recorded models only replay their answers to the questions they were recorded on/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'evaluation lab with this pool' }).click();
    await page.waitForURL(/\/lab\?pool=/);
    for (const label of ['GPT-3 6B fine-tuned', 'GPT-3 175B + verifier'])
      await expect
        .poll(
          () =>
            page
              .getByRole('checkbox', {
                name: new RegExp(`${label.replace('+', '\\+')} \\(recorded\\)`),
              })
              .isChecked(),
          { timeout: 20_000 },
        )
        .toBe(true);
  }, 180_000);
});
