// Informative pairs: new pairs and close ratings first, ties broken by the seeded random.
import { describe, expect, it } from 'vitest';
import {
  battleStats,
  informativeness,
  pickInformativePair,
} from '../../../../src/arena/rating/pair-selection.js';
import { seededRandom } from '../../../../src/shared/prng.js';
import { votes } from './support.js';

const none = new Map<string, number>();

describe('pickInformativePair', () => {
  it('picks a pair that has not battled before one that has', () => {
    const stats = battleStats([...votes('a', 'b', 'a', 3), ...votes('b', 'c', 'a', 3)]);
    expect(pickInformativePair(['a', 'b', 'c'], stats, none, seededRandom(1))).toEqual(['a', 'c']);
  });

  it('among pairs with as many battles, picks the closest ratings', () => {
    const stats = battleStats([]);
    const ratings = new Map([
      ['a', 1200],
      ['b', 1000],
      ['c', 1010],
    ]);
    expect(pickInformativePair(['a', 'b', 'c'], stats, ratings, seededRandom(1))).toEqual([
      'b',
      'c',
    ]);
  });

  it('brings a model with few battles forward', () => {
    // b–c never met, like every pair with d; but b and c have battled 5 times each, d never.
    const stats = battleStats([...votes('a', 'b', 'a', 5), ...votes('a', 'c', 'a', 5)]);
    for (let seed = 1; seed <= 20; seed += 1) {
      expect(pickInformativePair(['a', 'b', 'c', 'd'], stats, none, seededRandom(seed))).toContain(
        'd',
      );
    }
  });

  it('breaks ties with the seeded random: the same seed, the same pair', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const stats = battleStats([]);
    const picks = [1, 2, 3, 4, 5, 6].map((seed) =>
      pickInformativePair(ids, stats, none, seededRandom(seed)),
    );
    expect(new Set(picks.map((p) => p!.join())).size).toBeGreaterThan(1);
    expect(pickInformativePair(ids, stats, none, seededRandom(3))).toEqual(picks[2]);
  });

  it('returns null with fewer than two models', () => {
    expect(pickInformativePair(['a', 'a'], battleStats([]), none, seededRandom(1))).toBeNull();
  });

  it('scores an even, unplayed pair 1', () => {
    expect(informativeness('a', 'b', battleStats([]), none)).toBe(1);
  });
});
