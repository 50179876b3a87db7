// The one download tracker: a second start joins the download in flight, and every ending is reported.
import { describe, expect, it } from 'vitest';
import {
  DownloadTracker,
  type ModelDownloadResult,
} from '../../../../src/models/download/downloads-in-flight.js';

/** A download that ends when the test says so, counting how often it was started. */
function controlledDownload() {
  const calls: string[] = [];
  let end: (result: ModelDownloadResult) => void = () => undefined;
  const tracker = new DownloadTracker((modelId, _onProgress, signal) => {
    calls.push(modelId);
    return new Promise((resolve) => {
      end = resolve;
      signal.addEventListener('abort', () =>
        resolve({ ok: false, error: { kind: 'aborted', message: 'Cancelled.' } }),
      );
    });
  });
  return { tracker, calls, end: (result: ModelDownloadResult) => end(result) };
}

describe('DownloadTracker', () => {
  it('joins a download in flight instead of starting a second one', async () => {
    const { tracker, calls, end } = controlledDownload();
    const first = tracker.start('m');
    const second = tracker.start('m');
    expect(calls).toEqual(['m']);
    expect(tracker.active.has('m')).toBe(true);
    end({ ok: true });
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });
    expect(tracker.active.has('m')).toBe(false);
  });

  it('a cancel ends the download for everyone waiting, without an error to show', async () => {
    const { tracker } = controlledDownload();
    const waiting = [tracker.start('m'), tracker.start('m')];
    tracker.cancel('m');
    for (const result of await Promise.all(waiting)) expect(result.ok).toBe(false);
    expect(tracker.errors.has('m')).toBe(false);
  });

  it('a download that throws ends as a classified error instead of staying in flight', async () => {
    const tracker = new DownloadTracker(() => Promise.reject(new Error('QuotaExceededError')));
    const result = await tracker.start('m');
    expect(result.ok).toBe(false);
    expect(tracker.active.has('m')).toBe(false);
    expect(tracker.errors.get('m')?.kind).toBe('quota-exceeded');
  });
});
