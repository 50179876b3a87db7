// The studio's pool options: offeredModels' models (the chat's too), then the recorded ones, in either mode.
import { describe, expect, it } from 'vitest';
import { loadPoolOptions } from '../../../../src/fusion/studio/pool-options.js';
import type {
  AvailableModel,
  ModelRegistry,
  RecordedOffer,
} from '../../../../src/models/model-registry.js';

const model = (id: string, engine: 'webllm' | 'sim', vramMB: number): AvailableModel => ({
  id,
  label: id,
  engine,
  simulated: engine === 'sim',
  paramsB: null,
  vramMB,
  downloaded: true,
});
const recorded = { ...model('rec-70B', 'sim', 0), source: 'a recording' } as RecordedOffer;

function registry(engineMode: 'webllm' | 'sim', available: AvailableModel[]): ModelRegistry {
  return {
    engineMode,
    available: () => Promise.resolve(available),
    recordedModels: () => Promise.resolve([recorded]),
    models: () => Promise.resolve([{ ...model('sim-a', 'sim', 400) }]),
  } as unknown as ModelRegistry;
}

describe('loadPoolOptions', () => {
  it('puts the recorded models after the downloaded ones on the real engine', async () => {
    const options = await loadPoolOptions(
      registry('webllm', [model('big', 'webllm', 3000), model('small', 'webllm', 400)]),
    );
    expect(options.map((m) => m.id)).toEqual(['small', 'big', 'rec-70B']);
  });

  it('puts the recorded models after every simulated model in simulated mode', async () => {
    const options = await loadPoolOptions(registry('sim', []));
    expect(options.map((m) => [m.id, m.downloaded])).toEqual([
      ['sim-a', false],
      ['rec-70B', true],
    ]);
  });
});
