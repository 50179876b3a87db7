// Pure: whether this device can run real models, in one sentence for the landing page.
import type { DeviceCapabilities } from './probe-webgpu.js';

/** Whether real models can run here, and the sentence that says so. */
export interface RealModelSupport {
  /** 'yes': a hardware WebGPU adapter; 'slow': only a software one; 'no': no adapter at all. */
  verdict: 'yes' | 'slow' | 'no';
  text: string;
}

/**
 * Reads the WebGPU probe (probe-webgpu.ts) as a visitor needs it on arrival: can real models run
 * here, and if not, that the simulated demo still does. Which models fit is the models page's to say.
 */
export function realModelSupport(caps: DeviceCapabilities): RealModelSupport {
  const adapter = caps.adapter;
  if (!adapter) {
    return {
      verdict: 'no',
      text: caps.webgpu
        ? 'This browser has WebGPU but found no usable GPU, so real models cannot run here. The simulated demo runs on any device.'
        : 'This browser has no WebGPU, so real models cannot run here. The simulated demo runs on any device.',
    };
  }
  if (adapter.isFallbackAdapter) {
    return {
      verdict: 'slow',
      text: 'This browser offers only a software GPU: real models would load but answer far too slowly. The simulated demo runs well.',
    };
  }
  return {
    verdict: 'yes',
    text: caps.shaderF16
      ? 'This device has a WebGPU GPU: real models can run here. Set up models shows which ones fit.'
      : 'This device has a WebGPU GPU: real models can run here (those that need no shader-f16). Set up models shows which ones fit.',
  };
}
