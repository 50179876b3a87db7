// One paced token loop for the engines that replay text (simulated and recorded): tokens at their due times, batched per tick.
import type { EngineChunk } from './engine.js';

/** The shortest gap between two deltas, in ms: tokens due sooner are sent together, as a real runtime batches them. */
export const MIN_TICK_MS = 30;

/** What a paced stream measured, read after it ends: times in `performance.now()` ms, `emitted` in tokens. */
export interface PaceRecord {
  start: number;
  firstAt: number | null;
  lastAt: number | null;
  emitted: number;
}

/**
 * Yields `tokens[0..limit)` as deltas, each token no earlier than `start + due[i]` ms and ticks at
 * least MIN_TICK_MS apart, filling `record` as it goes. Stops (without throwing) when `signal` aborts.
 * `paced: false` sends every token at once without waiting (a replay at speed 0).
 */
export async function* pacedDeltas(
  tokens: readonly string[],
  due: readonly number[],
  limit: number,
  signal: AbortSignal,
  record: PaceRecord,
  paced = true,
): AsyncGenerator<EngineChunk> {
  const { start } = record;
  let lastTick = start - MIN_TICK_MS;
  while (record.emitted < limit) {
    if (paced) {
      const now = performance.now();
      await sleep(
        Math.max(start + (due[record.emitted] ?? 0) - now, lastTick + MIN_TICK_MS - now, 0),
        signal,
      );
    }
    if (signal.aborted) break;
    lastTick = performance.now();
    let delta = '';
    do {
      delta += tokens[record.emitted] ?? '';
      record.emitted++;
    } while (record.emitted < limit && start + (due[record.emitted] ?? 0) <= lastTick);
    record.firstAt ??= lastTick;
    record.lastAt = lastTick;
    yield { type: 'delta', text: delta };
  }
}

/** Resolves after `ms` (never, for Infinity, unless aborted), or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
