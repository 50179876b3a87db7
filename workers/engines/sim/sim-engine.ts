// The simulated engine: seeded answers streamed on real timers, with injectable failures. Never a real model.
import type {
  LoadInput,
  LoadProgress,
  SimFailure,
  SimOptions,
} from '../../../src/models/worker/model-protocol.js';
import type { GenerateParams } from '../../../src/models/model-client.js';
import { findSimModel, type SimModel } from '../../../src/models/list/sim-models.js';
import type { SimStyle } from '../../../src/models/list/sim-styles.js';
import type { Engine, EngineChunk } from '../engine.js';
import { pacedDeltas, sleep, type PaceRecord } from '../paced-deltas.js';
import { hashString, mulberry32 } from '../prng.js';
import { composeSimReply } from './sim-styles.js';
import { simTokens } from './sim-tokens.js';
import { simUsage } from './sim-usage.js';

/** What the simulated engine needs from its worker. */
export interface SimHooks {
  /** Makes the worker die for real (die-mid-stream); the worker passes `self.close()`. */
  die(): void;
}

/** Several tokens share one timer tick at high speeds, so 250 tok/s needs ~30 timers/s, not 250. */
const MiB = 1024 * 1024;

/** When each token is due, in ms after the request: deterministic for a given random source. */
export function planSimSchedule(
  random: () => number,
  count: number,
  timeToFirstTokenMs: number,
  tokensPerSecond: number,
): number[] {
  const times: number[] = [];
  let at = timeToFirstTokenMs * (0.85 + 0.3 * random());
  const interval = 1000 / tokensPerSecond;
  for (let i = 0; i < count; i++) {
    times.push(at);
    at += interval * (0.8 + 0.4 * random());
  }
  return times;
}

/**
 * The simulated engine: seeded answers of known accuracy streamed on real timers, with failures injected
 * through SimOptions (load failures, device loss, dying mid-stream). Never a real model: the UI labels its
 * output "Simulated". Throws web-llm-shaped errors (ModelNotFoundError, DeviceLostError, …) so the worker
 * classifies them as it does real ones.
 */
export function createSimEngine(hooks: SimHooks): Engine {
  let model: SimModel | null = null;
  let options: SimOptions = {};
  let deviceLost = false;
  let current: AbortController | null = null;

  return {
    async load(request: LoadInput, onProgress: (progress: LoadProgress) => void) {
      const found = findSimModel(request.modelId);
      if (!found)
        throw new Error(`ModelNotFoundError: Cannot find model record for ${request.modelId}`);
      options = forModel(request.sim ?? {}, request.modelId);
      const failure = options.failure;
      await simulateDownload(found, options.downloadMs ?? DEFAULT_DOWNLOAD_MS, onProgress);
      if (failure?.kind === 'fail-load') {
        throw new Error(
          'CompileError: WebAssembly.instantiate(): expected magic word (simulated load failure)',
        );
      }
      if (failure?.kind === 'device-lost' && failure.afterTokens === undefined) {
        throw new Error('DeviceLostError: The WebGPU device was lost while loading (simulated)');
      }
      model = found;
      onProgress(progressAt(found, 'ready', 1, 'Simulated model ready'));
    },

    async *generate(params: GenerateParams): AsyncGenerator<EngineChunk> {
      if (!model) throw new Error('ModelNotLoadedError: the simulated model is not loaded');
      if (deviceLost) throw new Error('DeviceLostError: Device was lost (simulated)');
      const controller = new AbortController();
      current = controller;
      try {
        yield* stream(model, options, params, controller.signal, hooks, () => {
          deviceLost = true;
        });
      } finally {
        if (current === controller) current = null;
      }
    },

    abort() {
      current?.abort();
    },

    async unload() {
      current?.abort();
      model = null;
    },
  };
}

/** A pretend download short enough for tests and demos; `downloadMs` slows it down. */
const DEFAULT_DOWNLOAD_MS = 125;

async function simulateDownload(
  model: SimModel,
  durationMs: number,
  onProgress: (progress: LoadProgress) => void,
) {
  // Four fetch steps and the GPU set-up, or a step every 250 ms for a slow download.
  const steps = Math.max(4, Math.round(durationMs / 250));
  const stepMs = durationMs / (steps + 1);
  for (let step = 1; step <= steps; step++) {
    await sleep(stepMs);
    const fraction = step / steps;
    onProgress(
      // No step count: the studio already says "Simulated download 1 of 3" for the models.
      progressAt(model, 'fetch', fraction, 'Simulated download', durationMs),
    );
  }
  await sleep(stepMs);
  onProgress(progressAt(model, 'gpu-init', 1, 'Simulated GPU set-up'));
}

