// The typed, versioned messages between the page and a model worker. Nothing else posts messages.

import type { ClassifiedError } from '../../shared/errors.js';
import type { FinishReason, GenerateParams, Usage } from '../model-client.js';

export const PROTOCOL_VERSION = 2;

export type EngineKind = 'webllm' | 'sim';

export type LoadPhase = 'fetch' | 'cache' | 'compile' | 'gpu-init' | 'ready';

export interface LoadProgress {
  phase: LoadPhase;
  /** 0..1 */
  fraction: number;
  loadedBytes: number;
  totalBytes: number;
  etaMs: number | null;
  text: string;
}

/** Options of the simulated engine; see workers/engines/sim-engine.ts. */
export interface SimFailure {
  kind: 'fail-load' | 'die-mid-stream' | 'device-lost' | 'hang';
  /** For mid-stream failures: after how many tokens. */
  afterTokens?: number;
  /** Only this model fails; every other simulated model runs normally. */
  modelId?: string;
}

export interface SimOptions {
  seed?: number;
  /** Overrides of the named model's speed. */
  timeToFirstTokenMs?: number;
  tokensPerSecond?: number;
  /** Length in tokens of a free-text answer (not of checkable or JSON answers); still capped by maxTokens. */
  answerTokens?: number;
  /** How long the pretend download lasts, in ms (a slow one shows progress and can be cancelled). */
  downloadMs?: number;
  failure?: SimFailure;
}

export type ToWorker =
  | {
      type: 'load';
      v: typeof PROTOCOL_VERSION;
      requestId: string;
      engine: EngineKind;
      modelId: string;
      /** web-llm only: a model record to use instead of the prebuilt list's (tests, custom hosts). */
      modelRecord?: ModelRecordOverride;
      contextWindow?: number;
      sim?: SimOptions;
    }
  /**
   * One generation at a time per worker: a second `generate` while one runs is answered with a
   * 'bad-request' error (the client queues its own requests, so this only guards the boundary).
   */
  | { type: 'generate'; requestId: string; params: GenerateParams }
  /** Stops this worker's generation only; ignored when `requestId` is no longer running. */
  | { type: 'abort'; requestId: string }
  | { type: 'unload'; requestId: string }
  /** Cache messages default to the web-llm engine's caches; they need no loaded model. */
  | {
      type: 'cache-status';
      requestId: string;
      modelId: string;
      modelRecord?: ModelRecordOverride;
      engine?: EngineKind;
    }
  | {
      type: 'cache-delete';
      requestId: string;
      modelId: string;
      modelRecord?: ModelRecordOverride;
      engine?: EngineKind;
    }
  /** Heartbeat: the client pings while requests are pending; a worker that stops answering is dead. */
  | { type: 'ping'; seq: number };

export type FromWorker =
  | { type: 'load-progress'; requestId: string; progress: LoadProgress }
  | { type: 'loaded'; requestId: string; modelId: string; engine: EngineKind }
  | { type: 'delta'; requestId: string; text: string }
  | { type: 'done'; requestId: string; text: string; usage: Usage; finishReason: FinishReason }
  | { type: 'unloaded'; requestId: string }
  | { type: 'cache-status'; requestId: string; cached: boolean }
  | { type: 'cache-deleted'; requestId: string }
  /** requestId null: not tied to a request (e.g. the device was lost while idle). */
  | { type: 'error'; requestId: string | null; error: ClassifiedError }
  | { type: 'pong'; seq: number }
  /** The worker holds its life lock (see alive-lock.ts): the page may watch it from now on. */
  | { type: 'alive' };

/** The fields of a web-llm ModelRecord Quorum relies on (kept here so the page never imports web-llm). */
export interface ModelRecordOverride {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  required_features?: string[];
  overrides?: { context_window_size?: number };
  /** mlc-model-manifest.json, relative to `model`, for models that have one (gemma-4). */
  model_manifest?: string;
}
