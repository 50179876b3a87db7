// The download core in the page, where caches and fetch can be wrapped: quota errors and resuming finished files.
import { hasModelInCache } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import {
  deleteModelFromCache,
  isModelCached,
} from '../../../../src/models/download/download-cache.js';
import { downloadModelFiles } from '../../../../workers/download/download-model-files.js';
import { appConfigFor, forget, keysOf, fixtureRecord, FIXTURE_SHARDS } from './download-fixture.js';

/** CacheStorage whose caches throw QuotaExceededError once more than `limit` bytes were put. */
function cachesWithQuota(limit: number): { storage: CacheStorage; puts: { ok: number } } {
  let stored = 0;
  const puts = { ok: 0 };
  const wrap = (cache: Cache): Cache =>
    new Proxy(cache, {
      get(target, prop) {
        if (prop === 'put') {
          return async (request: RequestInfo | URL, response: Response) => {
            const body = await response.arrayBuffer();
            stored += body.byteLength;
            if (stored > limit) throw new DOMException('Quota exceeded.', 'QuotaExceededError');
            await target.put(request, new Response(body, { headers: response.headers }));
            puts.ok += 1;
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const storage = {
    open: async (name: string) => wrap(await caches.open(name)),
    delete: (name: string) => caches.delete(name),
    has: (name: string) => caches.has(name),
    keys: () => caches.keys(),
    match: (request: RequestInfo | URL) => caches.match(request),
  } as CacheStorage;
  return { storage, puts };
}

function countingFetch(): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (input, init) => {
      urls.push(String(input));
      return fetch(input, init);
    },
  };
}

const now = () => performance.now();

describe('download core', () => {
  it('a quota error mid-download is classified with the browser’s figures and leaves no half-model behind', async () => {
    const record = fixtureRecord('quota');
    await forget(record);
    // 16 kB: the config, tokenizer, lib and first 8 kB shard fit; the second shard does not.
    const quota = cachesWithQuota(16_000);
    const MiB = 1024 * 1024;
    const estimate = () => Promise.resolve({ quota: 300 * MiB, usage: 290 * MiB });
    const result = await downloadModelFiles(record, {
      fetch,
      caches: quota.storage,
      now,
      estimate,
    });
    expect(quota.puts.ok).toBe(4);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('quota-exceeded');
    expect(!result.ok && result.error.message).toMatch(
      /may use 300 MB here and 290 MB are in use\. Delete downloaded models .* files were removed/,
    );
    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(false);
    expect(await isModelCached(record)).toBe(false);
    // The files that fitted were removed again: they only take room the visitor needs.
    expect(await keysOf(record)).toEqual([]);
  });

  it('resuming fetches only the files a cancelled download had not finished', async () => {
    const record = fixtureRecord('resume');
    await forget(record);
    const controller = new AbortController();
    const first = countingFetch();
    const cancelled = await downloadModelFiles(
      record,
      { fetch: first.fetch, caches, now },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.file === 'params_shard_2.bin') controller.abort();
        },
      },
    );
    expect(!cancelled.ok && cancelled.error.kind).toBe('aborted');
    expect(await isModelCached(record)).toBe(false);

    const second = countingFetch();
    const resumed = await downloadModelFiles(record, { fetch: second.fetch, caches, now });
    expect(resumed.ok).toBe(true);
    const fetchedShards = second.urls.filter((url) => url.includes('params_shard_'));
    expect(fetchedShards.map((url) => url.split('/').pop())).toEqual([
      'params_shard_2.bin',
      'params_shard_3.bin',
    ]);
    // config, tokenizer, lib, shards 0 and 1 came from the first run.
    expect(resumed.ok && resumed.skippedFiles).toBe(5);
    expect(FIXTURE_SHARDS).toBe(4);
    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(true);
  });

  it('deleting one model keeps a model lib that another cached model still uses', async () => {
    const first = fixtureRecord('lib-a');
    const second = { ...fixtureRecord('lib-b'), model_lib: first.model_lib };
    await forget(first);
    await forget(second);
    expect((await downloadModelFiles(first, { fetch, caches, now })).ok).toBe(true);
    expect((await downloadModelFiles(second, { fetch, caches, now })).ok).toBe(true);
    const wasm = await caches.open('webllm/wasm');

    await deleteModelFromCache(first, [first, second]);
    expect(await isModelCached(first)).toBe(false);
    expect(await isModelCached(second)).toBe(true);
    expect(await wasm.match(first.model_lib)).toBeDefined();

    await deleteModelFromCache(second, [first, second]);
    expect(await wasm.match(first.model_lib)).toBeUndefined();
  });
});
