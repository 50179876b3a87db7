// --real MODEL_ID: decode tokens/s through Quorum's worker ÷ web-llm's own MLCEngine, on a machine with a GPU and network.
import { chromium } from 'playwright-core';
import { launchOptions } from '../../support/chromium.js';
import type { RealDecodeResult } from '../pages/real.js';
import { RealUnavailable, openRealPage } from '../real-machine.js';

const REPEATS = 5;

/** Fails within seconds, with the reason, when there is no usable GPU or no network. */
export async function measureRealDecode(
  pagesUrl: string,
  modelId: string,
): Promise<RealDecodeResult> {
  const browser = await chromium.launch(launchOptions(['--enable-unsafe-webgpu']));
  try {
    const page = await openRealPage(browser, pagesUrl, 'real', [modelId]).catch(
      (error: unknown) => {
        if (error instanceof RealUnavailable) error.message = `--real ${modelId} ${error.message}`;
        throw error;
      },
    );
    page.setDefaultTimeout(30 * 60_000);
    return await page.evaluate(([id, repeats]) => window.benchRealDecode(id, repeats), [
      modelId,
      REPEATS,
    ] as const);
  } finally {
    await browser.close();
  }
}
