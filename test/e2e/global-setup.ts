// Serves the built app (dist/, or QUORUM_DIST) on localhost for the end-to-end tests.
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

/** QUORUM_DIST lets a build in another folder be tested (vite build --outDir <dir>). */
const outDir = process.env.QUORUM_DIST ?? 'dist';

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(`${outDir}/index.html`)) {
    throw new Error(`${outDir}/ is missing: run "npm run build" before the end-to-end tests.`);
  }
  server = await preview({
    build: { outDir },
    preview: { port: 4317, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', address.replace(/\/$/, ''));
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
