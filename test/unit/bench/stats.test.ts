// Median and spread of the benchmark's repeated runs.
import { describe, expect, it } from 'vitest';
import { median, summarize } from '../../bench/stats.js';

describe('summarize', () => {
  it('takes the middle sample of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('reports min, max and the interquartile range regardless of input order', () => {
    const summary = summarize([9, 1, 5, 3, 7]);
    expect(summary).toMatchObject({ median: 5, min: 1, max: 9, iqr: 4, runs: 5 });
    expect(summary.samples).toEqual([9, 1, 5, 3, 7]);
  });

  it('refuses an empty list rather than inventing a figure', () => {
    expect(() => summarize([])).toThrow();
  });
});
