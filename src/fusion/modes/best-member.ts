// Which pool member gave the run's best answer, read from the decision trace: the cost baseline.
import type { FusionTrace, VoteDecision } from './trace.js';
import { noTwoAgreed } from './vote-tally.js';

/**
 * Why that member is the baseline: its answer won; it is merge's aggregator (the strongest model or the visitor's pick,
 * when it is a pool member); its answer led merge's agreement vote (an aggregator from outside
 * the pool wrote no single answer to compare with); or, when no two answers agreed, a tie-break
 * picked its answer ('tie-break') or its free text was the closest to the others ('closest').
 */
export type BestBasis = 'winner' | 'aggregator' | 'agreement' | 'only' | 'tie-break' | 'closest';

/** How the cost panel explains each basis, in words a visitor reads after "baseline:". */
export const BEST_BASIS_LABELS: Record<BestBasis, string> = {
  winner: 'its answer won',
  aggregator: 'the aggregator (the strongest model, or your pick)',
  agreement: 'its answer led the agreement vote',
  only: 'the only model that answered',
  // The trace's Why line says the same: no answer won the vote (see tallyVotes' reasons).
  'tie-break': 'its answer was picked by the tie-break (no two answers agreed)',
  closest: 'its answer was the closest to all the others (no two answers agreed)',
};

/**
 * The pool member taken as the cost baseline ("asking this model alone"), and why it was chosen.
 */
export interface BestMember {
  memberId: string;
  basis: BestBasis;
}

const winnerOf = (
  vote: VoteDecision | null | undefined,
  basis: BestBasis = 'winner',
): BestMember | null => {
  const voter = vote?.perVoter.find((t) => t.voterId === vote.winnerVoterId);
  if (!voter) return null;
  // Nothing won a vote in which no two answers agreed: say how the answer shown was picked. (Merge's
  // agreement leader keeps its own basis: that table never claimed a winner.)
  if (basis === 'winner' && noTwoAgreed(vote!))
    return {
      memberId: voter.memberId,
      basis: vote!.method === 'centrality' ? 'closest' : 'tie-break',
    };
  return { memberId: voter.memberId, basis };
};

/**
 * The pool member whose answer the run's result rests on, read from the trace: the vote's winner,
 * best-of's top-ranked candidate, merge's aggregator (or its agreement vote's winner), or a
 * fallback vote's winner. Null when no member answered or no vote was taken.
 */
export function bestMemberOf(trace: FusionTrace): BestMember | null {
  switch (trace.mode) {
    case 'vote':
      return trace.soleMemberId
        ? { memberId: trace.soleMemberId, basis: 'only' }
        : winnerOf(trace.decision);
    case 'debate':
      return winnerOf(trace.finalVote);
    case 'best-of': {
      if (trace.fallback) return winnerOf(trace.fallback.vote);
      const top = trace.ranking[0];
      return top ? { memberId: top.memberId, basis: 'winner' } : null;
    }
    case 'merge': {
      if (trace.fallback) return winnerOf(trace.fallback.vote);
      if (trace.synthesisSkipped) return winnerOf(trace.agreement);
      const only = trace.candidates.length === 1 ? trace.candidates[0] : undefined;
      if (only) return { memberId: only.memberId, basis: 'winner' };
      // The synthesis is no one member's answer: asking the aggregator alone is the baseline.
      const aggregator = trace.candidates.find((c) => c.memberId === trace.aggregatorId);
      return aggregator
        ? { memberId: aggregator.memberId, basis: 'aggregator' }
        : winnerOf(trace.agreement, 'agreement');
    }
  }
}

/**
 * The basis to show for a stored best answer: re-read from the run's trace when it names the same
 * member, so runs stored before a basis existed ('tie-break', 'closest') are described as they
 * happened; the stored basis otherwise.
 */
export function bestBasisOf(
  best: { memberId: string; basis: BestBasis },
  trace: FusionTrace | null | undefined,
): BestBasis {
  const current = trace ? bestMemberOf(trace) : null;
  return current?.memberId === best.memberId ? current.basis : best.basis;
}
