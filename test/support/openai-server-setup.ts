// Starts the local OpenAI-compatible servers the browser tests talk to, and a port where nothing listens.
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startOpenAiServer, type OpenAiServer } from './openai-server.js';

let servers: OpenAiServer[] = [];

/** A port that was free a moment ago and that nothing listens on now. */
function closedPort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export async function setup(project: TestProject): Promise<void> {
  const [open, keyed, noCors] = await Promise.all([
    startOpenAiServer(),
    startOpenAiServer({ apiKey: 'sk-right', forbiddenKey: 'sk-forbidden' }),
    startOpenAiServer({ allowedOrigins: [] }),
  ]);
  servers = [open, keyed, noCors];
  project.provide('openai', {
    url: open.url,
    keyedUrl: keyed.url,
    noCorsUrl: noCors.url,
    closedUrl: `http://127.0.0.1:${await closedPort()}`,
  });
}

export async function teardown(): Promise<void> {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
}

declare module 'vitest' {
  export interface ProvidedContext {
    openai: { url: string; keyedUrl: string; noCorsUrl: string; closedUrl: string };
  }
}
