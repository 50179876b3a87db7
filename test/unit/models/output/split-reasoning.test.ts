// A model's text split into its <think> reasoning and its answer, in every state a stream can leave it.
import { describe, expect, it } from 'vitest';
import { answerPart, splitModelText } from '../../../../src/models/output/split-reasoning.js';

describe('splitModelText', () => {
  it('separates a complete think block from the answer', () => {
    expect(splitModelText('<think>\nAdd 17 and 23.\n</think>\n\nThe sum is 40.')).toEqual({
      reasoning: 'Add 17 and 23.',
      answer: 'The sum is 40.',
      thinking: false,
    });
  });

  it('drops an empty think block (thinking off still writes one)', () => {
    expect(splitModelText('<think>\n\n</think>\n\nParis.')).toEqual({
      reasoning: null,
      answer: 'Paris.',
      thinking: false,
    });
  });

  it('keeps a block still open as reasoning, with no answer yet', () => {
    expect(splitModelText('<think>\nLet me see, 17 tim')).toEqual({
      reasoning: 'Let me see, 17 tim',
      answer: '',
      thinking: true,
    });
  });

  it('reads everything before a lone closing tag as reasoning (the template opened it)', () => {
    expect(splitModelText('First I check the units.\n</think>\n\n42 km')).toEqual({
      reasoning: 'First I check the units.',
      answer: '42 km',
      thinking: false,
    });
  });

  it('returns text without a block as the answer', () => {
    expect(splitModelText('  Just an answer.\n')).toEqual({
      reasoning: null,
      answer: 'Just an answer.',
      thinking: false,
    });
  });

  it('keeps text written before the block in the answer', () => {
    const split = splitModelText('A take on “<think>plan</think> Final: 42 <|im_end|>”.');
    expect(split.reasoning).toBe('plan');
    expect(split.answer).toBe('A take on “ Final: 42 ”.');
  });

  it('strips special tokens from the answer and the reasoning', () => {
    expect(splitModelText('<think>plan</think> Final: 42 <|im_end|>')).toEqual({
      reasoning: 'plan',
      answer: 'Final: 42',
      thinking: false,
    });
  });

  it('reads tags in any case and with several blocks takes the answer after the last', () => {
    const split = splitModelText('<THINK>one</THINK>draft<think>two</think>final');
    expect(split.answer).toBe('final');
    expect(split.reasoning).toContain('one');
    expect(split.reasoning).toContain('two');
  });

  it('while streaming, hides a tag that has only partly arrived', () => {
    expect(splitModelText('<thi', { streaming: true })).toMatchObject({ answer: '' });
    expect(splitModelText('<think>plan</th', { streaming: true })).toEqual({
      reasoning: 'plan',
      answer: '',
      thinking: true,
    });
    expect(splitModelText('Done. <|im_e', { streaming: true }).answer).toBe('Done.');
    expect(splitModelText('a < b', { streaming: true }).answer).toBe('a < b');
  });

  it('gives the same answer when split again', () => {
    const once = splitModelText('<think>x</think>\nList<String> names <|eot_id|>').answer;
    expect(splitModelText(once).answer).toBe(once);
    expect(once).toBe('List<String> names');
  });
});

describe('answerPart', () => {
  it('is the answer of the split', () => {
    expect(answerPart('<think>a</think>b')).toBe('b');
  });
});
