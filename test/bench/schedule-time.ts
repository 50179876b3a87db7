// The time a fusion run's schedule itself needs: per phase, the busiest model's own generation time.
import type { FusionEvent } from '../../src/fusion/core/events.js';

export type TimedEvent = FusionEvent;

/**
 * Phases are barriers (the next starts when the last call of the previous ends); within a phase a
 * model serves one request at a time and members run in parallel. So members need, per phase, the
 * largest sum of one model's engine-reported generation times (usage.totalMs), summed over phases.
 * Judge calls run one after another (best-of may pick a different judge per pair): they add up.
 */
export function scheduleMs(events: readonly TimedEvent[]): number {
  let total = 0;
  let busy = new Map<string, number>();
  const closePhase = () => {
    total += Math.max(0, ...busy.values());
    busy = new Map();
  };
  for (const event of events) {
    switch (event.type) {
      case 'phase':
        closePhase();
        break;
      case 'member-done':
        busy.set(event.memberId, (busy.get(event.memberId) ?? 0) + event.usage.totalMs);
        break;
      case 'judge-done':
        total += event.usage.totalMs;
        break;
      default:
        break;
    }
  }
  closePhase();
  return total;
}
