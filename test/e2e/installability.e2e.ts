// Installability: Chromium's own check (CDP Page.getInstallabilityErrors) finds nothing missing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { cardCount, openApp, waitForServiceWorkerControl } from '../support/app-page.js';
import { launchPersistent } from '../support/chromium.js';

const baseUrl = inject('baseUrl');
let context: BrowserContext;

// Incognito contexts always report "in-incognito": installability needs a persistent profile.
beforeAll(async () => {
  context = await launchPersistent();
});
afterAll(async () => {
  await context.close();
});

interface InstallabilityErrors {
  installabilityErrors: { errorId: string; errorArguments: { name: string; value: string }[] }[];
}

describe('installability', () => {
  it('reports no installability errors once the service worker controls the page', async () => {
    const { page } = await openApp(context, `${baseUrl}/`);
    await expect.poll(() => cardCount(page), { timeout: 15_000 }).toBe(5);
    await waitForServiceWorkerControl(page);
    const session = await context.newCDPSession(page);
    const result = (await session.send('Page.getInstallabilityErrors')) as InstallabilityErrors;
    expect(result.installabilityErrors).toEqual([]);
  });

  it('serves a manifest with the fields and icons an install needs', async () => {
    const response = await fetch(`${baseUrl}/manifest.webmanifest`);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      display: string;
      start_url: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.short_name).toBe('Quorum');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const iconResponse = await fetch(`${baseUrl}${icon.src}`);
      expect(iconResponse.ok, icon.src).toBe(true);
    }
  });
});
