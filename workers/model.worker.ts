// One model per worker: serves load, generate and unload, picking the web-llm, simulated or recorded engine.
import { classified } from '../src/shared/errors.js';
import {
  PROTOCOL_VERSION,
  type EngineKind,
  type LoadInput,
  type ModelApi,
  type ModelNotice,
} from '../src/models/worker/model-protocol.js';
import type { GenerateParams, GenerationEvent, Usage } from '../src/models/model-client.js';
import type { Engine } from './engines/engine.js';
import { createSimEngine } from './engines/sim/sim-engine.js';
import { createRecordedEngine } from './engines/recorded/recorded-engine.js';
import { serve, workerScope, type Call } from './serve.js';

type Done = Extract<GenerationEvent, { type: 'done' }>;

let loaded: { engine: Engine; kind: EngineKind } | null = null;
/**
 * The one place requests to a model are serialised: the engine serves one generation at a time
 * (and web-llm's interruptGenerate stops whatever runs), and only the worker knows for certain when
 * it is free — a page that stopped waiting (a stop, a timeout) may ask again before the engine has
 * ended. So a generation waits here for the one before it. The page does not queue (its transport
 * is a transport); the fusion's stages order a member's tasks for their own timing, not for this.
 */
let turn: Promise<unknown> = Promise.resolve();

const port = serve<ModelApi, ModelNotice>({
  name: 'model',
  version: PROTOCOL_VERSION,
  methods: {
    load,
    generate: (params, call) => {
      const mine = turn.then(() => generate(params, call));
      turn = mine.catch(() => undefined);
      return mine;
    },
    unload: async () => {
      await loaded?.engine.unload();
      loaded = null;
      return null;
    },
  },
});

async function load(request: LoadInput, call: Call<ModelApi['load']['event']>): Promise<null> {
  if (loaded) {
    const advice = 'This worker already holds a model; each model gets its own worker.';
    throw classified('bad-request', undefined, advice);
  }
  const engine = await engineFor(request.engine);
  await engine.load(request, call.emit);
  loaded = { engine, kind: request.engine };
  return null;
}

async function generate(
  params: GenerateParams,
  call: Call<ModelApi['generate']['event']>,
): Promise<Done> {
  if (!loaded) throw classified('bad-request', undefined, 'Load the model before asking it.');
  const { engine } = loaded;
  const start = performance.now();
  let firstAt: number | null = null;
  let deltas = 0;
  // Stopped before its turn came: the page has moved on already.
  call.signal.throwIfAborted();
  const abort = () => engine.abort();
  call.signal.addEventListener('abort', abort, { once: true });
  try {
    for await (const chunk of engine.generate(params)) {
      if (chunk.type === 'delta') {
        firstAt ??= performance.now();
        deltas++;
        call.emit(chunk);
      } else {
        const usage = chunk.usage ?? fallbackUsage(start, firstAt, deltas);
        return { type: 'done', usage, finishReason: chunk.finishReason };
      }
    }
    throw classified('unknown', 'the engine ended without a final chunk');
  } finally {
    call.signal.removeEventListener('abort', abort);
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
  switch (kind) {
    case 'sim':
      // die-mid-stream really ends the worker, so the page's crash handling is exercised.
      return createSimEngine({ die: () => workerScope.close() });
    case 'recorded':
      return createRecordedEngine();
    case 'webllm': {
      // Loaded lazily so the simulated path never fetches or parses web-llm.
      const { createWebLlmEngine } = await import('./engines/webllm-engine.js');
      return createWebLlmEngine({ onIdleLoss: (error) => port.notify({ type: 'error', error }) });
    }
  }
}
