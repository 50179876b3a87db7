// Every failure inside a download ends it with a classified error; transient ones are retried: a refusing Cache API, flaky and permanent HTTP errors, cut connections, short cached shards.
import { hasModelInCache } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { createDownloadClient } from '../../../../src/models/download/download-client.js';
import { isModelCached } from '../../../../src/models/download/download-cache.js';
import type { DownloadProgress } from '../../../../src/models/download/download-protocol.js';
import { appConfigFor, fixtureRecord, forget, hitsOf, type FailMode } from './download-fixture.js';

/** A download worker whose every caches.open rejects (site data blocked, some private modes). */
const refusingWorker = (name: string) =>
  new Worker(new URL('../../../support/refusing-caches.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });

async function download(tag: string, mode: FailMode) {
  const record = fixtureRecord(tag, mode);
  await forget(record);
  const events: DownloadProgress[] = [];
  const result = await createDownloadClient().downloadModel(record, {
    onProgress: (p) => events.push(p),
  });
  return { record, result, events, hits: await hitsOf(tag) };
}

describe('a download whose Cache API refuses', () => {
  it('ends with a classified storage error saying what to do, instead of waiting for ever', async () => {
    const result = await createDownloadClient(refusingWorker).downloadModel(
      fixtureRecord('refused'),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'storage', detail: expect.stringMatching(/SecurityError/) },
    });
    expect(!result.ok && result.error.message).toMatch(/site data|private/i);
  }, 20_000);
});

describe('a flaky model host', () => {
  it('a shard answered 503 twice is fetched on the third try (backoff), and the model is downloaded', async () => {
    const { record, result, hits } = await download('503-twice', 'fail/503x2/params_shard_1.bin');
    expect(result).toMatchObject({ ok: true });
    expect(hits['params_shard_1.bin']).toBe(3);
    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(true);
    expect(await isModelCached(record)).toBe(true);
  });

  it('every file answered 429 once, with Retry-After: 0, is each fetched on the second try', async () => {
    const { result, hits } = await download('429-once', 'fail/429x1ra0/all');
    expect(result).toMatchObject({ ok: true });
    expect(Object.values(hits).every((n) => n === 2)).toBe(true);
    expect(Object.keys(hits)).toContain('tensor-cache.json');
  });

  it('a connection cut mid-shard once is fetched again, and its bytes are not counted twice', async () => {
    const { result, events, hits } = await download(
      'reset-once',
      'fail/resetx1/params_shard_2.bin',
    );
    expect(result).toMatchObject({ ok: true });
    expect(hits['params_shard_2.bin']).toBe(2);
    const last = events.at(-1)!;
    expect(last.loadedBytes).toBe(last.totalBytes);
    expect(result.ok && result.bytes).toBe(last.totalBytes);
  });

  it('a file that keeps failing with 503 ends the download after three tries: try again later, files kept', async () => {
    const { record, result, hits } = await download('503-always', 'fail/503ra0/tokenizer.json');
    expect(hits['tokenizer.json']).toBe(3);
    expect(!result.ok && result.error).toMatchObject({ kind: 'network' });
    expect(!result.ok && result.error.message).toMatch(
      /503.*tokenizer\.json.*try again later.*kept/i,
    );
    expect(await isModelCached(record)).toBe(false);
  });
});

describe('a model host that no longer has the model', () => {
  it.each([
    ['404', /no file params_shard_3\.bin \(HTTP 404\).*removed or renamed/],
    ['403', /refused params_shard_3\.bin \(HTTP 403\).*private or gated/],
  ])(
    'a %s is named as permanent at once: one request, no "try again later"',
    async (status, said) => {
      const { result, hits } = await download(
        `gone-${status}`,
        `fail/${status}/params_shard_3.bin`,
      );
      expect(hits['params_shard_3.bin']).toBe(1);
      expect(!result.ok && result.error.message).toMatch(said);
      expect(!result.ok && result.error.message).not.toMatch(/later/i);
    },
  );
});

describe('resuming over cached shards', () => {
  it('fetches again a cached shard shorter than the index says, and keeps the ones that match', async () => {
    const record = fixtureRecord('short-shard');
    await forget(record);
    const first = await createDownloadClient().downloadModel(record);
    expect(first.ok).toBe(true);
    const modelCache = await caches.open('webllm/model');
    const url = `${record.model}/resolve/main/params_shard_2.bin`;
    const whole = await (await modelCache.match(url))!.arrayBuffer();
    await modelCache.put(url, new Response(whole.slice(0, 100)));
    const before = await hitsOf('short-shard');

    const second = await createDownloadClient().downloadModel(record);
    const after = await hitsOf('short-shard');
    expect(second.ok).toBe(true);
    expect((after['params_shard_2.bin'] ?? 0) - (before['params_shard_2.bin'] ?? 0)).toBe(1);
    expect((after['params_shard_1.bin'] ?? 0) - (before['params_shard_1.bin'] ?? 0)).toBe(0);
    expect((await (await modelCache.match(url))!.arrayBuffer()).byteLength).toBe(whole.byteLength);
  });
});
