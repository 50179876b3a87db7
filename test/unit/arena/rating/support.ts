// Builds votes for the rating tests: n battles between two models with a given outcome.
import type { Vote, VoteSource, VoteWinner } from '../../../../src/arena/rating/vote.js';

let clock = Date.UTC(2026, 10, 1);

export function votes(
  a: string,
  b: string,
  winner: VoteWinner,
  count: number,
  extra: Partial<Vote> & { source?: VoteSource } = {},
): Vote[] {
  return Array.from({ length: count }, () => ({
    a,
    b,
    winner,
    source: 'human' as const,
    at: new Date((clock += 1000)).toISOString(),
    ...extra,
  }));
}
