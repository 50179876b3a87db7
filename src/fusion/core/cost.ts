// Cost accounting of a run: tokens per model and in total, wall time, stragglers, judging, overhead.
import type { Usage } from '../../models/model-client.js';
import type { BestMember, BestBasis } from '../modes/best-member.js';

/** One model call as the orchestrator timed it with its injected clock. */
export interface CallTiming {
  memberId: string;
  role: 'member' | 'judge';
  tag: string;
  startedAt: number;
  endedAt: number;
  /** Null when the call failed before the engine reported usage. */
  usage: Usage | null;
  ok: boolean;
}

/** One model's share of a run's cost: tokens and calls, and its busy time in ms. */
export interface ModelCost {
  memberId: string;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  calls: number;
  /** Summed duration of its calls. */
  busyMs: number;
  /** True when any call's token counts were estimated (a server that reported no usage). */
  estimated?: boolean;
  /**
   * Why they were: 'uncounted' when a whole answer came from an engine that counts no tokens (a
   * server without usage, the browser's built-in model), 'cut' when a call failed or was stopped
   * mid-answer (nothing reported usage). Both can hold for one model.
   */
  estimates?: ('uncounted' | 'cut')[];
}

/**
 * What a run cost: tokens per model and in total, wall time in ms, the slowest member, time spent judging,
 * and fusion's overhead over asking one model.
 */
export interface RunCost {
  perModel: ModelCost[];
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  wallMs: number;
  /**
   * The answering member that spent longest answering: the summed time of its own answered calls.
   * Waiting for other members between a vote's stages is not its time, and a member that gave no
   * answer is left out (failedWaitMs says how long those held the run). Runs stored before
   * 2026-11-30 measured from its first start to its last end instead.
   */
  slowestMember: { memberId: string; ms: number } | null;
  /**
   * The longest member call that gave no answer (failed, timed out or stopped), in ms, when it
   * outlasted every answered member call: the run waited on it, so wallMs and the time ratios hold
   * time spent on no answer. Absent otherwise (a server refusing at once holds nothing up).
   */
  failedWaitMs?: number;
  judgingMs: number;
  /** The fastest member's first answer: the cheapest way to get any answer from one model. */
  singleAnswer: SingleAnswer | null;
  /** Fusion over the fastest single answer, as ratios (null when there was no single answer). */
  overhead: Overhead;
  /**
   * The first answer of the member that gave the best answer (the winner, or for a merge synthesis
   * the aggregator; see best-member.ts): what asking the model you would have trusted alone cost.
   * Absent in runs stored before it was measured.
   */
  bestAnswer?: (SingleAnswer & { basis: BestBasis }) | null;
  /** Fusion over the best member's single answer, as ratios. */
  overheadVsBest?: Overhead;
}

/** One member's first answer: how long it took (ms) and its tokens (prompt + completion). */
export interface SingleAnswer {
  memberId: string;
  ms: number;
  tokens: number;
}

/**
 * Fusion's cost as multiples of one model's single answer (wall time ÷ its ms, tokens ÷ its tokens); null
 * when that answer took no time or tokens.
 */
export interface Overhead {
  time: number | null;
  tokens: number | null;
}

const tokensOf = (usage: Usage | null): number =>
  usage ? usage.promptTokens + usage.completionTokens : 0;

/**
 * Sums a run's calls into its cost: `startedAt` and `endedAt` are ms on the run's clock; `best` names the
 * member whose single answer is the second baseline (see bestMemberOf).
 */
