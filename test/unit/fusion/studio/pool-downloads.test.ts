// The studio's downloads go through the registry's one tracker: joined, shown, cancelled like the models page's.
import { describe, expect, it } from 'vitest';
import {
  DownloadTracker,
  type ModelDownloadResult,
} from '../../../../src/models/download/downloads-in-flight.js';
import type { ModelRegistry } from '../../../../src/models/model-registry.js';
import { PoolDownloads } from '../../../../src/fusion/studio/pool-downloads.js';
import { FakeHost } from './fake-host.js';

/** A registry whose downloads end only when cancelled or when the test ends them. */
function slowRegistry() {
  const started: string[] = [];
  const finish = new Map<string, (result: ModelDownloadResult) => void>();
  const downloads = new DownloadTracker(
    (modelId, _onProgress, signal) =>
      new Promise((resolve) => {
        started.push(modelId);
        finish.set(modelId, resolve);
        signal.addEventListener('abort', () =>
          resolve({ ok: false, error: { kind: 'aborted', message: 'Cancelled.' } }),
        );
      }),
  );
  const registry = { simulated: true, downloads } as unknown as ModelRegistry;
  return { registry, downloads, started, finish };
}

const A = { id: 'a', label: 'Model A' };
const B = { id: 'b', label: 'Model B' };

describe('PoolDownloads', () => {
  it('joins a download the models page started instead of starting it again', async () => {
    const { registry, downloads, started, finish } = slowRegistry();
    const host = new FakeHost();
    const pool = new PoolDownloads(host, () => registry);
    host.requestUpdate();
    const fromModelsPage = downloads.start('a');
    const fromStudio = pool.fetch([A]);
    expect(started).toEqual(['a']);
    expect(pool.busy).toBe('Simulated download 1 of 1: Model A…');
    expect(pool.active.map(([id]) => id)).toEqual(['a']);
    finish.get('a')?.({ ok: true });
    expect(await fromStudio).toBeNull();
    expect((await fromModelsPage).ok).toBe(true);
    expect(pool.busy).toBeNull();
  });

  it('re-renders the studio on progress from any page', () => {
    const { registry, downloads } = slowRegistry();
    const host = new FakeHost();
    new PoolDownloads(host, () => registry);
    host.requestUpdate();
    const before = host.updates;
    void downloads.start('a');
    expect(host.updates).toBeGreaterThan(before);
  });

  it('a cancel ends the wait, says so, and starts none of the rest', async () => {
    const { registry, started } = slowRegistry();
    const pool = new PoolDownloads(new FakeHost(), () => registry);
    const fetching = pool.fetch([A, B]);
    pool.cancel('a');
    expect(await fetching).toBe('The download of Model A was cancelled.');
    expect(started).toEqual(['a']);
  });

  it('names the model that failed and why', async () => {
    const { registry, finish } = slowRegistry();
    const pool = new PoolDownloads(new FakeHost(), () => registry);
    const fetching = pool.fetch([A]);
    finish.get('a')?.({
      ok: false,
      error: { kind: 'quota-exceeded', message: 'The disk is full.' },
    });
    expect(await fetching).toBe('Model A could not be downloaded: The disk is full.');
  });
});
