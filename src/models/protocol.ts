// The typed, versioned messages between the page and a model worker. Nothing else posts messages.

export const PROTOCOL_VERSION = 1;

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

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  prefillTokensPerS: number;
  decodeTokensPerS: number;
  totalMs: number;
}

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
}

export interface SimOptions {
  seed?: number;
  /** Overrides of the named model's speed. */
  timeToFirstTokenMs?: number;
  tokensPerSecond?: number;
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
  | { type: 'generate'; requestId: string; params: GenerateParams }
  | { type: 'abort'; requestId: string }
  | { type: 'unload'; requestId: string }
  | { type: 'cache-status'; requestId: string; modelId: string; modelRecord?: ModelRecordOverride }
  | { type: 'cache-delete'; requestId: string; modelId: string; modelRecord?: ModelRecordOverride };

export type FromWorker =
  | { type: 'load-progress'; requestId: string; progress: LoadProgress }
  | { type: 'loaded'; requestId: string; modelId: string; engine: EngineKind }
  | { type: 'delta'; requestId: string; text: string }
  | { type: 'done'; requestId: string; text: string; usage: Usage; finishReason: FinishReason }
  | { type: 'unloaded'; requestId: string }
  | { type: 'cache-status'; requestId: string; cached: boolean }
  | { type: 'cache-deleted'; requestId: string }
  | { type: 'error'; requestId: string | null; error: ClassifiedError };

/** The fields of a web-llm ModelRecord Quorum relies on (kept here so the page never imports web-llm). */
export interface ModelRecordOverride {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  required_features?: string[];
  overrides?: { context_window_size?: number };
}
