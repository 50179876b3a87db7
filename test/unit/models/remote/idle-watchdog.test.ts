// The inactivity limit: it fires once after the given silence, and every arm() restarts the count.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatchdog } from '../../../../src/models/remote/idle-watchdog.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('IdleWatchdog', () => {
  it('fires after the silence, not while bytes keep arriving', () => {
    const onIdle = vi.fn();
    const watchdog = new IdleWatchdog(1000, onIdle);
    watchdog.arm();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(900);
      watchdog.arm();
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(watchdog.fired).toBe(true);
  });

  it('never fires once stopped', () => {
    const onIdle = vi.fn();
    const watchdog = new IdleWatchdog(1000, onIdle);
    watchdog.arm();
    watchdog.stop();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
