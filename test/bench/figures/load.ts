// coldLoadMs (first visit, fresh profile) and offlineLoadMs (installed service worker, offline reload).
import type { Page } from 'playwright-core';
import {
  closeProfile,
  newProfileDir,
  openIncognito,
  openProfile,
  waitInteractive,
} from './browser.js';

export async function measureColdLoad(appUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const profile = await openProfile(newProfileDir());
    try {
      await profile.page.goto(appUrl);
      samples.push(await waitInteractive(profile.page));
    } finally {
      await closeProfile(profile);
    }
  }
  return samples;
}

export async function measureOfflineLoad(appUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const profile = await openIncognito();
    try {
      await profile.page.goto(appUrl);
      await waitInteractive(profile.page);
      await waitForServiceWorkerControl(profile.page);
      await profile.context.setOffline(true);
      await profile.page.reload();
      samples.push(await waitInteractive(profile.page));
    } finally {
      await profile.browser.close();
    }
  }
  return samples;
}

/** Installed = the service worker is active (precache complete) and controls this page. */
async function waitForServiceWorkerControl(page: Page): Promise<void> {
  // With clientsClaim the controller appears only once the worker activated, i.e. after precaching.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 90_000,
    polling: 100,
  });
}
