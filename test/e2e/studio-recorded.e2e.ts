// Debate with a recorded model: a replay cannot read the others' answers and revise, so debate is offered
// disabled with the reason while the pool holds one, and a run set to debate before it joined is refused
// before anything runs (lead's leftovers, 2026-11-30, item 3).
import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { FAST, openStudio, prepareRun } from './studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OUT_DIR = 'test/e2e/screenshots';

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
      for (const [width, colorScheme] of [
        [1280, 'light'],
        [1280, 'dark'],
        [390, 'light'],
        [390, 'dark'],
      ] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await picker.screenshot({
          path: `${OUT_DIR}/studio-recorded-debate-${width}-${colorScheme}.png`,
        });
      }
      // Vote is still there for them, and without the recorded model debate is offered again.
      expect(await page.getByRole('radio', { name: /^Vote/ }).isDisabled()).toBe(false);
      await page.getByRole('checkbox', { name: /^GPT-3 6B fine-tuned \(recorded\)/ }).uncheck();
      await expect.poll(() => debate.isDisabled()).toBe(false);
    } finally {
      await context.close();
    }
  }, 90_000);
});
