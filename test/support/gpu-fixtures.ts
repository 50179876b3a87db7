// Shared WebGPU fixtures for unit tests: one discrete adapter with shader-f16, and the capabilities with and without it.
import type {
  AdapterSummary,
  DeviceCapabilities,
  KeyLimits,
} from '../../src/models/gpu/probe-webgpu.js';

/** A desktop GPU's limits: 2 GiB buffers, 1 GiB storage bindings. */
export const DESKTOP_LIMITS: KeyLimits = {
  maxBufferSize: 2 ** 31,
  maxStorageBufferBindingSize: 2 ** 30,
  maxComputeWorkgroupStorageSize: 32768,
  maxComputeInvocationsPerWorkgroup: 1024,
  maxStorageBuffersPerShaderStage: 10,
};

/** A discrete NVIDIA GPU with shader-f16, as the probe summarises it. */
export const DISCRETE_ADAPTER: AdapterSummary = {
  vendor: 'nvidia',
  architecture: 'ampere',
  device: '',
  description: '',
  isFallbackAdapter: false,
  features: ['shader-f16'],
  limits: DESKTOP_LIMITS,
};

/** What the probe reports on a device with that GPU. */
export const GPU: DeviceCapabilities = {
  webgpu: true,
  shaderF16: true,
  problem: null,
  adapter: DISCRETE_ADAPTER,
};

/** What the probe reports where the browser has no WebGPU at all. */
export const NO_GPU: DeviceCapabilities = {
  webgpu: false,
  adapter: null,
  shaderF16: false,
  problem: 'no-navigator-gpu',
};
