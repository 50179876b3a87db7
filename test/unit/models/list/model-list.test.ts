// web-llm's model list as Quorum reads it: facts from ids, shader-f16 needs, variant picks, smaller-context variants.
import { describe, expect, it } from 'vitest';
import {
  MODEL_LIST,
  parseFamily,
  parseParamsB,
  parseQuantization,
  pickVariant,
  preferredModels,
  smallerContextVariant,
  variantKey,
  type ModelInfo,
} from '../../../../src/models/list/model-list.js';

const byId = (id: string): ModelInfo => {
  const found = MODEL_LIST.find((m) => m.id === id);
  if (!found) throw new Error(`${id} is not in the list`);
  return found;
};

describe('facts derived from model ids', () => {
  it.each([
    ['Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'Qwen2.5', 1.5, 'q4f16_1'],
    ['SmolLM2-360M-Instruct-q4f32_1-MLC', 'SmolLM2', 0.36, 'q4f32_1'],
    ['Llama-3.2-1B-Instruct-q0f16-MLC', 'Llama-3.2', 1, 'q0f16'],
    ['stablelm-2-zephyr-1_6b-q4f32_1-MLC-1k', 'stablelm-2-zephyr', 1.6, 'q4f32_1'],
    ['gemma-2-2b-it-q4f16_1-MLC', 'gemma-2', 2, 'q4f16_1'],
    ['Phi-3.5-mini-instruct-q4f32_1-MLC', 'Phi-3.5-mini-instruct', 3.8, 'q4f32_1'],
    ['Llama-3.1-70B-Instruct-q3f16_1-MLC', 'Llama-3.1', 70, 'q3f16_1'],
  ])('%s → %s, %sB, %s', (id, family, params, quant) => {
    expect(parseFamily(id)).toBe(family);
    expect(parseParamsB(id)).toBe(params);
    expect(parseQuantization(id)).toBe(quant);
  });

  it('leaves the parameter count null when neither the id nor the table knows it', () => {
    expect(parseParamsB('Mystery-Chat-q4f16_1-MLC')).toBeNull();
  });
});

describe('base models', () => {
  it('marks the base (not chat-tuned) models of the list, and no instruct or chat model', () => {
    const base = MODEL_LIST.filter((m) => m.base).map((m) => m.id);
    expect(base).toContain('Ministral-3-3B-Base-2512-q4f16_1-MLC');
    expect(base).toContain('phi-2-q4f32_1-MLC');
    expect(base).toContain('phi-1_5-q4f16_1-MLC-1k');
    expect(base.filter((id) => /Instruct|Chat|-it-|Reasoning/i.test(id))).toEqual([]);
    expect(byId('Ministral-3-3B-Instruct-2512-BF16-q4f16_1-MLC').base).toBe(false);
  });
});

describe('MODEL_LIST', () => {
  it('has only chat LLMs, each with a model URL, a lib URL and a memory estimate', () => {
    expect(MODEL_LIST.length).toBeGreaterThan(100);
    for (const model of MODEL_LIST) {
      expect(model.modelUrl).toMatch(/^https:\/\//);
      expect(model.modelLibUrl).toMatch(/\.wasm$/);
      expect(model.vramMB).toBeGreaterThan(0);
    }
    expect(MODEL_LIST.some((m) => /embed|vision/i.test(m.id))).toBe(false);
  });

  it('marks every f16 quantization as needing shader-f16, and q4f32 as not', () => {
    expect(byId('Qwen2.5-0.5B-Instruct-q4f16_1-MLC').needsShaderF16).toBe(true);
    expect(byId('Qwen2.5-0.5B-Instruct-q0f16-MLC').needsShaderF16).toBe(true);
    expect(byId('Qwen2.5-0.5B-Instruct-q4f32_1-MLC').needsShaderF16).toBe(false);
  });

  it('takes the context window from the record overrides', () => {
    expect(byId('Phi-3.5-mini-instruct-q4f32_1-MLC-1k').contextWindow).toBe(1024);
    expect(byId('Phi-3.5-mini-instruct-q4f32_1-MLC').contextWindow).toBe(4096);
  });
});

describe('choosing variants', () => {
  const qwen = MODEL_LIST.filter(
    (m) => variantKey(m.id) === variantKey('Qwen2.5-0.5B-Instruct-q4f16_1-MLC'),
  );

  it('groups the quantizations of one model', () => {
    expect(qwen.map((m) => m.quantization).sort()).toEqual([
      'q0f16',
      'q0f32',
      'q4f16_1',
      'q4f32_1',
    ]);
  });

  it('prefers q4f32 when the adapter lacks shader-f16', () => {
    expect(pickVariant(qwen, { shaderF16: false })?.id).toBe('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
  });

  it('prefers q4f16 when the adapter has shader-f16', () => {
    expect(pickVariant(qwen, { shaderF16: true })?.id).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
  });

  it('offers nothing for a model that only exists in f16 on an adapter without shader-f16', () => {
    const f16Only = MODEL_LIST.filter((m) => m.id.startsWith('Hermes-2-Pro-Mistral-7B'));
    expect(f16Only.length).toBeGreaterThan(0);
    expect(pickVariant(f16Only, { shaderF16: false })).toBeNull();
  });

  it('keeps one runnable variant per model, none needing f16 without shader-f16', () => {
    const offered = preferredModels(MODEL_LIST, { shaderF16: false });
    expect(offered.every((m) => !m.needsShaderF16)).toBe(true);
    expect(new Set(offered.map((m) => variantKey(m.id))).size).toBe(offered.length);
  });

  it('finds the smaller-context build of a model', () => {
    const full = byId('Phi-3.5-mini-instruct-q4f32_1-MLC');
    expect(smallerContextVariant(full, MODEL_LIST)?.id).toBe(
      'Phi-3.5-mini-instruct-q4f32_1-MLC-1k',
    );
    expect(smallerContextVariant(byId('Qwen2.5-0.5B-Instruct-q4f32_1-MLC'), MODEL_LIST)).toBeNull();
  });
});
