// Probes WebGPU once: is it there, which adapter, fallback or not, shader-f16, the limits that bound model sizes.
import { errorText } from '../../shared/errors.js';

/** The few limits that matter for loading models (bytes, except where named). */
export interface KeyLimits {
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  maxComputeWorkgroupStorageSize: number;
  maxComputeInvocationsPerWorkgroup: number;
  maxStorageBuffersPerShaderStage: number;
}

/**
 * What the probe keeps of a GPU adapter: its info, whether it is a software fallback, features and key
 * limits.
 */
export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  features: string[];
  limits: KeyLimits;
}

/** Why the probe found no usable adapter. */
export type ProbeProblem = 'no-navigator-gpu' | 'no-adapter' | 'adapter-request-failed';

/** The probe's result: whether WebGPU is there, the adapter, shader-f16, and any problem. */
export interface DeviceCapabilities {
  webgpu: boolean;
  adapter: AdapterSummary | null;
  shaderF16: boolean;
  /** Why there is no usable adapter; null when there is one. */
  problem: ProbeProblem | null;
  detail?: string;
}

/** The parts of GPUAdapter the probe reads, so tests can pass plain objects. */
export interface AdapterLike {
  readonly features: Iterable<string>;
  readonly limits: object;
  readonly info?: object;
  readonly isFallbackAdapter?: boolean;
}

/** The part of `navigator.gpu` the probe uses, so tests can pass plain objects. */
export interface GpuLike {
  requestAdapter(options?: GPURequestAdapterOptions): Promise<AdapterLike | null>;
}

const LIMIT_NAMES: readonly (keyof KeyLimits)[] = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxStorageBuffersPerShaderStage',
];

function field(source: object | undefined, name: string): unknown {
  return source && name in source ? (source as Record<string, unknown>)[name] : undefined;
}

function text(source: object | undefined, name: string): string {
  const value = field(source, name);
  return typeof value === 'string' ? value : '';
}

/**
 * Reads an adapter into plain data: info fields ('' when missing), features, key limits (0 when missing) and
 * the fallback flag wherever the browser puts it.
 */
export function summarizeAdapter(adapter: AdapterLike): AdapterSummary {
  const limits = {} as KeyLimits;
  for (const name of LIMIT_NAMES) {
    const value = field(adapter.limits, name);
    limits[name] = typeof value === 'number' ? value : 0;
  }
  // Newer browsers moved isFallbackAdapter from the adapter to adapter.info.
  const fallback = field(adapter.info, 'isFallbackAdapter') ?? adapter.isFallbackAdapter;
  return {
    vendor: text(adapter.info, 'vendor'),
    architecture: text(adapter.info, 'architecture'),
    device: text(adapter.info, 'device'),
    description: text(adapter.info, 'description'),
    isFallbackAdapter: fallback === true,
    features: [...adapter.features].sort(),
    limits,
  };
}

function defaultGpu(): GpuLike | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.gpu;
}

/** Never throws: every failure becomes a `problem`. */
export async function probeWebGpu(
  gpu: GpuLike | undefined = defaultGpu(),
): Promise<DeviceCapabilities> {
  if (!gpu) return { webgpu: false, adapter: null, shaderF16: false, problem: 'no-navigator-gpu' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { webgpu: true, adapter: null, shaderF16: false, problem: 'no-adapter' };
    const summary = summarizeAdapter(adapter);
    return {
      webgpu: true,
      adapter: summary,
      shaderF16: summary.features.includes('shader-f16'),
      problem: null,
    };
  } catch (error) {
    return {
      webgpu: true,
      adapter: null,
      shaderF16: false,
      problem: 'adapter-request-failed',
      detail: errorText(error),
    };
  }
}

/** Identifies this GPU in the device log, so what was learned on one adapter is not applied to another. */
export function adapterKey(adapter: AdapterSummary | null): string {
  if (!adapter) return 'none';
  const parts = [adapter.vendor, adapter.architecture, adapter.device, adapter.description];
  return `${parts.join('|')}${adapter.isFallbackAdapter ? '|fallback' : ''}`;
}
