// The real engine: web-llm's MLCEngine with the Cache API backend. Only model.worker.ts imports this file, lazily.
import { MLCEngine, hasModelInCache, type AppConfig, type MLCEngineConfig } from '@mlc-ai/web-llm';
import type { ClassifiedError } from '../../src/shared/errors.js';
import type { LoadInput, LoadProgress } from '../../src/models/worker/model-protocol.js';
import type { GenerateParams, Usage } from '../../src/models/model-client.js';
import type { Engine, EngineChunk } from './engine.js';
import { watchDeviceLoss, type AdapterClass } from './device-loss.js';
import { progressFromReport } from './webllm-progress.js';
import { appConfigFor, chatOptionsFor, recordIn } from './webllm-record.js';
import { chatRequestOf, finishOf, usageOf } from './webllm-request.js';
import { thinkingOf } from '../../src/models/list/thinking.js';

/** The part of web-llm's MLCEngine this engine drives (tests pass a stand-in). */
export type MlcEngineLike = Pick<MLCEngine, 'reload' | 'unload' | 'interruptGenerate' | 'chat'>;

/** What the web-llm engine needs from its worker, and the stand-ins tests give it. */
export interface WebLlmEngineOptions {
  /** The GPU was lost while no load or generation ran: the page is told outside any call. */
  onIdleLoss: (loss: ClassifiedError) => void;
  /** Tests: a stand-in for web-llm's engine, for GPUAdapter, and for web-llm's hasModelInCache. */
  createEngine?: (config: MLCEngineConfig) => MlcEngineLike;
  adapterClass?: AdapterClass;
  isCached?: (modelId: string, appConfig: AppConfig) => Promise<boolean>;
}

/**
 * The real engine: web-llm's MLCEngine with the Cache API backend, one model at a time. A GPU lost during a
 * load or generation ends that call with the loss ('device-lost' or 'out-of-memory'); one lost while idle is
 * reported through `onIdleLoss`. Other failures are web-llm's own errors, classified by the worker.
 */
export function createWebLlmEngine(options: WebLlmEngineOptions): Engine {
  const createEngine = options.createEngine ?? ((config) => new MLCEngine(config));
  const isCached = options.isCached ?? hasModelInCache;
  // A GPU loss during a call ends that call with the loss (device-lost or out-of-memory), so the
  // page's retry and memory budget see it; between calls it is reported on its own.
  const loss = watchDeviceLoss(options.adapterClass);
  let calls = 0;
  loss.onLoss((lost) => {
    if (calls === 0) options.onIdleLoss(lost);
  });
  let engine: MlcEngineLike | null = null;
  let modelId: string | null = null;

  return {
    async load(request: LoadInput, onProgress: (progress: LoadProgress) => void) {
      calls += 1;
      try {
        await loadModel(request, onProgress);
      } finally {
        calls -= 1;
      }
    },

    async *generate(params: GenerateParams): AsyncGenerator<EngineChunk> {
      calls += 1;
      try {
        yield* generateAnswer(params);
      } finally {
        calls -= 1;
      }
    },

    abort() {
      void engine?.interruptGenerate();
    },

    async unload() {
      loss.unloading();
      await engine?.unload();
      engine = null;
      modelId = null;
    },
  };

  async function loadModel(request: LoadInput, onProgress: (progress: LoadProgress) => void) {
    const appConfig = appConfigFor(request.modelRecord);
    // Said once, before web-llm's first report: "reading from the cache" is not "fetching".
    const cached = await isCached(request.modelId, appConfig).catch(() => false);
    const created = createEngine({
      appConfig,
      logLevel: 'WARN',
      initProgressCallback: (report) => onProgress(progressFromReport(report, cached)),
    });
    engine = created;
    // web-llm instantiates the model lib before it reports anything: say so.
    onProgress({
      phase: 'compile',
      fraction: 0,
      loadedBytes: 0,
      totalBytes: 0,
      etaMs: null,
      text: 'Preparing the model library',
    });
    const record = recordIn(appConfig, request.modelId);
    const chatOptions = record ? chatOptionsFor(record, request.contextWindow) : undefined;
    await loss.during(() => created.reload(request.modelId, chatOptions));
    modelId = request.modelId;
  }

  async function* generateAnswer(params: GenerateParams): AsyncGenerator<EngineChunk> {
    const running = engine;
    if (!running || !modelId) throw new Error('ModelNotLoadedError: no model is loaded');
    // web-llm does not check the model: "off" would put an empty block before any model's answer.
    const thinking =
      params.thinking !== undefined && thinkingOf(modelId) === 'switchable'
        ? { extra_body: { enable_thinking: params.thinking } }
        : {};
    const request = { ...chatRequestOf(params), ...thinking };
    const chunks = await loss.during(() => running.chat.completions.create(request));
    const iterator = chunks[Symbol.asyncIterator]();
    let finishReason = finishOf('stop');
    let usage: Usage | undefined;
    for (;;) {
      const step = await loss.during(() => iterator.next());
      if (step.done) break;
      const choice = step.value.choices[0];
      const text = choice?.delta.content;
      if (text) yield { type: 'delta', text };
      if (choice?.finish_reason) finishReason = finishOf(choice.finish_reason);
      if (step.value.usage) usage = usageOf(step.value.usage);
    }
    yield usage ? { type: 'end', finishReason, usage } : { type: 'end', finishReason };
  }
}
