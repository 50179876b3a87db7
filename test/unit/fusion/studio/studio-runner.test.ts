// The studio's Run: pool checks, downloads through the registry's tracker, the one run and stats store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelRegistry } from '../../../../src/models/model-registry.js';
import { RunStore } from '../../../../src/fusion/history/run-store.js';
import { ModelStatsStore } from '../../../../src/fusion/measure/model-stats-store.js';
import { StudioRunner } from '../../../../src/fusion/studio/studio-runner.js';
import { StudioSetupController } from '../../../../src/fusion/studio/studio-setup-controller.js';
import { freshDatabase } from '../../catalog/support.js';
import { FakeModelWorker } from '../../models/registry-fake-worker.js';
import { FakeHost } from './fake-host.js';

const POOL = ['sim-tiny-360M', 'sim-swift-0.5B'];

/** A studio on a simulated registry, with every store on one database; nothing downloaded yet. */
async function studio() {
  const db = await freshDatabase();
  const registry = new ModelRegistry(db, {
    engineMode: 'sim',
    probe: () =>
      Promise.resolve({
        webgpu: false,
        adapter: null,
        shaderF16: false,
        problem: 'no-navigator-gpu',
      }),
    createWorker: () => new FakeModelWorker({ answer: 'Answer: 4' }) as unknown as Worker,
  });
  const services = { registry, runs: new RunStore(db), stats: new ModelStatsStore(db) };
  const host = new FakeHost();
  const setup = new StudioSetupController(host);
  const runner = new StudioRunner(host, setup, () => services);
  setup.watch(registry);
  await vi.waitFor(() => expect(setup.models.length).toBeGreaterThan(0));
  setup.setPool(POOL);
  await vi.waitFor(() =>
    expect(setup.plan?.stages.flatMap((s) => s.modelIds).sort()).toEqual([...POOL].sort()),
  );
  // Every model the registry's tracker was seen downloading, whichever page asked.
  const tracked = new Set<string>();
  registry.downloads.addEventListener('change', () => {
    for (const id of registry.downloads.active.keys()) tracked.add(id);
  });
  return { ...services, runner, setup, tracked };
}

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => setTimeout(callback, 0));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('StudioRunner', () => {
  it('downloads the pool through the registry’s tracker, then runs it and keeps the run', async () => {
    const { runner, registry, runs, tracked } = await studio();
    const record = await runner.run('What is 2 + 2?');
    expect(runner.problem).toBeNull();
    expect(record?.status).toBe('done');
    expect([...tracked].sort()).toEqual([...POOL].sort());
    expect([...(await registry.downloadedIds())].sort()).toEqual([...POOL].sort());
    expect((await runs.list()).map((run) => [run.id, run.status])).toEqual([[record?.id, 'done']]);
  });

  it('asks for a prompt before downloading anything', async () => {
    const { runner, tracked } = await studio();
    expect(await runner.run('   ')).toBeNull();
    expect(runner.problem?.text).toBe('Write a prompt first.');
    expect(tracked.size).toBe(0);
  });

  it('names a pool that is too small instead of running it', async () => {
    const { runner, setup } = await studio();
    setup.setPool([POOL[0]!]);
    expect(await runner.run('What is 2 + 2?')).toBeNull();
    expect(runner.problem?.text).toBe('Pick at least 2 models for the pool.');
  });

  it('"Download all" says which download runs beside its button, then how it ended', async () => {
    const { runner, setup } = await studio();
    expect(runner.downloadAllStatus).toBe('');
    const done = runner.downloadMissing();
    expect(runner.downloadAllStatus).toMatch(
      new RegExp(`^Simulated download 1 of ${setup.models.filter((m) => !m.downloaded).length}: `),
    );
    await done;
    expect(runner.downloadAllStatus).toBe('Every simulated model is downloaded.');
  });
});
