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
        await page.getByRole('radio', { name: 'Every question' }).check();
        for (const label of SIMULATED)
          expect(
            await page.getByRole('checkbox', { name: new RegExp(`^${label}`) }).isChecked(),
          ).toBe(true);
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
});
