// Debate with a recorded model: a replay cannot read the others' answers and revise, so debate is offered
// disabled with the reason while the pool holds one, and a run set to debate before it joined is refused
// before anything runs (lead's leftovers, 2026-11-30, item 3).
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { recordedNotice } from '../../src/fusion/history/run-names.js';
import { GSM8K_RECORDING_SOURCE } from '../../src/models/list/recorded-models.js';
import { openApp } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { shadowTextOf } from '../support/shadow-text.js';
import { FAST, openStudio, prepareRun, waitForResult } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OUT_DIR = 'test/e2e/screenshots';
/** A GSM8K test question whose first 80 characters hold a number (10) that is not its answer. */
/** A GSM8K test question (it asks "how much": a number) the four recorded models answer four ways. */
const JOSH =
  'Josh decides to try flipping a house.  He buys a house for $80,000 and then puts in $50,000 in repairs.  This increased the value of the house by 150%.  How much profit did he make?';
const ANDY =
  "Andy's car fuel efficiency is 10 MPG (miles per gallon). If the current price for regular gas is $3/gallon, how much money is Andy's car consuming per week if he only uses his car to go to work from Monday to Friday and the one-way distance between his home and office is 5 miles?";

/** A GSM8K test question asking for a percentage; two recorded models answer 30 with different solutions. */
const CUSTODIAN =
  'A custodian has to clean a school with 80 classrooms. They have 5 days to get it done. It takes them 15 minutes per classroom. If they work an 8 hour day, what percentage of their day, on average, is spent cleaning classrooms?';

/** `target` at 1280 and 390 px, light and dark, into OUT_DIR: to be looked at. */
async function shoot(page: Page, target: Locator, name: string): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [width, colorScheme] of [
    [1280, 'light'],
    [1280, 'dark'],
    [390, 'light'],
    [390, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme });
    await target.screenshot({ path: `${OUT_DIR}/${name}-${width}-${colorScheme}.png` });
  }
}

