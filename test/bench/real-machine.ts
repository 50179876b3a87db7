// For --real and check:real: opens a bench page in Chromium with WebGPU, after making sure this machine has a real GPU and network.
import type { Browser, Page } from 'playwright-core';

/** This machine cannot run real models: no real WebGPU adapter, or no network to fetch them. */
export class RealUnavailable extends Error {
  override name = 'RealUnavailable';
}

async function networkProblem(modelId: string): Promise<string | null> {
  const url = `https://huggingface.co/api/models/mlc-ai/${encodeURIComponent(modelId)}`;
  return fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5_000) }).then(
    (response) => (response.status < 500 ? null : `huggingface.co answered ${response.status}`),
    (error: unknown) => `cannot reach huggingface.co (${String(error)})`,
  );
}

/**
 * Opens `${pagesUrl}/${page}.html` (which imports adapter-check.ts) and fails within seconds, with
 * every reason at once, when the adapter is missing, a software fallback, or lacks shader-f16 for an
 * f16 model, or when huggingface.co cannot be reached.
 */
export async function openRealPage(
  browser: Browser,
  pagesUrl: string,
  page: string,
  modelIds: readonly string[],
): Promise<Page> {
  const needsF16 = modelIds.some((id) => id.includes('f16'));
  const network = await networkProblem(modelIds[0] ?? '');
  const tab = await browser.newPage();
  await tab.goto(`${pagesUrl}/${page}.html`);
  await tab.waitForFunction(() => typeof window.benchCheckAdapter === 'function');
  const adapter = await tab.evaluate((f16) => window.benchCheckAdapter(f16), needsF16);
  const problems = [
    adapter.ok
      ? null
      : `${adapter.reason} (a real WebGPU adapter${needsF16 ? ' with shader-f16' : ''} is needed for ${modelIds.join(', ')})`,
    network ? `no network: ${network}` : null,
  ].filter((problem) => problem !== null);
  if (problems.length > 0) {
    throw new RealUnavailable(`cannot run here: ${problems.join('; ')}.`);
  }
  return tab;
}
