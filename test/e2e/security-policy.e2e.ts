// The security policy wherever Quorum is served: headers from the service worker, workers held to it, no framing, and connections only to this machine and added endpoints.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, waitForServiceWorkerControl } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';
import { startOpenAiServer, type OpenAiServer } from '../support/openai-server.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { addEndpoint } from '../support/endpoints-ui.js';

/** Hosts under .test resolve to this machine, so "another host" can be served by a local server. */
const HOST_RULES = '--host-resolver-rules=MAP *.test 127.0.0.1';
/** A worker script added to the copy of the build: fetches what it is told to, reports what happened. */
const PROBE_WORKER = `self.onmessage = async (event) => {
  try { const r = await fetch(event.data); self.postMessage('fetched ' + r.status); }
  catch (error) { self.postMessage('refused ' + error); }
};`;

let root = '';
let app: StaticServer;
let models: OpenAiServer;
let framer: Server;
let framerPort = 0;
let browser: Browser;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'quorum-policy-'));
  cpSync(process.env.QUORUM_DIST ?? 'dist', root, { recursive: true });
  writeFileSync(join(root, 'policy-probe.worker.js'), PROBE_WORKER);
  app = await startStaticServer(root);
  models = await startOpenAiServer();
  // Another page that frames the app: on this site (another port) and on another site (localhost).
  framer = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      `<!doctype html><title>framer</title><iframe src="${app.url}/" width="800" height="600"></iframe>`,
    );
  });
  await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
  framerPort = (framer.address() as AddressInfo).port;
  browser = await launchChromium([HOST_RULES]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await models?.close();
  await new Promise((done) => framer?.close(done));
  rmSync(root, { recursive: true, force: true });
});

/** A first visit, then a reload so the service worker serves the page itself. */
async function controlledPage(context: BrowserContext, path = '/'): Promise<Page> {
  const { page } = await openApp(context, `${app.url}${path}`);
  await waitForServiceWorkerControl(page);
  await page.reload();
  await page.locator('quorum-app').waitFor();
  return page;
}

/** What a fetch from the page did: 'fetched <status>', or 'refused' plus whether the policy reported it. */
function pageFetch(page: Page, url: string): Promise<string> {
  return page.evaluate(async (target) => {
    const refusals: string[] = [];
    const listener = (event: SecurityPolicyViolationEvent) =>
      refusals.push(event.effectiveDirective);
    document.addEventListener('securitypolicyviolation', listener);
    try {
      const response = await fetch(target);
      return `fetched ${response.status}`;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
      return `refused by ${refusals.join(',') || 'no policy'}`;
    } finally {
      document.removeEventListener('securitypolicyviolation', listener);
    }
  }, url);
}

describe('security policy', () => {
  it('the service worker adds the policy, nosniff and framing headers to what it serves', async () => {
    const context = await browser.newContext();
    try {
      const page = await controlledPage(context);
      const headers = await page.evaluate(async () => {
        const read = async (path: string) => {
          const response = await fetch(path);
          const text = await response.text();
          return {
            csp: response.headers.get('content-security-policy'),
            nosniff: response.headers.get('x-content-type-options'),
            frame: response.headers.get('x-frame-options'),
            meta: /http-equiv=["']?Content-Security-Policy/i.test(text),
          };
        };
        return { page: await read('/'), manifest: await read('/manifest.webmanifest') };
      });
      for (const response of [headers.page, headers.manifest]) {
        expect(response.csp).toContain("frame-ancestors 'none'");
        expect(response.csp).toContain("connect-src 'self'");
        expect(response.nosniff).toBe('nosniff');
        expect(response.frame).toBe('DENY');
      }
      // The header carries the whole policy: the page's <meta> copy is taken out.
      expect(headers.page.meta).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('a worker from the app’s own origin is refused a host the policy does not allow', async () => {
    const context = await browser.newContext();
    try {
      const page = await controlledPage(context);
      const port = new URL(models.url).port;
      const fromWorker = (url: string) =>
        page.evaluate(
          (target) =>
            new Promise<string>((resolve) => {
              const worker = new Worker('/policy-probe.worker.js');
              worker.onmessage = (event) => {
                resolve(String(event.data));
                worker.terminate();
              };
              worker.postMessage(target);
            }),
          url,
        );
      expect(await fromWorker(`http://elsewhere.test:${port}/v1/models`)).toMatch(/^refused/);
      // The same server on this machine's loopback name is allowed, so the refusal was the policy's.
      expect(await fromWorker(`${models.url}/v1/models`)).toBe('fetched 200');
    } finally {
      await context.close();
    }
  });

  it('the app refuses to be framed, on this site (by header) and on another site (by itself)', async () => {
    const context = await browser.newContext();
    try {
      await controlledPage(context);
      const sameSite = await context.newPage();
      await sameSite.goto(`http://127.0.0.1:${framerPort}/`);
      const crossSite = await context.newPage();
      await crossSite.goto(`http://localhost:${framerPort}/`);
      for (const framing of [sameSite, crossSite]) {
        const frame = framing.frames().find((f) => f !== framing.mainFrame());
        expect(frame).toBeDefined();
        // Either the browser blocked the frame, or the app showed only its notice: never the app.
        await expect
          .poll(() =>
            frame!.evaluate(() => document.querySelector('quorum-app') === null).catch(() => true),
          )
          .toBe(true);
      }
      const notice = crossSite.frames()[1]!;
      await expect
        .poll(() =>
          notice
            .locator('[data-testid="framed-notice"]')
            .count()
            .catch(() => 0),
        )
        .toBe(1);
    } finally {
      await context.close();
    }
  });

  it('the page reaches this machine and endpoints it added, after a reload, and nothing else', async () => {
    const context = await browser.newContext();
    try {
      const page = await controlledPage(context, '/settings');
      const port = new URL(models.url).port;
      const added = `http://lan-box.test:${port}`;
      const other = `http://other-host.test:${port}`;
      expect(await pageFetch(page, `${models.url}/v1/models`)).toBe('fetched 200');
      expect(await pageFetch(page, `${added}/v1/models`)).toBe('refused by connect-src');

      await addEndpoint(page, app.url, {
        name: 'LAN box',
        baseUrl: added,
        typed: ['quorum-small-1b'],
      });
      await page.getByText(`Reload Quorum to connect to ${added}`).waitFor();
      await page.getByRole('button', { name: 'Reload now' }).click();
      await page.locator('li.endpoint h3', { hasText: 'LAN box' }).waitFor();

      expect(await pageFetch(page, `${added}/v1/models`)).toBe('fetched 200');
      expect(await pageFetch(page, `${other}/v1/models`)).toBe('refused by connect-src');
      await page.getByRole('button', { name: 'Test LAN box' }).click();
      await page.getByTestId('endpoint-test-ok').waitFor();
    } finally {
      await context.close();
    }
  });
});
