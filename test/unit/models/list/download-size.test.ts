import { describe, expect, it } from 'vitest';
import {
  CONFIRM_ABOVE_MB,
  downloadSizeOf,
  needsConfirmation,
} from '../../../../src/models/list/download-size.js';
import { findRegistryModel } from '../../../../src/models/list/registry-models.js';
import { GSM8K_RECORDED_MODELS } from '../../../../src/models/list/recorded-models.js';

const model = (id: string) => {
  const found = findRegistryModel(id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
};

describe('downloadSizeOf', () => {
  it('estimates a web-llm model from its parameters and bits per weight, plus the library', () => {
    // 1 B parameters at 5 bits (q4f32_1): 625 MB of weights and 10 MB of library and tokenizer.
    expect(downloadSizeOf(model('Llama-3.2-1B-Instruct-q4f32_1-MLC'))).toEqual({
      mb: 635,
      estimated: true,
      basis: 'estimated from 1 B parameters at 5 bits each',
    });
    expect(downloadSizeOf(model('Llama-3.1-8B-Instruct-q4f16_1-MLC')).mb).toBe(4510);
    expect(downloadSizeOf(model('SmolLM2-360M-Instruct-q0f32-MLC')).mb).toBe(1450);
  });

  it('bounds an effective-size id by its GPU memory, which holds the weights', () => {
    const gemma = model('gemma-4-E2B-it-q4f32_1-MLC');
    expect(downloadSizeOf(gemma)).toMatchObject({ mb: Math.round(gemma.vramMB), estimated: true });
  });

  it('gives a simulated model its pretend size and a recorded one nothing', () => {
    expect(downloadSizeOf(model('sim-sage-3B'))).toEqual({
      mb: 1900,
      estimated: false,
      basis: 'pretend, like the model',
    });
    const recorded = model(GSM8K_RECORDED_MODELS[0]!.id);
    expect(downloadSizeOf(recorded).mb).toBe(0);
  });
});

describe('needsConfirmation', () => {
  it('asks above 1 GB or when the model does not fit, for real downloads only', () => {
    const small = model('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    const large = model('Llama-3.1-8B-Instruct-q4f16_1-MLC');
    expect(needsConfirmation(small, downloadSizeOf(small), true)).toBe(false);
    expect(needsConfirmation(small, downloadSizeOf(small), false)).toBe(true);
    expect(needsConfirmation(large, downloadSizeOf(large), true)).toBe(true);
    expect(downloadSizeOf(large).mb).toBeGreaterThan(CONFIRM_ABOVE_MB);
    const sim = model('sim-sage-3B');
    expect(needsConfirmation(sim, downloadSizeOf(sim), false)).toBe(false);
  });
});
