// The model registry over fake workers in Node: downloads, lazy loading, the device log, the one retry after a lost GPU, budgets.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, type QuorumDatabase } from '../../../src/db/open-database.js';
import type { ModelError } from '../../../src/models/model-client.js';
import {
  ModelRegistry,
  type ModelFailureDetail,
  type RegistryOptions,
} from '../../../src/models/model-registry.js';
import { markSimDownloaded } from '../../../src/models/list/downloaded-models.js';
import { SIM_MODELS } from '../../../src/models/list/sim-models.js';
import type { DeviceCapabilities } from '../../../src/models/gpu/probe-webgpu.js';
import { DISCRETE_ADAPTER, GPU, NO_GPU } from '../../support/gpu-fixtures.js';
import { FakeModelWorker, type FakeWorkerScript } from './registry-fake-worker.js';

/** The simulated models whose client reports its model loaded, sorted. */
function loadedIds(registry: ModelRegistry): string[] {
  return SIM_MODELS.map((m) => m.id)
    .filter((id) => registry.client(id).loaded)
    .sort();
}

interface Setup {
  db: QuorumDatabase;
  registry: ModelRegistry;
  workers: FakeModelWorker[];
  failures: ModelFailureDetail[];
}

async function setup(
  options: Partial<RegistryOptions> & { script?: FakeWorkerScript; caps?: DeviceCapabilities } = {},
): Promise<Setup> {
  const db = await openDatabase({ name: `registry-${crypto.randomUUID()}` });
  const workers: FakeModelWorker[] = [];
  const registry = new ModelRegistry(db, {
    engineMode: options.engineMode ?? 'sim',
    probe: () => Promise.resolve(options.caps ?? NO_GPU),
    createWorker: () => {
      const worker = new FakeModelWorker(options.script ?? {});
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  const failures: ModelFailureDetail[] = [];
  registry.addEventListener('model-failure', (event) => {
    failures.push((event as CustomEvent<ModelFailureDetail>).detail);
  });
  return { db, registry, workers, failures };
}

describe('ModelRegistry in simulated mode', () => {
  it('lists as available only the simulated models that were downloaded, labelled Simulated', async () => {
    const { db, registry } = await setup();
    expect(await registry.available()).toEqual([]);
    await markSimDownloaded(db, 'sim-swift-0.5B', true);
    const available = await registry.available();
    expect(available.map((m) => m.id)).toEqual(['sim-swift-0.5B']);
    expect(available[0]).toMatchObject({ simulated: true, engine: 'sim', downloaded: true });
    expect(available[0]?.label).toContain('Simulated');
  });

  it('marks a model downloaded after its simulated download, reports progress and frees the worker', async () => {
    const { registry, workers } = await setup();
    let changes = 0;
    registry.addEventListener('change', () => changes++);
    const fractions: number[] = [];
    const result = await registry.download('sim-tiny-360M', (p) => fractions.push(p.fraction));
    expect(result).toEqual({ ok: true });
    expect(fractions).toContain(0.5);
    expect((await registry.available()).map((m) => m.id)).toEqual(['sim-tiny-360M']);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(changes).toBeGreaterThan(0);
    await registry.remove('sim-tiny-360M');
    expect(await registry.available()).toEqual([]);
  });

  it('records a load in the device log with the memory of the models already resident', async () => {
    const { db, registry } = await setup();
    await registry.client('sim-tiny-360M').load();
    await registry.client('sim-swift-0.5B').load();
    const log = await db.getAll('deviceLog');
    expect(log.map((e) => [e.modelId, e.outcome, e.residentMB, e.adapterKey])).toEqual([
      ['sim-tiny-360M', 'loaded', 0, 'simulated'],
      ['sim-swift-0.5B', 'loaded', 380, 'simulated'],
    ]);
    expect(loadedIds(registry)).toEqual(['sim-swift-0.5B', 'sim-tiny-360M']);
  });

  it('streams through a client that loads its worker lazily on first use', async () => {
    const { registry, workers } = await setup({ script: { answer: 'forty-two' } });
    const client = registry.client('sim-steady-1.5B');
    expect(client.simulated).toBe(true);
    expect(client.loaded).toBe(false);
    const events = [];
    for await (const event of client.stream({ messages: [{ role: 'user', content: 'q' }] })) {
      events.push(event);
    }
    expect(events.map((e) => e.type)).toEqual(['delta', 'done']);
    expect(client.loaded).toBe(true);
    expect(workers).toHaveLength(1);
    await client.unload();
    expect(client.loaded).toBe(false);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('on a device loss alone records it, reports it, frees the worker and gives up (no smaller variant)', async () => {
    const { db, registry, workers, failures } = await setup({
      script: { loseDeviceOnLoad: new Set(['sim-sage-3B']) },
    });
    const error = await registry
      .client('sim-sage-3B')
      .load()
      .then(
        () => null,
        (e: unknown) => e as ModelError,
      );
    expect(error?.kind).toBe('device-lost');
    expect(failures).toEqual([
      expect.objectContaining({
        modelId: 'sim-sage-3B',
        label: 'Simulated Sage 3B',
        retry: 'give-up',
      }),
    ]);
    expect(failures[0]?.error.kind).toBe('device-lost');
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect((await db.getAll('deviceLog')).map((e) => e.outcome)).toEqual(['device-lost']);
  });

  it('on a device loss beside other models unloads them and retries the load once, alone', async () => {
    const { db, registry, workers, failures } = await setup({
      script: { loseDeviceOnceOnLoad: new Set(['sim-sage-3B']) },
    });
    await registry.client('sim-steady-1.5B').load();
    const sage = registry.client('sim-sage-3B');
    await sage.load();
    expect(sage.loaded).toBe(true);
    expect(loadedIds(registry)).toEqual(['sim-sage-3B']);
    expect(failures.map((f) => f.retry)).toEqual(['sequential']);
    const steadyWorker = workers.find((w) => w.loadedIds.includes('sim-steady-1.5B'));
    expect(steadyWorker?.terminated).toBe(true);
    // The loss beside 1630 MB, then the retry with nothing else resident.
    const log = await db.getAll('deviceLog');
    expect(log.map((e) => [e.modelId, e.outcome, e.residentMB])).toEqual([
      ['sim-steady-1.5B', 'loaded', 0],
      ['sim-sage-3B', 'device-lost', 1630],
      ['sim-sage-3B', 'loaded', 0],
    ]);
  });

  it('gives up after the one sequential retry also loses the GPU, and says so', async () => {
    const { registry, failures } = await setup({
      script: { loseDeviceOnLoad: new Set(['sim-sage-3B']) },
    });
    await registry.client('sim-steady-1.5B').load();
    await expect(registry.client('sim-sage-3B').load()).rejects.toMatchObject({
      kind: 'device-lost',
    });
    expect(failures.map((f) => f.retry)).toEqual(['sequential', 'give-up']);
    expect(loadedIds(registry)).toEqual([]);
  });

  it('on a device loss before the first token beside other models retries the request alone', async () => {
    const { registry, failures } = await setup({
      script: { loseDeviceOnceOnGenerate: new Set(['sim-sage-3B']), answer: 'seven' },
    });
    await registry.client('sim-steady-1.5B').load();
    const sage = registry.client('sim-sage-3B');
    const texts: string[] = [];
    let done = 0;
    for await (const event of sage.stream({ messages: [{ role: 'user', content: '3+4?' }] })) {
      if (event.type === 'delta') texts.push(event.text);
      else done++;
    }
    expect(texts.join('')).toBe('seven');
    expect(done).toBe(1);
    expect(failures.map((f) => [f.modelId, f.retry])).toEqual([['sim-sage-3B', 'sequential']]);
    expect(loadedIds(registry)).toEqual(['sim-sage-3B']);
  });

  it('plans over a labelled pretend budget when there is no GPU, staging what does not fit', async () => {
    const { registry } = await setup();
    const budget = await registry.budget();
    expect(budget.budgetMB).toBe(4096);
    expect(budget.reasons.join(' ')).toMatch(/Simulated mode/);
    await registry.client('sim-swift-0.5B').load();
    expect((await registry.budget()).budgetMB).toBe(4096);
    const plan = await registry.plan(['sim-sage-3B', 'sim-steady-1.5B', 'sim-tiny-360M']);
    expect(plan.stages.length).toBe(2);
    expect(plan.unfit).toEqual([]);
  });

  it('judges simulated models against the simulated device, not a small real adapter', async () => {
    const software: DeviceCapabilities = {
      ...GPU,
      shaderF16: false,
      adapter: { ...DISCRETE_ADAPTER, isFallbackAdapter: true, features: [] },
    };
    const { registry } = await setup({ caps: software });
    expect((await registry.budget()).budgetMB).toBe(4096);
    const plan = await registry.plan(['sim-tiny-360M', 'sim-swift-0.5B', 'sim-steady-1.5B']);
    expect(plan.unfit).toEqual([]);
    expect(plan.concurrent).toBe(true);
  });

  it("keeps the simulated device's budget override apart from the real GPU's", async () => {
    const { db, registry } = await setup({ caps: GPU });
    await registry.setBudgetOverride(1000);
    expect((await registry.budget()).budgetMB).toBe(1000);
    const real = new ModelRegistry(db, { engineMode: 'webllm', probe: () => Promise.resolve(GPU) });
    expect((await real.budget()).source).not.toBe('override');
  });

  it('lowers the pretend budget below a simulated device loss it learned', async () => {
    // Lost beside another model only: the retry alone loads, so only the pair is learned as too much.
    const { registry } = await setup({
      script: { loseDeviceOnceOnLoad: new Set(['sim-sage-3B']) },
    });
    await registry.client('sim-steady-1.5B').load();
    await registry
      .client('sim-sage-3B')
      .load()
      .catch(() => undefined);
    const budget = await registry.budget();
    expect(budget.source).toBe('learned');
    expect(budget.budgetMB).toBe(Math.round((1630 + 2300) * 0.9));
  });
});

describe('simulated losses and the real GPU', () => {
  it("a simulated model's device loss never lowers the real GPU's learned budget", async () => {
    const sim = await setup({
      caps: GPU,
      script: {
        loseDeviceOnceOnLoad: new Set(['sim-sage-3B']),
        loseDeviceOnceOnGenerate: new Set(['sim-swift-0.5B']),
      },
    });
    const real = new ModelRegistry(sim.db, {
      engineMode: 'webllm',
      probe: () => Promise.resolve(GPU),
      createWorker: () => new FakeModelWorker({}) as unknown as Worker,
    });
    const before = await real.budget();
    await sim.registry.client('sim-steady-1.5B').load();
    await sim.registry
      .client('sim-sage-3B')
      .load()
      .catch(() => undefined);
    const swift = sim.registry.client('sim-swift-0.5B');
    const stream = swift.stream({ messages: [{ role: 'user', content: 'Hi' }] });
    await (async () => {
      for await (const event of stream) void event;
    })().catch(() => undefined);
    expect(sim.failures.length).toBeGreaterThan(0);
    const after = await real.budget();
    expect(after).toEqual(before);
    expect(after.source).not.toBe('learned');
  });
});

describe('ModelRegistry replaced by another (an engine switch)', () => {
  it('lets an answer in flight end, then frees its model; an idle model is freed at once', async () => {
    let release = (): void => {};
    const holdAnswer = new Promise<void>((resolve) => (release = resolve));
    const { registry, workers } = await setup({ script: { holdAnswer } });
    const idle = registry.client('sim-swift-0.5B');
    await idle.load();
    const answering = registry.client('sim-tiny-360M');
    const events: string[] = [];
    const answer = answering.stream({ messages: [{ role: 'user', content: '2+2?' }] });
    const stream = answer[Symbol.asyncIterator]();
    // The text has arrived and the end is held back: the model is mid-answer.
    const first = await stream.next();
    expect(first.value).toMatchObject({ type: 'delta' });
    await registry.dispose();
    expect(idle.loaded).toBe(false);
    expect(answering.loaded).toBe(true);
    release();
    for (let next = await stream.next(); !next.done; next = await stream.next())
      events.push(next.value.type);
    expect(events).toEqual(['done']);
    expect(answering.loaded).toBe(false);
    await vi.waitFor(() => expect(workers.every((w) => w.terminated)).toBe(true));
  });
});

describe('ModelRegistry with remote endpoints', () => {
  const endpoint = {
    id: 'e1',
    name: 'Home box',
    baseUrl: 'http://localhost:11434/v1',
    apiKey: null,
    models: ['llama3.1:8b', 'qwen2.5:0.5b'],
    modelsFrom: 'listed' as const,
    createdAt: 1,
    updatedAt: 1,
  };

  it('offers every endpoint model after the device’s, labelled with the endpoint’s name', async () => {
    const { db, registry } = await setup();
    await markSimDownloaded(db, 'sim-swift-0.5B', true);
    const changed = new Promise((resolve) =>
      registry.addEventListener('change', resolve, { once: true }),
    );
    await registry.remote.endpoints.save(endpoint);
    await changed;
    const available = await registry.available();
    expect(available.map((m) => m.id)).toEqual([
      'sim-swift-0.5B',
      'remote:e1/llama3.1:8b',
      'remote:e1/qwen2.5:0.5b',
    ]);
    expect(available[1]).toMatchObject({
      label: 'llama3.1:8b · Home box',
      engine: 'remote',
      vramMB: 0,
      paramsB: 8,
      runsOn: { kind: 'endpoint', name: 'Home box' },
    });
    const client = registry.client('remote:e1/llama3.1:8b');
    expect(client).toMatchObject({
      label: 'llama3.1:8b · Home box',
      simulated: false,
      loaded: true,
    });
  });

  it('plans no GPU memory for remote members: they run with the first stage', async () => {
    const { registry } = await setup();
    await registry.remote.endpoints.save(endpoint);
    await registry.remote.offers();
    const plan = await registry.plan(['sim-sage-3B', 'sim-steady-1.5B', 'remote:e1/llama3.1:8b']);
    expect(plan.stages).toHaveLength(2);
    expect(plan.stages[0]?.modelIds).toContain('remote:e1/llama3.1:8b');
    expect(
      plan.stages.flatMap((s) => s.models).find((m) => m.id === 'remote:e1/llama3.1:8b')?.vramMB,
    ).toBe(0);
    expect(plan.unfit).toEqual([]);
    expect(plan.notes.join(' ')).toMatch(/use none of this device’s planned GPU memory/);
  });

  it('keeps a removed endpoint’s member, failing every call with a clear message', async () => {
    const { registry } = await setup();
    const client = registry.client('remote:gone/llama3.1:8b');
    expect(client.label).toBe('llama3.1:8b · a removed server');
    const stream = client.stream({ messages: [{ role: 'user', content: 'x' }] });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });
});

describe('ModelRegistry with web-llm models', () => {
  it('retries once with the smaller-context variant after the GPU is lost', async () => {
    const { db, registry, workers, failures } = await setup({
      engineMode: 'webllm',
      caps: GPU,
      script: { loseDeviceOnLoad: new Set(['gemma-2-2b-it-q4f16_1-MLC']) },
    });
    const client = registry.client('gemma-2-2b-it-q4f16_1-MLC');
    await client.load();
    expect(client.loaded).toBe(true);
    expect(failures.map((f) => f.retry)).toEqual(['smaller-variant']);
    expect(workers.flatMap((w) => w.loadedIds)).toEqual(['gemma-2-2b-it-q4f16_1-MLC-1k']);
    const log = await db.getAll('deviceLog');
    expect(log.map((e) => [e.modelId, e.outcome])).toEqual([
      ['gemma-2-2b-it-q4f16_1-MLC', 'device-lost'],
      ['gemma-2-2b-it-q4f16_1-MLC-1k', 'loaded'],
    ]);
  });

  it('caps the answers of the smaller-context retry at half its context, and says so', async () => {
    const { registry, workers, failures } = await setup({
      engineMode: 'webllm',
      caps: GPU,
      script: { loseDeviceOnceOnGenerate: new Set(['gemma-2-2b-it-q4f16_1-MLC']) },
    });
    const client = registry.client('gemma-2-2b-it-q4f16_1-MLC');
    const params = {
      messages: [{ role: 'user' as const, content: 'Merge these.' }],
      maxTokens: 1024,
    };
    for await (const event of client.stream(params)) void event;
    for await (const event of client.stream({ ...params, maxTokens: 100 })) void event;
    expect(failures[0]).toMatchObject({
      retry: 'smaller-variant',
      variant: {
        label: 'Gemma 2 2B Instruct (1K context)',
        contextWindow: 1024,
        answerTokens: 512,
      },
    });
    const generated = workers.flatMap((w) => w.generated.map((p) => p.maxTokens));
    // The lost attempt, the retry and the next answer (already shorter than the limit).
    expect(generated).toEqual([1024, 512, 100]);
  });

  it('offers the q4f32 variant of each model when the adapter lacks shader-f16', async () => {
    const { registry } = await setup({
      engineMode: 'webllm',
      caps: { ...GPU, shaderF16: false },
    });
    const models = await registry.models();
    expect(models.length).toBeGreaterThan(5);
    expect(models.every((m) => !m.needsShaderF16)).toBe(true);
    const llama = models.find((m) => m.id.startsWith('Llama-3.2-1B-Instruct'));
    expect(llama?.quantization).toBe('q4f32_1');
  });

  it('offers a downloaded base model on /models but not for chat or a pool', async () => {
    const { registry } = await setup({ engineMode: 'webllm', caps: GPU });
    const ids = ['phi-2-q4f16_1-MLC', 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC'];
    registry.stored = () => Promise.resolve({ complete: new Set(ids), incomplete: new Map() });
    expect((await registry.available()).map((m) => m.id)).toEqual([ids[1]]);
    expect((await registry.models()).find((m) => m.id === ids[0])).toMatchObject({ base: true });
  });
});

describe('ModelRegistry and recorded models', () => {
  it("offers GSM8K's four recorded models in any mode, then those of imported recordings, each with its source", async () => {
    for (const engineMode of ['sim', 'webllm'] as const) {
      const { db, registry } = await setup({ engineMode });
      await db.put('recordings', {
        id: 'r1',
        source: 'A Quorum lab run of 2026-11-30',
        importedAt: 1,
        models: [{ id: 'mine', label: 'My model' }],
        questions: [{ question: 'Q?', answers: { mine: 'Answer: 1' } }],
      });
      const offers = await registry.recordedModels();
      expect(offers.map((m) => m.label)).toEqual([
        'GPT-3 6B fine-tuned (recorded)',
        'GPT-3 6B + verifier (recorded)',
        'GPT-3 175B fine-tuned (recorded)',
        'GPT-3 175B + verifier (recorded)',
        'My model (recorded)',
      ]);
      expect(offers[0]).toMatchObject({
        engine: 'recorded',
        simulated: false,
        vramMB: 0,
        imported: false,
      });
      expect(offers[0]?.source).toContain('Cobbe et al. 2021');
      expect(offers[4]).toMatchObject({ imported: true, source: 'A Quorum lab run of 2026-11-30' });
      // Recorded models are not "downloaded models": chat and the studio's list stay as they were.
      expect((await registry.available()).some((m) => m.engine === 'recorded')).toBe(false);
      expect(registry.client(offers[4]!.id).label).toBe('My model (recorded)');
      expect(
        registry.client('recorded-gsm8k-6b-verifier', { id: 'x#instant', replay: 'instant' }).id,
      ).toBe('x#instant');
    }
  });
});
