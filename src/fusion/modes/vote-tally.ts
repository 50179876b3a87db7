// SLM-MUX tallying: the answer of the voter whose own samples agree most; centrality for free text.
import type { AnswerKind, ExtractedAnswer } from './extract-answer.js';
import { countOf } from '../../shared/count.js';
import { centralityScores } from './similarity.js';
import type { AnswerCount, VoteDecision, VoteSample, VoterTally } from './trace.js';

/** Recorded accuracy (0..1) per pool member id, from checkable tasks run on this device. */
export type AccuracyTable = Readonly<Record<string, number>>;

function countAnswers(samples: readonly VoteSample[]): AnswerCount[] {
  const counts = new Map<string, number>();
  for (const sample of samples)
    counts.set(sample.answer.normalized, (counts.get(sample.answer.normalized) ?? 0) + 1);
  // Stable sort keeps first appearance as the tie order.
  return [...counts]
    .map(([answer, count]) => ({ answer, count }))
    .sort((a, b) => b.count - a.count);
}

/**
 * Whether a sample's answer counts as a vote: for a question that asks for a number, only a number
 * does (a sample with none, such as a simulated model's filler, answered nothing), as the lab grades
 * answers; for other kinds every sample counts.
 */
export function countsAsVote(answer: ExtractedAnswer, kind: AnswerKind): boolean {
  return kind !== 'number' || answer.kind === 'number';
}

/**
 * No answer was given twice (and there were at least two): nothing won the vote, and the answer shown
 * was picked by a tie-break (checkable answers) or as the closest to the others (free text).
 */
export function noTwoAgreed(decision: Pick<VoteDecision, 'overall'>): boolean {
  return decision.overall.length > 1 && decision.overall.every((entry) => entry.count === 1);
}

/**
 * SLM-MUX's tally (arXiv 2510.05077): for checkable answers, the winner is the majority answer of
 * the voter whose own samples agree most (self-consistency, Wang et al. 2023), ties broken by
 * recorded accuracy, then by how common the answer is overall; free text goes to the most central
 * sample (similarity to the others). Returns method 'none' for no samples; never throws.
 */
export function tallyVotes(
  samples: readonly VoteSample[],
  accuracy: AccuracyTable,
  kind: AnswerKind,
  /** How reasons name a voter (labels, with "simulated" where it applies). */
  nameOf: (voterId: string) => string = (id) => id,
  /**
   * Voters whose samples are not independent draws (sampling that cannot be set): they rank after
   * every other voter on agreement, so one unvaried answer cannot win as "most self-consistent".
   */
  unranked: ReadonlySet<string> = new Set(),
): VoteDecision {
  // Identical filler must not form the largest group of a number question: only answers count.
  const counted = samples.filter((sample) => countsAsVote(sample.answer, kind));
  const unanswered = samples.length - counted.length;
  const overall = countAnswers(counted);
  const overallCount = (answer: string | null): number =>
    overall.find((entry) => entry.answer === answer)?.count ?? 0;
  const voterIds = [...new Set(samples.map((sample) => sample.voterId))];
  const perVoter: VoterTally[] = voterIds.map((voterId) => {
    const own = samples.filter((sample) => sample.voterId === voterId);
    const answered = counted.filter((sample) => sample.voterId === voterId);
    const counts = countAnswers(answered);
    const top = counts[0]?.count ?? 0;
    // Within a voter, a tie between its answers goes to the one more common overall.
    const majority =
      counts
        .filter((entry) => entry.count === top)
        .sort((a, b) => overallCount(b.answer) - overallCount(a.answer))[0]?.answer ?? null;
    const memberId = own[0]!.memberId;
    return {
      voterId,
      memberId,
      samples: own.length,
      counts,
      majority,
      // Over all its samples: one that gave no answer did not agree with its majority.
      agreement: own.length > 0 ? top / own.length : 0,
      accuracy: accuracy[memberId] ?? null,
      ...(own.length > answered.length ? { unanswered: own.length - answered.length } : {}),
    };
  });
  const base = { perVoter, overall, ...(unanswered > 0 ? { unanswered } : {}) };
  if (counted.length === 0)
    return {
      ...base,
      method: 'none',
      winnerVoterId: null,
      winnerAnswer: null,
      winnerText: null,
      reason:
        samples.length === 0
          ? 'No answers to vote on.'
          : `No sample gave a number, though the question asks for one (${countOf(samples.length, 'sample')}), so there was no answer to vote on.`,
    };
  if (kind === 'text') return centralDecision(samples, base, nameOf);

  const rankable = (t: VoterTally): number => (unranked.has(t.voterId) ? 0 : 1);
  const answering = (t: VoterTally): number => (t.majority === null ? 0 : 1);
  const ranked = [...perVoter].sort(
    (a, b) =>
      answering(b) - answering(a) ||
      rankable(b) - rankable(a) ||
      b.agreement - a.agreement ||
      (b.accuracy ?? -1) - (a.accuracy ?? -1) ||
      overallCount(b.majority) - overallCount(a.majority),
  );
  const winner = ranked[0]!;
  const winnerText =
    counted.find((s) => s.voterId === winner.voterId && s.answer.normalized === winner.majority)
      ?.text ?? null;
  const silent =
    unanswered > 0
      ? ` ${unanswered === 1 ? '1 sample' : `${unanswered} samples`} gave no number and count for nothing.`
      : '';
  return {
    ...base,
    method: 'agreement',
    winnerVoterId: winner.voterId,
    winnerAnswer: winner.majority,
    winnerText,
    reason:
      explain(
        winner,
        ranked.filter((t) => t === winner || (!unranked.has(t.voterId) && t.majority !== null)),
        overallCount,
        nameOf,
        // No answer given twice: nothing won on agreement, and the reason must not say it did.
        counted.length > 1 && overall.every((entry) => entry.count === 1) ? counted.length : 0,
      ) + silent,
  };
}

