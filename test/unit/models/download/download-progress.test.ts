// Download progress: bytes, rate and ETA, resumed files, emit pacing, and how download failures are classified.
import { describe, expect, it } from 'vitest';
import {
  classifyDownloadError,
  HttpStatusError,
} from '../../../../src/models/download/download-errors.js';
import { createProgressTracker } from '../../../../src/models/download/download-progress.js';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progress tracker', () => {
  it('counts bytes towards the total and computes rate and ETA from fetched bytes', () => {
    const time = clock();
    const tracker = createProgressTracker(time.now);
    tracker.addTotal(1000, 2);
    tracker.startFile('params_shard_0.bin');
    time.advance(1000);
    tracker.fetched(250);
    const snap = tracker.snapshot();
    expect(snap).toMatchObject({ loadedBytes: 250, totalBytes: 1000, fraction: 0.25 });
    expect(snap.bytesPerSecond).toBe(250);
    expect(snap.etaMs).toBe(3000);
    expect(snap.file).toBe('params_shard_0.bin');
  });

  it('counts resumed files as done without inflating the rate', () => {
    const time = clock();
    const tracker = createProgressTracker(time.now);
    tracker.addTotal(1000, 2);
    tracker.skipped(500);
    time.advance(1000);
    expect(tracker.snapshot()).toMatchObject({
      loadedBytes: 500,
      bytesPerSecond: null,
      etaMs: null,
    });
    tracker.fetched(100);
    expect(tracker.snapshot().bytesPerSecond).toBe(100);
  });

  it('never reports a fraction above 1 when a file is larger than announced', () => {
    const tracker = createProgressTracker(() => 0);
    tracker.addTotal(100);
    tracker.fetched(150);
    expect(tracker.snapshot().fraction).toBe(1);
  });

  it('emits at file boundaries and otherwise at most every 100 ms', () => {
    const time = clock();
    const tracker = createProgressTracker(time.now);
    expect(tracker.shouldEmit()).toBe(true);
    time.advance(50);
    expect(tracker.shouldEmit()).toBe(false);
    tracker.finishFile();
    expect(tracker.shouldEmit()).toBe(true);
    time.advance(100);
    expect(tracker.shouldEmit()).toBe(true);
  });
});

describe('classifyDownloadError', () => {
  it('classifies QuotaExceededError as quota-exceeded', () => {
    const error = new DOMException('Quota exceeded', 'QuotaExceededError');
    expect(classifyDownloadError(error).kind).toBe('quota-exceeded');
  });

  it('classifies a cancel as aborted', () => {
    expect(classifyDownloadError(new DOMException('x', 'AbortError')).kind).toBe('aborted');
  });

  it('classifies HTTP errors and failed fetches as network, keeping the detail', () => {
    const http = classifyDownloadError(new HttpStatusError('https://h/x.bin', 404));
    expect(http).toMatchObject({ kind: 'network' });
    expect(http.message).toContain('404');
    expect(classifyDownloadError(new TypeError('Failed to fetch')).kind).toBe('network');
  });

  it('names a file the host no longer has or refuses as permanent: no "try again later"', () => {
    const url = 'https://huggingface.co/mlc-ai/Gone-MLC/resolve/main/params_shard_3.bin';
    const gone = classifyDownloadError(new HttpStatusError(url, 404));
    expect(gone.message).toMatch(/params_shard_3\.bin.*404.*removed or renamed.*will not help/);
    expect(gone.message).not.toMatch(/later/i);
    const refused = classifyDownloadError(new HttpStatusError(url, 403));
    expect(refused.message).toMatch(/refused.*403.*private or gated.*will not help/);
    expect(refused.message).not.toMatch(/later/i);
  });

  it('says to try again later only for a host that kept failing after the retries', () => {
    const busy = classifyDownloadError(new HttpStatusError('https://h/m/tokenizer.json', 503));
    expect(busy.message).toMatch(/503.*tokenizer\.json.*try again later.*kept/i);
  });
});

describe('classifyError on a Cache API the browser refuses', () => {
  it('is a storage failure that says how to allow it', () => {
    const refused = new DOMException(
      'An attempt was made to break through the security policy of the user agent.',
      'SecurityError',
    );
    const error = classifyDownloadError(refused);
    expect(error.kind).toBe('storage');
    expect(error.message).toMatch(/site data.*private window/i);
  });
});

describe('progress tracker while the file list is still being learned', () => {
  it('holds the fraction at 0 until the list is complete, so the config alone never fills the bar', () => {
    const tracker = createProgressTracker(() => 0, { listKnown: false });
    tracker.addTotal(1000, 1);
    tracker.fetched(1000);
    expect(tracker.snapshot().fraction).toBe(0);
    tracker.addTotal(9000, 3);
    tracker.listComplete();
    expect(tracker.snapshot().fraction).toBeCloseTo(0.1);
  });

  it('never moves the fraction backwards when a file of unannounced size grows the total', () => {
    const tracker = createProgressTracker(() => 0);
    tracker.addTotal(100, 2);
    tracker.fetched(80);
    expect(tracker.snapshot().fraction).toBeCloseTo(0.8);
    tracker.addTotal(900, 0);
    expect(tracker.snapshot().fraction).toBeCloseTo(0.8);
    tracker.fetched(920);
    expect(tracker.snapshot().fraction).toBe(1);
  });
});
