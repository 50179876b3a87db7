// The typed, versioned messages between the page and a model worker. Nothing else posts messages.

export const PROTOCOL_VERSION = 2;

export type EngineKind = 'webllm' | 'sim';

/** Every failure that crosses the worker boundary carries one of these kinds. */
export type ErrorKind =
  | 'no-webgpu'
  | 'missing-feature'
  | 'device-lost'
  | 'out-of-memory'
  | 'quota-exceeded'
  | 'network'
  | 'model-lib'
  | 'aborted'
  | 'worker-crashed'
  | 'timeout'
  | 'bad-request'
  | 'unknown';

export interface ClassifiedError {
  kind: ErrorKind;
  /** What the visitor can do about it, in one or two sentences. */
  message: string;
  /** The original error text, for the details disclosure. */
  detail?: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateParams {
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  topP?: number;
  /** Ask for JSON output; the web-llm engine passes it as response_format. */
  json?: { schema?: string };
}

/** Figures measured by the engine; counts are 0 when it stopped before reporting them. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  prefillTokensPerS: number;
  decodeTokensPerS: number;
  totalMs: number;
}

/**
 * 'abort': the page sent `abort` for this request. The worker then answers with `done`
 * (finishReason 'abort', the partial text so far) rather than an error, so nothing is lost;
 * the main-thread client turns it into a ModelError of kind 'aborted' (the ModelClient contract).
 */
export type FinishReason = 'stop' | 'length' | 'abort';

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
