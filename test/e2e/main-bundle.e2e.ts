// web-llm must never reach the page's initial JavaScript: it belongs to the model worker alone.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialChunks } from '../support/main-bundle.js';

// The same build the other end-to-end tests serve (see global-setup.ts).
const DIST = process.env.QUORUM_DIST ?? 'dist';
// Names that survive minification and occur in web-llm's own code only (Quorum's code, which also
// knows web-llm's cache names and file names, contains none of them).
const WEBLLM_MARKERS = ['tvmjs', 'ArtifactCache', 'WebGPUNotAvailableError'];

function markersIn(code: string): string[] {
  return WEBLLM_MARKERS.filter((marker) => code.includes(marker));
}

describe('main bundle', () => {
  it('finds the entry script and its static imports', () => {
    const chunks = initialChunks(DIST);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.some((chunk) => chunk.startsWith('assets/index-'))).toBe(true);
  });

  it('holds no web-llm code', () => {
    const offenders = initialChunks(DIST).filter(
      (chunk) => markersIn(readFileSync(join(DIST, chunk), 'utf8')).length > 0,
    );
    expect(offenders).toEqual([]);
  });

  it('still ships web-llm in a lazily loaded chunk, so the markers above are meaningful', () => {
    const initial = new Set(initialChunks(DIST));
    const lazyWithWebLlm = readdirSync(join(DIST, 'assets'))
      .map((file) => `assets/${file}`)
      .filter((file) => file.endsWith('.js') && !initial.has(file))
      .filter(
        (file) =>
          markersIn(readFileSync(join(DIST, file), 'utf8')).length === WEBLLM_MARKERS.length,
      );
    expect(lazyWithWebLlm.length).toBeGreaterThan(0);
  });
});
