import { describe, expect, it } from 'vitest';
import { detectQuestionKind, extractAnswer } from '../../../../src/fusion/modes/extract-answer.js';

describe('extractAnswer', () => {
  it.each([
    ['17 × 23: 17 × 20 = 340, 17 × 3 = 51.\nAnswer: 391', '391'],
    ['So the total is 17 × 23 = 391', '391'],
    ['Answer: 1,234,567 apples', '1234567'],
    ['The final answer is -42.', '-42'],
    ['Answer: 3.50', '3.5'],
    ['Answer: -0', '0'],
    ['The result is \\boxed{12}', '12'],
  ])('reads the number in %j', (text, expected) => {
    const answer = extractAnswer(text, 'number');
    expect(answer.kind).toBe('number');
    expect(answer.normalized).toBe(expected);
  });

  it('takes the last number of unmarked working when a number is expected', () => {
    expect(extractAnswer('First 12, then 30, finally 42', 'number').normalized).toBe('42');
  });

  it.each([
    ['Reasoning...\nAnswer: (B)', 'B'],
    ['I think the answer is C because of X.', 'C'],
    ['Answer: D) Paris', 'D'],
    ['(E)', 'E'],
  ])('reads the option letter in %j', (text, expected) => {
    const answer = extractAnswer(text, 'choice');
    expect(answer).toMatchObject({ kind: 'choice', normalized: expected });
  });

  it('does not read a sentence starting with "A" as option A', () => {
    expect(extractAnswer('A farmer would pick the second one.', 'choice').kind).toBe('text');
  });

  it.each([
    ['Answer: Yes', 'yes'],
    ['No, because the set is empty.', 'no'],
  ])('reads yes/no in %j', (text, expected) => {
    expect(extractAnswer(text, 'yesno')).toMatchObject({ kind: 'yesno', normalized: expected });
  });

  it('detects the kind without a hint', () => {
    expect(extractAnswer('Answer: 391').kind).toBe('number');
    expect(extractAnswer('Answer: (B)').kind).toBe('choice');
    expect(extractAnswer('Answer: yes').kind).toBe('yesno');
  });

  it('falls back to short normalised text', () => {
    const answer = extractAnswer('  The Capital is PARIS!  ', 'text');
    expect(answer).toEqual({
      kind: 'text',
      value: 'The Capital is PARIS!',
      normalized: 'the capital is paris',
    });
  });
});

describe('detectQuestionKind', () => {
  it('expects a number for arithmetic', () => {
    expect(detectQuestionKind('What is 17 * 23?')).toBe('number');
    expect(detectQuestionKind('What is 100 - 58?')).toBe('number');
    expect(detectQuestionKind('How many legs do 3 spiders have?')).toBe('number');
  });
  it('expects a letter when options are listed', () => {
    expect(detectQuestionKind('Which is a prime?\nA) 4\nB) 6\nC) 7\nD) 9')).toBe('choice');
  });
  it('expects yes or no for a closed question', () => {
    expect(detectQuestionKind('Is the Pacific larger than the Atlantic?')).toBe('yesno');
  });
  it('expects free text otherwise', () => {
    expect(detectQuestionKind('Write a haiku about autumn.')).toBe('text');
    expect(detectQuestionKind('Summarise the 2024-11-23 notes in 2-3 sentences.')).toBe('text');
    expect(detectQuestionKind('Is it better to use tabs or spaces?')).toBe('text');
  });
});
