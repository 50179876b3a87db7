// After Stop in a simulated run, the cost table's ≈ is explained for what happened (a model cut off
// mid-answer, not a server), and a stopped member's prompt tokens are estimated, never "≈ 0"
// (newcomer's report 2026-11-30, item 3).
import { describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import { openStudio, prepareRun } from '../studio-page.js';

const baseUrl = inject('baseUrl');
const session = useBrowserSession('test');

describe('the cost of a stopped run', () => {
  it('says ≈ marks a model stopped mid-answer, and estimates its prompt tokens', async () => {
    const { page } = await openApp(session.context, `${baseUrl}/`);
    await openStudio(page, baseUrl, 'simSpeed=2');
    await prepareRun(page, 'Vote', 'What is 17 * 23?');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // Stopped once some text has streamed: that member's tokens are then estimated (≈).
    await page.locator('quorum-member-column .text').filter({ hasText: /\S/ }).first().waitFor();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await page
      .getByRole('button', { name: 'Run', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
    const panel = page.locator('quorum-cost-panel').first();
    await panel.locator('tbody tr').first().waitFor({ state: 'attached', timeout: 30_000 });
    const rows = await panel
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim())),
      );
    const estimated = rows.filter((r) => r.some((cell) => cell?.startsWith('≈')));
    expect(estimated.length).toBeGreaterThan(0);
    for (const row of estimated) expect(row[2]).not.toBe('≈ 0');
    const text = await shadowTextOf(panel);
    expect(text).toMatch(/≈ marks a model stopped or failed mid-answer/);
    expect(text).not.toMatch(/server/);
  }, 120_000);
});
