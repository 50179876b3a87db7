// firstFusionMs: a fresh profile opens /, follows the landing section's demo action with its defaults, until the fused answer shows.
import { closeProfile, newProfileDir, openProfile } from './browser.js';

/**
 * Per run: a new persistent profile (a first visit) with Chromium's software WebGPU adapter, as a
 * visitor without a real GPU has. Timed in Node from the navigation to / until the fused answer is
 * visible: catalog load, the click on "Try the simulated demo", the studio, the simulated downloads
 * of the default pool and the run at the simulated engine's default speeds, clicks included.
 */
export async function measureFirstFusion(appUrl: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const profile = await openProfile(newProfileDir(), ['--enable-unsafe-webgpu']);
    try {
      const page = profile.page;
      page.setDefaultTimeout(60_000);
      const started = performance.now();
      await page.goto(appUrl);
      await page.getByRole('link', { name: 'Try the simulated demo' }).click();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.locator('[data-testid="fused-answer"]').waitFor();
      samples.push(performance.now() - started);
    } finally {
      await closeProfile(profile);
    }
  }
  return samples;
}
