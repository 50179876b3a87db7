// One streamed call to a model with a stop signal and a timeout that work even if the model ignores them.
import { classified, classifyError, type ClassifiedError } from '../../shared/errors.js';
import { splitModelText } from '../../models/output/split-reasoning.js';
import { skippedError } from './member-stall.js';
import {
  type GenerateParams,
  type Usage,
  ModelError,
  type GenerationEvent,
  type ModelClient,
} from '../../models/model-client.js';

/**
 * `text` is the answer part of what the model wrote (see splitModelText): everything downstream
 * reads it. `reasoning` is its `<think>` part, kept for display and export only (null: none).
 */
export type CallOutcome =
  | { ok: true; text: string; reasoning: string | null; usage: Usage }
  /**
   * `text` and `reasoning` keep whatever streamed before the failure; `usage` counts it (see
   * receivedUsage), or is null when nothing arrived.
   */
  | {
      ok: false;
      text: string;
      reasoning: string | null;
      error: ClassifiedError;
      usage: Usage | null;
    };

/**
 * How a call may end early: the run's stop signal, a total timeout and a silence limit (ms), the visitor's
 * skip, and where streamed text goes.
 */
export interface CallLimits {
  signal: AbortSignal;
  timeoutMs?: number | undefined;
  /** Fails the call when no text arrives for this long (before the first token or between two). */
  stallMs?: number | undefined;
  /**
   * Subscribes to "the page was frozen and runs again" (see shared/page-lifecycle.ts): the time
   * limits then start over, since nothing ran while frozen. Returns an unsubscribe function.
   */
  onResume?: ((listener: () => void) => () => void) | undefined;
  onDelta: (text: string) => void;
  /** The visitor skipped this model (MemberSkips): the call ends at once with skippedError. */
  skip?: AbortSignal | undefined;
}

/**
 * One streamed generation with limits that hold even when the model ignores its abort: stop, skip,
 * `timeoutMs` and `stallMs` end the call at once. Never rejects: a failure comes back as `{ ok: false, error
 * }` with whatever text streamed before it (kinds 'aborted', 'timeout', or the client's own ClassifiedError).
 */
export async function callModel(
  client: ModelClient,
  params: GenerateParams,
  limits: CallLimits,
): Promise<CallOutcome> {
  const controller = new AbortController();
  let cause: Cause | null = null;
  const abort = (why: Cause) => {
    cause ??= why;
    controller.abort();
  };
  const onStop = () => abort('stopped');
  limits.signal.addEventListener('abort', onStop, { once: true });
  if (limits.signal.aborted) onStop();
  const onSkip = () => abort('skipped');
  limits.skip?.addEventListener('abort', onSkip, { once: true });
  if (limits.skip?.aborted) onSkip();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchTotal = (): void => {
    clearTimeout(timer);
    if (limits.timeoutMs !== undefined)
      timer = setTimeout(() => abort('timeout'), limits.timeoutMs);
  };
  watchTotal();
  let stall: ReturnType<typeof setTimeout> | undefined;
  const watchStall = (): void => {
    clearTimeout(stall);
    if (limits.stallMs !== undefined) stall = setTimeout(() => abort('stall'), limits.stallMs);
  };
  watchStall();
  const stopWatchingResume = limits.onResume?.(() => {
    watchTotal();
    watchStall();
  });
  // Racing against this lets the run move on even when a model never notices the abort.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    if (controller.signal.aborted) reject(new Error('aborted'));
  });
  aborted.catch(() => undefined);
  let text = '';
  let pieces = 0;
  let iterator: AsyncIterator<GenerationEvent> | null = null;
  try {
    iterator = client.stream(params, controller.signal)[Symbol.asyncIterator]();
    for (;;) {
      const step = await Promise.race([iterator.next(), aborted]);
      if (step.done) {
        const error = classified('unknown', 'The stream ended without a final event.');
        return { ok: false, ...read(text), error, usage: receivedUsage(pieces, params) };
      }
      if (step.value.type === 'done') return { ok: true, ...read(text), usage: step.value.usage };
      text += step.value.text;
      if (step.value.text) pieces++;
      watchStall();
      limits.onDelta(step.value.text);
    }
  } catch (error) {
    return {
      ok: false,
      ...read(text),
      error: failure(cause, error, limits),
      usage: receivedUsage(pieces, params),
    };
  } finally {
    clearTimeout(timer);
    clearTimeout(stall);
    stopWatchingResume?.();
    limits.signal.removeEventListener('abort', onStop);
    limits.skip?.removeEventListener('abort', onSkip);
    // Closes the stream whichever way the call ended; not awaited, as a stuck model never settles.
    void Promise.resolve()
      .then(() => iterator?.return?.())
      .catch(() => undefined);
  }
}

/** Characters per token for a prompt-length estimate (English text), as the remote client estimates. */
const CHARS_PER_TOKEN = 4;

/**
 * What a call that failed or was stopped mid-answer still cost: the engine never reported usage, so
 * its output tokens are the pieces received (one token each, as the columns count them) and its
 * prompt tokens an estimate from the prompt's length (4 characters a token), marked estimated.
 * Null when nothing arrived.
 */
export function receivedUsage(
  pieces: number,
  params?: Pick<GenerateParams, 'messages'>,
): Usage | null {
  if (pieces === 0) return null;
  const chars = params?.messages.reduce((sum, m) => sum + m.content.length, 0) ?? 0;
  return {
    promptTokens: Math.ceil(chars / CHARS_PER_TOKEN),
    completionTokens: pieces,
    timeToFirstTokenMs: 0,
    prefillTokensPerS: 0,
    decodeTokensPerS: 0,
    totalMs: 0,
    estimated: true,
  };
}

function read(raw: string): { text: string; reasoning: string | null } {
  const { answer, reasoning } = splitModelText(raw);
  return { text: answer, reasoning };
}

type Cause = 'stopped' | 'skipped' | 'timeout' | 'stall';

function failure(cause: Cause | null, error: unknown, limits: CallLimits): ClassifiedError {
  if (cause === 'timeout')
    return classified(
      'timeout',
      `No answer within ${Math.round((limits.timeoutMs ?? 0) / 1000)} s`,
      'The model took longer than the per-model time limit and was dropped from this run.',
    );
  if (cause === 'stall') {
    const seconds = Number(((limits.stallMs ?? 0) / 1000).toFixed(2));
    return classified(
      'timeout',
      `No text for ${seconds} s`,
      `The model sent no text for ${seconds} s, this run's limit for a silent model, so the run went on without it.`,
    );
  }
  if (cause === 'stopped') return classified('aborted', 'Stopped by the visitor');
  if (cause === 'skipped') return skippedError();
  if (error instanceof ModelError)
    return {
      kind: error.kind,
      message: error.message,
      ...(error.detail ? { detail: error.detail } : {}),
    };
  return classifyError(error);
}
