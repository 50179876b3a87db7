// The model worker client's heartbeat allowance: a worker whose thread is busy in a load or a first JSON request is not taken for dead.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelWorkerClient } from '../../../../src/models/worker/model-worker-client.js';
import type { ModelApi } from '../../../../src/models/worker/model-protocol.js';
import { classifyError } from '../../../../src/shared/errors.js';
import type { PortFromWorker, PortToWorker } from '../../../../src/shared/port-messages.js';

const BUSY_MS = 30_000;

/**
 * A worker whose thread blocks for BUSY_MS on each load and generate (web-llm's synchronous
 * tokenizer or grammar setup): it answers no ping meanwhile, then replies.
 */
class BusyWorker extends EventTarget {
  private busyUntil = 0;
  postMessage(message: PortToWorker): void {
    if (message.type === 'ping') {
      const wait = Math.max(0, this.busyUntil - performance.now());
      setTimeout(() => this.post({ type: 'pong' }), wait);
    }
    if (message.type !== 'call') return;
    this.busyUntil = performance.now() + BUSY_MS;
    setTimeout(() => this.answer(message.id, message.method as keyof ModelApi), BUSY_MS);
  }
  terminate(): void {}
  private post(data: PortFromWorker): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  private answer(id: number, method: keyof ModelApi): void {
    if (method !== 'generate') return this.post({ type: 'result', id, result: null });
    const usage = {
      promptTokens: 1,
      completionTokens: 1,
      timeToFirstTokenMs: 1,
      prefillTokensPerS: 1,
      decodeTokensPerS: 1,
      totalMs: 1,
    };
    this.post({ type: 'result', id, result: { type: 'done', usage, finishReason: 'stop' } });
  }
}

function client(): ModelWorkerClient {
  return new ModelWorkerClient({
    engine: 'webllm',
    modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    label: 'Qwen',
    heartbeatMs: 1_000,
    heartbeatTimeoutMs: 10_000,
    createWorker: () => new BusyWorker() as unknown as Worker,
  });
}

async function settle<T>(promise: Promise<T>): Promise<{ ok: true } | { ok: false; kind: string }> {
  const outcome = promise.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, kind: classifyError(error).kind }),
  );
  await vi.advanceTimersByTimeAsync(BUSY_MS + 5_000);
  return outcome;
}

async function answer(worker: ModelWorkerClient, json: boolean): Promise<void> {
  const params = {
    messages: [{ role: 'user' as const, content: 'Reply in JSON.' }],
    ...(json && { json: { schema: '{"type":"object"}' } }),
  };
  for await (const event of worker.generate(params)) void event;
}

describe('the heartbeat while the worker thread is busy', () => {
  afterEach(() => vi.useRealTimers());

  it('allows a load 30 s of silence (10 s for anything else)', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const worker = client();
    expect(await settle(worker.load())).toEqual({ ok: true });
  });

  it('allows the first JSON request with a schema the same, but not a plain answer', async () => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'],
    });
    const json = client();
    await settle(json.load());
    expect(await settle(answer(json, true))).toEqual({ ok: true });

    const plain = client();
    await settle(plain.load());
    expect(await settle(answer(plain, false))).toEqual({ ok: false, kind: 'worker-crashed' });
  });
});
