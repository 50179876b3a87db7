// Build, PWA and test configuration of Quorum.
/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { playwright } from '@vitest/browser-playwright';
import { launchOptions } from './test/support/chromium.js';

export default defineConfig({
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Everything the first page needs in one chunk. Split into the entry and three small
        // shared chunks (Lit, its decorators, @lit/context), an offline start waited for four
        // service-worker fetches before evaluating anything: about 20 ms more here (bench).
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  worker: { format: 'es' },
  preview: { port: 4173 },
  plugins: [
    VitePWA({
      // The app shows "update available — reload" itself (src/app/quorum-update-prompt.ts).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        // Stable across changes of start_url: the browser knows an installed Quorum by it.
        id: '/',
        name: 'Quorum — compare AI tools, fuse local models',
        short_name: 'Quorum',
        description:
          'Compare AI tools side by side and fuse the answers of several in-browser LLMs, offline, on your own GPU.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#4338ca',
        background_color: '#f8fafc',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
        // Of the built app, made by test/support/render-screenshots.ts: Chrome's richer install dialog shows them.
        screenshots: [
          {
            src: '/screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'The fusion studio: three models answer side by side, then one fused answer',
          },
          {
            src: '/screenshots/narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'Quorum on a phone: what it does, the demo, and the catalog',
          },
        ],
        shortcuts: [
          { name: 'Fusion studio', short_name: 'Studio', url: '/studio' },
          { name: 'Models', url: '/models' },
          { name: 'Arena: blind battles between two models', short_name: 'Arena', url: '/arena' },
          { name: 'Evaluation lab: does fusion help?', short_name: 'Lab', url: '/lab' },
        ],
        // "Open with Quorum" on comparison pages and catalog exports, through the catalog's import,
        // and on task sets, through the lab's (the app routes by the files' names: openFiles).
        file_handlers: [
          {
            action: '/',
            accept: { 'text/plain': ['.txt'], 'application/json': ['.json'] },
          },
          { action: '/lab', accept: { 'application/jsonl': ['.jsonl'] } },
        ],
        // A second launch (a file opened from the desktop) reaches the window already open.
        launch_handler: { client_mode: 'focus-existing' },
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,txt,json,webmanifest}'],
        // The web-llm worker chunk is ~6 MB: precache it on purpose so the engine works offline.
        maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
        navigateFallback: '/index.html',
        // The first install takes control at once so the first visit already works offline;
        // later versions wait (no skipWaiting) until the visitor accepts the update prompt.
        clientsClaim: true,
        // Touches only Workbox's own -precache- caches, never web-llm's weights.
        cleanupOutdatedCaches: true,
        // The lab's GSM8K questions and recorded answers (3.3 MB of JSONL, not precached: most
        // visitors never open the lab) are cached the first time the lab fetches them, so a lab run
        // works offline from then on. Cache first: the shipped data never changes under a name.
        runtimeCaching: [
          {
            urlPattern: /\/eval\/[^/?]+\.jsonl$/,
            handler: 'CacheFirst',
            options: { cacheName: 'quorum-eval-data' },
          },
        ],
      },
    }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Real Chromium for what Node cannot run: workers, WebGPU probing, the Cache API, web-llm.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // A localhost model repository for the download tests (nothing touches the internet).
          globalSetup: ['test/support/model-repo-server.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: launchOptions(['--enable-unsafe-webgpu']) }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
