// The studio's pool options: models on this device smallest first, then endpoints' and the browser's, in simulated mode too.
import { describe, expect, it } from 'vitest';
import { loadPoolOptions } from '../../../../src/fusion/studio/pool-options.js';
import type { AvailableModel, ModelRegistry } from '../../../../src/models/model-registry.js';

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

describe('loadPoolOptions', () => {
  it('lists this device’s models smallest first, then remote ones (which need no GPU memory)', async () => {
    const options = await loadPoolOptions(
      registry('webllm', [remote, device('big', 3000), device('small', 400)]),
    );
    expect(options.map((m) => m.id)).toEqual(['small', 'big', 'remote:e/m']);
  });

  it('offers remote models beside every simulated model in simulated mode', async () => {
    const options = await loadPoolOptions(registry('sim', [remote]));
    expect(options.map((m) => m.id)).toEqual(['sim-a', 'sim-b', 'remote:e/m']);
    expect(options[2]?.runsOn).toEqual({ kind: 'endpoint', name: 'Box' });
  });
});
