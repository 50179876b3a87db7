// Debate mode: N agents answer, then revise over R rounds seeing each other; ends in a vote.
import type { FusionContext } from '../core/run-context.js';
import { extractAnswer } from './extract-answer.js';
import type { ModelClient } from '../../models/model-client.js';
import type { ModeResult } from '../core/mode-result.js';
import { debateRevisionPrompt, samplingPrompt } from './prompts.js';
import type { DebateEntry, DebateRound, DebateTrace, VoteDecision } from './trace.js';
import { tallyVotes, type AccuracyTable } from './vote-tally.js';
import { countOf } from '../../shared/count.js';

interface Agent {
  agentId: string;
  client: ModelClient;
  index: number;
}

/**
 * Debate mode (Du et al. 2023, multi-agent debate): `agents` agents answer independently in round
 * 0, then revise for `rounds` rounds seeing the others' latest answers; the final round ends in a
 * vote (tallyVotes). Round 0's vote is kept beside it because voting explains most of what debate
 * gains (SLM-MUX, arXiv 2510.05077). With fewer models than agents a model plays several agents
 * with different seeds.
 */
export async function runDebate(
  ctx: FusionContext,
  pool: readonly ModelClient[],
  accuracy: AccuracyTable,
): Promise<ModeResult> {
  const { agents: count, rounds, temperature, seed } = ctx.options;
  // With fewer models than agents, a model plays several agents (with different seeds).
  const agents: Agent[] = Array.from({ length: pool.length > 0 ? count : 0 }, (_, index) => ({
    agentId: `Agent ${index + 1}`,
    client: pool[index % pool.length]!,
    index,
  }));
  const trace: DebateTrace = {
    mode: 'debate',
    questionKind: ctx.kind,
    notes: [],
    agents: agents.map((a) => ({ agentId: a.agentId, memberId: a.client.id })),
    rounds: [],
    round0Vote: null,
    finalVote: null,
    changedByDebate: false,
  };
  let latest = new Map<string, DebateEntry>();

  for (let round = 0; round <= rounds; round += 1) {
    ctx.phase(
      'debating',
      round === 0 ? 'Round 0: independent answers' : `Round ${round} of ${rounds}`,
    );
    const speaking = agents.filter(
      (a) => ctx.isActive(a.client) && (round === 0 || latest.has(a.agentId)),
    );
    const previous = latest;
    const entries = await ctx.inStages(
      speaking.map((agent) => ({
        memberId: agent.client.id,
        run: () =>
          speak(ctx, agent, round, previous, seed + round * 1000 + agent.index, temperature),
      })),
    );
    const answered = entries.filter((entry): entry is DebateEntry => entry !== null);
    trace.rounds.push({ round, entries: answered });
    latest = new Map(answered.map((entry) => [entry.agentId, entry]));
    if (ctx.stopped) {
      trace.notes.push(`Stopped by the visitor during round ${round}; no vote was taken.`);
      return { finalAnswer: null, trace };
    }
    if (latest.size === 0) break;
  }

  ctx.phase('voting', 'Vote over the final answers');
  trace.round0Vote = voteOver(trace.rounds[0], accuracy, ctx);
  trace.finalVote = voteOver(trace.rounds[trace.rounds.length - 1], accuracy, ctx);
  trace.changedByDebate = trace.round0Vote.winnerAnswer !== trace.finalVote.winnerAnswer;
  const changes = trace.rounds.flatMap((r) => r.entries).filter((e) => e.changed).length;
  const changed = `${countOf(changes, 'answer change')}`;
  // Free text is quoted in the trace's before-and-after excerpts, not whole in a note.
  trace.notes.push(
    ctx.kind === 'text'
      ? `Debate ${trace.changedByDebate ? 'changed' : 'did not change'} the voted answer (${changed} along the way).`
      : trace.changedByDebate
        ? `Debate changed the outcome: round 0's vote gave "${trace.round0Vote.winnerAnswer}", the final vote "${trace.finalVote.winnerAnswer}" (${changed}).`
        : `Debate did not change the outcome ("${trace.finalVote.winnerAnswer}"; ${changed} along the way).`,
  );
  return { finalAnswer: trace.finalVote.winnerText, trace };
}

async function speak(
  ctx: FusionContext,
  agent: Agent,
  round: number,
  previous: ReadonlyMap<string, DebateEntry>,
  seed: number,
  temperature: number,
): Promise<DebateEntry | null> {
  const own = previous.get(agent.agentId);
  const others = [...previous.values()]
    .filter((e) => e.agentId !== agent.agentId)
    .map((e) => e.text);
  const prompt =
    round === 0 || !own
      ? samplingPrompt(ctx.question, ctx.kind)
      : debateRevisionPrompt(ctx.question, ctx.kind, own.text, others);
  const outcome = await ctx.askMember(agent.client, `${agent.agentId} · round ${round}`, {
    prompt,
    temperature,
    seed,
  });
  if (!outcome.ok) return null;
  const answer = extractAnswer(outcome.text, ctx.kind, ctx.question);
  return {
    agentId: agent.agentId,
    memberId: agent.client.id,
    text: outcome.text,
    answer,
    changed: own !== undefined && own.answer.normalized !== answer.normalized,
  };
}

function voteOver(
  round: DebateRound | undefined,
  accuracy: AccuracyTable,
  ctx: FusionContext,
): VoteDecision {
  const samples = (round?.entries ?? []).map((entry) => ({
    voterId: entry.agentId,
    memberId: entry.memberId,
    sampleIndex: round?.round ?? 0,
    text: entry.text,
    answer: entry.answer,
  }));
  // Reasons name the agent alone ("Agent 2's answer…"): the tally beside them names its model,
  // and "Agent 2 (Simulated Swift 0.5B (simulated))'s" nests brackets.
  return tallyVotes(samples, accuracy, ctx.kind, (agentId) => agentId);
}
