// The fusion orchestrator: runs one mode over a pool, streams events, tolerates failures, honours stop.
import { whatHappened } from './core/failure-text.js';
import type { ChatMessage, ModelClient } from '../models/model-client.js';
import type { ClassifiedError } from '../shared/errors.js';
import { bestMemberOf } from './modes/best-member.js';
import { runBestOf } from './modes/best-of.js';
import { FusionContext } from './core/run-context.js';
import { computeRunCost, type RunCost } from './core/cost.js';
import { runDebate } from './modes/debate.js';
import type { FusionEventListener } from './core/events.js';
import { detectQuestionKind } from './modes/extract-answer.js';
import { runMerge } from './modes/merge.js';
import type { ModeResult } from './core/mode-result.js';
import { resolveOptions, type FusionOptions, type ResolvedOptions } from './core/options.js';
import type { FusionMode, FusionTrace } from './modes/trace.js';
import type { MemberAnswer } from './core/member-answer.js';
import { isSkipped, type MemberSkips } from './core/member-stall.js';
import { resolveStages, type StageDone, type Stages } from './core/stages.js';
import { runVote } from './modes/vote.js';
import type { AccuracyTable } from './modes/vote-tally.js';

/**
 * What one fusion run needs: the mode, the visitor's question, the pool of models (and an optional
 * judge or aggregator), options, the stage schedule for a GPU that holds one stage at a time, a
 * stop signal and an event listener.
 */
export interface FusionInput {
  mode: FusionMode;
  prompt: string;
  /** Earlier turns, with earlier fused answers as assistant turns; prepended for every model. */
  history?: readonly ChatMessage[];
  pool: readonly ModelClient[];
  /** Best-of judge or merge aggregator picked by the visitor; default: the strongest pool model. */
  judge?: ModelClient | null;
  options?: FusionOptions;
  /** Recorded accuracy per pool member id (0..1): breaks vote ties. */
  accuracy?: AccuracyTable;
  schedule?: Stages;
  /**
   * Called after each stage when the schedule has more than one, once that stage's calls have all
   * ended and before the next stage starts: the caller unloads those models (a GPU holds one stage).
   */
  onStageDone?: StageDone;
  signal?: AbortSignal;
  onEvent?: FusionEventListener;
  /** Injected clock (ms) so cost accounting is testable. */
  now?: () => number;
  /** Page lifecycle: after a freeze, call time limits start over (shared/page-lifecycle.ts). */
  onResume?: (listener: () => void) => () => void;
  /** The visitor's "Skip this model" switches for this run's pool members. */
  skips?: MemberSkips;
}

/**
 * The outcome of one run: its status, the fused answer (null when stopped early or every member
 * failed), the mode's decision trace, every member answer, cost (tokens, ms) and the resolved
 * options; `startedAt` and `finishedAt` are epoch ms from the injected clock.
 */
export interface FusionResult {
  status: 'done' | 'stopped' | 'failed';
  finalAnswer: string | null;
  trace: FusionTrace;
  cost: RunCost;
  answers: MemberAnswer[];
  options: ResolvedOptions;
  /** Why the run failed (every member failed); null otherwise. */
  error: ClassifiedError | null;
  startedAt: number;
  finishedAt: number;
}

/**
 * Runs one fusion mode (vote, best-of, merge or debate) over the pool and resolves when it ends.
 * Never rejects for a failing model: members that fail or are skipped drop out and the trace notes
 * it; when every member fails, `status` is 'failed' and `error` says why (the first member's error
 * kind). Stopping through `signal` resolves with status 'stopped' and whatever was decided so far.
 */
export async function runFusion(input: FusionInput): Promise<FusionResult> {
  const now = input.now ?? (() => Date.now());
  const options = resolveOptions(input.options ?? {});
  const ctx = new FusionContext({
    question: input.prompt,
    models: input.judge ? [...input.pool, input.judge] : input.pool,
    questionKind: options.questionKind ?? detectQuestionKind(input.prompt),
    history: input.history ?? [],
    options,
    stages: resolveStages(
      input.schedule,
      input.pool.map((client) => client.id),
    ),
    ...(input.onStageDone ? { onStageDone: input.onStageDone } : {}),
    signal: input.signal ?? new AbortController().signal,
    now,
    onEvent: input.onEvent ?? (() => undefined),
    ...(input.onResume ? { onResume: input.onResume } : {}),
    ...(input.skips ? { skips: input.skips } : {}),
  });
  const startedAt = now();
  const result = await runMode(ctx, input);
  const finishedAt = now();
  const shrunk = shrunkPoolNote(ctx, input.pool);
  if (shrunk) result.trace.notes.unshift(shrunk);
  ctx.phase('done', ctx.stopped ? 'Stopped' : 'Finished');
  // No fused answer although a member answered (none with a number, say): the trace says why; nothing failed.
  const answered = ctx.answers.some((answer) => answer.error === null);
  const error = result.finalAnswer === null && !ctx.stopped && !answered ? allFailed(ctx) : null;
  return {
    status: ctx.stopped ? 'stopped' : error ? 'failed' : 'done',
    finalAnswer: result.finalAnswer,
    trace: result.trace,
    cost: computeRunCost(ctx.calls, startedAt, finishedAt, bestMemberOf(result.trace)),
    answers: ctx.answers,
    options,
    error,
    startedAt,
    finishedAt,
  };
}

function runMode(ctx: FusionContext, input: FusionInput): Promise<ModeResult> {
  const accuracy = input.accuracy ?? {};
  switch (input.mode) {
    case 'vote':
      return runVote(ctx, input.pool, accuracy);
    case 'best-of':
      return runBestOf(ctx, input.pool, input.judge ?? null, accuracy);
    case 'merge':
      return runMerge(ctx, input.pool, input.judge ?? null, accuracy);
    case 'debate':
      return runDebate(ctx, input.pool, accuracy);
  }
}

/**
 * "2 of 3 models answered; X failed: it lost the GPU." (or "X was skipped") when members dropped
 * out; null when none did.
 */
function shrunkPoolNote(ctx: FusionContext, pool: readonly ModelClient[]): string | null {
  const failed = pool.filter((client) => ctx.dropped.has(client.id));
  if (failed.length === 0) return null;
  const why = failed
    .map((client) => {
      const error = ctx.dropped.get(client.id);
      return isSkipped(error)
        ? `${ctx.nameOf(client.id)} was skipped`
        : `${ctx.nameOf(client.id)} failed: ${whatHappened(error?.kind)}`;
    })
    .join('; ');
  return `${pool.length - failed.length} of ${pool.length} models answered; ${why}.`;
}

function allFailed(ctx: FusionContext): ClassifiedError {
  const errors = [...ctx.dropped.values()];
  const first = errors[0];
  if (!first) return { kind: 'unknown', message: 'The run produced no answer.' };
  return {
    kind: first.kind,
    message: `Every model failed, so there is no fused answer. First error: ${first.message}`,
    ...(first.detail ? { detail: first.detail } : {}),
  };
}
