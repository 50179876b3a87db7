// countOf: a count with its noun in the right number.
import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/shared/count.js';

describe('countOf', () => {
  it('writes one in the singular and every other count in the plural', () => {
    expect(countOf(1, 'token')).toBe('1 token');
    expect(countOf(0, 'token')).toBe('0 tokens');
    expect(countOf(2, 'token')).toBe('2 tokens');
    expect(countOf(1.5, 'token')).toBe('1.5 tokens');
  });

  it('takes an irregular plural and nouns of several words', () => {
    expect(countOf(1, 'completion token')).toBe('1 completion token');
    expect(countOf(3, 'reply', 'replies')).toBe('3 replies');
  });
});
