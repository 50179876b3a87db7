import { describe, expect, it } from 'vitest';
import { humanModelName } from '../../../../src/models/list/model-names.js';
import { MODEL_LIST } from '../../../../src/models/list/model-list.js';

describe('humanModelName', () => {
  it('drops the quantization and MLC, spaces the words, and writes sizes as on a model card', () => {
    expect(humanModelName('Llama-3.2-1B-Instruct-q4f32_1-MLC')).toBe('Llama 3.2 1B Instruct');
    expect(humanModelName('stablelm-2-zephyr-1_6b-q4f16_1-MLC')).toBe('Stablelm 2 Zephyr 1.6B');
    expect(humanModelName('Llama-2-7b-chat-hf-q4f32_1-MLC')).toBe('Llama 2 7B Chat');
    expect(humanModelName('SmolLM2-360M-Instruct-q0f32-MLC')).toBe('SmolLM2 360M Instruct');
  });

  it('names the smaller-context builds and gemma "it" as what they are', () => {
    expect(humanModelName('gemma-2-2b-it-q4f16_1-MLC-1k')).toBe('Gemma 2 2B Instruct (1K context)');
  });

  it('never returns an empty name and never keeps a quantization, for every listed model', () => {
    for (const model of MODEL_LIST) {
      const name = humanModelName(model.id);
      expect(name.trim(), model.id).not.toBe('');
      expect(name, model.id).not.toMatch(/q\d+f\d+|MLC/);
    }
    expect(humanModelName('q4f16_1-MLC')).toBe('q4f16_1-MLC');
  });
});
