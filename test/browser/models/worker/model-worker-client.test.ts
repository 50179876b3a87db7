// The model worker's transport in real Chromium with simulated and web-llm workers: streams, aborts, crashes, silence.
import { describe, expect, it, vi } from 'vitest';
import {
  ModelError,
  type GenerationEvent,
  type GenerateParams,
} from '../../../../src/models/model-client.js';
import {
  ModelWorkerClient,
  type ModelWorkerClientOptions,
} from '../../../../src/models/worker/model-worker-client.js';
import type { SimOptions } from '../../../../src/models/worker/model-protocol.js';

const STORY: GenerateParams = {
  messages: [{ role: 'user', content: 'Tell me a long story about mountains, rivers and forests' }],
  seed: 1,
};

function simClient(
  modelId: string,
  sim: SimOptions,
  extra: Partial<ModelWorkerClientOptions> = {},
) {
  return new ModelWorkerClient({
    engine: 'sim',
    modelId,
    label: modelId,
    sim,
    ...extra,
  });
}

async function drain(
  stream: AsyncIterable<GenerationEvent>,
  onEvent: (event: GenerationEvent) => void = () => {},
) {
  const events: GenerationEvent[] = [];
  for await (const event of stream) {
    events.push(event);
    onEvent(event);
  }
  return events;
}