export function computeRunCost(
  calls: readonly CallTiming[],
  startedAt: number,
  endedAt: number,
  best: BestMember | null = null,
): RunCost {
  const perModel = new Map<string, ModelCost>();
  const answering = new Map<string, number>();
  let failedWaitMs = 0;
  let longestAnswerMs = 0;
  const firstAnswers = new Map<string, CallTiming>();
  let judgingMs = 0;
  for (const call of calls) {
    const ms = call.endedAt - call.startedAt;
    const model = perModel.get(call.memberId) ?? {
      memberId: call.memberId,
      promptTokens: 0,
      completionTokens: 0,
      totalTokens: 0,
      calls: 0,
      busyMs: 0,
    };
    model.promptTokens += call.usage?.promptTokens ?? 0;
    model.completionTokens += call.usage?.completionTokens ?? 0;
    model.totalTokens += tokensOf(call.usage);
    model.calls += 1;
    model.busyMs += ms;
    if (call.usage?.estimated) {
      model.estimated = true;
      const why = call.ok ? 'uncounted' : 'cut';
      if (!model.estimates?.includes(why)) model.estimates = [...(model.estimates ?? []), why];
    }
    perModel.set(call.memberId, model);
    if (call.role === 'judge') {
      judgingMs += ms;
      continue;
    }
    if (call.ok) {
      answering.set(call.memberId, (answering.get(call.memberId) ?? 0) + ms);
      longestAnswerMs = Math.max(longestAnswerMs, ms);
    } else failedWaitMs = Math.max(failedWaitMs, ms);
    const first = firstAnswers.get(call.memberId);
    if (call.ok && (!first || call.startedAt < first.startedAt))
      firstAnswers.set(call.memberId, call);
  }
  const models = [...perModel.values()];
  const promptTokens = sum(models.map((m) => m.promptTokens));
  const completionTokens = sum(models.map((m) => m.completionTokens));
  const wallMs = endedAt - startedAt;
  const totalTokens = promptTokens + completionTokens;
  const singleAnswer = toSingle(
    pickMin([...firstAnswers.values()], (call) => call.endedAt - call.startedAt),
  );
  const bestSingle = toSingle(best ? (firstAnswers.get(best.memberId) ?? null) : null);
  const bestAnswer = bestSingle && best ? { ...bestSingle, basis: best.basis } : null;
  const slowest = pickMin([...answering.entries()], ([, busy]) => -busy);
  return {
    perModel: models,
    promptTokens,
    completionTokens,
    totalTokens,
    wallMs,
    slowestMember: slowest ? { memberId: slowest[0], ms: slowest[1] } : null,
    ...(failedWaitMs > longestAnswerMs ? { failedWaitMs } : {}),
    judgingMs,
    singleAnswer,
    overhead: overheadOver(singleAnswer, wallMs, totalTokens),
    bestAnswer,
    overheadVsBest: overheadOver(bestAnswer, wallMs, totalTokens),
  };
}

function toSingle(call: CallTiming | null): SingleAnswer | null {
  return call
    ? { memberId: call.memberId, ms: call.endedAt - call.startedAt, tokens: tokensOf(call.usage) }
    : null;
}

function overheadOver(single: SingleAnswer | null, wallMs: number, tokens: number): Overhead {
  return {
    time: single && single.ms > 0 ? wallMs / single.ms : null,
    tokens: single && single.tokens > 0 ? tokens / single.tokens : null,
  };
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

/** The first item with the smallest key (stable, so ties go to the earlier call). */
function pickMin<T>(items: T[], key: (item: T) => number): T | null {
  let best: T | null = null;
  for (const item of items) if (best === null || key(item) < key(best)) best = item;
  return best;
}

/**
 * What the cost table's ≈ means for this run, in words: worded for what is in it (an engine that
 * counts no tokens, a model cut off mid-answer, or both); null when no count was estimated.
 */
export function estimateNote(perModel: readonly ModelCost[]): string | null {
  const why = new Set(perModel.flatMap((m) => m.estimates ?? (m.estimated ? ['uncounted'] : [])));
  const parts: string[] = [];
  if (why.has('uncounted'))
    parts.push(
      'a model whose engine reported no token counts (a server, or the browser’s built-in model)',
    );
  if (why.has('cut')) parts.push('a model stopped or failed mid-answer, before it reported them');
  if (parts.length === 0) return null;
  return `≈ marks ${parts.join(', and ')}: its output tokens are the pieces it streamed, its prompt tokens an estimate from the prompt’s length.`;
}

/**
 * What a run's wall time and time ratios hold besides answers, in words: the longest wait on a
 * member that gave no answer (a timeout, a failure, a stop); null when every member call answered.
 * `seconds` formats ms as the page does (the pure core knows no UI formats).
 */
export function failedWaitNote(cost: RunCost, seconds: (ms: number) => string): string | null {
  if (!cost.failedWaitMs) return null;
  return `Wall time and the time ratios include ${seconds(cost.failedWaitMs)} spent waiting on members that gave no answer (failed or stopped).`;
}
