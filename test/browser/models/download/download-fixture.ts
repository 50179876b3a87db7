// The fixture model of test/fixtures/model-repo as web-llm model records, served by test/support/model-repo-server.ts.
import { inject } from 'vitest';
import type { ModelRecordOverride } from '../../../../src/models/worker/model-protocol.js';

export const FIXTURE_REPO = 'Quorum-Tiny-q4f32_1-MLC';
export const FIXTURE_SHARDS = 4;

/** Failures the server injects (see test/support/model-repo-server.ts): "fail/503x2/params_shard_1.bin". */
export type FailMode = `fail/${string}/${string}`;

/**
 * tag keeps the cache keys of each test apart (test files run side by side in one origin);
 * mode: '' plain, 'slow' throttled bodies, 'drop' connection cut in shard 2, or injected failures.
 */
export function fixtureRecord(
  tag: string,
  mode: '' | 'slow' | 'drop' | FailMode = '',
): ModelRecordOverride {
  const base = `${inject('modelRepoUrl')}${mode ? `/${mode}` : ''}/t-${tag}`;
  return {
    model: `${base}/${FIXTURE_REPO}`,
    model_id: `${FIXTURE_REPO}-${tag}`,
    model_lib: `${base}/libs/Quorum-Tiny-q4f32_1-webgpu.wasm`,
    vram_required_MB: 1,
    low_resource_required: true,
    overrides: { context_window_size: 512 },
  };
}

/** The shape web-llm's cache helpers take: an AppConfig with our one record. */
export function appConfigFor(record: ModelRecordOverride) {
  return { model_list: [record], cacheBackend: 'cache' as const };
}

/** Every key in web-llm's caches that belongs to this fixture record (test files run side by side). */
export async function keysOf(record: ModelRecordOverride): Promise<string[]> {
  const names = ['webllm/model', 'webllm/config', 'webllm/wasm'];
  const lists = await Promise.all(names.map(async (n) => (await caches.open(n)).keys()));
  const repoUrl = record.model_lib.replace(/libs\/[^/]+$/, '');
  return lists
    .flat()
    .map((r) => r.url)
    .filter((url) => url.startsWith(repoUrl));
}

/** Removes the record's files with the raw Cache API, so cleanup does not rely on the code under test. */
export async function forget(record: ModelRecordOverride): Promise<void> {
  for (const name of ['webllm/model', 'webllm/config', 'webllm/wasm']) {
    const cache = await caches.open(name);
    for (const url of await keysOf(record)) await cache.delete(url);
  }
}

/** From now on the fixture server answers 503 for this tag's files: only the caches can serve them. */
export async function takeOffline(tag: string): Promise<void> {
  const response = await fetch(`${inject('modelRepoUrl')}/__offline/${tag}`);
  if (response.status !== 204) throw new Error(`could not take ${tag} offline`);
}

/** How many times the server was asked for each file of this tag, by file name. */
export async function hitsOf(tag: string): Promise<Record<string, number>> {
  return (await fetch(`${inject('modelRepoUrl')}/__hits/${tag}`)).json() as Promise<
    Record<string, number>
  >;
}