async function failureOf(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('ModelWorkerClient with simulated workers', () => {
  it('streams from two workers at the same time, their deltas interleaved', async () => {
    const a = simClient('sim-swift-0.5B', { timeToFirstTokenMs: 20, tokensPerSecond: 40 });
    const b = simClient('sim-steady-1.5B', { timeToFirstTokenMs: 20, tokensPerSecond: 40 });
    await Promise.all([a.load(), b.load()]);
    const order: string[] = [];
    const [eventsA, eventsB] = await Promise.all([
      drain(a.generate(STORY), (event) => event.type === 'delta' && order.push('a')),
      drain(b.generate(STORY), (event) => event.type === 'delta' && order.push('b')),
    ]);
    expect(eventsA.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
    expect(eventsB.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
    const switches = order.filter((tag, i) => i > 0 && tag !== order[i - 1]).length;
    expect(switches).toBeGreaterThanOrEqual(4);
    await Promise.all([a.unload(), b.unload()]);
  });

  it('aborting one stream stops only that worker; the other finishes', async () => {
    const a = simClient('sim-swift-0.5B', { timeToFirstTokenMs: 20, tokensPerSecond: 40 });
    const b = simClient('sim-steady-1.5B', { timeToFirstTokenMs: 20, tokensPerSecond: 40 });
    await Promise.all([a.load(), b.load()]);
    const controller = new AbortController();
    let deltasA = 0;
    const runA = drain(a.generate(STORY, controller.signal), () => {
      if (++deltasA === 2) controller.abort();
    });
    const runB = drain(b.generate(STORY));
    const error = await failureOf(runA);
    expect(error.kind).toBe('aborted');
    const eventsB = await runB;
    expect(eventsB.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
    // The aborted worker is still usable afterwards.
    const again = await drain(a.generate({ ...STORY, maxTokens: 3 }));
    expect(again.at(-1)).toMatchObject({ type: 'done', finishReason: 'length' });
    await Promise.all([a.unload(), b.unload()]);
  });

  it('a worker that ends is noticed through its life lock, long before the heartbeat would', async () => {
    // The heartbeat alone would take a minute: only the lock can end this test in time.
    const dying = simClient(
      'sim-tiny-360M',
      {
        timeToFirstTokenMs: 10,
        tokensPerSecond: 100,
        failure: { kind: 'die-mid-stream', afterTokens: 2 },
      },
      { heartbeatMs: 1_000, heartbeatTimeoutMs: 60_000 },
    );
    await dying.load();
    const error = await failureOf(drain(dying.generate(STORY)));
    expect(error.kind).toBe('worker-crashed');
    expect(error.detail).toBe('the model worker ended');
    expect(dying.state).toBe('crashed');
  }, 20_000);

  it('a worker that dies mid-stream gives a worker-crashed error, and a new worker still works', async () => {
    const timing = { heartbeatMs: 100, heartbeatTimeoutMs: 500 };
    const dying = simClient(
      'sim-swift-0.5B',
      {
        timeToFirstTokenMs: 10,
        tokensPerSecond: 100,
        failure: { kind: 'die-mid-stream', afterTokens: 3 },
      },
      timing,
    );
    await dying.load();
    const deltas: string[] = [];
    const error = await failureOf(
      drain(dying.generate(STORY), (event) => event.type === 'delta' && deltas.push(event.text)),
    );
    expect(error.kind).toBe('worker-crashed');
    expect(deltas.length).toBeGreaterThan(0);
    expect(dying.state).toBe('crashed');
    expect((await failureOf(drain(dying.generate(STORY)))).kind).toBe('worker-crashed');

    const fresh = simClient(
      'sim-swift-0.5B',
      { timeToFirstTokenMs: 10, tokensPerSecond: 200 },
      timing,
    );
    await fresh.load();
    const events = await drain(
      fresh.generate({ ...STORY, messages: [{ role: 'user', content: 'What is 2 + 2?' }] }),
    );
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    await fresh.unload();
  });

  it('a hanging worker is reported as a timeout', async () => {
    const hanging = simClient(
      'sim-swift-0.5B',
      { failure: { kind: 'hang' } },
      { inactivityTimeoutMs: 400 },
    );
    await hanging.load();
    const started = performance.now();
    const error = await failureOf(drain(hanging.generate(STORY)));
    expect(error.kind).toBe('timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
    await hanging.unload();
  });

  it('a lost device is classified and the client asks for a reload', async () => {
    const client = simClient('sim-swift-0.5B', {
      timeToFirstTokenMs: 10,
      tokensPerSecond: 100,
      failure: { kind: 'device-lost', afterTokens: 2 },
    });
    await client.load();
    expect((await failureOf(drain(client.generate(STORY)))).kind).toBe('device-lost');
    expect(client.state).toBe('device-lost');
  });

  it('unload terminates the worker and later calls fail with a clear error', async () => {
    const workers: Worker[] = [];
    const client = simClient(
      'sim-swift-0.5B',
      { timeToFirstTokenMs: 10, tokensPerSecond: 200 },
      {
        createWorker: () => {
          const worker = new Worker(
            new URL('../../../../workers/model.worker.ts', import.meta.url),
            {
              type: 'module',
            },
          );
          workers.push(worker);
          return worker;
        },
      },
    );
    await client.load();
    const terminate = vi.spyOn(workers[0] as Worker, 'terminate');
    await client.unload();
    expect(terminate).toHaveBeenCalled();
    const error = await failureOf(drain(client.generate(STORY)));
    expect(error.kind).toBe('bad-request');
    expect(error.message).toMatch(/unloaded/);
  });

  it('queues a second stream on the same client instead of failing it', async () => {
    const client = simClient('sim-swift-0.5B', { timeToFirstTokenMs: 10, tokensPerSecond: 200 });
    await client.load();
    const [first, second] = await Promise.all([
      drain(client.generate({ ...STORY, maxTokens: 5 })),
      drain(client.generate({ ...STORY, maxTokens: 5, seed: 2 })),
    ]);
    expect(first.at(-1)?.type).toBe('done');
    expect(second.at(-1)?.type).toBe('done');
    await client.unload();
  });

  it('a caller that stops reading early stops the worker, and the next stream still runs', async () => {
    const client = simClient('sim-swift-0.5B', { timeToFirstTokenMs: 10, tokensPerSecond: 50 });
    await client.load();
    for await (const event of client.generate(STORY)) {
      if (event.type === 'delta') break;
    }
    const next = await drain(client.generate({ ...STORY, maxTokens: 4 }));
    expect(next.at(-1)).toMatchObject({ type: 'done', finishReason: 'length' });
    await client.unload();
  });

  it('reports loading progress and classifies a failed simulated load', async () => {
    const progress: number[] = [];
    const ok = simClient('sim-sage-3B', {});
    await ok.load((event) => progress.push(event.fraction));
    expect(progress.length).toBeGreaterThanOrEqual(4);
    await ok.unload();
    const failing = simClient('sim-sage-3B', { failure: { kind: 'fail-load' } });
    expect((await failureOf(failing.load())).kind).toBe('model-lib');
  });

  it('refuses a hello from another protocol version with a classified error', async () => {
    const worker = new Worker(new URL('../../../../workers/model.worker.ts', import.meta.url), {
      type: 'module',
    });
    const reply = new Promise<unknown>((resolve) =>
      worker.addEventListener('message', (event) => resolve(event.data), { once: true }),
    );
    worker.postMessage({ type: 'hello', v: 99, init: undefined });
    expect(await reply).toMatchObject({ type: 'refused', error: { kind: 'bad-request' } });
    worker.terminate();
  });

  it('fails a load at once when the worker refuses the page’s protocol version', async () => {
    const refusing = () =>
      new Worker(
        URL.createObjectURL(
          new Blob(
            [
              `onmessage = (e) => { if (e.data.type === 'hello') postMessage({ type: 'refused', error: { kind: 'bad-request', message: 'Reload the page.' } }); };`,
            ],
            { type: 'text/javascript' },
          ),
        ),
      );
    const client = simClient('sim-swift-0.5B', {}, { createWorker: refusing });
    const error = await failureOf(client.load());
    expect(error.kind).toBe('bad-request');
    expect(client.state).toBe('idle');
  });
});

// Each test starts a worker that parses web-llm's ~6.8 MB module: slow under the dev server.
describe(
  'ModelWorkerClient with the web-llm engine and no real model',
  { timeout: 120_000 },
  () => {
    it('classifies a model whose files are unreachable', async () => {
      const client = new ModelWorkerClient({
        engine: 'webllm',
        modelId: 'quorum-unreachable-q4f32_1-MLC',
        label: 'Unreachable',
        modelRecord: {
          model: 'http://127.0.0.1:9/unreachable/',
          model_id: 'quorum-unreachable-q4f32_1-MLC',
          model_lib: 'http://127.0.0.1:9/unreachable/lib.wasm',
        },
      });
      const error = await failureOf(client.load());
      expect(['network', 'model-lib']).toContain(error.kind);
      expect(error.detail).toBeTruthy();
      expect(client.state).toBe('idle');
    });

    it('classifies a model id that is not in the list', async () => {
      const client = new ModelWorkerClient({
        engine: 'webllm',
        modelId: 'no-such-model',
        label: 'None',
      });
      const error = await failureOf(client.load());
      expect(error.kind).toBe('bad-request');
    });
  },
);
