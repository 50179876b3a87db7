// The lab in simulated mode offers the simulated models as the studio does: a simulated download runs first
// (newcomer's report, 2026-11-30, item 2: /lab?engine=sim offered only the recorded models).
import { mkdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { FAST } from '../studio-page.js';
import { exportResults, openLab, waitForVerdict } from '../lab-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');
const OUT_DIR = 'test/e2e/screenshots';
const SIMULATED = [
  'Simulated Tiny 360M',
  'Simulated Swift 0.5B',
  'Simulated Steady 1.5B',
  'Simulated Sage 3B',
];

describe('the lab in simulated mode', () => {
  for (const [width, colorScheme] of [
    [1280, 'light'],
    [390, 'dark'],
  ] as const)
    it(`offers every simulated model before any download, and runs them on the quick set (${width} px, ${colorScheme})`, async () => {
      mkdirSync(OUT_DIR, { recursive: true });
      const context = await session.browser.newContext({
        colorScheme,
        acceptDownloads: true,
        viewport: { width, height: 900 },
      });
      try {
        const { page } = await openApp(context, `${baseUrl}/`);
        await openLab(page, baseUrl, `?engine=sim&${FAST}`);
        for (const label of SIMULATED)
          await page
            .getByRole('checkbox', {
              name: new RegExp(`^${label}.*a simulated download runs first`),
            })
            .waitFor({ timeout: 20_000 });
        await page.getByRole('radio', { name: /Quick set/ }).check();
        for (const label of SIMULATED)
          await page.getByRole('checkbox', { name: new RegExp(`^${label}`) }).check();
        await page.screenshot({ path: `${OUT_DIR}/lab-sim-setup-${width}-${colorScheme}.png` });
        await page.getByRole('button', { name: 'Start run' }).click();
        await waitForVerdict(page, 180_000);
        const results = await exportResults(page);
        expect(results.entries.map((e) => [e.label, e.total])).toEqual([
          ...SIMULATED.map((label) => [label, 6]),
          ['Vote', 6],
        ]);
        // The downloads stuck: the models are offered as on the device now.
        await page
          .getByRole('checkbox', { name: /^Simulated Sage 3B\s*Simulated: made-up answers$/ })
          .waitFor();
      } finally {
        await context.close();
      }
    }, 240_000);

  it('keeps the picks when the task set changes, says which it left out, and offers a subset only where one applies', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await openApp(context, `${baseUrl}/`);
      await openLab(page, baseUrl, `?engine=sim&${FAST}`);
      const box = (label: string) => page.getByRole('checkbox', { name: new RegExp(`^${label}`) });
      await box(SIMULATED[3]!).waitFor({ timeout: 20_000 });
      const checked = async () => {
        const names: string[] = [];
        for (const label of SIMULATED) if (await box(label).isChecked()) names.push(label);
        return names;
      };
      const size = page.getByLabel('Questions', { exact: true });
      await expect.poll(() => size.isVisible()).toBe(true);
      // The quick set does not check models by itself: the GSM8K picks it cannot run are left out, named.
      await page.getByRole('radio', { name: /Quick set/ }).check();
      await expect.poll(() => page.getByText('Pool (0 of at most 6)').count()).toBe(1);
      expect(await checked()).toEqual([]);
      const leftOut = page.locator('[data-testid="left-out"]');
      await expect.poll(() => leftOut.textContent()).toContain('GPT-3 175B + verifier');
      // Six questions: no subset to draw, so no subset controls.
      await expect.poll(() => size.isVisible()).toBe(false);
      expect(await page.getByLabel('Seed', { exact: true }).isVisible()).toBe(false);
      expect(await page.getByRole('radio', { name: 'Every question' }).isVisible()).toBe(false);
      await box('Simulated Tiny 360M').check();
      await box('Simulated Swift 0.5B').check();
      // Back and forth between the task sets, the two picks stay the pool.
      await page.getByRole('radio', { name: /GSM8K test/ }).check();
      await expect.poll(() => size.isVisible()).toBe(true);
      await page.getByRole('radio', { name: /Quick set/ }).check();
      await expect.poll(() => page.getByText('Pool (2 of at most 6)').count()).toBe(1);
      expect(await checked()).toEqual(['Simulated Tiny 360M', 'Simulated Swift 0.5B']);
      await page.screenshot({ path: `${OUT_DIR}/lab-sim-picks-1280.png`, fullPage: true });
    } finally {
      await context.close();
    }
  }, 60_000);
});
