// A new version never strands an open tab: views not yet opened still load (or say why and reload in place); an update mid-run saves it first.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardCount, openApp, waitForServiceWorkerControl } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { deployRenamedChunks } from '../../support/redeploy.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import { startStaticServer, type StaticServer } from '../../support/static-server.js';
import { openStudio, prepareRun, waitForText } from '../studio-page.js';

const session = useBrowserSession('test');
let root = '';
let server: StaticServer | undefined;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'quorum-strand-'));
  cpSync(process.env.QUORUM_DIST ?? 'dist', root, { recursive: true });
  server = await startStaticServer(root);
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

const url = (path: string): string => `${server!.url}${path}`;

async function openControlled(path: string): Promise<{ page: Page; errors: string[] }> {
  const { page, problems } = await openApp(session.context, url(path));
  await waitForServiceWorkerControl(page);
  return { page, errors: problems.errors };
}

/** Checks for the new version in `page` and accepts it there (its tab reloads under it). */
async function acceptUpdateIn(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
  const button = page.getByRole('button', { name: 'Reload to update' });
  await button.waitFor({ timeout: 30_000 });
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await button.click();
  await reloaded;
}

describe('a new version and an open tab', () => {
  it('a view never opened before still opens, or says a new version is active and reloads in place', async () => {
    const { page: first, errors } = await openControlled('/');
    await expect.poll(() => cardCount(first), { timeout: 15_000 }).toBe(5);
    // Build B: the chat view's chunk (and every file naming it) has a new name; A's are gone.
    expect(deployRenamedChunks(root, /^quorum-chat-view-/).length).toBeGreaterThan(1);
    const { page: second } = await openControlled('/');
    await acceptUpdateIn(second);

    await first.getByRole('link', { name: 'Chat', exact: true }).click();
    await first.waitForURL(/\/chat$/);
    const chat = first.getByRole('heading', { level: 1, name: 'Chat' });
    const notice = first.getByText(/A new version of Quorum is active/).first();
    await Promise.race([chat.waitFor({ timeout: 20_000 }), notice.waitFor({ timeout: 20_000 })]);
    if (await notice.isVisible()) {
      const reloaded = first.waitForEvent('load', { timeout: 30_000 });
      await first
        .getByRole('button', { name: /^Reload/ })
        .first()
        .click();
      await reloaded;
      expect(new URL(first.url()).pathname).toBe('/chat');
      await chat.waitFor({ timeout: 20_000 });
    }
    // The tab was told, and no failed import went unhandled.
    expect(await shadowTextOf(first.locator('quorum-update-prompt'))).not.toMatch(/available/);
    expect(errors.filter((e) => /dynamically imported module|Uncaught/i.test(e))).toEqual([]);
  }, 120_000);

  it('accepting an update while a run streams warns first, then saves the run as stopped', async () => {
    const { page } = await openControlled('/');
    // Thinking off: Simulated Steady's answer starts at once, not after ~10 s of reasoning at this pace.
    await openStudio(page, server!.url, 'simSpeed=4&thinking=off');
    // Five debate rounds at four tokens a second outlast the update check however slow the machine:
    // a Vote there ended first once (three e2e files at once) and the update then had nothing to warn of.
    await prepareRun(page, 'Debate', 'What is 17 * 23? Updated mid-run.');
    await page.getByLabel('Rounds after round 0').fill('4');
    await page.getByLabel('Rounds after round 0').press('Tab');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForText(page, 'sim-steady-1.5B');
    deployRenamedChunks(root, /^quorum-chat-view-/);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await page.getByRole('button', { name: 'Reload to update' }).click({ timeout: 30_000 });
    const warning = page.getByRole('alert').filter({ hasText: 'A fusion run is still going' });
    await warning.waitFor();
    expect(await page.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true);
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Update now' }).click();
    await reloaded;
    await page.goto(url('/runs'));
    const item = page.locator('[data-testid="run-item"]', { hasText: 'Updated mid-run.' });
    await item.waitFor({ timeout: 20_000 });
    expect(await item.textContent()).toMatch(/stopped/);
    await item.getByRole('link').click();
    const saved = page.locator('[data-testid="stored-answer"]').filter({ hasText: /\S/ });
    await saved.first().waitFor();
    expect(await saved.count()).toBeGreaterThan(0);
  }, 120_000);
});
