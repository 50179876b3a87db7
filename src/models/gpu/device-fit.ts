// Pure: whether this device's GPU can run a model at all, whatever the memory budget (adapter, shader-f16, buffer limits).
import type { DeviceCapabilities, KeyLimits } from './probe-webgpu.js';
import type { EngineKind } from '../worker/model-protocol.js';
import type { PlannedModel } from './plan-gpu-memory.js';

/** What a model asks of the GPU besides memory. */
export interface GpuNeeds {
  /** Only 'webllm' models run on the GPU: simulated and recorded ones run anywhere. */
  engine: EngineKind;
  needsShaderF16: boolean;
  /** web-llm's `buffer_size_required_bytes`: the maxStorageBufferBindingSize its library needs; null when not named. */
  bufferBytes: number | null;
}

const MiB = 1024 * 1024;

/**
 * The limits below which web-llm 0.2.86 runs no model at all: its detectGPUDevice asks for 1 GiB
 * buffers and storage bindings, falls back to 256 MiB and 128 MiB, and throws below those (lib/index.js,
 * lines 4774–4820).
 */
export const WEBLLM_MINIMUM_LIMITS: Readonly<Partial<KeyLimits>> = {
  maxBufferSize: 256 * MiB,
  maxStorageBufferBindingSize: 128 * MiB,
  maxComputeWorkgroupStorageSize: 32 * 1024,
  maxStorageBuffersPerShaderStage: 10,
};

function mib(bytes: number): string {
  return `${Math.round(bytes / MiB)} MB`;
}

/**
 * Why this GPU cannot run the model, in one sentence for the visitor, or null when nothing but
 * memory stands in the way. The one rule for the model manager and the studio's plan alike.
 * A limit the probe could not read (0) is not held against the model.
 */
export function gpuProblem(model: GpuNeeds, caps: DeviceCapabilities): string | null {
  if (model.engine !== 'webllm') return null;
  const adapter = caps.adapter;
  if (!adapter) return 'No WebGPU adapter on this device.';
  if (model.needsShaderF16 && !caps.shaderF16) return 'Needs shader-f16, which this GPU lacks.';
  const binding = adapter.limits.maxStorageBufferBindingSize;
  if (model.bufferBytes !== null && binding > 0 && model.bufferBytes > binding) {
    return `Too large for this GPU: its library needs storage buffers of ${mib(model.bufferBytes)}, and this GPU allows ${mib(binding)} (maxStorageBufferBindingSize).`;
  }
  for (const [name, minimum] of Object.entries(WEBLLM_MINIMUM_LIMITS)) {
    const value = adapter.limits[name as keyof KeyLimits];
    if (minimum !== undefined && value > 0 && value < minimum) {
      const size = (n: number) => (minimum >= MiB ? mib(n) : String(n));
      return `Too small a GPU for web-llm: it allows ${size(value)} where web-llm needs ${size(minimum)} (${name}).`;
    }
  }
  return null;
}

/** A model as the memory plan takes it (an unknown id needs nothing), with what this GPU cannot do. */
export function plannedModel(
  id: string,
  model: (GpuNeeds & { vramMB: number }) | null,
  caps: DeviceCapabilities,
): PlannedModel {
  return { id, vramMB: model?.vramMB ?? 0, gpuProblem: model ? gpuProblem(model, caps) : null };
}
