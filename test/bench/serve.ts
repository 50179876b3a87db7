// Builds the app into its own folder and serves it (vite preview), plus a dev server for the bench-only pages.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';

/** Outside dist/ so a bench never overwrites the build the end-to-end tests are using. */
export const BENCH_DIST = join(tmpdir(), 'quorum-bench-dist');
const APP_PORT = 4337;
const PAGES_PORT = 4338;

export interface Server {
  url: string;
  close(): Promise<void>;
}

export async function buildApp(): Promise<void> {
  // Vite's module runner (run.mjs) sets NODE_ENV=development, which would make a dev-mode build
  // (Lit dev mode, import.meta.env.PROD false, so no service worker): build what visitors get.
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir: BENCH_DIST, emptyOutDir: true },
  });
}

/** The built app, as `vite preview` serves it (service worker included). */
export async function serveApp(): Promise<Server> {
  const app: PreviewServer = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir: BENCH_DIST },
    preview: { port: APP_PORT, host: '127.0.0.1', strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${APP_PORT}`, close: () => app.close() };
}

/** test/bench/pages/*.html with the app's TypeScript sources (floor, fusion, real), on another origin. */
export async function servePages(): Promise<Server> {
  const pages: ViteDevServer = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    worker: { format: 'es' },
    server: { port: PAGES_PORT, host: '127.0.0.1', strictPort: true, hmr: false, open: false },
  });
  await pages.listen();
  return { url: `http://127.0.0.1:${PAGES_PORT}/test/bench/pages`, close: () => pages.close() };
}
