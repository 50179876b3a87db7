// Offline with endpoints: a server on this machine keeps answering when Quorum's own host is gone, a remote one says it needs the network, and runs record which members were remote.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForServiceWorkerControl } from '../../support/app-page.js';
import { launchChromium } from '../../support/chromium.js';
import { startOpenAiServer, type OpenAiServer } from '../../support/openai-server.js';
import { startStaticServer, type StaticServer } from '../../support/static-server.js';
import { addEndpoint, columnNamed, pickPool } from '../../support/endpoints-ui.js';
import { QUESTION, statusLine, waitForResult } from '../studio-page.js';
import { shadowTextOf } from '../../support/shadow-text.js';

let root = '';
let app: StaticServer | undefined;
let appUrl = '';
let models: OpenAiServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'quorum-offline-remote-'));
  cpSync(process.env.QUORUM_DIST ?? 'dist', root, { recursive: true });
  app = await startStaticServer(root);
  appUrl = app.url;
  models = await startOpenAiServer();
  browser = await launchChromium(['--host-resolver-rules=MAP *.test 127.0.0.1']);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ({ page } = await openApp(context, `${appUrl}/settings`));
  await waitForServiceWorkerControl(page);
  await addEndpoint(page, appUrl, { name: 'This machine', baseUrl: models.url });
  const port = new URL(models.url).port;
  await addEndpoint(page, appUrl, {
    name: 'Far away',
    baseUrl: `http://models.test:${port}`,
    typed: ['quorum-large-8b'],
  });
  await page.getByRole('button', { name: 'Reload now' }).click();
  await page.locator('li.endpoint h3', { hasText: 'Far away' }).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await models?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Opens the studio with a vote of `labels`; `beforeRun` runs on the open page just before Run. */
async function vote(labels: readonly string[], beforeRun?: () => Promise<void>): Promise<void> {
  await page.goto(`${appUrl}/studio?engine=sim`);
  await pickPool(page, labels);
  await page.getByLabel('Prompt', { exact: true }).fill(QUESTION);
  await page.getByRole('radio', { name: /^Vote/ }).check();
  await beforeRun?.();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
}

describe('endpoints offline', () => {
  it('an endpoint on this machine keeps answering when Quorum’s host is gone, and the run records it as remote', async () => {
    await app?.close();
    app = undefined;
    await vote([
      'quorum-small-1b · This machine',
      'quorum-large-8b · This machine',
      'Simulated Tiny 360M',
    ]);
    expect(await statusLine(page).textContent()).toMatch(/Run done/);
    const runs = await page.evaluate(
      () =>
        new Promise<{ models?: { label: string; source?: unknown }[] }[]>((resolve, reject) => {
          const open = indexedDB.open('quorum');
          open.onsuccess = () => {
            const request = open.result.transaction('runs').objectStore('runs').getAll();
            request.onsuccess = () => resolve(request.result as never);
            request.onerror = () => reject(request.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    const members = runs.at(-1)?.models ?? [];
    expect(members.find((m) => m.label === 'quorum-small-1b · This machine')?.source).toEqual({
      kind: 'endpoint',
      name: 'This machine',
    });
    expect(members.find((m) => /Simulated/.test(m.label))?.source).toBeUndefined();
  });

  it('an endpoint across the network fails while offline, saying so', async () => {
    try {
      // Offline once the studio is open: the emulation reaches navigator.onLine of the page it
      // is set on (a document navigated to afterwards may still say it is online).
      await vote(
        ['quorum-large-8b · Far away', 'Simulated Tiny 360M', 'Simulated Swift 0.5B'],
        () => context.setOffline(true),
      );
      expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      const text = await shadowTextOf(columnNamed(page, 'quorum-large-8b · Far away'));
      expect(text).toMatch(/You are offline, and “Far away” is reached over the network/);
    } finally {
      await context.setOffline(false);
    }
  });
});
