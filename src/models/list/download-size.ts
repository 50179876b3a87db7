// Pure: how much a model's download is, and whether it is large enough to ask before it starts.
import type { RegistryModel } from './registry-models.js';

/** A download's size in MB (2^20 bytes, as web-llm's memory figures and the progress bar count) and how the figure was arrived at, in words. */
export interface DownloadSize {
  mb: number;
  /** Whether `mb` is an estimate (real models: from parameters and quantization, not the files' sizes). */
  estimated: boolean;
  basis: string;
}

/**
 * Bits stored per weight for MLC's quantizations: 4-bit weights in groups of 32 with one f16 scale
 * (q4f16_1: 4 + 16/32 = 4.5) or one f32 scale (q4f32_1: 4 + 32/32 = 5); q3f16_1 packs ten 3-bit weights
 * in a 32-bit word, in groups of 40 with an f16 scale (3.2 + 16/40 = 3.6); q0 is unquantized. Source:
 * mlc-llm's presets, python/mlc_llm/quantization/quantization.py (embeddings are quantized too).
 */
const BITS_PER_WEIGHT: Readonly<Record<string, number>> = {
  q4f16_1: 4.5,
  q4f32_1: 5,
  q3f16_1: 3.6,
  q0f16: 16,
  q0f32: 32,
};

// The model library (a WebAssembly file) and the tokenizer come with the weights: a few MB, rounded up.
const LIBRARY_AND_TOKENIZER_MB = 10;

/**
 * Asking first above 1 GB: at a 50 Mbit/s connection that is close to three minutes, and on a metered
 * phone plan a large part of a month's data. The smallest useful chat models (SmolLM2 360M, Qwen2.5
 * 0.5B, Llama 3.2 1B, TinyLlama: 0.2–0.9 GB) still download with one click.
 */
export const CONFIRM_ABOVE_MB = 1024;

/**
 * The download of `model`: a simulated model's pretend size, nothing for a recorded one, and for a
 * web-llm model parameters × bits per weight ÷ 8 plus the library, an estimate (the list carries no file
 * sizes). Without a parameter count or a known quantization, GPU memory is the bound (the weights are part
 * of it). Sizes written in ids as effective ("E2B") undercount, so those use the GPU memory too.
 */
export function downloadSizeOf(model: RegistryModel): DownloadSize {
  if (model.engine === 'recorded') return { mb: 0, estimated: false, basis: 'nothing to download' };
  if (model.simulated) {
    return { mb: model.downloadMB ?? 0, estimated: false, basis: 'pretend, like the model' };
  }
  const bits = BITS_PER_WEIGHT[model.quantization ?? ''];
  const effective = /(?:^|-)E\d/.test(model.id);
  if (model.paramsB === null || bits === undefined || effective) {
    return {
      mb: Math.round(model.vramMB),
      estimated: true,
      basis: 'at most its GPU memory estimate',
    };
  }
  const mb = Math.round((model.paramsB * 1000 * bits) / 8) + LIBRARY_AND_TOKENIZER_MB;
  return {
    mb,
    estimated: true,
    basis: `estimated from ${model.paramsB} B parameters at ${bits} bits each`,
  };
}

/** Whether to ask before downloading: real downloads over the threshold, or of a model that does not fit. */
export function needsConfirmation(
  model: RegistryModel,
  size: DownloadSize,
  fits: boolean,
): boolean {
  if (model.simulated || model.engine !== 'webllm') return false;
  return size.mb > CONFIRM_ABOVE_MB || !fits;
}
