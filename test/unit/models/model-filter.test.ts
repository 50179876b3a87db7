// Whether a model fits this device, in words, and the model manager's family, fit and search filters.
import { describe, expect, it } from 'vitest';
import { MODEL_LIST } from '../../../src/models/list/model-list.js';
import { fromModelInfo, modelsForMode } from '../../../src/models/list/registry-models.js';
import { familiesOf, filterModels, fitOf, fitsFirst } from '../../../src/models/model-filter.js';
import { DEFAULT_HEADROOM, planGpuMemory } from '../../../src/models/gpu/plan-gpu-memory.js';
import { GPU, NO_GPU } from '../../support/gpu-fixtures.js';

describe('fitOf', () => {
  const info = MODEL_LIST.find((m) => m.id === 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
  if (!info) throw new Error('Qwen2.5-1.5B q4f16 is not in the list');
  const model = fromModelInfo(info);

  it('fits within the usable memory (the budget less its headroom) and not beyond it', () => {
    const budgetFor = (usable: number) => usable / (1 - DEFAULT_HEADROOM);
    expect(fitOf(model, GPU, { budgetMB: budgetFor(model.vramMB + 1) }).fits).toBe(true);
    const over = fitOf(model, GPU, { budgetMB: budgetFor(model.vramMB - 1) });
    expect(over.fits).toBe(false);
    expect(over.why).toMatch(/more than the \d+ MB usable/);
  });

  it('agrees with the memory plan on every model, whatever the budget', () => {
    for (const budgetMB of [500, 1024, 1700, 4096]) {
      const models = modelsForMode(false, true);
      const plan = planGpuMemory(models, budgetMB);
      const unfit = new Set(plan.unfit.map((m) => m.id));
      for (const m of models) expect(fitOf(m, GPU, { budgetMB }).fits).toBe(!unfit.has(m.id));
    }
  });

  it('names a missing shader-f16 and a missing GPU before size', () => {
    const noF16 = fitOf(model, { ...GPU, shaderF16: false }, { budgetMB: 1e6 });
    expect(noF16).toMatchObject({ fits: false, why: expect.stringMatching(/shader-f16/) });
    expect(fitOf(model, NO_GPU, { budgetMB: 1e6 })).toMatchObject({
      fits: false,
      why: expect.stringMatching(/No WebGPU/),
    });
  });
});

describe('model manager filters', () => {
  it('keep only fitting models of a family that match every search word', () => {
    const models = modelsForMode(false, false);
    const budget = { budgetMB: 1500 };
    const fits = (m: (typeof models)[number]) => fitOf(m, GPU, budget).fits;
    const qwen = filterModels(
      models,
      { fitsOnly: true, family: 'Qwen2.5', search: 'instruct' },
      fits,
    );
    expect(qwen.length).toBeGreaterThan(0);
    expect(qwen.every((m) => m.family === 'Qwen2.5' && m.vramMB <= 1500 * 0.9)).toBe(true);
    expect(familiesOf(models)).toContain('Qwen2.5');
    const big = models.find((m) => m.vramMB > 1500);
    expect(big && fitOf(big, GPU, budget)).toMatchObject({ fits: false });
    expect(big && fitOf(big, NO_GPU, budget).why).toMatch(/No WebGPU/);
  });
});

describe('fitsFirst', () => {
  it('puts the models that fit first and keeps the list order within each group', () => {
    const models = modelsForMode(false, false);
    const fits = (m: (typeof models)[number]) => m.vramMB <= 1000;
    const sorted = fitsFirst(models, fits);
    expect(sorted).toHaveLength(models.length);
    const firstUnfit = sorted.findIndex((m) => !fits(m));
    expect(firstUnfit).toBeGreaterThan(0);
    expect(sorted.slice(firstUnfit).every((m) => !fits(m))).toBe(true);
    expect(sorted.slice(0, firstUnfit)).toEqual(models.filter(fits));
  });
});
