// The interface every engine (web-llm, simulated, recorded) implements inside a model worker.
import type { LoadInput, LoadProgress } from '../../src/models/worker/model-protocol.js';
import type {
  FinishReason,
  GenerateParams,
  GenerationEvent,
  Usage,
} from '../../src/models/model-client.js';

/** What an engine's generation yields: deltas, then exactly one 'end'. */
export type EngineChunk =
  /** Sent to the page as it is: the same shape as the stream's delta. */
  | Extract<GenerationEvent, { type: 'delta' }>
  /** Last chunk. `usage` is absent when the engine could not report it; the worker measures then. */
  | { type: 'end'; finishReason: FinishReason; usage?: Usage };

/**
 * The interface every engine (web-llm, simulated, recorded) implements inside a model worker: one model at a
 * time. Failures are thrown as the engine's own errors; the worker classifies them.
 */
export interface Engine {
  /** Loads one model; rejects with the engine's own error (the worker classifies it). */
  load(request: LoadInput, onProgress: (progress: LoadProgress) => void): Promise<void>;
  /** Streams one generation; ends with exactly one 'end' chunk unless it throws. */
  generate(params: GenerateParams): AsyncIterable<EngineChunk>;
  /** Stops the running generation, which then ends with finishReason 'abort'. */
  abort(): void;
  unload(): Promise<void>;
}
