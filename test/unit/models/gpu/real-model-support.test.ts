// realModelSupport: the landing page's one sentence on whether real models can run on this device.
import { describe, expect, it } from 'vitest';
import { realModelSupport } from '../../../../src/models/gpu/real-model-support.js';
import { DISCRETE_ADAPTER, GPU, NO_GPU } from '../../../support/gpu-fixtures.js';

describe('realModelSupport', () => {
  it('says yes on a hardware adapter, and names shader-f16 only when it is missing', () => {
    expect(realModelSupport(GPU)).toMatchObject({ verdict: 'yes' });
    expect(realModelSupport(GPU).text).not.toMatch(/shader-f16/);
    const noF16 = { ...GPU, shaderF16: false, adapter: { ...DISCRETE_ADAPTER, features: [] } };
    expect(realModelSupport(noF16).text).toMatch(/need no shader-f16/);
  });

  it('calls a software adapter too slow for real models, and points to the demo', () => {
    const software = { ...GPU, adapter: { ...DISCRETE_ADAPTER, isFallbackAdapter: true } };
    expect(realModelSupport(software)).toMatchObject({ verdict: 'slow' });
    expect(realModelSupport(software).text).toMatch(/software GPU.*simulated demo/);
  });

  it('says no without an adapter, telling no WebGPU from no usable GPU', () => {
    expect(realModelSupport(NO_GPU)).toMatchObject({ verdict: 'no' });
    expect(realModelSupport(NO_GPU).text).toMatch(/^This browser has no WebGPU/);
    const noAdapter = { ...NO_GPU, webgpu: true, problem: 'no-adapter' as const };
    expect(realModelSupport(noAdapter).text).toMatch(/found no usable GPU/);
  });
});
