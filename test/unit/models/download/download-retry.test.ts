// Which download failures are retried, and how long the worker waits first.
import { describe, expect, it } from 'vitest';
import {
  MAX_RETRY_WAIT_MS,
  isPermanentStatus,
  isTransientStatus,
  parseRetryAfter,
  retryDelayMs,
} from '../../../../src/models/download/download-retry.js';

describe('download retries', () => {
  it('retries 5xx, 429, 408 and 425, never 401, 403, 404 or 410', () => {
    for (const status of [500, 502, 503, 504, 429, 408, 425])
      expect(isTransientStatus(status)).toBe(true);
    for (const status of [401, 403, 404, 410]) {
      expect(isTransientStatus(status)).toBe(false);
      expect(isPermanentStatus(status)).toBe(true);
    }
    expect(isTransientStatus(400)).toBe(false);
  });

  it('backs off 1 s then 2 s when the host says nothing', () => {
    expect(retryDelayMs(1, null, 0)).toBe(1_000);
    expect(retryDelayMs(2, null, 0)).toBe(2_000);
  });

  it('honours Retry-After in seconds and as an HTTP date', () => {
    const now = Date.parse('Sun, 29 Nov 2026 23:00:00 GMT');
    expect(retryDelayMs(1, '0', now)).toBe(0);
    expect(retryDelayMs(2, '7', now)).toBe(7_000);
    expect(retryDelayMs(1, 'Sun, 29 Nov 2026 23:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 22:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('does not wait for a host that asks for more than a minute', () => {
    expect(retryDelayMs(1, String(MAX_RETRY_WAIT_MS / 1000 + 1), 0)).toBeNull();
    expect(retryDelayMs(1, '60', 0)).toBe(60_000);
  });
});
