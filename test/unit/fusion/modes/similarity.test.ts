// Free-text similarity: how central each answer is among the others (word unigrams and bigrams, Jaccard).
import { describe, expect, it } from 'vitest';
import { centralityScores } from '../../../../src/fusion/modes/similarity.js';

describe('centralityScores', () => {
  it('is 1 for the same words and 0 for none in common, symmetric in between', () => {
    expect(centralityScores(['The cat sat.', 'the CAT sat'])).toEqual([1, 1]);
    expect(centralityScores(['alpha beta', 'gamma delta'])).toEqual([0, 0]);
    const [ab, ba] = centralityScores(['paris is the capital', 'the capital is paris']);
    expect(ab).toBeGreaterThan(0.3);
    expect(ab).toBeLessThan(1);
    expect(ba).toBe(ab);
  });

  it('is 0 for an answer alone', () => {
    expect(centralityScores(['only one'])).toEqual([0]);
  });
});
