// Runs the built-in tasks through each pool model alone and through the chosen mode, for the fusion-gain table.
import type { ModelClient } from './model-client.js';
import type { FusionOptions } from './options.js';
import { runFusion } from './run-fusion.js';
import type { FusionMode } from './run-record.js';
import type { Stages } from './stages.js';
import type { MeasureTask, TaskOutcome } from './measure-tasks.js';

export interface MeasureInput {
  tasks: readonly MeasureTask[];
  pool: readonly ModelClient[];
  judge: ModelClient | null;
  mode: FusionMode;
  options: FusionOptions;
  schedule?: Stages;
  signal: AbortSignal;
  /** Steps done and total, after each single answer and each fused answer. */
  onProgress?: (done: number, total: number) => void;
}

/** Outcomes of the tasks that finished; a stop keeps those and ends early. */
export async function measureFusion(input: MeasureInput): Promise<TaskOutcome[]> {
  const { tasks, pool, signal } = input;
  const total = tasks.length * (pool.length + 1);
  let done = 0;
  const step = () => input.onProgress?.(++done, total);
  const outcomes: TaskOutcome[] = [];
  for (const task of tasks) {
    if (signal.aborted) break;
    const singles: Record<string, string | null> = {};
    for (const client of pool) {
      // Alone: one greedy answer, the way a visitor would ask a single model.
      const alone = await runFusion({
        mode: 'vote',
        prompt: task.prompt,
        pool: [client],
        options: { samples: 1, temperature: 0, questionKind: task.kind },
        signal,
      });
      singles[client.id] = alone.finalAnswer;
      step();
    }
    const fused = await runFusion({
      mode: input.mode,
      prompt: task.prompt,
      pool,
      judge: input.judge,
      options: { ...input.options, questionKind: task.kind },
      ...(input.schedule ? { schedule: input.schedule } : {}),
      signal,
    });
    step();
    if (signal.aborted) break;
    outcomes.push({ singles, fused: fused.finalAnswer });
  }
  return outcomes;
}
