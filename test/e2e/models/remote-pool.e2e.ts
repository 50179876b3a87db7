// Remote members end to end: two models of a local OpenAI-compatible server and one simulated model decide in every mode; every failure shows its classified message; Stop closes the request.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp } from '../../support/app-page.js';
import { launchChromium } from '../../support/chromium.js';
import { startOpenAiServer, type OpenAiServer } from '../../support/openai-server.js';
import { addEndpoint, columnNamed, pickPool } from '../../support/endpoints-ui.js';
import { FAST, QUESTION, statusLine, waitForResult, type StudioMode } from '../studio-page.js';
import { shadowTextOf } from '../../support/shadow-text.js';
import {
  PARTLY_SIMULATED_NOTICE,
  SIMULATED_NOTICE,
} from '../../../src/fusion/history/run-names.js';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let home: OpenAiServer;
let keyed: OpenAiServer;
let strict: OpenAiServer;
let gone: OpenAiServer;
let goneUrl = '';

const SIM = 'Simulated Tiny 360M';
const SMALL = 'quorum-small-1b · Home server';
const LARGE = 'quorum-large-8b · Home server';
const FAILURES = [
  'fail-500',
  'fail-503',
  'fail-429',
  'fail-no-done',
  'fail-malformed',
  'fail-stall',
  'fail-silent',
  'fail-html',
  'fail-huge-line',
  'fail-error-event',
  'unknown-model',
];

beforeAll(async () => {
  [home, keyed, strict, gone] = await Promise.all([
    startOpenAiServer(),
    startOpenAiServer({ apiKey: 'sk-right' }),
    startOpenAiServer({ allowedOrigins: [] }),
    startOpenAiServer(),
  ]);
  goneUrl = gone.url;
  await gone.close();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  ({ page } = await openApp(context, `${baseUrl}/settings`));
  await addEndpoint(page, baseUrl, { name: 'Home server', baseUrl: `${home.url}/v1` });
  await addEndpoint(page, baseUrl, { name: 'Flaky server', baseUrl: home.url, typed: FAILURES });
  await addEndpoint(page, baseUrl, {
    name: 'Keyed server',
    baseUrl: keyed.url,
    apiKey: 'sk-wrong',
    typed: ['quorum-small-1b'],
  });
  await addEndpoint(page, baseUrl, {
    name: 'Strict server',
    baseUrl: strict.url,
    typed: ['quorum-small-1b'],
  });
  await addEndpoint(page, baseUrl, {
    name: 'Gone server',
    baseUrl: goneUrl,
    typed: ['quorum-small-1b'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([home, keyed, strict].map((server) => server?.close()));
});

/** A run of `mode` over `labels`; `query` adds URL options (the simulated member at FAST by default). */
async function runStudio(
  mode: StudioMode,
  labels: readonly string[],
  query = `&${FAST}`,
): Promise<void> {
  await page.goto(`${baseUrl}/studio?engine=sim${query}`);
  await pickPool(page, labels);
  await page.getByLabel('Prompt', { exact: true }).fill(QUESTION);
  await page.getByRole('radio', { name: new RegExp(`^${mode}`) }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

describe('a pool with remote members', () => {
  it.each(['Vote', 'Best-of', 'Merge', 'Debate'] as const)(
    '%s: two remote members and a simulated one decide, labelled with the endpoint’s name',
    async (mode) => {
      await runStudio(mode, [SMALL, LARGE, SIM]);
      await waitForResult(page);
      expect(await statusLine(page).textContent()).toMatch(/Run done/);
      for (const label of [SMALL, LARGE]) {
        const text = await shadowTextOf(columnNamed(page, label));
        expect(text).toContain('Home server');
        expect(text).not.toMatch(/error|failed/i);
      }
      // Real answers beside a simulated one: the run says it is partly simulated, not simulated.
      const result = await shadowTextOf(page.locator('quorum-run-result'));
      expect(result).toContain(PARTLY_SIMULATED_NOTICE);
      expect(result).not.toContain(SIMULATED_NOTICE);
      const cost = await shadowTextOf(page.locator('quorum-cost-panel'));
      expect(cost).toContain(SMALL);
      expect(cost).toContain(LARGE);
    },
  );
});

/** Each failure's member column says its classified message, for each kind (the other two still decide). */
const EXPECTED: [string, string, RegExp][] = [
  ['fail-500 · Flaky server', 'server-error', /failed while answering \(500: The model crashed/],
  ['fail-503 · Flaky server', 'server-error', /\(503: The server is overloaded/],
  ['fail-429 · Flaky server', 'rate-limited', /limiting how often .* after Quorum waited 1 s/],
  ['fail-no-done · Flaky server', 'stream-cut', /stopped before the server said it was finished/],
  ['fail-malformed · Flaky server', 'malformed-stream', /a line that is not a JSON chunk/],
  ['fail-stall · Flaky server', 'timeout', /sent nothing for 2 s, so Quorum stopped waiting/],
  ['fail-silent · Flaky server', 'timeout', /sent nothing for 2 s, so Quorum stopped waiting/],
  ['fail-html · Flaky server', 'malformed-stream', /sent an HTML page/],
  ['fail-huge-line · Flaky server', 'malformed-stream', /sent a line with no end/],
  [
    'fail-error-event · Flaky server',
    'server-error',
    /reported an error while answering: CUDA out of memory/,
  ],
  [
    'unknown-model · Flaky server',
    'model-missing',
    /does not know the model “unknown-model” \(404\)/,
  ],
  [
    'quorum-small-1b · Keyed server',
    'auth',
    /refused the request \(401\): the API key is missing or wrong/,
  ],
  [
    'quorum-small-1b · Strict server',
    'cors',
    /CORS settings do not allow requests from .*OLLAMA_ORIGINS=/,
  ],
  [
    'quorum-small-1b · Gone server',
    'unreachable',
    /could not be reached at http:\/\/127\.0\.0\.1:\d+/,
  ],
];

describe('remote failures', () => {
  it.each(EXPECTED)('%s drops out with “%s”', async (label, kind, message) => {
    await runStudio('Vote', [SMALL, SIM, label], `&${FAST}&remoteIdleMs=2000`);
    await waitForResult(page);
    const text = await shadowTextOf(columnNamed(page, label));
    // The column shows the advice, never the kind code (each message below is its kind's).
    expect(text).toMatch(message);
    expect(text).not.toContain(`${kind}:`);
    expect(await statusLine(page).textContent()).toMatch(/Run done/);
  });
});

describe('stop', () => {
  it('aborts the remote request: the server sees the connection closed', async () => {
    await addEndpoint(page, baseUrl, { name: 'Slow server', baseUrl: home.url, typed: ['slow'] });
    await runStudio('Vote', ['slow · Slow server', SIM], '&simSpeed=4');
    await columnNamed(page, 'slow · Slow server')
      .locator('[data-testid="column-text"]')
      .filter({ hasText: /\S/ })
      .waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Stop' }).click();
    const closed = await home.closedEarly('slow');
    expect(closed.closedEarly).toBe(true);
    await expect.poll(() => statusLine(page).textContent()).toMatch(/stopped/i);
  });
});
