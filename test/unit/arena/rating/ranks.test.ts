// Ranks from intervals: only a wholly higher interval ranks ahead.
import { describe, expect, it } from 'vitest';
import { ranksFromIntervals } from '../../../../src/arena/rating/ranks.js';

describe('ranksFromIntervals', () => {
  it('shares a rank between overlapping intervals and counts only wholly higher ones', () => {
    // a [1100, 1200], b [1050, 1150] overlaps a, c [900, 1000] lies below both, d [980, 1060] overlaps b and c.
    const ranks = ranksFromIntervals([1100, 1050, 900, 980], [1200, 1150, 1000, 1060]);
    expect(ranks).toEqual([1, 1, 3, 2]);
  });
});
