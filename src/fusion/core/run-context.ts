// What every mode shares during a run: asking models (with events, timing and answers recorded) and staging.
import { ModelError, type ChatMessage, type ModelClient } from '../../models/model-client.js';
import { classifyError, type ClassifiedError } from '../../shared/errors.js';
import { judgeStallMs } from './judge-stall.js';
import { MEMBER_STALL_MS, isSkipped, type MemberSkips } from './member-stall.js';
import { callModel, type CallOutcome } from './call-model.js';
import type { CallTiming } from './cost.js';
import type { FusionEventListener, FusionPhase } from './events.js';
import type { AnswerKind } from '../modes/extract-answer.js';
import type { ResolvedOptions } from './options.js';
import type { MemberAnswer } from './member-answer.js';
import { runInStages, type StageDone, type Stages } from './stages.js';

/** One prompt to a model within a run, with its sampling settings. */
export interface AskRequest {
  prompt: string;
  temperature?: number;
  seed?: number;
  /** A JSON schema: sent as params.json when the engine supports it (the prompt asks for JSON too). */
  jsonSchema?: string;
}

/**
 * Everything a FusionContext needs: the question, every model, options, stages, stop signal, clock and
 * listeners.
 */
export interface ContextInput {
  question: string;
  /** Every model of the run (pool and judge), to name them in explanations. */
  models: readonly ModelClient[];
  questionKind: AnswerKind;
  history: readonly ChatMessage[];
  options: ResolvedOptions;
  stages: Stages;
  /** With more than one stage: unload a stage's models before the next one loads. */
  onStageDone?: StageDone;
  signal: AbortSignal;
  now: () => number;
  onEvent: FusionEventListener;
  /** "The page runs again after a freeze": call time limits start over (CallLimits.onResume). */
  onResume?: (listener: () => void) => () => void;
  /** The visitor's "Skip this model" switches; none: members cannot be skipped. */
  skips?: MemberSkips;
}

/**
 * What every mode shares during a run: asking members and judges (events, timing, answers and failures
 * recorded, silent or skipped members dropped), running calls stage by stage, and naming models in
 * explanations. Its ask methods never reject: failures come back as outcomes.
 */
export class FusionContext {
  readonly answers: MemberAnswer[] = [];
  readonly calls: CallTiming[] = [];
  readonly dropped = new Map<string, ClassifiedError>();

  constructor(readonly input: ContextInput) {}

  get question(): string {
    return this.input.question;
  }
  get kind(): AnswerKind {
    return this.input.questionKind;
  }
  get options(): ResolvedOptions {
    return this.input.options;
  }
  get stopped(): boolean {
    return this.input.signal.aborted;
  }

  /** A model's label, marked when simulated so no explanation passes it off as a real model. */
  nameOf(memberId: string): string {
    const client = this.input.models.find((model) => model.id === memberId);
    if (!client) return memberId;
    // Once: a label that already says "Simulated" ("Simulated Swift 0.5B") gets no suffix.
    return client.simulated && !/\bsimulated\b/i.test(client.label)
      ? `${client.label} (simulated)`
      : client.label;
  }

  isActive(client: ModelClient): boolean {
    return !this.dropped.has(client.id);
  }

  phase(phase: FusionPhase, detail: string): void {
    this.input.onEvent({ type: 'phase', phase, detail });
  }

  /** Runs tasks per member following the memory plan's stages. */
  inStages<T>(tasks: readonly { memberId: string; run: () => Promise<T> }[]): Promise<T[]> {
    return runInStages(this.input.stages, tasks, this.input.onStageDone);
  }

  /** A pool member's answer: streamed as member-* events and kept in `answers`; a failure drops it. */
  async askMember(client: ModelClient, tag: string, request: AskRequest): Promise<CallOutcome> {
    const skipped = this.skipReason(client);
    if (skipped) return { ok: false, text: '', reasoning: null, error: skipped, usage: null };
    const answer: MemberAnswer = {
      memberId: client.id,
      label: client.label,
      simulated: client.simulated,
      text: '',
      usage: null,
      error: null,
      tag,
    };
    this.answers.push(answer);
    const emit = this.input.onEvent;
    emit({ type: 'member-start', memberId: client.id, tag });
    // Loaded first, so a slow load never counts as silence; from then on silent too long, or
    // skipped by the visitor, it is dropped and the others decide.
    const loadError = await this.prepare(client);
    const stallMs = this.memberStall(request.prompt);
    if (!loadError) emit({ type: 'member-ready', memberId: client.id, tag, stallMs });
    const skip = this.input.skips?.signal(client.id);
    const outcome: CallOutcome = loadError
      ? { ok: false, text: '', reasoning: null, error: loadError, usage: null }
      : await this.timed(
          client,
          'member',
          tag,
          request,
          (text) => emit({ type: 'member-delta', memberId: client.id, tag, text }),
          stallMs,
          skip,
        );
    answer.text = outcome.text;
    if (outcome.reasoning !== null) answer.reasoning = outcome.reasoning;
    if (outcome.ok) {
      answer.usage = outcome.usage;
      emit({
        type: 'member-done',
        memberId: client.id,
        tag,
        text: outcome.text,
        ...(outcome.reasoning !== null ? { reasoning: outcome.reasoning } : {}),
        usage: outcome.usage,
      });
    } else {
      answer.error = outcome.error;
      if (outcome.error.kind !== 'aborted' || isSkipped(outcome.error))
        this.dropped.set(client.id, outcome.error);
      emit({ type: 'member-failed', memberId: client.id, tag, error: outcome.error });
    }
    return outcome;
  }

