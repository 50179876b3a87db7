// Narrows a fusion run's trace to one mode's, failing the test when the run left another mode's or none.
import { expect } from 'vitest';
import type { FusionMode, FusionTrace } from '../../../src/fusion/modes/trace.js';

/** The trace of `mode` that `result` (a FusionResult or a stored run) holds. */
export function traceOf<M extends FusionMode>(
  result: { trace: FusionTrace | null },
  mode: M,
): Extract<FusionTrace, { mode: M }> {
  expect(result.trace?.mode).toBe(mode);
  return result.trace as Extract<FusionTrace, { mode: M }>;
}