describe('a GSM8K question in simulated mode (issue 10, honesty)', () => {
  it('"Ask a GSM8K question" makes the recorded models the pool, the simulated ones out', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl, FAST);
      await page.getByRole('button', { name: 'Ask a GSM8K question' }).click();
      const boxes = page.locator('quorum-pool-picker li');
      const picked = async () => {
        const rows = await boxes.all();
        const states = await Promise.all(
          rows.map(async (row) => [
            /\(recorded\)/.test((await row.textContent()) ?? ''),
            await row.locator('input').first().isChecked(),
          ]),
        );
        return states.every(([recorded, checked]) => recorded === checked);
      };
      await expect.poll(picked).toBe(true);
      await expect.poll(() => page.getByLabel('Prompt', { exact: true }).inputValue()).not.toBe('');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page, 60_000);
      const result = await shadowTextOf(page.locator('quorum-run-result'));
      expect(result).not.toMatch(/Simulated/);
      // Only recorded models answered: the result says whose answers were replayed.
      expect(result).toContain(recordedNotice(GSM8K_RECORDING_SOURCE));
      await shoot(page, page.locator('quorum-run-result'), 'studio-recorded-notice');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('simulated models asked it agree on no number quoted from the question', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl, FAST);
      await prepareRun(page, 'Vote', ANDY);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page);
      const trace = page.locator('[data-testid="trace"]');
      // No sample holds a number, so none is a vote: identical filler no longer wins the question.
      await expect
        .poll(() => shadowTextOf(trace))
        .toMatch(
          /Overall: no answer ×\d+ Why: No sample gave a number, though the question asks for one/,
        );
      const text = await shadowTextOf(trace);
      expect(text).not.toMatch(/Stopped early/);
      expect(text).not.toMatch(/“10” ×|“3” ×|“5” ×/);
      expect(text).not.toMatch(/winner/);
      expect(await shadowTextOf(page.locator('[data-testid="fused-answer"]'))).toMatch(
        /^\s*No fused answer\. No sample gave a number, though the question asks for one \(\d+ samples\), so there was no answer to vote on\.\s*$/,
      );
      await shoot(page, trace, 'studio-filler-trace');
      await shoot(page, page.locator('[data-testid="fused-answer"]'), 'studio-filler-answer');
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('a GSM8K question the four recorded models answer four ways', () => {
  it("says the tie-break picked the answer, and shows GSM8K's calculator annotations nowhere", async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl, FAST);
      await page.getByLabel('Prompt', { exact: true }).fill(JOSH);
      const boxes = page.locator('quorum-pool-picker li');
      for (const item of await boxes.all())
        await item
          .locator('input')
          .first()
          .setChecked(/\(recorded\)/.test((await item.textContent()) ?? ''));
      await page.getByRole('radio', { name: /^Vote/ }).check();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page, 60_000);
      const trace = page.locator('[data-testid="trace"]');
      await expect.poll(() => shadowTextOf(trace)).toMatch(/No two answers agreed/);
      // Item 1: the cost panel says what the trace's Why line says.
      const best = page.locator('quorum-cost-panel [data-testid="overhead-best"]');
      await expect
        .poll(() => shadowTextOf(best))
        .toMatch(/alone, its answer was picked by the tie-break \(no two answers agreed\)/);
      expect(await shadowTextOf(best)).not.toMatch(/won/);
      // Item 2: "80,000+50,000=$<<80000+50000=130000>>130,000" reads "80,000+50,000=$130,000".
      const column = page
        .locator(
          'quorum-member-column[data-key="member:recorded-gsm8k-6b-verifier"] [data-testid="column-text"]',
        )
        .first();
      await expect.poll(() => shadowTextOf(column)).toMatch(/80,000\+50,000=\$130,000/);
      for (const shown of [
        ...(await page.locator('quorum-member-column').all()),
        trace,
        page.locator('[data-testid="fused-answer"]'),
      ])
        expect(await shadowTextOf(shown)).not.toMatch(/<<|>>/);
      await shoot(page, page.locator('quorum-cost-panel'), 'studio-recorded-cost');
      await shoot(page, column, 'studio-recorded-column');
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe("a GSM8K percentage question put to the recorded models (newcomer's tally)", () => {
  it("is voted on as a number, and each tally row shows its own model's solution", async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl, FAST);
      await page.getByLabel('Prompt', { exact: true }).fill(CUSTODIAN);
      for (const row of await page.locator('quorum-pool-picker li').all())
        await row
          .locator('input')
          .first()
          .setChecked(/\(recorded\)/.test((await row.textContent()) ?? ''));
      await page.getByRole('radio', { name: /^Vote/ }).check();
      // Recorded answers take no GPU memory: the plan says so, not "0 MB of 3686 MB usable".
      await expect
        .poll(() => page.getByTestId('plan').textContent())
        .toBe('All 4 run at the same time; none of them needs GPU memory on this device.');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await waitForResult(page, 60_000);
      const trace = page.locator('[data-testid="trace"]');
      await expect.poll(() => shadowTextOf(trace)).toMatch(/Expected answer: a number\./);
      const why = await shadowTextOf(trace);
      expect(why).toMatch(/Why: .*samples agreed most|Why: No two answers agreed/);
      expect(why).not.toMatch(/Free-text answers/);
      // 175B fine-tuned answered 30, as 6B + verifier did first: its row shows its own solution.
      const row = page
        .getByRole('table', { name: 'Vote tally' })
        .locator('tr')
        .filter({ has: page.getByRole('rowheader', { name: 'GPT-3 175B fine-tuned (recorded)' }) });
      const answers = row.locator('details.excerpt').first();
      await answers.locator('summary').click();
      await expect
        .poll(() => answers.innerText())
        .toMatch(/First find the total number of minutes/);
      expect(await answers.innerText()).not.toMatch(/The custodians have 80 classrooms/);
      await shoot(page, trace, 'studio-recorded-tally');
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('debate with a recorded model in the studio', () => {
  it('offers debate disabled with the reason, and refuses a debate run before anything runs', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openStudio(page, baseUrl, FAST);
      await prepareRun(page, 'Debate');
      const debate = page.getByRole('radio', { name: /^Debate/ });
      expect(await debate.isDisabled()).toBe(false);
      // A recorded model joins a pool already set to debate.
      await page.getByRole('checkbox', { name: /^GPT-3 6B fine-tuned \(recorded\)/ }).check();
      await expect.poll(() => debate.isDisabled()).toBe(true);
      await page.getByRole('radio', { name: 'Debate (recorded answers cannot debate)' }).waitFor();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page
        .getByText(
          "Debate needs models that read each other's answers and revise, and recorded answers cannot debate: take GPT-3 6B fine-tuned (recorded) out of the pool, or pick another mode.",
        )
        .waitFor();
      // Nothing ran: no model was asked, no run was stored.
      expect(await page.locator('quorum-member-column').count()).toBe(0);
      expect(await page.locator('[data-testid="fused-answer"]').count()).toBe(0);
      const picker = page.locator('quorum-mode-picker');
      await shoot(page, picker, 'studio-recorded-debate');
      // Vote is still there for them, and without the recorded model debate is offered again.
      expect(await page.getByRole('radio', { name: /^Vote/ }).isDisabled()).toBe(false);
      await page.getByRole('checkbox', { name: /^GPT-3 6B fine-tuned \(recorded\)/ }).uncheck();
      await expect.poll(() => debate.isDisabled()).toBe(false);
    } finally {
      await context.close();
    }
  }, 90_000);
});
