// web-llm's load reports turned into Quorum's load phases, bytes and ETA.
import { describe, expect, it } from 'vitest';
import { progressFromReport } from '../../../../workers/engines/webllm-progress.js';

const MiB = 1024 * 1024;

describe('progressFromReport', () => {
  it('reads fetched megabytes and derives the total and an ETA while downloading', () => {
    const progress = progressFromReport({
      progress: 0.25,
      timeElapsed: 10,
      text: 'Fetching param cache[5/20]: 100MB fetched. 25% completed, 10 secs elapsed. It can take a while when we first visit this page to populate the cache. Later refreshes will become faster.',
    });
    expect(progress.phase).toBe('fetch');
    expect(progress.loadedBytes).toBe(100 * MiB);
    expect(progress.totalBytes).toBe(400 * MiB);
    expect(progress.etaMs).toBe(30_000);
  });

  it('reports loading from cache as its own phase', () => {
    const progress = progressFromReport({
      progress: 0.5,
      timeElapsed: 2,
      text: 'Loading model from cache[10/20]: 200MB loaded. 50% completed, 2 secs elapsed.',
    });
    expect(progress.phase).toBe('cache');
    expect(progress.fraction).toBe(0.5);
  });

  it('maps shader compilation to gpu-init and the final report to ready', () => {
    expect(
      progressFromReport({
        progress: 0.4,
        timeElapsed: 1,
        text: 'Loading GPU shader modules[4/10]: 40% completed, 1 secs elapsed.',
      }).phase,
    ).toBe('gpu-init');
    const ready = progressFromReport({
      progress: 1,
      timeElapsed: 30,
      text: 'Finish loading on WebGPU - SwiftShader',
    });
    expect(ready.phase).toBe('ready');
    expect(ready.etaMs).toBe(0);
  });

  it('does not guess an ETA or total before anything is known', () => {
    const progress = progressFromReport({
      progress: 0,
      timeElapsed: 0,
      text: 'Start to fetch params',
    });
    expect(progress.etaMs).toBeNull();
    expect(progress.totalBytes).toBe(0);
  });
});

describe('progressFromReport for a model already in the cache', () => {
  it('says reading from the cache, not fetching, from web-llm\'s "Start to fetch params" on', () => {
    const start = progressFromReport(
      { progress: 0, timeElapsed: 0, text: 'Start to fetch params' },
      true,
    );
    expect(start.phase).toBe('cache');
    expect(start.text).toMatch(/reading .*from the cache/i);
    expect(start.text).not.toMatch(/fetch/i);
  });

  it("says reading for web-llm's cache reads, and fetching only when the model was not cached", () => {
    const text = 'Loading model from cache[3/20]: 60MB loaded. 15% completed, 1 secs elapsed.';
    expect(progressFromReport({ progress: 0.15, timeElapsed: 1, text }, true).text).toMatch(
      /reading/i,
    );
    const fetching = progressFromReport({
      progress: 0,
      timeElapsed: 0,
      text: 'Start to fetch params',
    });
    expect(fetching).toMatchObject({ phase: 'fetch', text: expect.stringMatching(/fetching/i) });
  });
});
