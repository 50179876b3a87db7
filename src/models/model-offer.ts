// What can be put in a pool, a chat, a judge's seat or the arena: a model on this device, on an endpoint, or built into the browser.
import type { ModelClient } from './model-client.js';
import type { EngineKind } from './worker/model-protocol.js';

/** How a model runs: in a model worker (web-llm, simulated), on an endpoint, or built into the browser. */
export type ModelKind = EngineKind | 'remote' | 'builtin';

/** A model that can go in a pool, a chat, a judge's seat or the arena. */
export interface AvailableModel {
  id: string;
  label: string;
  engine: ModelKind;
  simulated: boolean;
  paramsB: number | null;
  /** The planner's GPU-memory estimate; 0 for models that do not run in this page's GPU memory. */
  vramMB: number;
  downloaded: boolean;
  /** Where it runs when not in this page's workers (see ModelClient.source). */
  runsOn?: ModelClient['source'];
}

/** Whether a model needs this page's GPU memory (remote and built-in models do not). */
export function usesPageGpu(model: { engine: ModelKind }): boolean {
  return model.engine !== 'remote' && model.engine !== 'builtin';
}
