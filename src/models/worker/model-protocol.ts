// The model worker's typed, versioned methods (called through a WorkerPort) and the load vocabulary.

import type { ClassifiedError } from '../../shared/errors.js';
import type { GenerateParams, GenerationEvent } from '../model-client.js';
import type { SimStyle } from '../list/sim-styles.js';

/** The model worker's protocol version; a worker built with another refuses the hello. */
export const PROTOCOL_VERSION = 3;

/** Which engine a model worker runs. */
export type EngineKind = 'webllm' | 'sim' | 'recorded';

/** The steps of a model load. */
export type LoadPhase = 'fetch' | 'cache' | 'compile' | 'gpu-init' | 'ready';

/** One progress event of a model load: phase, fraction 0..1, bytes, ETA in ms, and a sentence. */
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

/**
 * Options of the simulated engine (times in ms): speed, answer length, failures to inject, writing styles.
 */
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
  /** How every simulated model writes (see sim-styles.ts): reasoning blocks, Markdown, leaked tokens… */
  styles?: SimStyle[];
  /** Per model id: replaces `styles` for that model. */
  modelStyles?: Record<string, SimStyle[]>;
}

/** A recorded answer: the question as it was asked, and the text the model wrote. */
export interface RecordedAnswer {
  question: string;
  text: string;
}

/** Where a recorded model's answers come from: a shipped JSONL recording, or answers sent along. */
export type RecordedSource =
  /** GSM8K's recorded solutions: `column` is the model's key in each row (e.g. "175b_verification"). */
  | { kind: 'gsm8k'; url: string; column: string }
  /** A recording the visitor imported (from a lab run's export). */
  | { kind: 'inline'; answers: readonly RecordedAnswer[] };

/** Options of the recorded engine; see workers/engines/recorded/recorded-engine.ts. */
export interface RecordedOptions {
  source: RecordedSource;
  /** Named in the error when a question is not in the recording. */
  label: string;
  /** Replay speed; 0 streams the whole answer at once (benches, a quick lab run). */
  tokensPerSecond: number;
  timeToFirstTokenMs: number;
}

/** What a model worker loads: one model per worker. */
export interface LoadInput {
  engine: EngineKind;
  modelId: string;
  /** web-llm only: a model record to use instead of the prebuilt list's (tests, custom hosts). */
  modelRecord?: ModelRecordOverride;
  contextWindow?: number;
  sim?: SimOptions;
  /** Required when `engine` is 'recorded'. */
  recorded?: RecordedOptions;
}

/** The model worker's methods, called through a WorkerPort (src/shared/worker-port.ts). */
export type ModelApi = {
  load: { input: LoadInput; event: LoadProgress; result: null };
  /** Streams the answer's deltas; the worker runs one generation at a time (see model.worker.ts). */
  generate: {
    input: GenerateParams;
    event: Extract<GenerationEvent, { type: 'delta' }>;
    result: Extract<GenerationEvent, { type: 'done' }>;
  };
  unload: { input: null; event: never; result: null };
};

/** Outside any call: a failure such as the GPU device lost while the model was idle. */
export interface ModelNotice {
  type: 'error';
  error: ClassifiedError;
}

/**
 * A web-llm ModelRecord as the page keeps it (kept here so the page never imports web-llm). The
 * model list's snapshot copies web-llm's records whole; the worker loads web-llm's own record for
 * any model web-llm lists, so this copy only names the model to it (see workers/engines/webllm-record.ts).
 */
export interface ModelRecordOverride {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  required_features?: string[];
  /** Merged by web-llm over the model's mlc-chat-config.json (context and sliding windows, history…). */
  overrides?: {
    context_window_size?: number;
    sliding_window_size?: number;
    [key: string]: unknown;
  };
  /** mlc-model-manifest.json, relative to `model`, for models that have one (gemma-4). */
  model_manifest?: string;
  /** The maxStorageBufferBindingSize the model's library needs, in bytes, where web-llm names one. */
  buffer_size_required_bytes?: number;
  /** web-llm's ModelType: 0 LLM (or absent), 1 embedding, 2 vision. */
  model_type?: number;
}
