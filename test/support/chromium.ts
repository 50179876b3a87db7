// How every browser test and benchmark finds and launches Debian's Chromium.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

/** CHROMIUM_PATH wins; otherwise the first Debian location that exists. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `Chromium not found (looked at ${CANDIDATES.join(', ')}). Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/** Flags that keep Chromium off the network this machine does not have. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
];

export function launchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch(launchOptions(extraArgs));
}

/** A persistent context on a fresh profile: not incognito, so the app is installable. */
export function launchPersistent(extraArgs: string[] = []): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'quorum-profile-'));
  return chromium.launchPersistentContext(profile, launchOptions(extraArgs));
}
