// Recorded GSM8K models in the arena: they battle each other on GSM8K problems, say they are recorded and replay their real answers.
import { mkdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { GSM8K_RECORDED_MODELS } from '../../../src/models/list/recorded-models.js';
import { axeViolations, screenshotsAtWidths } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import {
  openArena as openArenaAt,
  poll,
  sideNames,
  storedVotes,
  waitForVoting,
} from './arena-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OUT_DIR = 'test/e2e/screenshots';
const RECORDED = 'engine=sim&contestants=recorded&recordedSpeed=2000&seed=5';
const LABELS = GSM8K_RECORDED_MODELS.map((m) => m.label);

/** The recording's rows by question: each model column's solution. */
const RECORDING = new Map(
  readFileSync('public/eval/gsm8k-recorded-solutions.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const row = JSON.parse(line) as Record<string, { solution: string }> & { question: string };
      return [row.question, row] as const;
    }),
);
const columnOf = (id: string) => {
  const model = GSM8K_RECORDED_MODELS.find((m) => m.id === id)!;
  return model.recording.kind === 'gsm8k' ? model.recording.column : '';
};

/** The arena with `query`. */
const openArena = (context: BrowserContext, query: string): Promise<Page> =>
  openArenaAt(context, `${baseUrl}/arena?${query}`);

describe('recorded contestants', () => {
  it('battle on a GSM8K problem they answered, labelled recorded before the vote, and replay their answers', async () => {
    const page = await openArena(session.context, RECORDED);
    await poll(() => page.locator('[data-testid="recorded-note"]').textContent()).toMatch(
      /Both answers are recorded.*OpenAI’s GSM8K release/s,
    );
    await page.keyboard.press('n');
    await waitForVoting(page);
    const prompt = await page.getByLabel('Prompt', { exact: true }).inputValue();
    expect(RECORDING.has(prompt)).toBe(true);

    // Before the vote: no names, but each side says it is recorded and where from.
    expect(await sideNames(page)).toEqual([]);
    const sources = await page.locator('[data-testid="side-source"]').allTextContents();
    expect(sources).toHaveLength(2);
    for (const text of sources) expect(text).toContain('OpenAI’s GSM8K release');
    const battleText = (await page.locator('quorum-battle-side').allInnerTexts()).join('\n');
    for (const label of LABELS) expect(battleText).not.toContain(label);
    expect(battleText).not.toMatch(/tokens\/s/);

    await page.keyboard.press('3');
    await poll(() => sideNames(page)).toHaveLength(2);
    const names = await sideNames(page);
    expect(names.every((n) => LABELS.includes(n))).toBe(true);
    // No replay speed or time passed off as a measurement.
    expect((await page.locator('quorum-battle-side dl').allInnerTexts()).join()).not.toMatch(
      /Speed|First token/,
    );

    // The stored vote: the problem, and the lengths of the two models' recorded solutions.
    const [vote] = await storedVotes(page);
    expect(vote!.prompt).toBe(prompt);
    const row = RECORDING.get(prompt)!;
    expect([vote!.lengthA, vote!.lengthB]).toEqual([
      row[columnOf(vote!.a)]!.solution.length,
      row[columnOf(vote!.b)]!.solution.length,
    ]);
  }, 90_000);

  it('refuses a prompt that is not a recorded problem, and offers problems to pick', async () => {
    const page = await openArena(session.context, RECORDED);
    await page.getByLabel('Prompt', { exact: true }).fill('Write a poem about the sea.');
    await page.getByRole('button', { name: 'Start battle' }).click();
    await poll(() => page.getByRole('alert').allTextContents()).toContainEqual(
      expect.stringContaining('answer only GSM8K’s test problems'),
    );
    expect(await page.locator('quorum-battle-side').count()).toBe(0);

    const options = page.locator('select#builtin option');
    await poll(() => options.count()).toBe(13);
    const value = await options.nth(1).getAttribute('value');
    await page.locator('select#builtin').selectOption(value!);
    await page.getByRole('button', { name: 'Start battle' }).click();
    await waitForVoting(page);
    expect(RECORDING.has(await page.getByLabel('Prompt', { exact: true }).inputValue())).toBe(true);
  }, 60_000);

  it('are the contestants when fewer than two models are downloaded', async () => {
    const page = await openArena(session.context, 'recordedSpeed=2000');
    const live = page.getByRole('radio', { name: 'Models answering here' });
    await live.waitFor();
    expect(await live.isDisabled()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Recorded GSM8K models' }).isChecked()).toBe(true);
  }, 60_000);

  it('are never mixed with simulated ones', async () => {
    const page = await openArena(session.context, 'engine=sim&simSpeed=400&simTtft=0&seed=3');
    expect(await page.getByRole('radio', { name: 'Models answering here' }).isChecked()).toBe(true);
    await page.keyboard.press('n');
    await waitForVoting(page);
    expect(await page.locator('[data-testid="side-source"]').count()).toBe(0);
  }, 60_000);
});

describe.each(['light', 'dark'] as const)('a recorded battle in %s mode', (colorScheme) => {
  it('has no axe violations; screenshots at 390 and 1280 px', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const context = await session.browser.newContext({
      colorScheme,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await openArena(context, RECORDED);
      await page.keyboard.press('n');
      await waitForVoting(page);
      await page.keyboard.press('1');
      await poll(() => sideNames(page)).toHaveLength(2);
      expect(await axeViolations(page)).toEqual([]);
      await screenshotsAtWidths(
        page,
        (width) => `${OUT_DIR}/arena-recorded-${colorScheme}-${width}.png`,
      );
    } finally {
      await context.close();
    }
  }, 90_000);
});
