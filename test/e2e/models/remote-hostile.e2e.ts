// Trying to break remote endpoints: markup in names, model ids and answers renders as text; direction overrides are refused and long names wrap; keys never leave the browser unless asked; axe and screenshots of the endpoint views.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openApp } from '../../support/app-page.js';
import { launchChromium } from '../../support/chromium.js';
import { startOpenAiServer, type OpenAiServer } from '../../support/openai-server.js';
import { addEndpoint, columnNamed, pickPool } from '../../support/endpoints-ui.js';
import { QUESTION, waitForResult } from '../studio-page.js';
import { shadowTextOf } from '../../support/shadow-text.js';

const baseUrl = inject('baseUrl');
const EVIL_NAME = '<img src=x onerror="window.__pwned=1">Evil';
const EVIL_MODEL = '<script>window.__pwned=2</script>';
const SECRET = 'sk-very-secret-4242';
/** The longest name (60) and model id (200) an endpoint may have, as single words. */
const LONG_NAME = `Server${'N'.repeat(54)}`;
const LONG_MODEL = `org/${'HostileModel'.repeat(17)}`.slice(0, 200);
const OUT_DIR = 'test/e2e/screenshots';
let server: OpenAiServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  server = await startOpenAiServer({ apiKey: SECRET });
  browser = await launchChromium();
  // bypassCSP only so axe-core can be injected; the markup checks below do not depend on the policy.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  ({ page } = await openApp(context, `${baseUrl}/settings`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await addEndpoint(page, baseUrl, {
    name: EVIL_NAME,
    baseUrl: server.url,
    apiKey: SECRET,
    typed: [EVIL_MODEL, 'markup-answer', 'quorum-small-1b'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether any element, in any shadow root, is an <img src=x> or <script> that came from outside. */
function injected(target: Page): Promise<{ imgs: number; scripts: number; pwned: unknown }> {
  return target.evaluate(() => {
    let imgs = 0;
    let scripts = 0;
    const walk = (root: Document | ShadowRoot): void => {
      imgs += root.querySelectorAll('img[src="x"]').length;
      scripts += [...root.querySelectorAll('script')].filter((s) =>
        s.textContent?.includes('__pwned'),
      ).length;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return { imgs, scripts, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
  });
}

describe('hostile endpoints', () => {
  it('shows names, model ids and answers with markup as text, and runs nothing', async () => {
    expect(await shadowTextOf(page.locator('quorum-endpoint-settings'))).toContain(EVIL_NAME);
    await page.goto(`${baseUrl}/studio?engine=sim`);
    await pickPool(page, [
      `markup-answer · ${EVIL_NAME}`,
      `${EVIL_MODEL} · ${EVIL_NAME}`,
      'Simulated Tiny 360M',
    ]);
    await page.getByLabel('Prompt', { exact: true }).fill(QUESTION);
    await page.getByRole('radio', { name: /^Vote/ }).check();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    expect(await shadowTextOf(columnNamed(page, `${EVIL_MODEL} · ${EVIL_NAME}`))).toMatch(
      /does not know the model “<script>window\.__pwned=2<\/script>” \(404\)/,
    );
    expect(await injected(page)).toEqual({ imgs: 0, scripts: 0, pwned: undefined });
    expect(dialogs).toEqual([]);
  });

  it('keeps the API key out of run exports, and out of endpoint exports unless the box is ticked', async () => {
    await page.goto(`${baseUrl}/studio?engine=sim`);
    await pickPool(page, [`quorum-small-1b · ${EVIL_NAME}`, 'Simulated Tiny 360M']);
    await page.getByLabel('Prompt', { exact: true }).fill(QUESTION);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    await page.getByRole('link', { name: 'Open this run in history' }).click();
    await page.locator('[data-testid="run-status"]').waitFor();
    for (const name of ['Export JSON', 'Export Markdown']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      const text = await readFile((await download.path())!, 'utf8');
      expect(text).toContain('quorum-small-1b');
      expect(text).not.toContain(SECRET);
    }
    await page.goto(`${baseUrl}/settings`);
    await page.getByText('Export or import servers').click();
    const exportFile = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export servers' }).click(),
      ]);
      return readFile((await download.path())!, 'utf8');
    };
    const withoutKeys = await exportFile();
    expect(withoutKeys).not.toContain(SECRET);
    await page.getByLabel(/Include API keys in the file/).check();
    const withKeys = await exportFile();
    expect(withKeys).toContain(SECRET);
    expect(JSON.parse(withKeys)).toMatchObject({
      format: 'quorum-endpoints',
      includesApiKeys: true,
    });
    // Importing the servers already here (from the file without keys) adds none and keeps the key.
    const servers = page.getByRole('list', { name: 'Your servers' }).locator(':scope > li');
    const before = await servers.count();
    await page.getByLabel('Import servers').setInputFiles({
      name: 'servers.json',
      mimeType: 'application/json',
      buffer: Buffer.from(withoutKeys),
    });
    await page
      .getByRole('status')
      .filter({ hasText: /already here/ })
      .waitFor();
    expect(await page.getByRole('status').allTextContents()).toContainEqual(
      expect.stringMatching(/^Imported 0 servers; \d+ servers? already here (was|were) updated\.$/),
    );
    expect(await servers.count()).toBe(before);
    expect(await servers.filter({ hasText: 'key saved' }).count()).toBeGreaterThan(0);
  });

  it('passes axe with servers listed and the form open, at phone and desktop widths, light and dark', async () => {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${baseUrl}/settings`);
        await page.locator('li.endpoint').first().waitFor();
        await page.getByRole('button', { name: 'Add a server' }).click();
        await page
          .getByRole('button', { name: `Test ${EVIL_NAME}` })
          .first()
          .click();
        await page
          .locator(
            'quorum-endpoint-settings [role="status"] p, quorum-endpoint-settings quorum-model-error',
          )
          .first()
          .waitFor();
        await page.screenshot({
          path: `${OUT_DIR}/endpoints-${colorScheme}-${width}.png`,
          fullPage: true,
        });
        for (const v of await axeViolations(page))
          problems.push(`${colorScheme} ${width}: ${v.id} ${v.help} ${v.targets.join(' ')}`);
        if (await page.evaluate(() => document.documentElement.scrollWidth > innerWidth))
          problems.push(`settings scrolls sideways at ${width}px`);
        await page.goto(`${baseUrl}/studio?engine=sim`);
        await pickPool(page, [`quorum-small-1b · ${EVIL_NAME}`, 'Simulated Tiny 360M']);
        await page.getByText('Add a server (Ollama').click();
        await page.screenshot({
          path: `${OUT_DIR}/studio-remote-${colorScheme}-${width}.png`,
          fullPage: true,
        });
        for (const v of await axeViolations(page))
          problems.push(`studio ${colorScheme} ${width}: ${v.id} ${v.help} ${v.targets.join(' ')}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('refuses a name with a direction override, and wraps the longest names at phone width', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/settings`);
    await page.getByRole('button', { name: 'Add a server' }).click();
    const form = page.locator('quorum-endpoint-form');
    await form.getByLabel('Name', { exact: true }).fill('Home\u202Eexe.txt');
    await form.getByLabel('Base URL').fill(server.url);
    await form.getByLabel('Or type model names, one per line').fill('m');
    await form.getByRole('button', { name: 'Add server', exact: true }).click();
    await expect
      .poll(() => shadowTextOf(form))
      .toContain('holds a control or text-direction character');
    await form.getByRole('button', { name: 'Cancel' }).click();
    // The longest name and model id an endpoint may have, each one word with nowhere to break.
    await addEndpoint(page, baseUrl, { name: LONG_NAME, baseUrl: server.url, typed: [LONG_MODEL] });
    const overflow: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(`${baseUrl}/studio?engine=sim`);
      await page.getByRole('radio', { name: /^Best-of/ }).check();
      await pickPool(page, [`${LONG_MODEL} · ${LONG_NAME}`, 'Simulated Tiny 360M']);
      await page.screenshot({
        path: `${OUT_DIR}/studio-long-names-${colorScheme}-390.png`,
        fullPage: true,
      });
      // Playwright's CSS locators reach into shadow roots: every pool row and the judge select.
      const right = await page
        .locator('quorum-pool-picker li, quorum-pool-picker select')
        .evaluateAll((els) => Math.max(...els.map((el) => el.getBoundingClientRect().right)));
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (pageWidth > 390 || right > 390)
        overflow.push(
          `${colorScheme}: page ${pageWidth} px wide, pool picker to ${Math.round(right)} px`,
        );
      await page.goto(`${baseUrl}/settings`);
      await page.locator('li.endpoint h3', { hasText: LONG_NAME }).waitFor();
      const settingsWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (settingsWidth > 390) overflow.push(`${colorScheme}: settings ${settingsWidth} px wide`);
    }
    expect(overflow).toEqual([]);
  }, 60_000);
});
