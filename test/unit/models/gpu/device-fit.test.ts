// The one rule for what this GPU cannot run whatever the budget (adapter, shader-f16, storage-buffer limits), and the memory plan using it.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gpuProblem, type GpuNeeds } from '../../../../src/models/gpu/device-fit.js';
import { openDatabase } from '../../../../src/db/open-database.js';
import { ModelRegistry } from '../../../../src/models/model-registry.js';
import type { DeviceCapabilities } from '../../../../src/models/gpu/probe-webgpu.js';
import { DESKTOP_LIMITS, DISCRETE_ADAPTER, GPU, NO_GPU } from '../../../support/gpu-fixtures.js';
import { FakeModelWorker } from '../registry-fake-worker.js';

/** maxStorageBufferBindingSize of 128 MiB: WebGPU's default, and what many phones report. */
const PHONE: DeviceCapabilities = {
  ...GPU,
  adapter: {
    ...DISCRETE_ADAPTER,
    limits: { ...DESKTOP_LIMITS, maxStorageBufferBindingSize: 2 ** 27 },
  },
};

const gemma2b: GpuNeeds = { engine: 'webllm', needsShaderF16: true, bufferBytes: 262_144_000 };

describe('gpuProblem', () => {
  it('names a library whose storage buffers exceed the binding limit, in MB', () => {
    expect(gpuProblem(gemma2b, PHONE)).toBe(
      'Too large for this GPU: its library needs storage buffers of 250 MB, and this GPU allows 128 MB (maxStorageBufferBindingSize).',
    );
    expect(gpuProblem(gemma2b, GPU)).toBeNull();
  });

  it('names a missing adapter and a missing shader-f16 for a model that runs on the GPU', () => {
    expect(gpuProblem(gemma2b, NO_GPU)).toBe('No WebGPU adapter on this device.');
    expect(gpuProblem(gemma2b, { ...GPU, shaderF16: false })).toBe(
      'Needs shader-f16, which this GPU lacks.',
    );
  });

  it('holds nothing against simulated and recorded models, which need no GPU', () => {
    for (const engine of ['sim', 'recorded'] as const) {
      expect(gpuProblem({ ...gemma2b, engine }, NO_GPU)).toBeNull();
      expect(gpuProblem({ ...gemma2b, engine }, PHONE)).toBeNull();
    }
  });

  it('does not hold a limit the probe could not read (0) against the model', () => {
    const unread = {
      ...GPU,
      adapter: {
        ...DISCRETE_ADAPTER,
        limits: { ...DESKTOP_LIMITS, maxStorageBufferBindingSize: 0 },
      },
    };
    expect(gpuProblem(gemma2b, unread)).toBeNull();
  });
});

describe('ModelRegistry.plan and the GPU', () => {
  async function registryOn(caps: DeviceCapabilities): Promise<ModelRegistry> {
    const db = await openDatabase({ name: `device-fit-${crypto.randomUUID()}` });
    return new ModelRegistry(db, {
      engineMode: 'webllm',
      probe: () => Promise.resolve(caps),
      createWorker: () => new FakeModelWorker({}) as unknown as Worker,
    });
  }

  it('plans a model the GPU cannot hold (buffer limit) as unfit with cause gpu and the reason', async () => {
    const registry = await registryOn(PHONE);
    const plan = await registry.plan([
      'gemma-2b-it-q4f16_1-MLC',
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    ]);
    expect(plan.unfit).toEqual([
      expect.objectContaining({
        id: 'gemma-2b-it-q4f16_1-MLC',
        cause: 'gpu',
        why: expect.stringMatching(/too large for this GPU.*maxStorageBufferBindingSize/i),
      }),
    ]);
    expect(plan.stages.map((s) => s.modelIds)).toEqual([['Qwen2.5-0.5B-Instruct-q4f16_1-MLC']]);
  });
});
