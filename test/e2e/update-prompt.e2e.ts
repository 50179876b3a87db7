// Updates: a new deploy waits behind an "update available — reload" prompt and takes over only when the visitor accepts.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardCount, openApp, waitForServiceWorkerControl } from '../support/app-page.js';
import { useBrowserSession } from '../support/browser-session.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';

const BUILD_ID = 'update-test-2';
const session = useBrowserSession('test');
let root = '';
let server: StaticServer | undefined;

beforeEach(async () => {
  // A copy of the build for each test: a test rewrites files, as a new deploy would.
  root = mkdtempSync(join(tmpdir(), 'quorum-update-'));
  cpSync(process.env.QUORUM_DIST ?? 'dist', root, { recursive: true });
  server = await startStaticServer(root);
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

function staticServer(): StaticServer {
  if (!server) throw new Error('the static server is not started');
  return server;
}

/** Deploys a new version: index.html gains a build marker, and sw.js precaches it under a new revision. */
function publishNewVersion(): void {
  const indexPath = join(root, 'index.html');
  const swPath = join(root, 'sw.js');
  const oldIndex = readFileSync(indexPath, 'utf8');
  const newIndex = oldIndex.replace(
    '<head>',
    `<head><meta name="quorum-build" content="${BUILD_ID}">`,
  );
  expect(newIndex).not.toBe(oldIndex);
  const revision = (text: string) => createHash('md5').update(text).digest('hex');
  const sw = readFileSync(swPath, 'utf8');
  // The precache manifest as injectManifest writes it into sw.js (JSON).
  const oldEntry = `"revision":"${revision(oldIndex)}","url":"index.html"`;
  expect(sw).toContain(oldEntry);
  const newSw = sw.replace(oldEntry, `"revision":"${revision(newIndex)}","url":"index.html"`);
  writeFileSync(indexPath, newIndex);
  writeFileSync(swPath, `${newSw}\n// build: ${BUILD_ID}\n`);
}

interface MarkedWindow {
  updateTestMarker?: string;
  updateTestController?: ServiceWorker | null;
}

interface WorkerState {
  marker: string | null;
  sameController: boolean;
  controllerState: string | null;
  waitingState: string | null;
  installing: boolean;
  build: string | null;
}

/** What the page sees of its service workers, and whether it is still the page the test marked. */
function workerState(page: Page): Promise<WorkerState> {
  return page.evaluate(async () => {
    const marked = window as unknown as MarkedWindow;
    const registration = await navigator.serviceWorker.getRegistration();
    const controller = navigator.serviceWorker.controller;
    return {
      marker: marked.updateTestMarker ?? null,
      sameController: controller !== null && controller === marked.updateTestController,
      controllerState: controller?.state ?? null,
      waitingState: registration?.waiting?.state ?? null,
      installing: Boolean(registration?.installing),
      build: document.querySelector('meta[name="quorum-build"]')?.getAttribute('content') ?? null,
    };
  });
}

/** Opens the app on the test's server and waits for the catalog and the first version's control. */
async function openControlledApp(): Promise<Page> {
  const { page } = await openApp(session.context, `${staticServer().url}/`);
  await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
  await waitForServiceWorkerControl(page);
  return page;
}

/** Marks the window and remembers its controller, to tell later whether the page was swapped. */
function markPage(page: Page): Promise<void> {
  return page.evaluate(() => {
    const marked = window as unknown as MarkedWindow;
    marked.updateTestMarker = 'before-update';
    marked.updateTestController = navigator.serviceWorker.controller;
  });
}

function reloadButton(page: Page) {
  return page.getByRole('button', { name: 'Reload to update' });
}

/** The prompt is up while the old version still runs this page; accepting it reloads under the new one. */
async function expectPromptThenAccept(page: Page): Promise<void> {
  await reloadButton(page).waitFor({ timeout: 30_000 });
  const prompt = page
    .getByRole('status')
    .filter({ hasText: 'A new version of Quorum is available.' });
  expect(await prompt.count()).toBe(1);
  // Not swapped behind the visitor's back: same page, same controller, the new worker still waiting.
  expect(await workerState(page)).toEqual({
    marker: 'before-update',
    sameController: true,
    controllerState: 'activated',
    waitingState: 'installed',
    installing: false,
    build: null,
  });

  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await reloadButton(page).click();
  await reloaded;

  await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
  await waitForServiceWorkerControl(page);
  // A fresh page, served by the new worker from its own precache (only it holds the marked index.html).
  expect(await workerState(page)).toEqual({
    marker: null,
    sameController: false,
    controllerState: 'activated',
    waitingState: null,
    installing: false,
    build: BUILD_ID,
  });
  expect(await reloadButton(page).count()).toBe(0);
}

describe('update prompt', () => {
  it('offers a version found while the page is open, and swaps only once the visitor accepts', async () => {
    const page = await openControlledApp();
    expect(await reloadButton(page).count()).toBe(0);
    await markPage(page);

    publishNewVersion();
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });

    await expectPromptThenAccept(page);
  });

  it('offers a version another check found before the app registered, once it has installed', async () => {
    const page = await openControlledApp();
    // A slow download keeps the new version installing while the reloaded app boots and registers.
    const release = staticServer().hold('/index.html');
    try {
      publishNewVersion();
      // Another check (another tab, the browser's own) finds the new version before the app registers;
      // the app's register() then queues behind that install and hears of the version as already waiting.
      await page.addInitScript(() => {
        void navigator.serviceWorker
          .getRegistration()
          .then((registration) => registration?.update());
      });
      await page.reload();
      await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
      await expect
        .poll(() => workerState(page).then((state) => state.installing), { timeout: 15_000 })
        .toBe(true);
      await markPage(page);
      // The app registers after its first frame and the load event; nothing is offered before the install ends.
      await page.waitForLoadState('load');
      await page.waitForTimeout(1_000);
      expect(await reloadButton(page).count()).toBe(0);
    } finally {
      release();
    }

    await expectPromptThenAccept(page);
  });
});
