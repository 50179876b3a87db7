// Seeded subsets: the same questions for the same seed, distinct and in order.
import { describe, expect, it } from 'vitest';
import { seededSubset } from '../../../../src/lab/tasks/subset.js';

describe('seededSubset', () => {
  it('draws the same distinct indices for the same seed, in ascending order', () => {
    const a = seededSubset(1319, 50, 1);
    expect(a).toEqual(seededSubset(1319, 50, 1));
    expect(new Set(a).size).toBe(50);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.every((i) => i >= 0 && i < 1319)).toBe(true);
    expect(seededSubset(1319, 50, 2)).not.toEqual(a);
  });

  it('takes every question when the subset is as large as the set', () => {
    expect(seededSubset(4, 10, 1)).toEqual([0, 1, 2, 3]);
  });

  it('rejects a subset of no questions', () => {
    expect(() => seededSubset(10, 0, 1)).toThrow(RangeError);
  });
});
