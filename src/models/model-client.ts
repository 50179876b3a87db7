// The abstract streaming model the fusion core talks to: a worker-backed model or a scripted test double.
import { ClassifiedFailure, type ClassifiedError } from '../shared/errors.js';

/** One turn of a conversation, as every engine takes it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * One generation request: the conversation and sampling settings (temperature 0..2, maxTokens in tokens, an
 * integer seed, topP 0..1); unset fields take the engine's defaults.
 */
export interface GenerateParams {
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  topP?: number;
  /** Ask for JSON output; the web-llm engine passes it as response_format. */
  json?: { schema?: string };
  /**
   * Reasoning on or off, for models whose thinking is switchable (thinkingOf: Qwen3); ignored by
   * others. Unset: the model's own default (on). web-llm passes it as `extra_body.enable_thinking`.
   */
  thinking?: boolean;
}

/** Figures measured by the engine; counts are 0 when it stopped before reporting them. */
export interface Usage {
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  prefillTokensPerS: number;
  decodeTokensPerS: number;
  totalMs: number;
  /**
   * True when the counts are the page's estimate, not the engine's (a remote server that reports
   * no usage: completion tokens are the chunks received, prompt tokens a length estimate).
   */
  estimated?: boolean;
}

/**
 * 'abort': the generation was stopped. A caller never sees it: stopping (its signal) fails the
 * stream at once with a ModelError of kind 'aborted' (the ModelClient contract).
 */
export type FinishReason = 'stop' | 'length' | 'abort';

/** What a generation streams: text deltas as they come, then one 'done' with usage and why it ended. */
export type GenerationEvent =
  | { type: 'delta'; text: string }
  /** The end; the text is the deltas joined (the caller that needs it keeps it). */
  | { type: 'done'; usage: Usage; finishReason: FinishReason };

/**
 * The streaming model the fusion core, chat and lab talk to, whatever runs it (a worker with web-llm, the
 * simulated or recorded engine, a remote endpoint, Chrome's built-in model, or a scripted test double). Its
 * calls reject with a ClassifiedFailure.
 */
export interface ModelClient {
  /** Stable id within a pool, e.g. the model id plus an index when a model appears twice. */
  readonly id: string;
  readonly label: string;
  /** True for the simulated engine: the UI must say "Simulated". */
  readonly simulated: boolean;
  /** Parameters in billions when known; "strongest" defaults to the largest. */
  readonly paramsB: number | null;
  /** Whether the engine honours GenerateParams.json (constrained JSON output). */
  readonly supportsJson: boolean;
  /**
   * Loads the model ahead of a call (clients that load lazily): a caller that times a call's
   * silence loads first, so loading never counts as silence. Throws a ModelError on failure.
   */
  load?(onProgress?: undefined, signal?: AbortSignal): Promise<void>;
  /**
   * Where the model runs when not in this page's workers: on a visitor-added endpoint (its name
   * labels every answer) or as the browser's built-in model. Absent: on this device.
   */
  readonly source?: { kind: 'endpoint'; name: string } | { kind: 'browser' };
  /**
   * False when its sampling cannot be set (temperature, seed), so repeated samples are not
   * independent draws: vote asks it once. Absent: true.
   */
  readonly independentSamples?: boolean;
  /** Yields deltas, then one done event; throws a ModelError on failure or abort. */
  stream(params: GenerateParams, signal?: AbortSignal): AsyncIterable<GenerationEvent>;
}

/** An error thrown by a ModelClient, carrying its classification. */
export class ModelError extends ClassifiedFailure {
  constructor(error: ClassifiedError) {
    super(error);
    this.name = 'ModelError';
  }
}
