// Best-of mode: anonymised, shuffled candidates; every pair judged in both orders; ranked by results.
import { whatHappened } from '../core/failure-text.js';
import { collectCandidates, voteOverCandidates } from './candidates.js';
import type { FusionContext } from '../core/run-context.js';
import { parseJudgeVerdict } from './judge-parse.js';
import type { ModelClient } from '../../models/model-client.js';
import type { ModeResult } from '../core/mode-result.js';
import { combineOrders, rankCandidates } from './pairwise-ranking.js';
import { describeFailure, pickJudge, strongestModel } from './pick-model.js';
import { seededShuffle } from '../../shared/prng.js';
import { pairwiseJudgePrompt, verdictSchema } from './prompts.js';
import type { BestOfTrace, Candidate, JudgeCall, PairResult } from './trace.js';
import type { AccuracyTable } from './vote-tally.js';

/**
 * Best-of mode: one answer per member, shuffled (seeded) and anonymised as "Response n", every pair
 * judged in both orders (A/B then B/A) to cancel position bias (Zheng et al. 2023, LLM-as-a-judge),
 * ranked by wins minus losses. A judge never judges its own answer when another model can; a
 * failing judge is replaced, and with no judge left the result falls back to a vote over the
 * candidates. Never throws for a model failure.
 */
export async function runBestOf(
  ctx: FusionContext,
  pool: readonly ModelClient[],
  chosenJudge: ModelClient | null,
  accuracy: AccuracyTable,
): Promise<ModeResult> {
  const trace: BestOfTrace = {
    mode: 'best-of',
    questionKind: ctx.kind,
    notes: [],
    candidates: [],
    pairs: [],
    ranking: [],
    fallback: null,
  };
  const answered = await collectCandidates(ctx, pool);
  trace.candidates = seededShuffle(answered, ctx.options.seed).map((c, i) => ({
    ...c,
    label: `Response ${i + 1}`,
  }));
  if (ctx.stopped) return stopped(trace, 'while the models were answering');
  const only = single(trace);
  if (only) return only;

  const chosen = chosenJudge ?? strongestModel(pool);
  const fallBack = (reason: string): ModeResult => {
    trace.fallback = voteOverCandidates(trace.candidates, accuracy, ctx, reason);
    trace.notes.push(`${reason} Falling back to the vote over the candidates.`);
    return { finalAnswer: trace.fallback.vote.winnerText, trace };
  };
  if (!chosen) return fallBack('No judge was available.');

  ctx.phase('judging', `${trace.candidates.length} candidates, every pair in both orders`);
  // A judge that fails (a lost GPU, or silence: see judgeStallMs) is not asked again; another
  // model that wrote neither answer takes over, and the trace says which.
  const failedJudges = new Set<string>();
  const usable = (client: ModelClient): boolean =>
    ctx.isActive(client) && !failedJudges.has(client.id);
  for (const [x, y] of pairsOf(trace.candidates)) {
    const authors = new Set([x.memberId, y.memberId]);
    let choice = pickJudge(chosen, authors, pool, usable);
    let orders: JudgeCall[] = [];
    while (choice) {
      orders = await judgeBothOrders(ctx, choice.judge, x, y);
      const failed = orders.find((call) => call.error)?.error;
      if (!failed) break;
      if (ctx.stopped) return stopped(trace, 'during judging');
      failedJudges.add(choice.judge.id);
      const next = pickJudge(chosen, authors, pool, usable);
      if (!next)
        return fallBack(
          `The judge ${ctx.nameOf(choice.judge.id)} failed: ${whatHappened(failed.kind)}.`,
        );
      trace.notes.push(
        `${ctx.nameOf(choice.judge.id)} failed as judge (${describeFailure(failed)}). ${ctx.nameOf(next.judge.id)} judges instead.`,
      );
      choice = next;
    }
    if (!choice) return fallBack('No usable judge was left.');
    const verdicts = combineOrders(x.label, y.label, orders[0]!.verdict, orders[1]!.verdict);
    const pair: PairResult = {
      a: x.label,
      b: y.label,
      orders,
      selfJudged: choice.selfJudged,
      ...verdicts,
    };
    if (choice.selfJudged)
      pair.note += ` ${ctx.nameOf(choice.judge.id)} judged its own answer: no other model was available.`;
    trace.pairs.push(pair);
  }

  trace.ranking = rankCandidates(trace.candidates, trace.pairs);
  if (trace.pairs.every((pair) => pair.outcome === 'no-verdict'))
    return fallBack('The judge gave no readable verdict on any pair.');
  const top = trace.ranking[0]!;
  trace.notes.push(
    `${top.label} (by ${ctx.nameOf(top.memberId)}) ranked first: ${counted(top.wins, 'win')}, ${counted(top.losses, 'loss', 'losses')}, ${counted(top.ties, 'tie')}.`,
  );
  return { finalAnswer: trace.candidates.find((c) => c.label === top.label)!.text, trace };
}

/** The pair judged in both orders; stops after the first order that fails. */
async function judgeBothOrders(
  ctx: FusionContext,
  judge: ModelClient,
  x: Candidate,
  y: Candidate,
): Promise<JudgeCall[]> {
  const orders: JudgeCall[] = [];
  for (const [first, second] of [
    [x, y],
    [y, x],
  ] as const) {
    const call = await judgeOnce(ctx, judge, first, second);
    orders.push(call);
    if (call.error) break;
  }
  return orders;
}

/** "1 win", "2 wins". */
const counted = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;

async function judgeOnce(
  ctx: FusionContext,
  judge: ModelClient,
  first: Candidate,
  second: Candidate,
): Promise<JudgeCall> {
  const outcome = await ctx.askJudge(judge, `${first.label} vs ${second.label}`, {
    prompt: pairwiseJudgePrompt(ctx.question, ctx.kind, first.text, second.text),
    temperature: 0,
    seed: ctx.options.seed,
    jsonSchema: verdictSchema(ctx.kind),
  });
  const base = {
    first: first.label,
    second: second.label,
    judgeId: judge.id,
    ...(outcome.reasoning !== null ? { reasoning: outcome.reasoning } : {}),
  };
  return outcome.ok
    ? { ...base, raw: outcome.text, verdict: parseJudgeVerdict(outcome.text), error: null }
    : { ...base, raw: outcome.text || null, verdict: null, error: outcome.error };
}

function* pairsOf<T>(items: readonly T[]): Generator<[T, T]> {
  for (let i = 0; i < items.length; i += 1)
    for (let j = i + 1; j < items.length; j += 1) yield [items[i]!, items[j]!];
}

function single(trace: BestOfTrace): ModeResult | null {
  if (trace.candidates.length === 0) {
    trace.notes.push('No model answered, so there was nothing to judge.');
    return { finalAnswer: null, trace };
  }
  if (trace.candidates.length === 1) {
    trace.notes.push('Only one model answered: its answer is returned without judging.');
    return { finalAnswer: trace.candidates[0]!.text, trace };
  }
  return null;
}

function stopped(trace: BestOfTrace, when: string): ModeResult {
  trace.notes.push(`Stopped by the visitor ${when}.`);
  return { finalAnswer: null, trace };
}
