// The arena's contestants: downloaded models, every simulated model in simulated mode, and remote and built-in models in either mode.
import { describe, expect, it } from 'vitest';
import { battleCandidates, modelLabels } from '../../../../src/arena/battle/battle-candidates.js';
import { loadPoolOptions } from '../../../../src/fusion/studio/pool-options.js';
import type { AvailableModel, ModelRegistry } from '../../../../src/models/model-registry.js';

const remote: AvailableModel = {
  id: 'remote:e/big-70b',
  label: 'big-70b · Box',
  engine: 'remote',
  simulated: false,
  paramsB: 70,
  vramMB: 0,
  downloaded: true,
  runsOn: { kind: 'endpoint', name: 'Box' },
};
const nano: AvailableModel = {
  id: 'builtin:chrome',
  label: 'Chrome built-in model',
  engine: 'builtin',
  simulated: false,
  paramsB: null,
  vramMB: 0,
  downloaded: true,
  runsOn: { kind: 'browser' },
};
const sim = { id: 'sim-a', label: 'Simulated A', engine: 'sim', simulated: true, vramMB: 400 };

function registry(engineMode: 'webllm' | 'sim'): ModelRegistry {
  return {
    engineMode,
    simulated: engineMode === 'sim',
    available: () => Promise.resolve([remote, nano]),
    models: () => Promise.resolve([sim]),
    // Chrome's built-in model ignores temperature and seed, as BuiltinModelClient says.
    client: (id: string) => ({ independentSamples: id === nano.id ? false : undefined }),
  } as unknown as ModelRegistry;
}

describe('battleCandidates', () => {
  it('offers remote and built-in models beside the simulated ones in simulated mode', async () => {
    const ids = (await battleCandidates(registry('sim'))).map((m) => m.id);
    expect(ids).toEqual(['sim-a', 'remote:e/big-70b', 'builtin:chrome']);
  });

  it('offers them with the downloaded models otherwise, and names them on the leaderboard', async () => {
    const ids = (await battleCandidates(registry('webllm'))).map((m) => m.id);
    expect(ids).toEqual(['remote:e/big-70b', 'builtin:chrome']);
    expect((await modelLabels(registry('webllm'))).get('remote:e/big-70b')).toBe('big-70b · Box');
  });

  it('says which contestants cannot have their sampling set (the built-in model)', async () => {
    const fixed = (await battleCandidates(registry('sim'))).filter((m) => m.fixedSampling);
    expect(fixed.map((m) => m.id)).toEqual(['builtin:chrome']);
  });
});

describe('the arena and the studio offer the same models (one rule: offeredModels)', () => {
  const device = (id: string, vramMB: number): AvailableModel => ({
    id,
    label: id,
    engine: 'webllm',
    simulated: false,
    paramsB: null,
    vramMB,
    downloaded: true,
  });
  const recorded = { ...device('recorded-gsm8k-6b-finetuned', 0), engine: 'recorded' };
  /** Models out of order on purpose: the rule sorts this device's (or the simulated) ones smallest first. */
  function mixed(engineMode: 'webllm' | 'sim'): ModelRegistry {
    return {
      engineMode,
      simulated: engineMode === 'sim',
      available: () => Promise.resolve([remote, device('big', 3000), nano, device('small', 400)]),
      recordedModels: () => Promise.resolve([recorded]),
      models: () => Promise.resolve([{ ...sim, id: 'sim-big', vramMB: 2000 }, sim]),
      client: (id: string) => ({ independentSamples: id === nano.id ? false : undefined }),
    } as unknown as ModelRegistry;
  }

  for (const mode of ['webllm', 'sim'] as const)
    it(`in ${mode} mode, in the studio's order, the recorded models aside (the arena has its own group for them)`, async () => {
      const studio = (await loadPoolOptions(mixed(mode))).map((m) => m.id);
      const arena = (await battleCandidates(mixed(mode))).map((m) => m.id);
      expect(arena).toEqual(studio.filter((id) => id !== recorded.id));
      expect(arena.length).toBeGreaterThan(2);
    });
});
