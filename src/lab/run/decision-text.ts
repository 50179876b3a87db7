// How a fusion mode decided one question, in one or two sentences for the lab's drill-down.
import type { FusionTrace } from '../../fusion/modes/trace.js';

/** The mode's own reason (vote's tally, best-of's ranking, merge's synthesis, debate's final vote). */
export function decisionText(trace: FusionTrace, nameOf: (memberId: string) => string): string {
  const notes = trace.notes.length > 0 ? ` ${trace.notes.join(' ')}` : '';
  switch (trace.mode) {
    case 'vote':
      return (trace.decision?.reason ?? 'No vote was taken.') + notes;
    case 'debate': {
      const reason = trace.finalVote?.reason ?? 'No final vote was taken.';
      const changed = trace.changedByDebate
        ? ' Debate changed the answer of the vote over round 0.'
        : '';
      return reason + changed + notes;
    }
    case 'best-of': {
      if (trace.fallback) return `${trace.fallback.reason} ${trace.fallback.vote.reason}${notes}`;
      const top = trace.ranking[0];
      return (
        (top
          ? `${nameOf(top.memberId)} ranked first (${top.wins} wins, ${top.losses} losses, ${top.ties} ties in order-swapped judging).`
          : 'No answer was ranked.') + notes
      );
    }
    case 'merge': {
      if (trace.fallback) return `${trace.fallback.reason} ${trace.fallback.vote.reason}${notes}`;
      if (trace.synthesisSkipped)
        return `Synthesis skipped: ${trace.agreement?.reason ?? 'the answers agreed.'}${notes}`;
      const by = trace.aggregatorId ? nameOf(trace.aggregatorId) : 'the aggregator';
      return `Written by ${by} from ${trace.candidates.length} answers and its analysis of them.${notes}`;
    }
  }
}
