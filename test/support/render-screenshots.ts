// Renders the manifest's screenshots from the built app with Chromium: the studio after a simulated fusion (wide) and / on a phone (narrow).
// Run after a visible change, then commit the PNGs:
//   npm run build && node -e "import('vite').then(async ({ runnerImport }) => { const { module } = await runnerImport('./test/support/render-screenshots.ts', { configFile: false }); await module.main('public/screenshots'); process.exit(0); })"
// then build again, so dist/ carries them.
import { join } from 'node:path';
import { preview } from 'vite';
import { launchChromium } from './chromium.js';

/** Sizes the manifest states (vite.config.ts): CSS pixels at device scale 1. */
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 844 };

export async function main(outDir: string): Promise<void> {
  const server = await preview({
    // The built files only: the PWA plugin's config is not needed to serve them.
    configFile: false,
    build: { outDir: 'dist' },
    preview: { port: 4319, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const base = (server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4319/').replace(/\/$/, '');
  const browser = await launchChromium();
  try {
    const wide = await browser.newPage({ viewport: WIDE });
    await wide.goto(`${base}/studio?engine=sim&prompt=${encodeURIComponent('What is 17 * 23?')}`);
    await wide.getByRole('button', { name: 'Run', exact: true }).click();
    await wide.locator('[data-testid="fused-answer"]').waitFor({ timeout: 60_000 });
    // The question line and the answers below it, clear of the sticky header (scrolling the run into
    // view alone left the question half under it).
    const asked = (await wide.getByText('You asked:').boundingBox())!;
    const header = (await wide.locator('quorum-app header').first().boundingBox())!;
    await wide.evaluate((by) => window.scrollBy(0, by), asked.y - header.height - 16);
    await wide.screenshot({ path: join(outDir, 'wide.png') });

    const narrow = await browser.newPage({ viewport: NARROW, isMobile: true, hasTouch: true });
    await narrow.goto(`${base}/`);
    await narrow.locator('quorum-comparison-card').first().waitFor({ timeout: 30_000 });
    await narrow
      .getByTestId('device-support')
      .filter({ hasNotText: /Checking/ })
      .waitFor();
    await narrow.screenshot({ path: join(outDir, 'narrow.png') });
  } finally {
    await browser.close();
    await server.close();
  }
}
