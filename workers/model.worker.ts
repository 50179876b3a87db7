// One model per worker: the message loop of the worker protocol, picking the web-llm or the simulated engine.
import { holdAliveLock } from '../src/shared/alive-lock.js';
import { classified, classifyError } from '../src/shared/errors.js';
import {
  PROTOCOL_VERSION,
  type EngineKind,
  type FromWorker,
  type ToWorker,
} from '../src/models/worker/model-protocol.js';
import { type GenerateParams, type Usage } from '../src/models/model-client.js';
import type { Engine, LoadRequest } from './engines/engine.js';
import { createSimEngine } from './engines/sim/sim-engine.js';

declare const self: DedicatedWorkerGlobalScope;

let loaded: { engine: Engine; kind: EngineKind } | null = null;
let running: string | null = null;

function post(message: FromWorker): void {
  self.postMessage(message);
}

function fail(requestId: string | null, error: unknown): void {
  post({ type: 'error', requestId, error: classifyError(error) });
}

// Held until this worker ends, however it ends: the page then fails its requests at once.
void holdAliveLock(self.name, () => post({ type: 'alive' }));

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const requestId = 'requestId' in message ? message.requestId : null;
  handle(message).catch((error: unknown) => fail(requestId, error));
};

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'ping':
      post({ type: 'pong', seq: message.seq });
      return;
    case 'load':
      return load(message);
    case 'generate':
      return generate(message.requestId, message.params);
    case 'abort':
      // Only this worker's own generation, and only if it is still the one running.
      if (running === message.requestId) loaded?.engine.abort();
      return;
    case 'unload':
      await loaded?.engine.unload();
      loaded = null;
      post({ type: 'unloaded', requestId: message.requestId });
      return;
    case 'cache-status': {
      const engine = await engineFor(message.engine ?? 'webllm');
      const cached = await engine.isCached(message.modelId, message.modelRecord);
      post({ type: 'cache-status', requestId: message.requestId, cached });
      return;
    }
    case 'cache-delete': {
      const engine = await engineFor(message.engine ?? 'webllm');
      await engine.deleteFromCache(message.modelId, message.modelRecord);
      post({ type: 'cache-deleted', requestId: message.requestId });
      return;
    }
    default:
      return unknownMessage(message);
  }
}

async function load(request: LoadRequest): Promise<void> {
  if (request.v !== PROTOCOL_VERSION) {
    const detail = `page protocol v${String(request.v)}, worker v${PROTOCOL_VERSION}`;
    const advice = 'The page and the model worker are from different versions. Reload the page.';
    return fail(request.requestId, classified('bad-request', detail, advice));
  }
  if (loaded) {
    const advice = 'This worker already holds a model; each model gets its own worker.';
    return fail(request.requestId, classified('bad-request', undefined, advice));
  }
  const engine = await engineFor(request.engine);
  await engine.load(request, (progress) =>
    post({ type: 'load-progress', requestId: request.requestId, progress }),
  );
  loaded = { engine, kind: request.engine };
  post({
    type: 'loaded',
    requestId: request.requestId,
    modelId: request.modelId,
    engine: request.engine,
  });
}

async function generate(requestId: string, params: GenerateParams): Promise<void> {
  if (!loaded) {
    return fail(
      requestId,
      classified('bad-request', undefined, 'Load the model before asking it.'),
    );
  }
  if (running) {
    const advice =
      'This model is still answering another request: stop it or wait for it to finish.';
    return fail(requestId, classified('bad-request', `busy with ${running}`, advice));
  }
  running = requestId;
  const start = performance.now();
  let firstAt: number | null = null;
  let text = '';
  let deltas = 0;
  try {
    for await (const chunk of loaded.engine.generate(params)) {
      if (chunk.type === 'delta') {
        firstAt ??= performance.now();
        text += chunk.text;
        deltas++;
        post({ type: 'delta', requestId, text: chunk.text });
      } else {
        const usage = chunk.usage ?? fallbackUsage(start, firstAt, deltas);
        post({ type: 'done', requestId, text, usage, finishReason: chunk.finishReason });
      }
    }
  } finally {
    running = null;
  }
}

/** When the engine reports no usage (e.g. stopped early): what the worker measured itself; counts unknown are 0. */
function fallbackUsage(start: number, firstAt: number | null, deltas: number): Usage {
  const end = performance.now();
  return {
    promptTokens: 0,
    completionTokens: deltas,
    timeToFirstTokenMs: Math.round((firstAt ?? end) - start),
    prefillTokensPerS: 0,
    decodeTokensPerS: 0,
    totalMs: Math.round(end - start),
  };
}

async function engineFor(kind: EngineKind): Promise<Engine> {
  if (loaded?.kind === kind) return loaded.engine;
  switch (kind) {
    case 'sim':
      // die-mid-stream really ends the worker, so the page's crash handling is exercised.
      return createSimEngine({ die: () => self.close() });
    case 'webllm': {
      // Loaded lazily so the simulated path never fetches or parses web-llm.
      const [{ createWebLlmEngine }, { watchDeviceLoss }] = await Promise.all([
        import('./engines/webllm-engine.js'),
        import('./engines/device-loss.js'),
      ]);
      watchDeviceLossOnce(watchDeviceLoss);
      return createWebLlmEngine();
    }
  }
}

let watching = false;
function watchDeviceLossOnce(watch: (onLost: (message: string) => void) => () => void): void {
  if (watching) return;
  watching = true;
  watch((message) => fail(null, message));
}

function unknownMessage(message: never): void {
  const type = (message as { type?: unknown }).type;
  fail(null, classified('bad-request', `unknown message type ${String(type)}`));
}
