// /models with real models and files already in web-llm's caches: an incomplete model says what it lacks, unused files are counted and deleted (screenshots, axe).
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openApp, screenshotsAtWidths, waitForView } from '../support/app-page.js';
import { launchChromium } from '../support/chromium.js';

const baseUrl = inject('baseUrl');
const OUT_DIR = 'test/e2e/screenshots';
const MODEL = 'SmolLM2-360M-Instruct-q4f32_1-MLC';
const BASE = `https://huggingface.co/mlc-ai/${MODEL}/resolve/main/`;
// The library an older web-llm used for the same model: no listed model reads it any more.
const OLD_LIB =
  'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_80/SmolLM2-360M-Instruct-q4f32_1-ctx4k_cs1k-webgpu.wasm';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT_DIR, { recursive: true });
  // A WebGPU adapter (SwiftShader) so real models are listed as on a device with a GPU.
  browser = await launchChromium(['--enable-unsafe-webgpu']);
});
afterAll(async () => {
  await browser.close();
});

/** Every file of the model but its library (as after a web-llm upgrade), and an older library. */
async function seedCaches(page: Page): Promise<void> {
  await page.evaluate(
    async ({ base, oldLib }) => {
      const put = async (cache: string, url: string, body: BodyInit) =>
        (await caches.open(cache)).put(url, new Response(body));
      await put(
        'webllm/config',
        `${base}mlc-chat-config.json`,
        JSON.stringify({ tokenizer_files: ['tokenizer.json'] }),
      );
      await put('webllm/model', `${base}tokenizer.json`, '{}');
      await put('webllm/model', `${base}params_shard_0.bin`, new Uint8Array(64));
      await put(
        'webllm/model',
        `${base}tensor-cache.json`,
        JSON.stringify({ records: [{ dataPath: 'params_shard_0.bin', nbytes: 64 }] }),
      );
      await put('webllm/wasm', oldLib, new Uint8Array(1000));
    },
    { base: BASE, oldLib: OLD_LIB },
  );
}

describe.each(['light', 'dark'] as const)(
  'stored model files on /models in %s mode',
  (colorScheme) => {
    it('an incomplete model says what is missing; unused files are counted, then deleted', async () => {
      // bypassCSP only so axe can be injected as an inline script.
      const context = await browser.newContext({
        colorScheme,
        bypassCSP: true,
        viewport: { width: 1280, height: 900 },
      });
      try {
        const { page } = await openApp(context, `${baseUrl}/models`);
        await waitForView(page);
        await seedCaches(page);
        await page.reload();
        await waitForView(page);
        await page.getByRole('searchbox', { name: 'Search' }).fill('SmolLM2-360M');
        const card = page.locator('quorum-model-card', { hasText: MODEL });
        await card.getByText('Incomplete').waitFor();
        expect(await card.getByTestId('missing-files').textContent()).toMatch(
          /Missing: model library/,
        );
        // Named by the model's label ("SmolLM2 360M Instruct …"), shown beside its id.
        await card.getByRole('button', { name: /^Download the missing files of / }).waitFor();
        const unused = page.getByTestId('unlisted-files');
        expect(await unused.textContent()).toMatch(
          /Files no listed model uses: 1 \(1000 B\), of which 1\s+model library/,
        );
        expect(await axeViolations(page)).toEqual([]);
        await screenshotsAtWidths(
          page,
          (width) => `${OUT_DIR}/models-storage-${colorScheme}-${width}.png`,
          [390, 1280],
        );

        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Delete unused files', exact: true }).click();
        await unused.waitFor({ state: 'detached' });
        const left = await page.evaluate(
          async (url) => (await caches.open('webllm/wasm')).match(url),
          OLD_LIB,
        );
        expect(left).toBeUndefined();
        // The listed model's files were not touched.
        await card.getByText('Incomplete').waitFor();
      } finally {
        await context.close();
      }
    }, 90_000);
  },
);
