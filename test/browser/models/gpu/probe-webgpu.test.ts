// The probe against Chromium's real WebGPU (with --enable-unsafe-webgpu: SwiftShader on GPU-less machines).
import { expect, it } from 'vitest';
import { explainNoWebGpu } from '../../../../src/models/gpu/explain-no-webgpu.js';
import { probeWebGpu } from '../../../../src/models/gpu/probe-webgpu.js';

it('reports the same adapter, features and limits the browser gives directly', async () => {
  // The test browser exposes WebGPU (--enable-unsafe-webgpu), so the probe has something to read.
  expect(typeof navigator.gpu).toBe('object');
  const caps = await probeWebGpu();
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  expect(adapter).not.toBeNull();
  if (!adapter) return;

  expect(caps.webgpu).toBe(true);
  expect(caps.problem).toBeNull();
  expect(caps.adapter?.features).toEqual([...adapter.features].sort());
  expect(caps.shaderF16).toBe(adapter.features.has('shader-f16'));
  expect(caps.adapter?.limits.maxBufferSize).toBe(adapter.limits.maxBufferSize);
  expect(caps.adapter?.limits.maxStorageBufferBindingSize).toBe(
    adapter.limits.maxStorageBufferBindingSize,
  );
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  expect(caps.adapter?.isFallbackAdapter).toBe(
    info.isFallbackAdapter ??
      (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter ??
      false,
  );
  expect(caps.adapter?.vendor).toBe(adapter.info.vendor);
});

it('on a software adapter, the guidance says models would be too slow; otherwise not', async () => {
  const caps = await probeWebGpu();
  const guidance = explainNoWebGpu(caps, navigator.userAgent);
  if (caps.adapter?.isFallbackAdapter) {
    // This is what a GPU-less CI machine reports (SwiftShader, no shader-f16).
    expect(guidance.status).toBe('limited');
    expect(guidance.title).toMatch(/software/);
  } else {
    expect(guidance.title).not.toMatch(/software/);
  }
});
