// After Quorum's download, the real web-llm engine reads our cached files and fails exactly at the fake model lib.
import { MLCEngine } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../../src/shared/errors.js';
import { createDownloadClient } from '../../../../src/models/download/download-client.js';
import { appConfigFor, fixtureRecord, forget, takeOffline } from './download-fixture.js';

describe('loading a downloaded fixture with the real web-llm engine', () => {
  it('takes config and model lib from our caches, then fails at the lib, classified model-lib', async () => {
    const record = fixtureRecord('load');
    await forget(record);
    const downloaded = await createDownloadClient().downloadModel(record);
    expect(downloaded.ok).toBe(true);

    // Had web-llm looked anywhere but under the keys Quorum wrote, it would now fail with a 503 instead.
    await takeOffline('load');
    const engine = new MLCEngine({ appConfig: appConfigFor(record), logLevel: 'SILENT' });
    const failure: unknown = await engine.reload(record.model_id).then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(WebAssembly.CompileError);
    expect(String(failure)).toMatch(/expected magic word/);
    const classified = classifyError(failure);
    expect(classified.kind).toBe('model-lib');
    expect(classified.message.length).toBeGreaterThan(20);
  });

  it('without a download the same offline reload fails at the network, not the lib', async () => {
    const record = fixtureRecord('load-uncached');
    await forget(record);
    await takeOffline('load-uncached');
    const engine = new MLCEngine({ appConfig: appConfigFor(record), logLevel: 'SILENT' });
    const failure: unknown = await engine.reload(record.model_id).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeInstanceOf(WebAssembly.CompileError);
    // web-llm's Cache.add of a 503 rejects with "Request failed": a network failure to the visitor.
    expect(String(failure)).toMatch(/Cache.*Request failed/);
    expect(classifyError(failure).kind).toBe('network');
  });
});
