// Runs a lab run's remaining questions: each model alone, then each fusion mode, every answer graded and handed on.
import type { FusionMode } from '../../fusion/modes/trace.js';
import type { FusionOptions } from '../../fusion/core/options.js';
import type { Stages } from '../../fusion/core/stages.js';
import { runFusion, type FusionResult } from '../../fusion/run-fusion.js';
import type { ModelClient } from '../../models/model-client.js';
import { gradeAnswer, type LabTask } from '../tasks/task-set.js';
import { decisionText } from './decision-text.js';
import type { LabAnswerRecord, LabRunRecord } from './lab-records.js';

/** Where a run is: shown as the progress bar, its label and the ETA. */
export interface LabProgress {
  /** 1-based question being asked, of `questions`. */
  question: number;
  questions: number;
  /** Answers stored, including those from before a resume. */
  answersIn: number;
  answersTotal: number;
  /** What is being waited for (a model's label or a mode); null once finished or stopped. */
  asking: string | null;
  /** Estimated time left, from this session's pace; null until an answer came in. */
  etaMs: number | null;
}

/**
 * What runLab needs: the run, its tasks, the answers already in, clients, a stop signal and where answers go.
 */
export interface LabRunnerInput {
  run: LabRunRecord;
  /** The whole task set; `run.questions` index into it. */
  tasks: readonly LabTask[];
  /** Answers already stored (`answerKey(position, answerer)`), skipped on a resume. */
  done: ReadonlySet<string>;
  /** The pool's clients, in `run.pool` order (a client's id may differ from its member's). */
  pool: readonly ModelClient[];
  /** Best-of's judge and merge's aggregator; null lets the mode pick the strongest. */
  judge: ModelClient | null;
  /** Ask the models alone all at once (they fit on the device together) or one after another. */
  singlesAtOnce: boolean;
  schedule?: Stages;
  /** The options a fusion mode runs with (vote's samples, …). */
  modeOptions: (mode: FusionMode) => FusionOptions;
  signal: AbortSignal;
  onAnswer: (answer: LabAnswerRecord) => void;
  onProgress?: (progress: LabProgress) => void;
  now?: () => number;
}

/** The key of one answer: question position and answerer id. */
export const answerKey = (position: number, answerer: string): string => `${position}:${answerer}`;

/**
 * Asks every remaining (question, answerer) pair in question order. A stop ends at once and
 * keeps what finished; an answer interrupted by the stop is not handed on (it would count as wrong).
 * @returns whether every answer of the run is now in.
 */
export async function runLab(input: LabRunnerInput): Promise<boolean> {
  const { run, pool, signal } = input;
  const now = input.now ?? (() => performance.now());
  if (pool.length !== run.pool.length) throw new RangeError('One client per pool member');
  // Answers are stored under the member's id; the clients may carry ids of their own.
  const memberOf = new Map(pool.map((client, i) => [client, run.pool[i]!.id]));
  const accuracy = Object.fromEntries(
    pool.flatMap((client, i) => {
      const value = run.accuracy[run.pool[i]!.id];
      return value === undefined ? [] : [[client.id, value]];
    }),
  );
  const answerers = [...run.pool.map((m) => m.id), ...run.modes];
  const answersTotal = run.questions.length * answerers.length;
  let answersIn = input.done.size;
  const started = now();
  let answeredHere = 0;
  let question = 0;
  const report = (asking: string | null) => {
    const elapsed = now() - started;
    const etaMs = answeredHere > 0 ? ((answersTotal - answersIn) * elapsed) / answeredHere : null;
    input.onProgress?.({
      question,
      questions: run.questions.length,
      answersIn,
      answersTotal,
      asking,
      etaMs,
    });
  };
  const hand = (answer: LabAnswerRecord | null) => {
    if (!answer || signal.aborted) return;
    answersIn++;
    answeredHere++;
    input.onAnswer(answer);
  };

  for (const [position, index] of run.questions.entries()) {
    if (signal.aborted) break;
    question = position + 1;
    const task = input.tasks[index];
    if (!task) throw new RangeError(`The task set has no question ${index + 1}`);
    const missing = pool.filter((c) => !input.done.has(answerKey(position, memberOf.get(c)!)));
    if (missing.length > 0) {
      report(missing.length === 1 ? missing[0]!.label : `${missing.length} models alone`);
      const ask = (client: ModelClient) =>
        alone(client, task, signal).then((r) =>
          hand(toAnswer(run.id, position, memberOf.get(client)!, task, r, null)),
        );
      if (input.singlesAtOnce) await Promise.all(missing.map(ask));
      else for (const client of missing) if (!signal.aborted) await ask(client);
    }
    for (const mode of run.modes) {
      if (signal.aborted || input.done.has(answerKey(position, mode))) continue;
      report(mode);
      const result = await runFusion({
        mode,
        prompt: task.prompt,
        pool,
        judge: input.judge,
        options: { ...input.modeOptions(mode), questionKind: task.kind },
        accuracy,
        ...(input.schedule ? { schedule: input.schedule } : {}),
        signal,
      });
      const nameOf = (id: string) => pool.find((c) => c.id === id)?.label ?? id;
      hand(toAnswer(run.id, position, mode, task, result, decisionText(result.trace, nameOf)));
    }
  }
  question = Math.min(question, run.questions.length);
  report(null);
  return answersIn === answersTotal;
}

/** A model alone: one greedy answer, as a visitor would ask it (vote over itself, one sample). */
function alone(client: ModelClient, task: LabTask, signal: AbortSignal): Promise<FusionResult> {
  return runFusion({
    mode: 'vote',
    prompt: task.prompt,
    pool: [client],
    options: { samples: 1, temperature: 0, questionKind: task.kind },
    signal,
  });
}

function toAnswer(
  runId: string,
  position: number,
  answerer: string,
  task: LabTask,
  result: FusionResult,
  decision: string | null,
): LabAnswerRecord | null {
  if (result.status === 'stopped') return null;
  const graded = gradeAnswer(task, result.finalAnswer);
  return {
    runId,
    position,
    answerer,
    text: result.finalAnswer,
    ...graded,
    tokens: result.cost.completionTokens,
    ms: Math.round(result.finishedAt - result.startedAt),
    // A model alone: its own failure, not the fused run's "every model failed" wrapper around it.
    error:
      result.error && decision === null
        ? (result.answers.find((a) => a.error)?.error ?? result.error)
        : result.error,
    decision,
  };
}
