// The built-in task set with checkable answers, and scoring of single models against fusion on it.
import { extractAnswer, type AnswerKind } from '../modes/extract-answer.js';

export interface MeasureTask {
  prompt: string;
  kind: Exclude<AnswerKind, 'text'>;
  /** The normalised correct answer ("391", "B", "yes"). */
  answer: string;
}

/** Small on purpose: every task is asked of every model alone and of the fused pool. */
export const MEASURE_TASKS: readonly MeasureTask[] = [
  { prompt: 'What is 17 * 23?', kind: 'number', answer: '391' },
  { prompt: 'What is 144 / 12 + 35?', kind: 'number', answer: '47' },
  { prompt: 'What is (125 + 375) * 2?', kind: 'number', answer: '1000' },
  { prompt: 'How much is 48 * 25 - 199?', kind: 'number', answer: '1001' },
  { prompt: 'What is 6 * 7?\nA) 36\nB) 42\nC) 48\nD) 54', kind: 'choice', answer: 'B' },
  { prompt: 'Which is 15 * 15?\nA) 215\nB) 205\nC) 225\nD) 255', kind: 'choice', answer: 'C' },
];

export function isCorrect(task: MeasureTask, text: string | null): boolean {
  if (text === null) return false;
  return extractAnswer(text, task.kind).normalized === task.answer;
}

export interface Score {
  correct: number;
  total: number;
}

export interface MeasureSummary {
  /** Per pool model asked alone, in pool order. */
  singles: { modelId: string; score: Score }[];
  fusion: Score;
  /** Fusion accuracy minus the best single model's, in points (null before any task). */
  gainOverBest: number | null;
}

export interface TaskOutcome {
  /** Each pool model's own answer to the task (null when it failed). */
  singles: Record<string, string | null>;
  fused: string | null;
}

export function summariseMeasure(
  tasks: readonly MeasureTask[],
  outcomes: readonly TaskOutcome[],
  modelIds: readonly string[],
): MeasureSummary {
  const score = (answer: (outcome: TaskOutcome) => string | null): Score => ({
    correct: outcomes.filter((o, i) => tasks[i] && isCorrect(tasks[i], answer(o))).length,
    total: outcomes.length,
  });
  const singles = modelIds.map((modelId) => ({
    modelId,
    score: score((o) => o.singles[modelId] ?? null),
  }));
  const fusion = score((o) => o.fused);
  const rate = (s: Score): number => (s.total === 0 ? 0 : s.correct / s.total);
  const best = Math.max(0, ...singles.map((s) => rate(s.score)));
  return {
    singles,
    fusion,
    gainOverBest: outcomes.length === 0 ? null : Math.round((rate(fusion) - best) * 100),
  };
}