function explain(
  winner: VoterTally,
  ranked: readonly VoterTally[],
  overallCount: (answer: string | null) => number,
  nameOf: (voterId: string) => string,
  /** How many answers there were when all of them differ; 0 when any two agreed. */
  allDifferent: number,
): string {
  const agreed = Math.round(winner.agreement * winner.samples);
  const lead = `${nameOf(winner.voterId)}'s samples agreed most (${agreed} of ${winner.samples} on "${winner.majority}")`;
  const tied = ranked.filter((t) => t !== winner && t.agreement === winner.agreement);
  const names = tied.map((t) => nameOf(t.voterId)).join(', ');
  const sameAccuracy = tied.filter((t) => (t.accuracy ?? -1) === (winner.accuracy ?? -1));
  if (allDifferent > 0) {
    const why =
      tied.length === 0
        ? `its own samples agreed most (${agreed} of ${winner.samples})`
        : sameAccuracy.length < tied.length
          ? `its recorded accuracy is the highest (${formatAccuracy(winner.accuracy)})`
          : 'it comes first in pool order (nothing else told them apart)';
    return `No two answers agreed (${allDifferent} answers, all different), so none won the vote: ${nameOf(winner.voterId)}'s "${winner.majority}" is shown because ${why}.`;
  }
  if (tied.length === 0) return `${lead}.`;
  if (sameAccuracy.length < tied.length)
    return `${lead}; tied on agreement with ${names}, broken by recorded accuracy (${formatAccuracy(winner.accuracy)}).`;
  const sameMajority = sameAccuracy.filter(
    (t) => overallCount(t.majority) === overallCount(winner.majority),
  );
  const overall = `${overallCount(winner.majority)} of all samples`;
  if (sameMajority.length < sameAccuracy.length)
    return `${lead}; tied on agreement${winner.accuracy === null ? '' : ' and accuracy'} with ${names}, broken by the overall majority (${overall}).`;
  return `${lead}; tied with ${names} on agreement, accuracy and overall count (${overall}): the first in pool order wins.`;
}

function formatAccuracy(accuracy: number | null): string {
  return accuracy === null ? 'none recorded' : `${Math.round(accuracy * 100)}%`;
}

function centralDecision(
  samples: readonly VoteSample[],
  base: Pick<VoteDecision, 'perVoter' | 'overall'>,
  nameOf: (voterId: string) => string,
): VoteDecision {
  const scores = centralityScores(samples.map((sample) => sample.text));
  let best = 0;
  scores.forEach((score, i) => {
    if (score > scores[best]!) best = i;
  });
  const sample = samples[best]!;
  return {
    ...base,
    method: 'centrality',
    winnerVoterId: sample.voterId,
    winnerAnswer: sample.answer.normalized,
    winnerText: sample.text,
    reason:
      samples.length > 1
        ? `Free-text answers: ${nameOf(sample.voterId)}'s answer (sample ${sample.sampleIndex + 1}) is the most similar to all the others (mean similarity ${scores[best]!.toFixed(2)}).`
        : `Only one answer: ${nameOf(sample.voterId)}'s.`,
  };
}
