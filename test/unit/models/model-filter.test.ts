// Whether a model fits this device, in words, and the model manager's family, fit and search filters.
import { describe, expect, it } from 'vitest';
import { MODEL_LIST } from '../../../src/models/list/model-list.js';
import { fromModelInfo, modelsForMode } from '../../../src/models/list/registry-models.js';
import { familiesOf, filterModels, fitOf, fitsFirst } from '../../../src/models/model-filter.js';
import { DEFAULT_HEADROOM, planGpuMemory } from '../../../src/models/gpu/plan-gpu-memory.js';
import { DESKTOP_LIMITS, DISCRETE_ADAPTER, GPU, NO_GPU } from '../../support/gpu-fixtures.js';

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

describe('fitOf and the GPU storage-buffer limit', () => {
  // maxStorageBufferBindingSize of 128 MiB: WebGPU's default, and what many phones report.
  const PHONE = {
    ...GPU,
    adapter: {
      ...DISCRETE_ADAPTER,
      limits: { ...DESKTOP_LIMITS, maxStorageBufferBindingSize: 2 ** 27 },
    },
  };
  const model = (id: string) => {
    const info = MODEL_LIST.find((m) => m.id === id);
    if (!info) throw new Error(`${id} is not in the list`);
    return fromModelInfo(info);
  };

  it('marks gemma-2b (250 MB buffers) too large for a 128 MB GPU however large the budget, with the reason', () => {
    const fit = fitOf(model('gemma-2b-it-q4f16_1-MLC'), PHONE, { budgetMB: 1e6 });
    expect(fit.fits).toBe(false);
    expect(fit.why).toMatch(/too large for this GPU/i);
    expect(fit.why).toMatch(/250 MB.*128 MB.*maxStorageBufferBindingSize/);
  });

  it('marks gemma-4 (192 MB buffers) too large for it too, and both fit a 1 GB desktop GPU', () => {
    const gemma4 = model('gemma-4-E2B-it-q4f16_1-MLC');
    expect(fitOf(gemma4, PHONE, { budgetMB: 1e6 }).fits).toBe(false);
    expect(fitOf(gemma4, GPU, { budgetMB: 1e6 }).fits).toBe(true);
    expect(fitOf(model('gemma-2b-it-q4f16_1-MLC'), GPU, { budgetMB: 1e6 }).fits).toBe(true);
  });

  it('lets models that name no buffer size run on the 128 MB GPU (web-llm falls back to 128 MB)', () => {
    expect(fitOf(model('Qwen2.5-0.5B-Instruct-q4f16_1-MLC'), PHONE, { budgetMB: 1e6 }).fits).toBe(
      true,
    );
  });

  it('runs nothing on a GPU below web-llm’s 128 MB floor, and says so', () => {
    const tiny = {
      ...GPU,
      adapter: {
        ...DISCRETE_ADAPTER,
        limits: { ...DESKTOP_LIMITS, maxStorageBufferBindingSize: 2 ** 26 },
      },
    };
    const fit = fitOf(model('Qwen2.5-0.5B-Instruct-q4f16_1-MLC'), tiny, { budgetMB: 1e6 });
    expect(fit).toMatchObject({ fits: false, why: expect.stringMatching(/64 MB/) });
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
