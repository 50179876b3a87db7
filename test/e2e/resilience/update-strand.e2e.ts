// A new version never strands an open tab: views not yet opened still load (or say why and reload in place); an update mid-run saves it first.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, waitForServiceWorkerControl } from '../../support/app-page.js';
import { useBrowserSession } from '../../support/browser-session.js';
import { deployRenamedChunks } from '../../support/redeploy.js';
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

describe('a new version and an open tab', () => {
  it('accepting an update while a run streams warns first, then saves the run as stopped', async () => {
    const { page } = await openControlled('/');
    await openStudio(page, server!.url, 'simSpeed=4');
    await prepareRun(page, 'Vote', 'What is 17 * 23? Updated mid-run.');
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
