// The length-controlled fit: a verbose model's edge that is only its length goes away.
import { describe, expect, it } from 'vitest';
import {
  computeLeaderboard,
  computeLengthControlled,
} from '../../../../src/arena/rating/leaderboard.js';
import type { Vote } from '../../../../src/arena/rating/vote.js';
import { votes } from './support.js';

const request = {
  source: 'human',
  excludeBothBad: false,
  resamples: 200,
  seed: 3,
} as const;

/**
 * Two equally good models where the longer answer wins 80 % of the time; "verbose" writes the longer
 * answer in 75 % of battles. Plain ratings favour "verbose"; controlling for length should not.
 */
function both(list: Vote[]) {
  const board = computeLeaderboard(list, request);
  return { board, lc: computeLengthControlled(list, board, request) };
}

function lengthBiased(): Vote[] {
  const long = { lengthA: 900, lengthB: 300 };
  const short = { lengthA: 300, lengthB: 900 };
  return [
    // verbose longer (30 battles): the longer answer (verbose) wins 24, loses 6.
    ...votes('verbose', 'terse', 'a', 24, long),
    ...votes('verbose', 'terse', 'b', 6, long),
    // verbose shorter (10 battles): the longer answer (terse) wins 8, loses 2.
    ...votes('verbose', 'terse', 'b', 8, short),
    ...votes('verbose', 'terse', 'a', 2, short),
  ];
}

describe('length-controlled ratings', () => {
  it('take out the pull of longer answers and report it', () => {
    const { board, lc: controlledBoard } = both(lengthBiased());
    const plain = new Map(board.standings.map((s) => [s.id, s.rating]));
    expect(plain.get('verbose')! - plain.get('terse')!).toBeGreaterThan(50);
    const lc = controlledBoard!;
    const controlled = new Map(lc.standings.map((s) => [s.id, s.rating]));
    expect(Math.abs(controlled.get('verbose')! - controlled.get('terse')!)).toBeLessThan(15);
    expect(lc.pointsPerSd).toBeGreaterThan(100);
    expect(lc.longerWins).toBeGreaterThan(0.7);
    expect(lc.standings.find((s) => s.id === 'verbose')!.shift).toBeLessThan(-25);
    expect(lc.withLengths).toBe(40);
  });

  it('is null when no vote carries lengths', () => {
    expect(both(votes('x', 'y', 'a', 5)).lc).toBeNull();
  });

  it('leaves ratings alone when length does not predict the winner', () => {
    const list = [
      ...votes('p', 'q', 'a', 10, { lengthA: 900, lengthB: 300 }),
      ...votes('p', 'q', 'a', 10, { lengthA: 300, lengthB: 900 }),
      ...votes('p', 'q', 'b', 5, { lengthA: 900, lengthB: 300 }),
      ...votes('p', 'q', 'b', 5, { lengthA: 300, lengthB: 900 }),
    ];
    const { lc } = both(list);
    for (const s of lc!.standings) expect(Math.abs(s.shift)).toBeLessThan(1);
    expect(Math.abs(lc!.pointsPerSd)).toBeLessThan(1);
  });
});
