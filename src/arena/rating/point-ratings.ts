// Ratings without intervals: the quick fit the arena uses to pick close pairs between battles.
import { cellCounts, indexBattles, type RatingOptions } from './battles.js';
import { fitBradleyTerry } from './bradley-terry.js';
import { toElo } from './elo-scale.js';
import type { Vote } from './vote.js';

/** Each rated model's Bradley–Terry rating (Elo-like scale) from `votes`, with no bootstrap. */
export function pointRatings(votes: readonly Vote[], options: RatingOptions): Map<string, number> {
  const battles = indexBattles(votes, options);
  const theta = fitBradleyTerry({
    m: battles.ids.length,
    pairFirst: battles.pairFirst,
    pairSecond: battles.pairSecond,
    cells: cellCounts(battles),
  });
  return new Map(battles.ids.map((id, i) => [id, toElo(theta[i]!)]));
}
