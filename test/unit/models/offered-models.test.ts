// What a pool or a chat offers: this device's models smallest first, then endpoints' and the browser's; in simulated mode every simulated model.
import { describe, expect, it } from 'vitest';
import type { AvailableModel, ModelRegistry } from '../../../src/models/model-registry.js';
import { offeredModels } from '../../../src/models/offered-models.js';

const device = (id: string, vramMB: number): AvailableModel => ({
  id,
  label: id,
  engine: 'webllm',
  simulated: false,
  paramsB: null,
  vramMB,
  downloaded: true,
});
const remote: AvailableModel = {
  id: 'remote:e/m',
  label: 'm · Box',
  engine: 'remote',
  simulated: false,
  paramsB: 70,
  vramMB: 0,
  downloaded: true,
  runsOn: { kind: 'endpoint', name: 'Box' },
};

function registry(engineMode: 'webllm' | 'sim', available: AvailableModel[]): ModelRegistry {
  return {
    engineMode,
    available: () => Promise.resolve(available),
    recordedModels: () => Promise.resolve([]),
    models: () =>
      Promise.resolve([
        {
          id: 'sim-b',
          label: 'Simulated B',
          engine: 'sim',
          simulated: true,
          paramsB: 1,
          vramMB: 900,
        },
        {
          id: 'sim-a',
          label: 'Simulated A',
          engine: 'sim',
          simulated: true,
          paramsB: 0.5,
          vramMB: 400,
        },
      ]),
  } as unknown as ModelRegistry;
}

describe('offeredModels', () => {
  it('lists this device’s models smallest first, then remote ones (which need no GPU memory)', async () => {
    const options = await offeredModels(
      registry('webllm', [remote, device('big', 3000), device('small', 400)]),
    );
    expect(options.map((m) => m.id)).toEqual(['small', 'big', 'remote:e/m']);
  });

  it('offers remote models beside every simulated model in simulated mode', async () => {
    const options = await offeredModels(registry('sim', [remote]));
    expect(options.map((m) => m.id)).toEqual(['sim-a', 'sim-b', 'remote:e/m']);
    expect(options[2]?.runsOn).toEqual({ kind: 'endpoint', name: 'Box' });
  });

  it('offers every simulated model before any download in simulated mode, saying which are downloaded', async () => {
    const sim = { ...device('sim-b', 900), engine: 'sim' as const, simulated: true };
    const options = await offeredModels(registry('sim', [sim]));
    expect(options.map((m) => [m.id, m.downloaded])).toEqual([
      ['sim-a', false],
      ['sim-b', true],
    ]);
  });

  it('offers only downloaded models on the real engine: nothing downloaded, nothing offered', async () => {
    expect(await offeredModels(registry('webllm', []))).toEqual([]);
  });
});
