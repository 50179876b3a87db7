// A failed answer is not a wrong one: recorded GSM8K models are not offered for another task set, and
// a model that fails is shown and counted as failed (newcomer's report, 2026-11-30, item 1), and a run
// whose every answer failed is not listed as "Finished" like a good one (lead's leftovers, 2026-11-30).
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { QUICK_SET } from '../../../src/lab/tasks/quick-set.js';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { exportResults, openLab, storedAnswers, waitForVerdict } from '../lab-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OUT_DIR = 'test/e2e/screenshots';

/**
 * Four recorded models on the quick set: Sure answers all six right, Patchy answers three (one
 * wrong), Mute and Silent none (every call fails).
 */
const RECORDING = {
  format: 'quorum-recording',
  version: 1,
  source: 'A hand-written recording for the lab-failures test',
  taskSet: { id: 'quick', name: QUICK_SET.name },
  models: [
    { id: 'sure', label: 'Sure' },
    { id: 'patchy', label: 'Patchy' },
    { id: 'mute', label: 'Mute' },
    { id: 'silent', label: 'Silent' },
  ],
  questions: QUICK_SET.tasks.map((task, index) => ({
    index,
    question: task.prompt,
    answers: {
      sure: `Answer: ${task.answer}`,
      ...(index < 2
        ? { patchy: `Answer: ${task.answer}` }
        : index === 2
          ? { patchy: 'Answer: 7' }
          : {}),
    },
  })),
};

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function lab(width = 1280, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  context = await session.browser.newContext({
    colorScheme,
    acceptDownloads: true,
    viewport: { width, height: 900 },
  });
  const { page } = await openApp(context, `${baseUrl}/`);
  await openLab(page, baseUrl);
  return page;
}

/** Imports the recording and picks the quick set with only `names` (recorded) in the pool. */
async function quickSetWith(page: Page, names: string[]): Promise<void> {
  await page.getByText('Use your own questions or a recording').click();
  await page.getByLabel('Recording (JSON)').setInputFiles({
    name: 'patchy.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(RECORDING)),
  });
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  await page.getByRole('radio', { name: /Quick set/ }).check();
  // The GPT-3 recordings cannot answer the quick set; the imported models may start in the pool.
  const recorded = page.getByRole('checkbox', { name: /\(recorded\)/ });
  for (let i = 0; i < (await recorded.count()); i++)
    if (await recorded.nth(i).isEnabled()) await recorded.nth(i).uncheck();
  for (const name of names)
    await page.getByRole('checkbox', { name: new RegExp(`^${name} \\(recorded\\)`) }).check();
  await expect.poll(() => page.getByText(`Pool (${names.length} of at most 6)`).count()).toBe(1);
}

/** The status line of the newest run in "Runs on this device". */
const newestRunText = async (page: Page) =>
  ((await page.locator('quorum-lab-runs li').first().textContent()) ?? '').replace(/\s+/g, ' ');

