// A lab run's results show each model's lab accuracy beside its arena rating, and say which is missing.
import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { NO_ARENA } from '../../../src/lab/results/lab-beside-arena.js';
import { exportResults, openLab, startRun, waitForVerdict } from '../lab-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OUT_DIR = 'test/e2e/screenshots';

const STRONG = 'recorded-gsm8k-175b-verifier';
const WEAK = 'recorded-gsm8k-6b-finetuned';
/** The arena's hand-checked case: 7 wins of 10 → 1070 against 930. */
const VOTES = Array.from({ length: 10 }, (_, i) => ({
  a: STRONG,
  b: WEAK,
  winner: i < 7 ? 'a' : 'b',
  source: 'human',
  at: new Date(Date.UTC(2026, 10, 30, 4, 0, i)).toISOString(),
}));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe.each(['light', 'dark'] as const)('lab beside arena in %s mode', (colorScheme) => {
  it('shows lab accuracy and arena rating side by side for the pool, and says what is missing', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const context = await session.browser.newContext({
      colorScheme,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    try {
      const { page } = await openApp(context, `${baseUrl}/arena/leaderboard`);
      const file = JSON.stringify({ format: 'quorum-votes', version: 1, votes: VOTES });
      await page.locator('input#import-votes').setInputFiles({
        name: 'votes.json',
        mimeType: 'application/json',
        buffer: Buffer.from(file),
      });
      await expect
        .poll(() => page.getByRole('status').allTextContents(), { timeout: 20_000 })
        .toContainEqual(expect.stringContaining('Imported 10 votes'));

      await openLab(page, baseUrl);
      await startRun(page, { size: 5, seed: 3 });
      await waitForVerdict(page);
      const table = page.locator('[data-testid="lab-arena"]');
      await table.waitFor({ timeout: 30_000 });
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) =>
            [...tr.children].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
          ),
        );
      const entries = (await exportResults(page)).entries.filter((e) => e.kind === 'single');
      expect(rows.map((r) => r[0])).toEqual(entries.map((e) => e.label));
      for (const [i, e] of entries.entries()) {
        const lab = `${pct(e.accuracy)} (${pct(e.ci95[0])} – ${pct(e.ci95[1])})`;
        expect(rows[i]![1]).toBe(lab);
        if (e.id === STRONG || e.id === WEAK) {
          const rating = e.id === STRONG ? '1070' : '930';
          expect(rows[i]![2]).toMatch(
            new RegExp(`^${rating} \\(\\d+ – \\d+\\) rank 1 of 2, 10 battles$`),
          );
        } else {
          expect(rows[i]![2]).toBe(NO_ARENA);
        }
      }

      expect(await axeViolations(page)).toEqual([]);
      const heading = page.locator('quorum-lab-arena h3');
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
        // Side by side on a phone too: the table fits, no sideways scroll to reach the arena.
        // (Its quorum-scroll-box would scroll, and name a region, only if it were wider than the page.)
        const table = page.locator('quorum-lab-arena [data-testid="lab-arena"]');
        await expect
          .poll(() =>
            table.evaluate(
              (t) => t.getBoundingClientRect().width <= (t.parentElement?.clientWidth ?? 0),
            ),
          )
          .toBe(true);
        expect(await page.getByRole('region', { name: /Lab and arena table/ }).count()).toBe(0);
        await page.screenshot({ path: `${OUT_DIR}/lab-arena-${colorScheme}-${width}.png` });
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth).toBeLessThanOrEqual(width);
      }
    } finally {
      await context.close();
    }
  }, 180_000);
});
