// Build, PWA and test configuration of Quorum.
/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { playwright } from '@vitest/browser-playwright';
import { launchOptions } from './test/support/chromium.js';
import { SlowFirstSequencer } from './test/support/slow-first-sequencer.js';
import { contentSecurityPolicy } from './src/shared/content-policy.js';

const APP_HTML = fileURLToPath(new URL('./index.html', import.meta.url));

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
    {
      // The page's <meta> policy, from the one definition the service worker and README use too.
      // Only Quorum's own index.html: Vitest's browser runner page goes through this hook too, and
      // the policy would cut it off from its server (the browser tests then wait forever).
      name: 'quorum-content-security-policy',
      transformIndexHtml: (_html, { filename }) =>
        filename === APP_HTML
          ? [
              {
                tag: 'meta',
                attrs: {
                  'http-equiv': 'Content-Security-Policy',
                  content: contentSecurityPolicy(),
                },
                injectTo: 'head-prepend',
              },
            ]
          : [],
    },
    VitePWA({
      // The app shows "update available — reload" itself (src/app/quorum-update-prompt.ts).
      registerType: 'prompt',
      injectRegister: false,
      // Our own service worker (workers/sw.ts): Workbox's generated one cannot add the
      // security headers to what it serves.
      strategies: 'injectManifest',
      srcDir: 'workers',
      filename: 'sw.ts',
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
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,txt,json,webmanifest}'],
        // The web-llm worker chunk is ~6 MB: precache it on purpose so the engine works offline.
        maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
      },
    }),
  ],
  test: {
    // The slowest e2e files start first, so the two workers end together (see the sequencer).
    sequence: { sequencer: SlowFirstSequencer },
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
          // …and local OpenAI-compatible servers for the remote endpoints' tests.
          globalSetup: ['test/support/model-repo-server.ts', 'test/support/openai-server-setup.ts'],
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
          // expect.poll gives up after 1 s by default: on a loaded machine an import or a re-read
          // takes longer (data-lost's card count, with three e2e files at once). Locators wait 30 s.
          expect: { poll: { timeout: 15_000 } },
          // Two files at a time (package.json caps the workers at 2): most of an e2e file's time is
          // waiting on simulated models and timers, so two overlap well even on a two-core machine.
          fileParallelism: true,
          // Each worker runs file after file in one process: a new process per file re-imported
          // Playwright and the helpers every time (about 1 s a file; 14 files took 84 s instead of 95).
          // Every e2e file launches and closes its own Chromium, so nothing of one file outlives it.
          isolate: false,
        },
      },
    ],
  },
});
