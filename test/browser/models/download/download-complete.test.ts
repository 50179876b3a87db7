// "Downloaded" means every file the load reads is cached; a download tops up what is missing; files no listed model reads are found and deleted.
import { hasModelInCache } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { createDownloadClient } from '../../../../src/models/download/download-client.js';
import {
  deleteUnlistedFiles,
  isModelCached,
  missingFiles,
  unlistedFiles,
} from '../../../../src/models/download/download-cache.js';
import { appConfigFor, fixtureRecord, forget, hitsOf } from './download-fixture.js';

describe('a model counts as downloaded only with every file its load reads', () => {
  it.each([
    ['library', 'webllm/wasm', (base: string, lib: string) => lib],
    ['config', 'webllm/config', (base: string) => `${base}mlc-chat-config.json`],
    ['tokenizer', 'webllm/model', (base: string) => `${base}tokenizer.json`],
  ] as const)(
    'without its %s it is not downloaded (web-llm looks at weights only), and Download fetches just that file',
    async (kind, cacheName, keyOf) => {
      const tag = `missing-${kind}`;
      const record = fixtureRecord(tag);
      await forget(record);
      expect((await createDownloadClient().downloadModel(record)).ok).toBe(true);
      const key = keyOf(`${record.model}/resolve/main/`, record.model_lib);
      expect(await (await caches.open(cacheName)).delete(key)).toBe(true);

      expect(await isModelCached(record)).toBe(false);
      expect(await missingFiles(record)).toEqual([kind]);
      expect(await hasModelInCache(record.model_id, appConfigFor(record))).toBe(true);

      const before = await hitsOf(tag);
      const topUp = await createDownloadClient().downloadModel(record);
      const after = await hitsOf(tag);
      expect(topUp).toMatchObject({ ok: true });
      const fetched = Object.keys(after).filter((file) => after[file] !== before[file]);
      expect(fetched).toEqual([new URL(key).pathname.split('/').pop()]);
      expect(await isModelCached(record)).toBe(true);
    },
  );
});

describe('files no listed model reads', () => {
  it('are found with their sizes (an older web-llm library, a model no longer listed) and deleted', async () => {
    const listed = fixtureRecord('listed');
    await forget(listed);
    expect((await createDownloadClient().downloadModel(listed)).ok).toBe(true);
    const oldLib = listed.model_lib.replace('libs/', 'libs/v0_2_80/');
    const gone = `${listed.model.replace('Quorum-Tiny', 'Quorum-Retired')}/resolve/main/params_shard_0.bin`;
    await (await caches.open('webllm/wasm')).put(oldLib, new Response(new Uint8Array(1000)));
    await (await caches.open('webllm/model')).put(gone, new Response(new Uint8Array(2000)));

    const found = await unlistedFiles([listed]);
    expect(found).toEqual(
      expect.arrayContaining([
        { cache: 'webllm/wasm', url: oldLib, bytes: 1000 },
        { cache: 'webllm/model', url: gone, bytes: 2000 },
      ]),
    );
    // Nothing of the listed model is offered for deletion.
    expect(
      found.filter((f) => f.url.startsWith(listed.model) || f.url === listed.model_lib),
    ).toEqual([]);

    await deleteUnlistedFiles(found.filter((f) => f.url === oldLib || f.url === gone));
    const left = (await unlistedFiles([listed])).map((f) => f.url);
    expect(left).not.toContain(oldLib);
    expect(left).not.toContain(gone);
    expect(await isModelCached(listed)).toBe(true);
  });
});
