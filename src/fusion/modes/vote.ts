// Vote mode: k samples per model, early stop on a unanimous first round, SLM-MUX tally.
import type { FusionContext } from '../core/run-context.js';
import { extractAnswer } from './extract-answer.js';
import type { ModelClient } from '../../models/model-client.js';
import type { ModeResult } from '../core/mode-result.js';
import { samplingPrompt } from './prompts.js';
import type { VoteSample, VoteTrace } from './trace.js';
import { countsAsVote, tallyVotes, type AccuracyTable } from './vote-tally.js';

/**
 * Vote mode: `samples` answers per member at the run's temperature (seeds differ per sample),
 * stopping after the first round when every member agrees, then tallied SLM-MUX style (tallyVotes).
 * With one member answering, its answer is shown and nothing is fused. Never throws for a model
 * failure.
 */
export async function runVote(
  ctx: FusionContext,
  pool: readonly ModelClient[],
  accuracy: AccuracyTable,
): Promise<ModeResult> {
  const { samples: k, temperature, seed } = ctx.options;
  const trace: VoteTrace = {
    mode: 'vote',
    questionKind: ctx.kind,
    notes: [],
    samplesPerModel: k,
    earlyStop: false,
    samples: [],
    decision: null,
  };
  const prompt = samplingPrompt(ctx.question, ctx.kind);
  const sample = async (client: ModelClient, index: number): Promise<void> => {
    const outcome = await ctx.askMember(client, `sample ${index + 1}`, {
      prompt,
      temperature,
      seed: seed + index * 1000 + pool.indexOf(client),
    });
    if (!outcome.ok) return;
    trace.samples.push({
      voterId: client.id,
      memberId: client.id,
      sampleIndex: index,
      text: outcome.text,
      answer: extractAnswer(outcome.text, ctx.kind, ctx.question),
    });
  };

  ctx.phase('sampling', `First sample from each of ${pool.length} models`);
  await ctx.inStages(pool.map((client) => ({ memberId: client.id, run: () => sample(client, 0) })));
  if (ctx.stopped) return stopped(trace);

  const first = trace.samples.map((s) => s.answer.normalized);
  // Identical filler on a number question is no agreement: every first sample must be an answer.
  const allAnswered = trace.samples.every((s) => countsAsVote(s.answer, ctx.kind));
  if (k > 1 && first.length >= 2 && allAnswered && new Set(first).size === 1) {
    trace.earlyStop = true;
    trace.notes.push(
      `Stopped early: the first sample of all ${first.length} models that answered agreed on "${first[0]}", so the other ${k - 1} samples per model were not drawn.`,
    );
  } else if (k > 1) {
    ctx.phase('sampling', `${k - 1} more samples per model`);
    const rest = pool.filter(
      (client) => ctx.isActive(client) && client.independentSamples !== false,
    );
    const tasks = rest.flatMap((client) =>
      Array.from({ length: k - 1 }, (_, i) => ({
        memberId: client.id,
        run: () => sample(client, i + 1),
      })),
    );
    await ctx.inStages(tasks);
    if (ctx.stopped) return stopped(trace);
  }

  ctx.phase('voting', 'Tallying the samples');
  trace.samples.sort(bySampleOrder(pool));
  // A model that died part-way would show perfect agreement over fewer samples: it drops out.
  for (const [memberId, error] of ctx.dropped) {
    const lost = trace.samples.filter((s) => s.memberId === memberId).length;
    if (lost > 0)
      trace.notes.push(
        `${ctx.nameOf(memberId)} failed part-way: ${lost === 1 ? 'its finished sample is' : `its ${lost} finished samples are`} shown but not counted. ${error.message}`,
      );
  }
  const counted = trace.samples.filter((s) => !ctx.dropped.has(s.memberId));
  const fixed = new Set(pool.filter((c) => c.independentSamples === false).map((c) => c.id));
  for (const id of fixed)
    if (k > 1 && counted.some((s) => s.memberId === id))
      trace.notes.push(
        `${ctx.nameOf(id)} cannot have its sampling set (temperature, seed) by a web page, so more samples from it would not be independent draws: it was asked once. Its answer counts toward the overall tally, but one sample shows no self-consistency, so it cannot win on agreement.`,
      );
  const tally = tallyVotes(counted, accuracy, ctx.kind, (id) => ctx.nameOf(id), fixed);
  const voters = new Set(counted.map((s) => s.memberId));
  const only = voters.size === 1 && pool.length > 1 ? [...voters][0] : undefined;
  // (When its samples gave no answer of the kind asked, the tally below says so instead.)
  if (only !== undefined && tally.method !== 'none') {
    // One model cannot outvote anyone: show its own most frequent answer, and say nothing was fused.
    trace.soleMemberId = only;
    trace.notes.push(`Only ${ctx.nameOf(only)} answered: its answer is shown, nothing was fused.`);
    return { finalAnswer: tally.winnerText, trace };
  }
  trace.decision = tally;
  return { finalAnswer: trace.decision.winnerText, trace };
}

function bySampleOrder(pool: readonly ModelClient[]) {
  const order = (id: string): number => pool.findIndex((client) => client.id === id);
  return (a: VoteSample, b: VoteSample): number =>
    order(a.memberId) - order(b.memberId) || a.sampleIndex - b.sampleIndex;
}

function stopped(trace: VoteTrace): ModeResult {
  trace.notes.push(
    `Stopped by the visitor after ${trace.samples.length} samples; no vote was taken.`,
  );
  return { finalAnswer: null, trace };
}