function progressAt(
  model: SimModel,
  phase: LoadProgress['phase'],
  fraction: number,
  text: string,
  durationMs = 0,
) {
  const totalBytes = model.downloadMB * MiB;
  return {
    phase,
    fraction,
    loadedBytes: Math.round(totalBytes * fraction),
    totalBytes,
    etaMs: phase === 'fetch' ? Math.round((1 - fraction) * durationMs) : 0,
    text,
  };
}

async function* stream(
  model: SimModel,
  options: SimOptions,
  params: GenerateParams,
  signal: AbortSignal,
  hooks: SimHooks,
  markDeviceLost: () => void,
): AsyncGenerator<EngineChunk> {
  const seed = params.seed ?? options.seed ?? 0;
  const key = JSON.stringify([
    model.id,
    params.messages,
    params.json ?? null,
    params.temperature ?? null,
  ]);
  const random = mulberry32(hashString(key, seed));
  const reply = composeSimReply({
    messages: params.messages,
    json: params.json,
    accuracy: model.accuracy,
    random,
    styles: withThinking(model, options.modelStyles?.[model.id] ?? options.styles ?? [], params),
    ...(options.answerTokens !== undefined ? { answerTokens: options.answerTokens } : {}),
  });
  const all = simTokens(reply.text);
  const tokens = params.maxTokens !== undefined ? all.slice(0, params.maxTokens) : all;
  const ttft = options.timeToFirstTokenMs ?? model.timeToFirstTokenMs;
  const speed = options.tokensPerSecond ?? model.tokensPerSecond;
  const due = planSimSchedule(random, tokens.length, ttft, speed);

  const failAt = failurePoint(options.failure);
  const limit = failAt === null ? tokens.length : Math.min(tokens.length, failAt);

  const pace: PaceRecord = { start: performance.now(), firstAt: null, lastAt: null, emitted: 0 };
  yield* pacedDeltas(tokens, due, limit, signal, pace);
  if (options.failure && !signal.aborted && pace.emitted === failAt) {
    await fail(options.failure, signal, hooks, markDeviceLost);
  }
  const end = performance.now();
  const finishReason = signal.aborted
    ? 'abort'
    : tokens.length < all.length || reply.truncated
      ? 'length'
      : 'stop';
  const promptTokens = params.messages.reduce(
    (sum, message) => sum + simTokens(message.content).length,
    0,
  );
  const usage = simUsage(promptTokens, pace.emitted, { ...pace, end, due });
  yield { type: 'end', finishReason, usage };
}

/**
 * A switchable thinker (like Qwen3) reasons unless asked not to, and then writes an empty block, as
 * web-llm makes Qwen3 do; other simulated models ignore the switch.
 */
function withThinking(
  model: SimModel,
  styles: readonly SimStyle[],
  params: GenerateParams,
): SimStyle[] {
  if (model.thinking !== 'switchable') return [...styles];
  const rest = styles.filter((style) => style !== 'think' && style !== 'think-empty');
  return [...rest, params.thinking === false ? 'think-empty' : 'think'];
}

/** The options without a failure aimed at another model. */
function forModel(options: SimOptions, modelId: string): SimOptions {
  const aim = options.failure?.modelId;
  if (aim === undefined || aim === modelId) return options;
  const spared = { ...options };
  delete spared.failure;
  return spared;
}

/** After how many tokens a generation fails; null when it does not (a failure past the answer's end never fires). */
function failurePoint(failure: SimFailure | undefined): number | null {
  if (!failure || failure.kind === 'fail-load') return null;
  // A device loss without a token count happens at load instead.
  if (failure.kind === 'device-lost' && failure.afterTokens === undefined) return null;
  return failure.afterTokens ?? 0;
}

async function fail(
  failure: SimFailure,
  signal: AbortSignal,
  hooks: SimHooks,
  markDeviceLost: () => void,
): Promise<void> {
  switch (failure.kind) {
    case 'die-mid-stream':
      hooks.die();
      // The worker is closing: nothing after this may reach the page.
      await new Promise<never>(() => {});
      return;
    case 'device-lost':
      markDeviceLost();
      throw new Error('DeviceLostError: Device was lost during generation (simulated)');
    case 'hang':
      // Never answers again unless stopped: the client's inactivity timeout must notice.
      await sleep(Infinity, signal);
      return;
    case 'fail-load':
      return;
  }
}
