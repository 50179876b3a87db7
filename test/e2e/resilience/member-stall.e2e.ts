// A pool member that stops producing tokens (issue 10 item 5): its column says so within seconds, states the limit, and can be skipped.
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { failOnConsoleErrors } from '../../support/console-errors.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import { column, openStudio, prepareRun, statusLine, waitForResult } from '../studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('file', [], { viewport: { width: 1280, height: 900 } });
const watchErrors = failOnConsoleErrors();

describe('a pool member that stops producing tokens', () => {
  it('Vote: the silent column says "no tokens for N s" with the limit, and "Skip this model" lets the others decide', async () => {
    const { page, problems } = await openApp(session.context, `${baseUrl}/`);
    watchErrors(problems);
    await openStudio(page, baseUrl, 'simFail=hang&simFailModel=sim-swift-0.5B');
    await prepareRun(page, 'Vote');
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    const swift = column(page, 'sim-swift-0.5B');
    const status = swift.locator('[data-testid="column-status"]');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toMatch(/^No tokens for \d+ s$/);
    const notice = await shadowTextOf(swift.locator('[data-testid="stall-notice"]'));
    expect(notice).toMatch(
      /A model silent for 30 s is dropped from this run, and the others decide/,
    );
    // The models still answering show no such notice.
    expect(
      await column(page, 'sim-tiny-360M').locator('[data-testid="stall-notice"]').count(),
    ).toBe(0);

    await swift.getByRole('button', { name: 'Skip this model' }).click();
    await waitForResult(page);
    expect(await statusLine(page).textContent()).toMatch(/Run done/);
    expect(await status.textContent()).toBe('Skipped');
    const result = await shadowTextOf(page.locator('quorum-run-result'));
    expect(result).toContain('2 of 3 models answered; Simulated Swift 0.5B was skipped.');
    expect(await shadowTextOf(page.locator('[data-testid="fused-answer"]'))).toMatch(/\d/);
    await page.close();
  }, 90_000);
});
