// An engine switch while a run is going: the run keeps the models it started with and ends as it would have.
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import { statusLine, waitForResult } from '../studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test', [], { viewport: { width: 1280, height: 900 } });

describe('an engine switch during a run', () => {
  it('"simulated mode" clicked while recorded models answer: the run ends done, none of them unloaded under it', async () => {
    // Recorded models at 8 tokens a second: a GSM8K answer takes several seconds, so the switch
    // below lands while every member is still answering.
    const { page } = await openApp(session.context, `${baseUrl}/studio?recordedSpeed=8`);
    await page.getByRole('button', { name: 'Ask a GSM8K question' }).click();
    await expect.poll(() => page.getByLabel('Prompt', { exact: true }).inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const texts = page.locator('quorum-member-column [data-testid="column-text"]');
    await texts.filter({ hasText: /\S/ }).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => statusLine(page).textContent()).toMatch(/^Running/);
    await page.getByRole('link', { name: 'simulated mode', exact: true }).click();
    await page.getByTestId('engine-indicator').filter({ hasText: 'Simulated models' }).waitFor();
    await waitForResult(page, 90_000);
    await expect.poll(() => statusLine(page).textContent()).toMatch(/Run done/);
    const statuses = await page.locator('[data-testid="column-status"]').allTextContents();
    expect(statuses.join(' ')).not.toMatch(/Failed/);
    const result = await shadowTextOf(page.locator('quorum-run-result'));
    expect(result).not.toMatch(/unloaded|failed/i);
  }, 120_000);
});
