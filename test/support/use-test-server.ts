// A test file's OpenAI-compatible test server, started before its tests and closed after (vitest hooks).
import { afterAll, beforeAll } from 'vitest';
import { startOpenAiServer, type OpenAiServer } from './openai-server.js';

/**
 * Registers the hooks that start the file's OpenAI-compatible test server (openai-server.ts, default
 * options) before its tests and close it after; `server` throws if read before it started.
 */
export function useTestServer(): { readonly server: OpenAiServer } {
  let server: OpenAiServer | undefined;
  beforeAll(async () => {
    server = await startOpenAiServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the test server is not started yet');
      return server;
    },
  };
}
