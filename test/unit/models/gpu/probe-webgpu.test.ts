// The WebGPU probe against fake adapters (never throws, reads features and limits), and the guidance without WebGPU.
import { describe, expect, it } from 'vitest';
import { explainNoWebGpu, parseUserAgent } from '../../../../src/models/gpu/explain-no-webgpu.js';
import {
  adapterKey,
  probeWebGpu,
  type AdapterLike,
  type GpuLike,
} from '../../../../src/models/gpu/probe-webgpu.js';
import { DESKTOP_LIMITS } from '../../../support/gpu-fixtures.js';

const LINUX_CHROME_140 =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
const WINDOWS_CHROME_130 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

function fakeAdapter(overrides: Partial<AdapterLike> = {}): AdapterLike {
  return {
    features: new Set(['timestamp-query']),
    limits: DESKTOP_LIMITS,
    info: { vendor: 'nvidia', architecture: 'ampere', device: '', description: 'RTX 3060' },
    ...overrides,
  };
}

const gpuWith = (adapter: AdapterLike | null): GpuLike => ({
  requestAdapter: () => Promise.resolve(adapter),
});

describe('probeWebGpu', () => {
  it('reports no WebGPU when navigator.gpu is missing', async () => {
    const caps = await probeWebGpu(undefined);
    expect(caps).toMatchObject({ webgpu: false, adapter: null, problem: 'no-navigator-gpu' });
  });

  it('reports a null adapter as WebGPU present but no adapter', async () => {
    const caps = await probeWebGpu(gpuWith(null));
    expect(caps).toMatchObject({ webgpu: true, adapter: null, problem: 'no-adapter' });
  });

  it('never throws: a rejecting requestAdapter becomes a problem with its text', async () => {
    const gpu: GpuLike = { requestAdapter: () => Promise.reject(new Error('GPU process crashed')) };
    const caps = await probeWebGpu(gpu);
    expect(caps.problem).toBe('adapter-request-failed');
    expect(caps.detail).toContain('GPU process crashed');
  });

  it('reads the fallback flag from adapter.info, or from the adapter in older browsers', async () => {
    const inInfo = await probeWebGpu(
      gpuWith(fakeAdapter({ info: { vendor: 'google', isFallbackAdapter: true } })),
    );
    const onAdapter = await probeWebGpu(gpuWith(fakeAdapter({ isFallbackAdapter: true })));
    const neither = await probeWebGpu(gpuWith(fakeAdapter()));
    expect(inInfo.adapter?.isFallbackAdapter).toBe(true);
    expect(onAdapter.adapter?.isFallbackAdapter).toBe(true);
    expect(neither.adapter?.isFallbackAdapter).toBe(false);
  });

  it('sees shader-f16 only when the adapter lists it, and copies the key limits', async () => {
    const without = await probeWebGpu(gpuWith(fakeAdapter()));
    const withF16 = await probeWebGpu(
      gpuWith(fakeAdapter({ features: new Set(['shader-f16', 'timestamp-query']) })),
    );
    expect(without.shaderF16).toBe(false);
    expect(withF16.shaderF16).toBe(true);
    expect(withF16.adapter?.features).toEqual(['shader-f16', 'timestamp-query']);
    expect(withF16.adapter?.limits.maxBufferSize).toBe(2 ** 31);
    expect(withF16.adapter?.limits.maxComputeWorkgroupStorageSize).toBe(32768);
    expect(withF16.adapter?.description).toBe('RTX 3060');
  });

  it('keys the device log by adapter identity', async () => {
    const caps = await probeWebGpu(gpuWith(fakeAdapter()));
    expect(adapterKey(caps.adapter)).toBe('nvidia|ampere||RTX 3060');
    expect(adapterKey(null)).toBe('none');
  });
});

describe('explainNoWebGpu', () => {
  it('tells Linux Chrome users before 147 to update or enable the unsafe-webgpu flag', async () => {
    const guidance = explainNoWebGpu(await probeWebGpu(undefined), LINUX_CHROME_140);
    expect(guidance.status).toBe('unavailable');
    const text = guidance.steps.join(' ');
    expect(text).toContain('chrome://flags/#enable-unsafe-webgpu');
    expect(text).toContain('you have 140');
    expect(text).toMatch(/simulated/);
  });

  it('points Windows Chrome with no adapter at hardware acceleration and chrome://gpu', async () => {
    const guidance = explainNoWebGpu(await probeWebGpu(gpuWith(null)), WINDOWS_CHROME_130);
    expect(guidance.title).toMatch(/no usable GPU adapter/);
    expect(guidance.steps.join(' ')).toMatch(/hardware acceleration.*chrome:\/\/gpu/s);
  });

  it('gives Firefox its own advice rather than Chrome flags', async () => {
    const guidance = explainNoWebGpu(await probeWebGpu(undefined), FIREFOX);
    expect(guidance.steps.join(' ')).toContain('dom.webgpu.enabled');
    expect(guidance.steps.join(' ')).not.toContain('chrome://flags');
  });

  it('calls a fallback adapter limited, and a GPU without shader-f16 limited to q4f32', async () => {
    const fallback = await probeWebGpu(gpuWith(fakeAdapter({ isFallbackAdapter: true })));
    const noF16 = await probeWebGpu(gpuWith(fakeAdapter()));
    const full = await probeWebGpu(gpuWith(fakeAdapter({ features: new Set(['shader-f16']) })));
    expect(explainNoWebGpu(fallback, WINDOWS_CHROME_130)).toMatchObject({ status: 'limited' });
    expect(explainNoWebGpu(noF16, WINDOWS_CHROME_130).title).toContain('q4f32');
    expect(explainNoWebGpu(full, WINDOWS_CHROME_130).status).toBe('ok');
  });

  it('parses browser, version and OS from user agents', () => {
    expect(parseUserAgent(LINUX_CHROME_140)).toEqual({ name: 'chrome', major: 140, os: 'linux' });
    expect(parseUserAgent(FIREFOX)).toMatchObject({ name: 'firefox', major: 128 });
    expect(parseUserAgent(`${WINDOWS_CHROME_130} Edg/130.0.0.0`).name).toBe('edge');
  });
});
