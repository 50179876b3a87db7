// Bench pages (--real, check:real): whether this browser has a real WebGPU adapter, with shader-f16 where asked.

export interface AdapterCheck {
  ok: boolean;
  reason: string;
}

declare global {
  interface Window {
    benchCheckAdapter: (needsF16: boolean) => Promise<AdapterCheck>;
  }
}

window.benchCheckAdapter = async (needsF16) => {
  if (!('gpu' in navigator)) return { ok: false, reason: 'navigator.gpu is missing' };
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) return { ok: false, reason: 'no WebGPU adapter' };
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  if (info.isFallbackAdapter)
    return { ok: false, reason: 'only a software (fallback) WebGPU adapter' };
  if (needsF16 && !adapter.features.has('shader-f16'))
    return { ok: false, reason: 'no WebGPU adapter with shader-f16' };
  return { ok: true, reason: `${info.vendor} ${info.architecture}` };
};
