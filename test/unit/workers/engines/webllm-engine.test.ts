// The web-llm engine around a stand-in MLCEngine and GPU: a device destroyed mid-load or mid-answer is a GPU loss, Quorum's own unload is not.
import type { ChatCompletionChunk, MLCEngineConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { classifyError, type ClassifiedError } from '../../../../src/shared/errors.js';
import type { LoadProgress } from '../../../../src/models/worker/model-protocol.js';
import {
  createWebLlmEngine,
  type MlcEngineLike,
} from '../../../../workers/engines/webllm-engine.js';
import type { AdapterClass } from '../../../../workers/engines/device-loss.js';

/** The class name WebGPU gives an allocation failure, which the watch reads. */
class GPUOutOfMemoryError extends Error {}

/** A GPUDevice as far as tvmjs and the watch use it: error scopes, destroy, lost. */
class FakeDevice {
  failNextScope: GPUError | null = null;
  readonly lost: Promise<{ reason: string; message: string }>;
  private resolveLost!: (info: { reason: string; message: string }) => void;
  constructor() {
    this.lost = new Promise((resolve) => (this.resolveLost = resolve));
  }
  pushErrorScope(): void {}
  popErrorScope(): Promise<GPUError | null> {
    const error = this.failNextScope;
    this.failNextScope = null;
    return Promise.resolve(error);
  }
  destroy(): void {
    this.resolveLost({ reason: 'destroyed', message: 'Device was destroyed.' });
  }
  loseForDriverReset(): void {
    this.resolveLost({ reason: 'unknown', message: 'The GPU process was reset.' });
  }
}

function fakeAdapterClass(devices: FakeDevice[]): AdapterClass {
  class FakeAdapter {
    requestDevice(): Promise<GPUDevice> {
      const device = new FakeDevice();
      devices.push(device);
      return Promise.resolve(device as unknown as GPUDevice);
    }
  }
  return FakeAdapter as unknown as AdapterClass;
}

type Script = (device: FakeDevice) => Promise<void>;

/** tvmjs's tryCreateBuffer failing: the out-of-memory scope pops an error, and tvmjs destroys the device. */
async function allocationFails(device: FakeDevice): Promise<void> {
  device.pushErrorScope();
  device.failNextScope = new GPUOutOfMemoryError('Out of memory') as unknown as GPUError;
  void device.popErrorScope().then((error) => {
    if (error) device.destroy();
  });
  // tvmjs disposes its runtime on the loss; the next call on it fails with an unrelated error.
  await device.lost;
  throw new TypeError("Cannot read properties of undefined (reading 'getFunction')");
}

function chunk(text: string): ChatCompletionChunk {
  return {
    id: '1',
    created: 0,
    model: 'm',
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta: { content: text }, finish_reason: null }],
  } as ChatCompletionChunk;
}

function setup(script: {
  load?: Script;
  answer?: (device: FakeDevice) => AsyncIterable<ChatCompletionChunk>;
}) {
  const devices: FakeDevice[] = [];
  const adapterClass = fakeAdapterClass(devices);
  const idle: ClassifiedError[] = [];
  const progress: LoadProgress[] = [];
  let device: FakeDevice | null = null;
  const engine = createWebLlmEngine({
    onIdleLoss: (loss) => idle.push(loss),
    adapterClass,
    isCached: () => Promise.resolve(true),
    createEngine: (config: MLCEngineConfig): MlcEngineLike =>
      ({
        async reload() {
          const requested = await adapterClass.prototype.requestDevice.call({});
          device = requested as unknown as FakeDevice;
          config.initProgressCallback?.({
            progress: 0,
            timeElapsed: 0,
            text: 'Start to fetch params',
          });
          await script.load?.(device);
        },
        async unload() {
          device?.destroy();
          await Promise.resolve();
        },
        interruptGenerate() {},
        chat: {
          completions: {
            create: () => Promise.resolve(script.answer?.(device!) ?? (async function* () {})()),
          },
        },
      }) as unknown as MlcEngineLike,
  });
  const load = () =>
    engine.load({ engine: 'webllm', modelId: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' }, (p) =>
      progress.push(p),
    );
  return { engine, load, idle, progress, devices };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => classifyError(error),
  );

describe('a GPU device destroyed while web-llm loads', () => {
  it('after an allocation failed, fails the load as out-of-memory instead of the unrelated error that follows', async () => {
    const { load, idle } = setup({ load: allocationFails });
    const error = await failure(load());
    expect(error?.kind).toBe('out-of-memory');
    expect(error?.detail).toMatch(/destroyed.*GPUOutOfMemoryError/);
    expect(idle).toEqual([]);
  });

  it('without an allocation failure, fails the load as device-lost, even when web-llm never returns', async () => {
    const { load } = setup({
      load: async (device) => {
        device.destroy();
        await new Promise(() => {}); // a load that hangs after the loss
      },
    });
    expect((await failure(load()))?.kind).toBe('device-lost');
  });
});

describe('a GPU device lost around answers', () => {
  it('mid-answer, fails the generation as device-lost', async () => {
    const { engine, load } = setup({
      answer: async function* (device) {
        yield chunk('one');
        device.loseForDriverReset();
        await device.lost;
        throw new Error('Model not loaded before trying to complete ChatCompletionRequest.');
      },
    });
    await load();
    const texts: string[] = [];
    const error = await failure(
      (async () => {
        for await (const part of engine.generate({ messages: [{ role: 'user', content: 'hi' }] }))
          if (part.type === 'delta') texts.push(part.text);
      })(),
    );
    expect(texts).toEqual(['one']);
    expect(error?.kind).toBe('device-lost');
  });

  it('between calls, tells the page on its own', async () => {
    const { load, idle, devices } = setup({});
    await load();
    devices[0]!.loseForDriverReset();
    await devices[0]!.lost;
    await Promise.resolve();
    expect(idle.map((loss) => loss.kind)).toEqual(['device-lost']);
  });

  it("Quorum's own unload destroys the device without reporting a loss", async () => {
    const { engine, load, idle, devices } = setup({});
    await load();
    await engine.unload();
    await devices[0]!.lost;
    await Promise.resolve();
    expect(idle).toEqual([]);
  });
});

describe('load progress of a cached model', () => {
  it('says reading from the cache where web-llm says it starts to fetch', async () => {
    const { load, progress } = setup({});
    await load();
    expect(progress.map((p) => p.phase)).toEqual(['compile', 'cache']);
  });
});
