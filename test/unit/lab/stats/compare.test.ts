import { describe, expect, it } from 'vitest';
import { compareWithBest } from '../../../../src/lab/stats/compare.js';
import type { AnswererOutcomes } from '../../../../src/lab/stats/summarise.js';

const answerer = (id: string, kind: 'single' | 'fusion', correct: number[]): AnswererOutcomes => ({
  id,
  kind,
  label: id,
  correct,
  tokens: correct.map(() => 1),
  ms: correct.map(() => 1),
});

describe('compareWithBest', () => {
  it('compares each mode with the best single model: difference, interval and McNemar p', () => {
    const best = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const [comparison] = compareWithBest(
      [
        answerer('weak', 'single', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        answerer('best', 'single', best),
        answerer('vote', 'fusion', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      ],
      { resamples: 2000, seed: 1 },
    );
    // Five questions only vote got right, none only the model: p = 2 / 2^5.
    expect(comparison).toMatchObject({
      mode: 'vote',
      against: 'best',
      difference: 0.5,
      onlyMode: 5,
      onlyAgainst: 0,
      mcnemarP: 2 / 32,
    });
    // The same hand-computed Binomial(10, ½)/10 percentiles as the bootstrap's own test.
    expect(comparison?.ci95).toEqual([0.2, 0.8]);
  });

  it('gives nothing to compare without a single model or without questions', () => {
    expect(compareWithBest([answerer('vote', 'fusion', [1])], { resamples: 10, seed: 1 })).toEqual(
      [],
    );
    expect(
      compareWithBest([answerer('a', 'single', []), answerer('vote', 'fusion', [])], {
        resamples: 10,
        seed: 1,
      }),
    ).toEqual([]);
  });
});
