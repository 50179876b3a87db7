// The leaderboard as a visitor reads it: a hand-checked case, the matrices, the source filter.
import { describe, expect, it } from 'vitest';
import {
  MIN_INTERVAL_BATTLES,
  computeLeaderboard,
} from '../../../../src/arena/rating/leaderboard.js';
import { votes } from './support.js';

const request = {
  source: 'human',
  excludeBothBad: false,
  resamples: 1000,
  seed: 1,
} as const;

describe('computeLeaderboard', () => {
  it('matches the hand-checked case: 7 wins of 10 → 1070.5 against 929.5', () => {
    const board = computeLeaderboard(
      [...votes('alpha', 'beta', 'a', 7), ...votes('beta', 'alpha', 'a', 3)],
      request,
    );
    const [first, second] = board.standings;
    expect(first).toMatchObject({ id: 'alpha', battles: 10, wins: 7, losses: 3, ties: 0, rank: 1 });
    expect(second).toMatchObject({ id: 'beta', battles: 10, wins: 3, losses: 7 });
    expect(first!.rating).toBeCloseTo(1070.5, 0);
    expect(second!.rating).toBeCloseTo(929.5, 0);
    // With 10 votes the intervals overlap, so both share rank 1.
    expect(second!.rank).toBe(1);
    expect(board.winRate).toEqual([
      [null, 0.7],
      [0.3, null],
    ]);
    expect(board.battleCounts).toEqual([
      [0, 10],
      [10, 0],
    ]);
    expect(board.votes).toBe(10);
  });

  it('gives no interval and no separate rank after too few votes (one vote looked certain: 1145 – 1145)', () => {
    const one = computeLeaderboard(votes('alpha', 'beta', 'a', 1), request);
    expect(one.standings.map((s) => [s.id, s.tooFewVotes, s.rank])).toEqual([
      ['alpha', true, 1],
      ['beta', true, 1],
    ]);
    // Enough battles, but every vote alike: every resample repeats them, so no spread to show.
    const alike = computeLeaderboard(votes('alpha', 'beta', 'a', MIN_INTERVAL_BATTLES), request);
    expect(alike.standings.map((s) => s.tooFewVotes)).toEqual([true, true]);
    const mixed = computeLeaderboard(
      [...votes('alpha', 'beta', 'a', MIN_INTERVAL_BATTLES - 1), ...votes('beta', 'alpha', 'a', 1)],
      request,
    );
    expect(mixed.standings.map((s) => s.tooFewVotes)).toEqual([false, false]);
    expect(mixed.standings[0]!.upper).toBeGreaterThan(mixed.standings[0]!.lower);
  });

  it('separates ranks once the intervals do', () => {
    const board = computeLeaderboard(
      [...votes('alpha', 'beta', 'a', 140), ...votes('beta', 'alpha', 'a', 60)],
      request,
    );
    expect(board.standings.map((s) => [s.id, s.rank])).toEqual([
      ['alpha', 1],
      ['beta', 2],
    ]);
  });

  it('orders the matrices by rating and counts ties half in the win rate', () => {
    const board = computeLeaderboard(
      [
        ...votes('c', 'a', 'a', 3),
        ...votes('c', 'a', 'tie', 2),
        ...votes('b', 'a', 'b', 1),
        ...votes('c', 'b', 'a', 4),
      ],
      request,
    );
    const order = board.standings.map((s) => s.id);
    expect(order).toEqual(['c', 'a', 'b']);
    // c against a: 3 wins and 2 ties of 5 → 0.8; a against b: 1 of 1; c against b: 4 of 4.
    expect(board.winRate).toEqual([
      [null, 0.8, 1],
      [0.2, null, 1],
      [0, 0, null],
    ]);
    expect(board.battleCounts).toEqual([
      [0, 5, 4],
      [5, 0, 1],
      [4, 1, 0],
    ]);
  });

  it('counts human votes, judge votes, or both, never mixing them unasked', () => {
    const list = [...votes('a', 'b', 'a', 4), ...votes('a', 'b', 'b', 6, { source: 'judge' })];
    expect(computeLeaderboard(list, request).votes).toBe(4);
    expect(computeLeaderboard(list, { ...request, source: 'judge' }).votes).toBe(6);
    const both = computeLeaderboard(list, { ...request, source: 'both' });
    expect(both.votes).toBe(10);
    expect(both.standings[0]!.id).toBe('b');
  });

  it('is empty without votes', () => {
    const board = computeLeaderboard([], request);
    expect(board.standings).toEqual([]);
    expect(board.winRate).toEqual([]);
  });
});
