// The simulated engine's usage figures, measured from when its deltas really left.
import { describe, expect, it } from 'vitest';
import { simUsage } from '../../../../../workers/engines/sim/sim-usage.js';

/** Tokens due every `interval` ms from `first` on. */
const schedule = (count: number, first: number, interval: number): number[] =>
  Array.from({ length: count }, (_, i) => first + i * interval);

describe('simUsage', () => {
  it('measures decode speed between the first and the last delta when the worker kept up', () => {
    const usage = simUsage(10, 101, {
      start: 1000,
      firstAt: 1100,
      lastAt: 1100 + 100 * 5,
      end: 1601,
      due: schedule(101, 100, 4),
    });
    expect(usage.timeToFirstTokenMs).toBe(100);
    expect(usage.decodeTokensPerS).toBe(200);
    expect(usage.prefillTokensPerS).toBe(100);
    expect(usage.totalMs).toBe(601);
  });

  it('falls back to the scheduled span when every token left in the same millisecond', () => {
    const usage = simUsage(10, 101, {
      start: 0,
      firstAt: 500,
      lastAt: 501,
      end: 502,
      due: schedule(101, 100, 4),
    });
    expect(usage.decodeTokensPerS).toBe(250);
    expect(usage.timeToFirstTokenMs).toBe(500);
  });

  it('reports no decode speed for a single token or none', () => {
    const one = simUsage(3, 1, { start: 0, firstAt: 50, lastAt: 50, end: 51, due: [50] });
    expect(one.decodeTokensPerS).toBe(0);
    const none = simUsage(3, 0, { start: 0, firstAt: null, lastAt: null, end: 80, due: [] });
    expect(none).toMatchObject({
      decodeTokensPerS: 0,
      timeToFirstTokenMs: 80,
      completionTokens: 0,
    });
  });
});