describe('failed answers in the lab', () => {
  it('offers no recorded GSM8K model for the quick set, says why, and runs nothing', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const page = await lab();
    await page.getByRole('radio', { name: /Quick set/ }).check();
    const recorded = page.getByRole('checkbox', { name: /\(recorded\)/ });
    expect(await recorded.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect(await recorded.nth(i).isDisabled()).toBe(true);
      expect(await recorded.nth(i).isChecked()).toBe(false);
    }
    await page
      .getByText('Answers only the GSM8K test questions: pick that task set to use it.')
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Start run' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'the recorded models answer only the GSM8K test questions' })
      .waitFor();
    expect(await storedAnswers(page)).toBe(0);
    expect(await page.getByRole('heading', { name: 'Runs on this device' }).count()).toBe(0);
    // Back on GSM8K they are the default pool again.
    await page.getByRole('radio', { name: /GSM8K test/ }).check();
    await expect.poll(() => recorded.nth(3).isChecked()).toBe(true);
  }, 60_000);

  for (const [width, colorScheme] of [
    [1280, 'light'],
    [390, 'dark'],
  ] as const)
    it(`shows and counts a failed answer as failed, apart from wrong ones (${width} px, ${colorScheme})`, async () => {
      const page = await lab(width, colorScheme);
      await quickSetWith(page, ['Sure', 'Patchy']);
      await page.getByRole('button', { name: 'Start run' }).click();
      await waitForVerdict(page);
      // Patchy's 3 failures of 18 answers (Sure, Patchy and Vote on six questions), in the run and the list.
      await page
        .locator('[data-testid="run-status"]')
        .filter({ hasText: 'Finished · 3 of 18 answers failed' })
        .waitFor();
      await expect.poll(() => newestRunText(page)).toContain('Finished · 3 of 18 answers failed');
      const note = page.locator('quorum-lab-results p.note').first();
      expect(((await note.textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(
        /6 questions answered by every model and mode\. Questions:/,
      );
      const results = await exportResults(page);
      const byLabel = Object.fromEntries(results.entries.map((e) => [e.label, e]));
      expect(byLabel['Patchy (recorded)']).toMatchObject({ correct: 2, total: 6, failed: 3 });
      expect(byLabel['Sure (recorded)']).toMatchObject({ correct: 6, total: 6, failed: 0 });
      const row = page.locator('[data-testid="lab-scores"] tbody tr').filter({ hasText: 'Patchy' });
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('2 of 6 1 wrong, 3 failed');
      const last = page.locator('quorum-lab-questions details.question').last();
      await last.locator(':scope > summary').click();
      expect(
        (await last.locator(':scope > summary').textContent())?.replace(/\s+/g, ' '),
      ).toContain('1 of 2 models right, 1 failed · Vote right');
      const patchy = last.locator('tbody tr').filter({ hasText: 'Patchy' });
      expect((await patchy.locator('td').nth(1).textContent())?.trim()).toBe('Failed');
      // Said once: the next column gives the reason, not "Failed" again (newcomer, 2026-11-30, c4).
      expect(await patchy.locator('td').nth(2).textContent()).not.toMatch(/failed/i);
      expect((await patchy.locator('td').nth(2).textContent())?.trim()).not.toBe('');
      const stem = `${OUT_DIR}/lab-failed-${width}-${colorScheme}`;
      await page.locator('[data-testid="lab-scores"]').screenshot({ path: `${stem}-scores.png` });
      await last.screenshot({ path: `${stem}-question.png` });
      await page.screenshot({
        path: `${OUT_DIR}/lab-failed-${width}-${colorScheme}.png`,
        fullPage: true,
      });
    }, 90_000);

  for (const [width, colorScheme] of [
    [1280, 'dark'],
    [390, 'light'],
  ] as const)
    it(`says a run whose every answer failed failed, in the list and its results (${width} px, ${colorScheme})`, async () => {
      const page = await lab(width, colorScheme);
      await quickSetWith(page, ['Mute', 'Silent']);
      await page.getByRole('button', { name: 'Start run' }).click();
      const status = page.locator('[data-testid="run-status"]');
      await status.filter({ hasText: 'Failed: every answer failed' }).waitFor({ timeout: 60_000 });
      expect(await status.textContent()).toContain('Recorded models only replay their answers');
      await expect.poll(() => newestRunText(page)).toContain('Failed: every answer failed');
      expect(await newestRunText(page)).not.toContain('Finished');
      // A run that measured nothing shows no measured figure: no verdict, chart, accuracy table,
      // interval, best single model or comparison (newcomer, 2026-11-30: "0.0% – 39.0%", "p = 1").
      const results = page.locator('quorum-lab-results');
      await results.locator('[data-testid="nothing-measured"]').waitFor();
      for (const selector of [
        '[data-testid="verdict"]',
        'quorum-lab-chart',
        '[data-testid="lab-scores"]',
        '[data-testid="lab-comparisons"]',
        'quorum-lab-arena',
      ])
        expect(await results.locator(selector).count(), selector).toBe(0);
      const text = (await results.innerText()).replace(/\s+/g, ' ');
      expect(text).not.toMatch(/\d%|best single model|McNemar|p = /);
      // What failed stays readable, question by question, and exportable.
      const questions = results.locator('quorum-lab-questions details.question > summary');
      await expect.poll(() => questions.count()).toBe(6);
      expect((await questions.first().textContent())?.replace(/\s+/g, ' ')).toContain(
        '0 of 2 models right, 2 failed · Vote failed',
      );
      for (const name of ['Export results (JSON)', 'Export questions (CSV)'])
        expect(await page.getByRole('button', { name }).count()).toBe(1);
      await page.screenshot({
        path: `${OUT_DIR}/lab-all-failed-${width}-${colorScheme}.png`,
        fullPage: true,
      });
    }, 90_000);
});
