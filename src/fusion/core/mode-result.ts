// What a mode hands back to the orchestrator.
import type { FusionTrace } from '../modes/trace.js';

export interface ModeResult {
  finalAnswer: string | null;
  trace: FusionTrace;
}
