// Chat-template special tokens stripped from model text before it is shown or stored.
import { describe, expect, it } from 'vitest';
import { stripSpecialTokens } from '../../../../src/models/output/special-tokens.js';

describe('stripSpecialTokens', () => {
  it.each([
    ['Final: 42 <|im_end|>', 'Final: 42 '],
    ['Final: 42<|eot_id|>', 'Final: 42'],
    ['<|start_header_id|>assistant<|end_header_id|>\n\nHello', '\nHello'],
    ['<|im_start|>assistant\nHello<|im_end|>\n<|endoftext|>', 'Hello\n'],
    ['Hi<|end|><|endoftext|>', 'Hi'],
    ['<start_of_turn>model\nHi<end_of_turn>', 'Hi'],
    ['<s> Hello </s>', ' Hello '],
    ['Hello<eos>', 'Hello'],
  ])('removes the tokens of %j', (text, expected) => {
    expect(stripSpecialTokens(text)).toBe(expected);
  });

  it.each([
    'List<String> names',
    '#include <vector>',
    'a < b > c',
    'Use <s>strike</s> in HTML',
    'x <| y',
  ])('leaves ordinary angle brackets in %j', (text) => {
    expect(stripSpecialTokens(text)).toBe(text);
  });
});
