// The studio's set-up state: which models think by default, and how `thinking=off` (the landing's demo) starts them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelRegistry } from '../../../../src/models/model-registry.js';
import { StudioSetupController } from '../../../../src/fusion/studio/studio-setup-controller.js';
import { freshDatabase } from '../../catalog/support.js';
import { FakeModelWorker } from '../../models/registry-fake-worker.js';
import { FakeHost } from './fake-host.js';

const POOL = ['sim-tiny-360M', 'sim-steady-1.5B'];

/** A registry of `engineMode` on a device without WebGPU, with fake model workers. */
function registryOf(db: Awaited<ReturnType<typeof freshDatabase>>, engineMode: 'sim' | 'webllm') {
  return new ModelRegistry(db, {
    engineMode,
    probe: () =>
      Promise.resolve({
        webgpu: false,
        adapter: null,
        shaderF16: false,
        problem: 'no-navigator-gpu',
      }),
    createWorker: () => new FakeModelWorker({ answer: 'Answer: 4' }) as unknown as Worker,
  });
}

/** A set-up on a simulated registry; `thinkingOff` starts it as the demo link does, before the models load. */
async function setUp(thinkingOff: boolean) {
  const registry = registryOf(await freshDatabase(), 'sim');
  const setup = new StudioSetupController(new FakeHost());
  if (thinkingOff) setup.startWithThinkingOff();
  setup.watch(registry);
  await vi.waitFor(() => expect(setup.models.length).toBeGreaterThan(0));
  setup.setPool(POOL);
  return { setup, registry };
}

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('StudioSetupController thinking', () => {
  it('a model that can switch its reasoning thinks by default', async () => {
    const { setup } = await setUp(false);
    expect(setup.options().thinking).toEqual({ 'sim-steady-1.5B': true });
  });

  it('started with thinking off, it does not think until the visitor switches it on', async () => {
    const { setup, registry } = await setUp(true);
    expect(setup.options().thinking).toEqual({ 'sim-steady-1.5B': false });
    setup.setThinking('sim-steady-1.5B', true);
    // A later change of the model list (a download, another tab) keeps the visitor's choice.
    await registry.download('sim-tiny-360M');
    await vi.waitFor(() =>
      expect(setup.models.find((m) => m.id === 'sim-tiny-360M')?.downloaded).toBe(true),
    );
    expect(setup.options().thinking).toEqual({ 'sim-steady-1.5B': true });
  });

  it('switches off the models already on offer when started late', async () => {
    const { setup } = await setUp(false);
    setup.startWithThinkingOff();
    expect(setup.options().thinking).toEqual({ 'sim-steady-1.5B': false });
  });
});

describe('StudioSetupController default pool', () => {
  it('picks again when the engine switches, unless the visitor chose the pool', async () => {
    const db = await freshDatabase();
    const setup = new StudioSetupController(new FakeHost());
    // The real engine with nothing downloaded offers only recorded models: they become the pool...
    setup.watch(registryOf(db, 'webllm'));
    await vi.waitFor(() => expect(setup.poolIds.length).toBeGreaterThan(0));
    expect(setup.poolIds.every((id) => id.startsWith('recorded-'))).toBe(true);
    // ...but the demo link switches to simulated mode: its pool is the simulated models.
    setup.watch(registryOf(db, 'sim'));
    await vi.waitFor(() => expect(setup.poolIds).toHaveLength(3));
    expect(setup.poolIds.every((id) => id.startsWith('sim-'))).toBe(true);
    // A pool the visitor picked stays through a switch, as far as the new engine offers it.
    setup.setPool(['sim-tiny-360M', 'recorded-gsm8k-6b-finetuned']);
    setup.watch(registryOf(db, 'webllm'));
    await vi.waitFor(() => expect(setup.poolIds).toEqual(['recorded-gsm8k-6b-finetuned']));
  });
});

