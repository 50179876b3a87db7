// web-llm must never reach the page's initial JavaScript: it belongs to the model worker alone.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialChunks } from '../support/main-bundle.js';

const DIST = 'dist';
// String literals that survive minification and appear only in web-llm's own code.
const WEBLLM_MARKERS = ['webllm/model', 'webllm/wasm', 'mlc-chat-config.json'];

function containsWebLlm(code: string): boolean {
  return WEBLLM_MARKERS.every((marker) => code.includes(marker));
}

describe('main bundle', () => {
  it('finds the entry script and its static imports', () => {
    const chunks = initialChunks(DIST);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.some((chunk) => chunk.startsWith('assets/index-'))).toBe(true);
  });

  it('holds no web-llm code', () => {
    const offenders = initialChunks(DIST).filter((chunk) =>
      containsWebLlm(readFileSync(join(DIST, chunk), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('still ships web-llm in a lazily loaded chunk, so the markers above are meaningful', () => {
    const initial = new Set(initialChunks(DIST));
    const lazyWithWebLlm = readdirSync(join(DIST, 'assets'))
      .map((file) => `assets/${file}`)
      .filter((file) => file.endsWith('.js') && !initial.has(file))
      .filter((file) => containsWebLlm(readFileSync(join(DIST, file), 'utf8')));
    expect(lazyWithWebLlm.length).toBeGreaterThan(0);
  });
});
