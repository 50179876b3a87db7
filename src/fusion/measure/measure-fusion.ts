// Runs the built-in tasks through each pool model alone and through the chosen mode, for the fusion-gain table.
import type { ModelClient } from '../../models/model-client.js';
import type { FusionOptions } from '../core/options.js';
import { runFusion } from '../run-fusion.js';
import type { FusionMode } from '../modes/trace.js';
import type { Stages } from '../core/stages.js';
import type { MeasureTask, TaskOutcome } from './measure-tasks.js';

export interface MeasureInput {
  tasks: readonly MeasureTask[];
  pool: readonly ModelClient[];
  judge: ModelClient | null;
  mode: FusionMode;
  options: FusionOptions;
  schedule?: Stages;
  signal: AbortSignal;
  /** Before each answer is asked (what is being asked), and once at the end (`asking` null). */
  onProgress?: (progress: MeasureProgress) => void;
}

/** Where a measurement is: a long run (minutes with real models) shows what it is waiting for. */
export interface MeasureProgress {
  /** Answers finished: each model alone, then the fused pool, for every question. */
  done: number;
  total: number;
  /** The question being asked, 1-based, of `questions`. */
  question: number;
  questions: number;
  /** The answer being waited for; null once the run finished or stopped. */
  asking: { kind: 'alone'; modelId: string } | { kind: 'fused' } | null;
}

/** Outcomes of the tasks that finished; a stop keeps those and ends early. */
export async function measureFusion(input: MeasureInput): Promise<TaskOutcome[]> {
  const { tasks, pool, signal } = input;
  const total = tasks.length * (pool.length + 1);
  let done = 0;
  let question = 0;
  const report = (asking: MeasureProgress['asking']) =>
    input.onProgress?.({ done, total, question, questions: tasks.length, asking });
  const outcomes: TaskOutcome[] = [];
  for (const task of tasks) {
    if (signal.aborted) break;
    question += 1;
    const singles: Record<string, string | null> = {};
    for (const client of pool) {
      report({ kind: 'alone', modelId: client.id });
      // Alone: one greedy answer, the way a visitor would ask a single model.
      const alone = await runFusion({
        mode: 'vote',
        prompt: task.prompt,
        pool: [client],
        options: { samples: 1, temperature: 0, questionKind: task.kind },
        signal,
      });
      singles[client.id] = alone.finalAnswer;
      done += 1;
    }
    report({ kind: 'fused' });
    const fused = await runFusion({
      mode: input.mode,
      prompt: task.prompt,
      pool,
      judge: input.judge,
      options: { ...input.options, questionKind: task.kind },
      ...(input.schedule ? { schedule: input.schedule } : {}),
      signal,
    });
    done += 1;
    if (signal.aborted) break;
    outcomes.push({ singles, fused: fused.finalAnswer });
  }
  report(null);
  return outcomes;
}
