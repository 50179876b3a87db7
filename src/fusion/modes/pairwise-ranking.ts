// Order-swapped pairwise judging: a win counts only if it holds both ways; ranking from the results.
import type { JudgeVerdict } from './judge-parse.js';
import type { Candidate, PairResult, RankEntry } from './trace.js';

/**
 * `first` judged a in position A and b in B; `second` judged them swapped. A verdict that flips
 * with the order is position bias, so it counts as a tie.
 */
export function combineOrders(
  a: string,
  b: string,
  first: JudgeVerdict | null,
  second: JudgeVerdict | null,
): Pick<PairResult, 'outcome' | 'winner' | 'note'> {
  const firstPick =
    first === null ? null : first.winner === 'A' ? a : first.winner === 'B' ? b : 'tie';
  const secondPick =
    second === null ? null : second.winner === 'A' ? b : second.winner === 'B' ? a : 'tie';
  if (firstPick === null && secondPick === null)
    return { outcome: 'no-verdict', winner: null, note: 'Neither order gave a readable verdict.' };
  if (firstPick === null || secondPick === null)
    return {
      outcome: 'tie',
      winner: null,
      note: 'Only one order gave a readable verdict: counted as a tie.',
    };
  if (firstPick === secondPick && firstPick !== 'tie')
    return { outcome: 'win', winner: firstPick, note: `${firstPick} won in both orders.` };
  if (firstPick === 'tie' && secondPick === 'tie')
    return { outcome: 'tie', winner: null, note: 'Judged a tie in both orders.' };
  return {
    outcome: 'tie',
    winner: null,
    note: 'The verdict changed when the order was swapped (position bias): counted as a tie.',
  };
}

/**
 * Score = wins − losses (a tie sits half-way between a win and a loss); then more wins; then the
 * shuffled order, so the ranking is deterministic.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  pairs: readonly PairResult[],
): RankEntry[] {
  const entries = candidates.map((candidate) => {
    const own = pairs.filter((pair) => pair.a === candidate.label || pair.b === candidate.label);
    const wins = own.filter((pair) => pair.winner === candidate.label).length;
    const losses = own.filter(
      (pair) => pair.outcome === 'win' && pair.winner !== candidate.label,
    ).length;
    const ties = own.filter((pair) => pair.outcome === 'tie').length;
    const noVerdicts = own.filter((pair) => pair.outcome === 'no-verdict').length;
    return {
      label: candidate.label,
      memberId: candidate.memberId,
      wins,
      losses,
      ties,
      noVerdicts,
      score: wins - losses,
    };
  });
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort(
      (x, y) => y.entry.score - x.entry.score || y.entry.wins - x.entry.wins || x.order - y.order,
    )
    .map(({ entry }) => entry);
}
