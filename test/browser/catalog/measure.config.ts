// Runs the catalog's *.measure.ts files (figures for the report, not tests) in real Chromium.
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { launchOptions } from '../../support/chromium.js';

export default defineConfig({
  root: new URL('../../../', import.meta.url).pathname,
  worker: { format: 'es' },
  test: {
    include: ['test/browser/catalog/**/*.measure.ts'],
    testTimeout: 900_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: launchOptions(['--enable-precise-memory-info']) }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