describe('StudioSetupController judge', () => {
  it('refuses a run whose judge only replays recorded answers, and one whose pool has nothing else', async () => {
    const { setup } = await setUp(false);
    const recorded = setup.models.filter((m) => m.engine === 'recorded').map((m) => m.id);
    expect(recorded.length).toBeGreaterThanOrEqual(2);
    setup.chooseMode('best-of');
    expect(setup.poolProblem()).toBeNull();
    setup.setJudge(recorded[0]!);
    expect(setup.poolProblem()?.text).toMatch(/replays recorded answers and cannot judge/);
    setup.setJudge(null);
    setup.setPool(recorded.slice(0, 2));
    expect(setup.poolProblem()?.text).toMatch(/^Best-of needs a judge/);
  });
});

describe('StudioSetupController debate', () => {
  it('offers debate disabled while the pool holds a recorded model, and refuses a debate run with one', async () => {
    const { setup } = await setUp(false);
    const recorded = setup.models.filter((m) => m.engine === 'recorded').map((m) => m.id);
    setup.chooseMode('debate');
    expect(setup.unavailableModes()).toEqual({});
    expect(setup.poolProblem()).toBeNull();
    setup.setPool([...POOL, recorded[0]!]);
    expect(setup.unavailableModes()).toEqual({ debate: 'recorded answers cannot debate' });
    expect(setup.poolProblem()?.text).toMatch(
      /^Debate needs models that read each other's answers and revise, and recorded answers cannot debate: take GPT-3 .* \(recorded\) out of the pool/,
    );
    setup.chooseMode('vote');
    expect(setup.poolProblem()).toBeNull();
  });
});

describe('StudioSetupController vote samples', () => {
  it('asks a pool of recorded models once each, as the lab does: a replay answers the same every time', async () => {
    const { setup } = await setUp(false);
    const recorded = setup.models.filter((m) => m.engine === 'recorded').map((m) => m.id);
    setup.chooseMode('vote');
    setup.setSettings({ ...setup.settings, samples: 3 });
    expect(setup.options().samples).toBe(3);
    setup.setPool(recorded.slice(0, 3));
    expect(setup.options().samples).toBe(1);
    // With a model that samples for real, the visitor's k stands.
    setup.setPool([...recorded.slice(0, 2), 'sim-tiny-360M']);
    expect(setup.options().samples).toBe(3);
  });
});

/** Holds `registry.plan`'s next answer until `release`; `answered` settles once it is given. */
function holdNextPlan(registry: ModelRegistry) {
  const plan = registry.plan.bind(registry);
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let answered: Promise<unknown> = new Promise(() => {});
  const spy = vi.spyOn(registry, 'plan').mockImplementationOnce((ids) => {
    const answer = held.then(() => plan(ids));
    answered = answer;
    return answer;
  });
  // What runs after the held answer is synchronous: one macrotask later it has all run.
  const settled = async () => {
    await answered;
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { spy, release, settled };
}

/** The models the set-up's memory plan holds, sorted. */
const planned = (setup: StudioSetupController) =>
  setup.plan?.stages.flatMap((stage) => stage.modelIds).sort();

describe('StudioSetupController answers arriving out of order', () => {
  it('keeps the plan of the latest pool when an earlier pick’s plan arrives last', async () => {
    const { setup, registry } = await setUp(false);
    await vi.waitFor(() => expect(planned(setup)).toEqual([...POOL].sort()));
    const first = holdNextPlan(registry);
    setup.setPool(['sim-tiny-360M']);
    setup.setPool(['sim-steady-1.5B']);
    await vi.waitFor(() => expect(planned(setup)).toEqual(['sim-steady-1.5B']));
    first.release();
    await first.settled();
    expect(planned(setup)).toEqual(['sim-steady-1.5B']);
  });

  it('keeps the models of the latest refresh when an earlier one’s arrive last', async () => {
    const { setup, registry } = await setUp(false);
    await vi.waitFor(() => expect(planned(setup)).toEqual([...POOL].sort()));
    // A refresh that read the list before the download ended is answered after one that read it after.
    const stale = holdNextPlan(registry);
    registry.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(stale.spy).toHaveBeenCalled());
    await registry.download('sim-tiny-360M');
    await vi.waitFor(() =>
      expect(setup.models.find((m) => m.id === 'sim-tiny-360M')?.downloaded).toBe(true),
    );
    stale.release();
    await stale.settled();
    expect(setup.models.find((m) => m.id === 'sim-tiny-360M')?.downloaded).toBe(true);
  });
});
