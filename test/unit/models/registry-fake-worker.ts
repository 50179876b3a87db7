// A fake model worker for Node: answers the WorkerPort envelope with scripted loads, losses and answers.
import type { ModelApi } from '../../../src/models/worker/model-protocol.js';
import type { PortFromWorker, PortToWorker } from '../../../src/shared/port-messages.js';

export interface FakeWorkerScript {
  /** Model ids whose load loses the GPU. */
  loseDeviceOnLoad?: Set<string>;
  /** Model ids whose next load loses the GPU; each id is struck off once it has. */
  loseDeviceOnceOnLoad?: Set<string>;
  /** Model ids whose next generation loses the GPU before any text; struck off once it has. */
  loseDeviceOnceOnGenerate?: Set<string>;
  answer?: string;
  /** Until it settles, a generation has sent its text but not its end: it is still answering. */
  holdAnswer?: Promise<void>;
}

const LOST = { kind: 'device-lost' as const, message: 'The GPU stopped responding.' };

export class FakeModelWorker extends EventTarget {
  terminated = false;
  readonly loadedIds: string[] = [];
  /** The params of every generate request, in order. */
  readonly generated: ModelApi['generate']['input'][] = [];

  constructor(private readonly script: FakeWorkerScript) {
    super();
  }

  postMessage(message: PortToWorker): void {
    queueMicrotask(() => this.handle(message));
  }

  terminate(): void {
    this.terminated = true;
  }

  private post(data: PortFromWorker): void {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
  }

  private handle(message: PortToWorker): void {
    switch (message.type) {
      case 'ping':
        return this.post({ type: 'pong' });
      case 'hello':
      case 'abort':
        return;
      case 'call':
        return this.call(message.id, message.method as keyof ModelApi, message.input);
    }
  }

  private call(id: number, method: keyof ModelApi, input: unknown): void {
    switch (method) {
      case 'load': {
        const { modelId } = input as ModelApi['load']['input'];
        const progress = {
          phase: 'fetch' as const,
          fraction: 0.5,
          loadedBytes: 50,
          totalBytes: 100,
          etaMs: 10,
          text: 'half',
        };
        this.post({ type: 'event', id, event: progress });
        const once = this.script.loseDeviceOnceOnLoad?.delete(modelId) ?? false;
        if (once || this.script.loseDeviceOnLoad?.has(modelId)) {
          return this.post({ type: 'failed', id, error: LOST });
        }
        this.loadedIds.push(modelId);
        return this.post({ type: 'result', id, result: null });
      }
      case 'generate': {
        this.generated.push(input as ModelApi['generate']['input']);
        const loaded = this.loadedIds.at(-1) ?? '';
        if (this.script.loseDeviceOnceOnGenerate?.delete(loaded)) {
          return this.post({ type: 'failed', id, error: LOST });
        }
        const text = this.script.answer ?? 'four';
        this.post({ type: 'event', id, event: { type: 'delta', text } });
        const usage = {
          promptTokens: 3,
          completionTokens: 1,
          timeToFirstTokenMs: 5,
          prefillTokensPerS: 100,
          decodeTokensPerS: 10,
          totalMs: 20,
        };
        const end = () =>
          this.post({ type: 'result', id, result: { type: 'done', usage, finishReason: 'stop' } });
        if (this.script.holdAnswer) return void this.script.holdAnswer.then(end);
        return end();
      }
      case 'unload':
        return this.post({ type: 'result', id, result: null });
    }
  }
}
