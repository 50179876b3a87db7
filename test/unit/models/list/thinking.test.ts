// Which models reason in <think> blocks, and which of them let the visitor switch that off.
import { describe, expect, it } from 'vitest';
import { thinkingOf } from '../../../../src/models/list/thinking.js';

describe('thinkingOf', () => {
  it.each([
    ['Qwen3-0.6B-q4f16_1-MLC', 'switchable'],
    ['Qwen3-8B-q4f32_1-MLC', 'switchable'],
    ['DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC', 'always'],
    ['Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'none'],
    ['Llama-3.2-1B-Instruct-q4f16_1-MLC', 'none'],
    ['sim-steady-1.5B', 'switchable'],
    ['sim-tiny-360M', 'none'],
  ] as const)('%s: %s', (id, expected) => {
    expect(thinkingOf(id)).toBe(expected);
  });
});
