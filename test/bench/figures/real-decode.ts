// --real MODEL_ID: decode tokens/s through Quorum's worker ÷ web-llm's own MLCEngine, on a machine with a GPU and network.
import { chromium } from 'playwright-core';
import { launchOptions } from '../../support/chromium.js';
import type { RealDecodeResult } from '../pages/real.js';

export class RealDecodeUnavailable extends Error {
  override name = 'RealDecodeUnavailable';
}

const REPEATS = 5;

/** Fails within seconds, with the reason, when there is no usable GPU or no network. */
export async function measureRealDecode(
  pagesUrl: string,
  modelId: string,
): Promise<RealDecodeResult> {
  const network = await fetch(
    'https://huggingface.co/api/models/mlc-ai/' + encodeURIComponent(modelId),
    {
      method: 'HEAD',
      signal: AbortSignal.timeout(5_000),
    },
  ).then(
    (response) => (response.status < 500 ? null : `huggingface.co answered ${response.status}`),
    (error: unknown) => `cannot reach huggingface.co (${String(error)})`,
  );
  const browser = await chromium.launch(launchOptions(['--enable-unsafe-webgpu']));
  try {
    const page = await browser.newPage();
    await page.goto(`${pagesUrl}/real.html`);
    await page.waitForFunction(() => typeof window.benchCheckAdapter === 'function');
    const adapter = await page.evaluate(
      (needsF16) => window.benchCheckAdapter(needsF16),
      modelId.includes('f16'),
    );
    const problems = [
      adapter.ok
        ? null
        : `${adapter.reason} (a real WebGPU adapter${modelId.includes('f16') ? ' with shader-f16' : ''} is needed for ${modelId})`,
      network ? `no network: ${network}` : null,
    ].filter((problem) => problem !== null);
    if (problems.length > 0) {
      throw new RealDecodeUnavailable(`--real ${modelId} cannot run here: ${problems.join('; ')}.`);
    }
    page.setDefaultTimeout(30 * 60_000);
    return await page.evaluate(([id, repeats]) => window.benchRealDecode(id, repeats), [
      modelId,
      REPEATS,
    ] as const);
  } finally {
    await browser.close();
  }
}
