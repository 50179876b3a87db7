// The seeded bootstrap: intervals that contain the estimate, shrink with more votes, and repeat with the seed.
import { describe, expect, it } from 'vitest';
import { columnQuantiles } from '../../../../src/arena/rating/bootstrap.js';
import { computeLeaderboard } from '../../../../src/arena/rating/leaderboard.js';
import type { Vote } from '../../../../src/arena/rating/vote.js';
import { votes } from './support.js';

const request = {
  source: 'human',
  excludeBothBad: false,
  resamples: 1000,
  seed: 7,
} as const;

/** Three models with 2:1 odds along a chain, `scale` battles per unit. */
function chain(scale: number): Vote[] {
  return [
    ...votes('a', 'b', 'a', 2 * scale),
    ...votes('a', 'b', 'b', scale),
    ...votes('b', 'c', 'a', 2 * scale),
    ...votes('b', 'c', 'b', scale),
    ...votes('a', 'c', 'a', 3 * scale),
    ...votes('a', 'c', 'tie', scale),
  ];
}

const width = (s: { lower: number; upper: number }) => s.upper - s.lower;

describe('bootstrap intervals', () => {
  it('contain the point estimate of every model', () => {
    for (const scale of [2, 10, 50]) {
      for (const s of computeLeaderboard(chain(scale), request).standings) {
        expect(s.lower).toBeLessThanOrEqual(s.rating);
        expect(s.upper).toBeGreaterThanOrEqual(s.rating);
        expect(width(s)).toBeGreaterThan(0);
      }
    }
  });

  it('shrink as votes grow: 16 times the votes, about a quarter of the width', () => {
    const few = computeLeaderboard(chain(5), request).standings;
    const many = computeLeaderboard(chain(80), request).standings;
    for (const s of many) {
      const before = few.find((f) => f.id === s.id)!;
      const ratio = width(s) / width(before);
      expect(ratio).toBeLessThan(0.4);
      expect(ratio).toBeGreaterThan(0.15);
    }
  });

  it('are the same for the same seed and differ for another', () => {
    const one = computeLeaderboard(chain(5), request).standings;
    const again = computeLeaderboard(chain(5), request).standings;
    const other = computeLeaderboard(chain(5), { ...request, seed: 8 }).standings;
    expect(again).toEqual(one);
    expect(other.map((s) => s.lower)).not.toEqual(one.map((s) => s.lower));
  });
});

describe('columnQuantiles', () => {
  it('interpolates between order statistics (type 7)', () => {
    // One column, values 1..5 shuffled: the 25 % quantile is 2, the 10 % quantile 1.4.
    const matrix = Float64Array.from([3, 1, 5, 2, 4]);
    expect(columnQuantiles(matrix, 1, 0, [0, 0.1, 0.25, 0.5, 1])).toEqual([1, 1.4, 2, 3, 5]);
  });
});
