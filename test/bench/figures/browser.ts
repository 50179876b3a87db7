// Fresh Chromium profiles for the bench, through test/support/chromium.ts, with the interactive probe installed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchOptions } from '../../support/chromium.js';
import { installInteractiveProbe } from '../probes.js';

export interface Profile {
  dir: string;
  context: BrowserContext;
  page: Page;
}

/**
 * A new browser with one incognito context. Offline runs use it: in a persistent context Chromium's
 * offline emulation also failed the service worker's navigation (ERR_INTERNET_DISCONNECTED).
 */
export async function openIncognito(): Promise<Profile & { browser: Browser }> {
  const browser = await chromium.launch(launchOptions());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(installInteractiveProbe);
  return { dir: '', context, page: await context.newPage(), browser };
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'quorum-bench-profile-'));
}

/** A persistent (installable, non-incognito) context on `dir`; a new dir is a first visit. */
export async function openProfile(dir: string, extraArgs: string[] = []): Promise<Profile> {
  const context = await chromium.launchPersistentContext(dir, {
    ...launchOptions(extraArgs),
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript(installInteractiveProbe);
  const page = context.pages()[0] ?? (await context.newPage());
  return { dir, context, page };
}

export async function closeProfile(profile: Profile, remove = true): Promise<void> {
  await profile.context.close();
  if (remove) rmSync(profile.dir, { recursive: true, force: true });
}

/** Waits for the probe and returns ms from navigation start to interactive. */
export async function waitInteractive(page: Page, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(() => window.__bench?.interactiveAt ?? null, null, {
    timeout: timeoutMs,
  });
  return Number(await handle.jsonValue());
}

export async function browserVersion(): Promise<string> {
  const browser = await chromium.launch(launchOptions());
  const version = browser.version();
  await browser.close();
  return `Chromium ${version}`;
}
