// Collects one answer per pool member (best-of and merge), and the vote over them used as a fallback.
import type { FusionContext } from '../core/run-context.js';
import { extractAnswer } from './extract-answer.js';
import type { ModelClient } from '../../models/model-client.js';
import { samplingPrompt } from './prompts.js';
import type { Candidate, Fallback } from './trace.js';
import { tallyVotes, type AccuracyTable } from './vote-tally.js';

/** Candidates in pool order, labelled "Response n" only later when they are shuffled. */
export async function collectCandidates(
  ctx: FusionContext,
  pool: readonly ModelClient[],
): Promise<Candidate[]> {
  ctx.phase('answering', `Asking ${pool.length} models`);
  const prompt = samplingPrompt(ctx.question, ctx.kind);
  const outcomes = await ctx.inStages(
    pool.map((client, i) => ({
      memberId: client.id,
      run: () =>
        ctx.askMember(client, 'answer', {
          prompt,
          temperature: ctx.options.temperature,
          seed: ctx.options.seed + i,
        }),
    })),
  );
  return outcomes.flatMap((outcome, i) =>
    outcome.ok
      ? [
          {
            label: '',
            memberId: pool[i]!.id,
            text: outcome.text,
            answer: extractAnswer(outcome.text, ctx.kind, ctx.question),
          },
        ]
      : [],
  );
}

/**
 * The fallback when best-of or merge cannot judge or aggregate: one sample per candidate tallied as
 * a vote (tallyVotes), with `reason` saying why the fallback happened.
 */
export function voteOverCandidates(
  candidates: readonly Candidate[],
  accuracy: AccuracyTable,
  ctx: FusionContext,
  reason: string,
): Fallback {
  const samples = candidates.map((candidate) => ({
    voterId: candidate.memberId,
    memberId: candidate.memberId,
    sampleIndex: 0,
    text: candidate.text,
    answer: candidate.answer,
  }));
  return { reason, vote: tallyVotes(samples, accuracy, ctx.kind, (id) => ctx.nameOf(id)) };
}
