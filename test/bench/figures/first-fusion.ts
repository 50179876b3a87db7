// firstFusionMs (and firstFusionRecordedMs): a fresh profile opens /, follows the landing section's demo action, until the fused answer shows.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { closeProfile, newProfileDir, openProfile } from './browser.js';

/**
 * Per run: a new persistent profile (a first visit) with Chromium's software WebGPU adapter, as a
 * visitor without a real GPU has. Timed in Node from the navigation to / until the fused answer is
 * visible: catalog load, the click on "Try the simulated demo", the studio, the simulated downloads
 * of the default pool and the run at the simulated engine's default speeds, clicks included.
 * `pool` 'recorded': in the studio the pool becomes GSM8K's four recorded models (the simulated
 * ones unchecked) and "Ask a GSM8K question" fills the prompt, replayed at the default pace.
 */
export async function measureFirstFusion(
  appUrl: string,
  runs: number,
  pool: 'simulated' | 'recorded' = 'simulated',
): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const profile = await openProfile(newProfileDir(), ['--enable-unsafe-webgpu']);
    try {
      const page = profile.page;
      page.setDefaultTimeout(60_000);
      const started = performance.now();
      await page.goto(appUrl);
      await page.getByRole('link', { name: 'Try the simulated demo' }).click();
      if (pool === 'recorded') await pickRecorded(page);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.locator('[data-testid="fused-answer"]').waitFor();
      const elapsed = performance.now() - started;
      // A run with no fused answer (every member failed) is no sample of the time to one.
      const fused = await page.locator('[data-testid="fused-answer"]').innerText();
      if (/No fused answer/.test(fused)) {
        const shot = join(tmpdir(), `quorum-bench-first-${pool}-failed-${run + 1}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        throw new Error(`run ${run + 1} ended without a fused answer (screenshot: ${shot})`);
      }
      samples.push(elapsed);
    } finally {
      await closeProfile(profile);
    }
  }
  return samples;
}

/** The recorded GSM8K models as the pool, and one of their questions as the prompt. */
async function pickRecorded(page: Page): Promise<void> {
  const items = page.locator('quorum-pool-picker li');
  await items.filter({ hasText: '(recorded)' }).first().waitFor();
  const all = await items.all();
  const recorded = await Promise.all(
    all.map(async (item) => /\(recorded\)/.test((await item.textContent()) ?? '')),
  );
  // Unchecked first, so the pool's limit of six never disables a recorded model's box. A row's
  // first input is its pool box: a model that can switch its reasoning adds a Thinking box after it.
  const poolBox = (item: (typeof all)[number]) => item.locator('input').first();
  for (const [i, item] of all.entries()) if (!recorded[i]) await poolBox(item).setChecked(false);
  for (const [i, item] of all.entries()) if (recorded[i]) await poolBox(item).setChecked(true);
  const prompt = page.getByLabel('Prompt', { exact: true });
  // The demo's own question is there already: wait for the GSM8K one (it is fetched), or Run asks
  // the recorded models the demo's question, which they cannot answer, and the figure times a
  // failed run (3 of the 6 runs of 2026-11-30 08:51 did: "No fused answer" after ~3.5 s).
  const before = await prompt.inputValue();
  await page.getByRole('button', { name: 'Ask a GSM8K question' }).click();
  await page.waitForFunction(
    ([el, old]) => {
      const value = (el as HTMLTextAreaElement | null)?.value ?? '';
      return value !== '' && value !== old;
    },
    [await prompt.elementHandle(), before] as const,
  );
}
