// The usage figures a simulated generation reports: measured on the worker's clock, never faster than its schedule.
import type { Usage } from '../../../src/models/model-client.js';

/**
 * When a simulated generation started, sent its deltas and ended (performance.now() ms), and when each token
 * was due.
 */
export interface SimTiming {
  /** performance.now() when the request started. */
  start: number;
  /** When the first and the last delta were sent; null when none was. */
  firstAt: number | null;
  lastAt: number | null;
  end: number;
  /** When each sent token was due, in ms after `start` (planSimSchedule). */
  due: readonly number[];
}

/**
 * Time to first token is measured: the engine never sends a token before it is due, so it can only
 * be later than planned, never impossibly early. Decode speed is measured from the first to the
 * last delta, but over at least the span the schedule planned for those tokens: when the worker
 * falls behind (a busy machine, throttled timers), several tokens go out in one tick a millisecond
 * apart, and dividing by that millisecond reported absurd rates such as 33333 tok/s. The schedule
 * is the fastest this engine ever generates, so the floor keeps the figure at or below the
 * configured speed, and a stalled worker still shows as slower.
 */
export function simUsage(promptTokens: number, completionTokens: number, timing: SimTiming): Usage {
  const { start, firstAt, lastAt, end, due } = timing;
  const ttft = (firstAt ?? end) - start;
  const measuredMs = firstAt !== null && lastAt !== null ? lastAt - firstAt : 0;
  const scheduledMs = completionTokens > 1 ? (due[completionTokens - 1] ?? 0) - (due[0] ?? 0) : 0;
  const decodeMs = Math.max(measuredMs, scheduledMs);
  return {
    promptTokens,
    completionTokens,
    timeToFirstTokenMs: Math.round(ttft),
    prefillTokensPerS: ttft > 0 ? round1((promptTokens * 1000) / ttft) : 0,
    decodeTokensPerS:
      completionTokens > 1 && decodeMs > 0 ? round1(((completionTokens - 1) * 1000) / decodeMs) : 0,
    totalMs: Math.round(end - start),
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
