// A fake model worker for Node: answers the worker protocol with scripted loads, losses and answers.
import type { FromWorker, ToWorker } from '../../../src/models/worker/model-protocol.js';

export interface FakeWorkerScript {
  /** Model ids whose load loses the GPU. */
  loseDeviceOnLoad?: Set<string>;
  /** Model ids whose next load loses the GPU; each id is struck off once it has. */
  loseDeviceOnceOnLoad?: Set<string>;
  /** Model ids whose next generation loses the GPU before any text; struck off once it has. */
  loseDeviceOnceOnGenerate?: Set<string>;
  answer?: string;
}

export class FakeModelWorker extends EventTarget {
  terminated = false;
  readonly loadedIds: string[] = [];
  /** The params of every generate request, in order. */
  readonly generated: Extract<ToWorker, { type: 'generate' }>['params'][] = [];

  constructor(private readonly script: FakeWorkerScript) {
    super();
  }

  postMessage(message: ToWorker): void {
    queueMicrotask(() => this.handle(message));
  }

  terminate(): void {
    this.terminated = true;
  }

  private post(data: FromWorker): void {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
  }

  private handle(message: ToWorker): void {
    switch (message.type) {
      case 'ping':
        return this.post({ type: 'pong', seq: message.seq });
      case 'load': {
        const { requestId, modelId } = message;
        const progress = {
          phase: 'fetch' as const,
          fraction: 0.5,
          loadedBytes: 50,
          totalBytes: 100,
          etaMs: 10,
          text: 'half',
        };
        this.post({ type: 'load-progress', requestId, progress });
        const once = this.script.loseDeviceOnceOnLoad?.delete(modelId) ?? false;
        if (once || this.script.loseDeviceOnLoad?.has(modelId)) {
          const error = { kind: 'device-lost' as const, message: 'The GPU stopped responding.' };
          return this.post({ type: 'error', requestId, error });
        }
        this.loadedIds.push(modelId);
        return this.post({ type: 'loaded', requestId, modelId, engine: message.engine });
      }
      case 'generate': {
        this.generated.push(message.params);
        const loaded = this.loadedIds.at(-1) ?? '';
        if (this.script.loseDeviceOnceOnGenerate?.delete(loaded)) {
          const error = { kind: 'device-lost' as const, message: 'The GPU stopped responding.' };
          return this.post({ type: 'error', requestId: message.requestId, error });
        }
        const text = this.script.answer ?? 'four';
        this.post({ type: 'delta', requestId: message.requestId, text });
        const usage = {
          promptTokens: 3,
          completionTokens: 1,
          timeToFirstTokenMs: 5,
          prefillTokensPerS: 100,
          decodeTokensPerS: 10,
          totalMs: 20,
        };
        return this.post({
          type: 'done',
          requestId: message.requestId,
          text,
          usage,
          finishReason: 'stop',
        });
      }
      case 'unload':
        return this.post({ type: 'unloaded', requestId: message.requestId });
      case 'abort':
      case 'cache-status':
      case 'cache-delete':
        return;
    }
  }
}