  /** A judge's or aggregator's call: streamed as judge-* events; the caller keeps its output. */
  async askJudge(client: ModelClient, tag: string, request: AskRequest): Promise<CallOutcome> {
    if (this.stopped)
      return { ok: false, text: '', reasoning: null, error: stoppedError(), usage: null };
    const emit = this.input.onEvent;
    emit({ type: 'judge-start', judgeId: client.id, tag });
    // Loaded first, so a slow load never counts as silence; then given up once silent too long.
    const loadError = await this.prepare(client);
    const outcome: CallOutcome = loadError
      ? { ok: false, text: '', reasoning: null, error: loadError, usage: null }
      : await this.timed(
          client,
          'judge',
          tag,
          request,
          (text) => emit({ type: 'judge-delta', judgeId: client.id, tag, text }),
          this.judgeStall(client, request.prompt),
        );
    if (outcome.ok)
      emit({
        type: 'judge-done',
        judgeId: client.id,
        tag,
        text: outcome.text,
        ...(outcome.reasoning !== null ? { reasoning: outcome.reasoning } : {}),
        usage: outcome.usage,
      });
    else emit({ type: 'judge-failed', judgeId: client.id, tag, error: outcome.error });
    return outcome;
  }

  /** Loads a client that can load ahead of its call; the load's error, or null. */
  private async prepare(client: ModelClient): Promise<ClassifiedError | null> {
    if (!client.load) return null;
    try {
      await client.load(undefined, this.input.signal);
      return null;
    } catch (error) {
      if (this.stopped) return stoppedError();
      return error instanceof ModelError
        ? { kind: error.kind, message: error.message }
        : classifyError(error);
    }
  }

  private judgeStall(client: ModelClient, prompt: string): number {
    const set = this.input.options.judgeStallMs;
    if (set !== undefined) return set;
    const smallest = Math.min(
      ...this.input.models.map((model) => model.paramsB ?? Infinity),
      Infinity,
    );
    const ratio = client.paramsB && Number.isFinite(smallest) ? client.paramsB / smallest : 1;
    return judgeStallMs(this.calls, prompt.length, ratio);
  }

  /**
   * A member's silence limit: MEMBER_STALL_MS, or longer when what this run measured says its
   * prompt needs more (a debate round's long prompt on a slow device's prefill; see judgeStallMs).
   */
  private memberStall(prompt: string): number {
    const set = this.input.options.memberStallMs;
    if (set !== undefined) return set;
    return Math.max(MEMBER_STALL_MS, judgeStallMs(this.calls, prompt.length));
  }

  private skipReason(client: ModelClient): ClassifiedError | null {
    if (this.stopped) return stoppedError();
    return this.dropped.get(client.id) ?? null;
  }

  private async timed(
    client: ModelClient,
    role: CallTiming['role'],
    tag: string,
    request: AskRequest,
    onDelta: (text: string) => void,
    stallMs?: number,
    skip?: AbortSignal,
  ): Promise<CallOutcome> {
    const { history, signal, now, options } = this.input;
    const startedAt = now();
    const outcome = await callModel(
      client,
      {
        messages: [...history, { role: 'user', content: request.prompt }],
        maxTokens: options.maxTokens,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(request.seed !== undefined ? { seed: request.seed } : {}),
        ...(request.jsonSchema && client.supportsJson
          ? { json: { schema: request.jsonSchema } }
          : {}),
        ...thinkingFor(client, role, options),
      },
      {
        signal,
        timeoutMs: options.timeoutMs,
        stallMs,
        onDelta,
        onResume: this.input.onResume,
        skip,
      },
    );
    this.calls.push({
      memberId: client.id,
      role,
      tag,
      startedAt,
      endedAt: now(),
      // A failed call still counts what streamed before it failed (estimated).
      usage: outcome.usage,
      ok: outcome.ok,
    });
    return outcome;
  }
}

/** A member's own choice (if any); judges and aggregators are off unless the visitor chose otherwise. */
function thinkingFor(
  client: ModelClient,
  role: CallTiming['role'],
  options: ResolvedOptions,
): { thinking?: boolean } {
  if (role === 'judge') return { thinking: options.judgeThinking };
  const chosen = options.thinking[client.id];
  return chosen === undefined ? {} : { thinking: chosen };
}

function stoppedError(): ClassifiedError {
  return { kind: 'aborted', message: 'Stopped by the visitor.' };
}
