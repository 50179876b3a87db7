// One Chromium per e2e file, and an incognito context per test (a first visit) or per file.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from './chromium.js';

export interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
}

/**
 * Registers the hooks; `fresh: 'test'` gives every test its own context, so nothing leaks through IndexedDB.
 * `args`: extra Chromium flags, such as `--enable-unsafe-webgpu` for the software GPU adapter;
 * `contextOptions`: what each context is made with, such as a viewport.
 */
export function useBrowserSession(
  fresh: 'test' | 'file',
  args: string[] = [],
  contextOptions: BrowserContextOptions = {},
): BrowserSession {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium(args);
    if (fresh === 'file') context = await browser.newContext(contextOptions);
  });
  afterAll(async () => {
    await browser?.close();
  });
  if (fresh === 'test') {
    beforeEach(async () => {
      context = await browser?.newContext(contextOptions);
    });
    afterEach(async () => {
      await context?.close();
    });
  }
  return {
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet');
      return browser;
    },
    get context() {
      if (!context) throw new Error('no browser context yet');
      return context;
    },
  };
}
