// Downloads the localhost fixture through the real download worker and checks it with web-llm's own cache helpers.
import { deleteModelAllInfoInCache, hasModelInCache } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { createDownloadClient } from '../../../../src/models/download/download-client.js';
import {
  deleteModelFromCache,
  isModelCached,
} from '../../../../src/models/download/download-cache.js';
import type { DownloadProgress } from '../../../../src/models/download/download-protocol.js';
import { appConfigFor, forget, keysOf, fixtureRecord, FIXTURE_SHARDS } from './download-fixture.js';
import { silentWorker } from '../../../support/silent-worker.js';

describe('download worker against the localhost model repository', () => {
  it('reports growing progress up to the total, then web-llm finds the model cached', async () => {
    const record = fixtureRecord('progress');
    await forget(record);
    const events: DownloadProgress[] = [];
    const result = await createDownloadClient().downloadModel(record, {
      onProgress: (p) => events.push(p),
    });

    expect(result).toMatchObject({ ok: true, skippedFiles: 0 });
    expect(events.length).toBeGreaterThan(FIXTURE_SHARDS);
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]!.loadedBytes).toBeGreaterThanOrEqual(events[i - 1]!.loadedBytes);
    }
    const last = events.at(-1)!;
    expect(last.loadedBytes).toBe(last.totalBytes);
    expect(last.fraction).toBe(1);
    expect(last.filesDone).toBe(last.filesTotal);
    // 4 shards of the fixture index hold 32,896 bytes; config, index, tokenizer and lib come on top.
    expect(last.totalBytes).toBeGreaterThan(32_896);
    expect(result.ok && result.bytes).toBe(last.totalBytes);

    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(true);
    expect(await isModelCached(record)).toBe(true);
    expect(await (await caches.open('webllm/wasm')).match(record.model_lib)).toBeDefined();
    const configKeys = (await (await caches.open('webllm/config')).keys()).map((r) => r.url);
    expect(configKeys.filter((url) => url.startsWith(record.model))).toEqual([
      `${record.model}/resolve/main/mlc-chat-config.json`,
    ]);
  });

  it("web-llm's deleteModelAllInfoInCache makes both web-llm and Quorum report it missing", async () => {
    const record = fixtureRecord('webllm-delete');
    await forget(record);
    await createDownloadClient().downloadModel(record);
    await deleteModelAllInfoInCache(record.model_id, appConfigFor(record));
    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(false);
    expect(await isModelCached(record)).toBe(false);
  });

  it("Quorum's delete removes every file, and web-llm agrees it is gone", async () => {
    const record = fixtureRecord('quorum-delete');
    await forget(record);
    await createDownloadClient().downloadModel(record);
    await deleteModelFromCache(record);
    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(false);
    expect(await keysOf(record)).toEqual([]);
  });

  it('a cancel mid-download leaves nothing web-llm reports as cached', async () => {
    const record = fixtureRecord('cancel', 'slow');
    await forget(record);
    const controller = new AbortController();
    const result = await createDownloadClient().downloadModel(record, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.file.startsWith('params_shard_1')) controller.abort();
      },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('aborted');
    // The first shard is kept for a later resume, yet no one may call the model cached.
    const modelCache = await caches.open('webllm/model');
    expect(await modelCache.match(`${record.model}/resolve/main/params_shard_0.bin`)).toBeDefined();
    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(false);
    expect(await isModelCached(record)).toBe(false);
  });

  it('a connection cut mid-shard is classified as a network error and not cached', async () => {
    const record = fixtureRecord('drop', 'drop');
    await forget(record);
    const result = await createDownloadClient().downloadModel(record);
    expect(!result.ok && result.error.kind).toBe('network');
    expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(false);
  });

  it('agrees with web-llm on half-present models: a missing shard or a missing index', async () => {
    const record = fixtureRecord('agree');
    await forget(record);
    const config = appConfigFor(record);
    const agree = async () => {
      const ours = await isModelCached(record);
      expect(ours).toBe(await hasModelInCache(record.model_id, config));
      return ours;
    };
    expect(await agree()).toBe(false);
    await createDownloadClient().downloadModel(record);
    expect(await agree()).toBe(true);

    const modelCache = await caches.open('webllm/model');
    const base = `${record.model}/resolve/main/`;
    const shard = await modelCache.match(`${base}params_shard_3.bin`);
    await modelCache.delete(`${base}params_shard_3.bin`);
    expect(await agree()).toBe(false);
    await modelCache.put(`${base}params_shard_3.bin`, shard!);
    expect(await agree()).toBe(true);
    await modelCache.delete(`${base}tensor-cache.json`);
    expect(await agree()).toBe(false);
  });

  it('a download worker that ends without a word fails the download at once, as worker-crashed', async () => {
    // Without watching the worker's life lock, the download would wait forever (this test times out).
    const silent = (name: string) => silentWorker(name, 'download');
    const result = await createDownloadClient(silent).downloadModel(fixtureRecord('silent-end'));
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'worker-crashed', detail: 'the download worker ended' },
    });
  }, 20_000);
});
