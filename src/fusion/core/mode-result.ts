// What a mode hands back to the orchestrator.
import type { FusionTrace } from '../modes/trace.js';

/** What a mode hands back to runFusion: the fused answer (null when there is none) and its trace. */
export interface ModeResult {
  finalAnswer: string | null;
  trace: FusionTrace;
}
