// From per-question outcomes to the lab's results: accuracy with intervals, cost per correct answer, the oracle.
import { wilsonInterval } from './wilson.js';

/** One answerer of a lab run (a model alone, or a fusion mode over the pool) on the run's questions. */
export interface AnswererOutcomes {
  /** A model id for a single model, the mode name ('vote', …) for fusion. */
  id: string;
  kind: 'single' | 'fusion';
  label: string;
  /** Per question, in the run's question order: 1 when its extracted answer was right, else 0. */
  correct: ArrayLike<number>;
  /** Completion tokens spent per question (every call a fusion mode made). */
  tokens: ArrayLike<number>;
  /** Wall time per question, in ms. */
  ms: ArrayLike<number>;
  /** Per question: 1 when the answerer failed (no answer, an error), else 0; such a question is also 0 in `correct`. */
  failed?: ArrayLike<number>;
}

/** An answerer's score, as the results table and the export show it. */
export interface ResultEntry {
  kind: 'single' | 'fusion';
  id: string;
  label: string;
  correct: number;
  total: number;
  /** Questions the answerer failed on (an error, no answer): counted as wrong in `correct` and `accuracy`. */
  failed: number;
  /** correct / total, 0..1 (0 when total is 0). */
  accuracy: number;
  /** Wilson 95 % interval of the accuracy. */
  ci95: [number, number];
  /** Completion tokens spent per right answer; null when none was right. */
  tokensPerCorrect: number | null;
  /** Seconds of wall time per right answer; null when none was right. */
  secondsPerCorrect: number | null;
}

const sum = (values: ArrayLike<number>): number => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return total;
};

/** Scores one answerer over all its questions. */
export function scoreAnswerer(answerer: AnswererOutcomes): ResultEntry {
  const total = answerer.correct.length;
  const correct = sum(answerer.correct);
  return {
    kind: answerer.kind,
    id: answerer.id,
    label: answerer.label,
    correct,
    total,
    failed: answerer.failed ? sum(answerer.failed) : 0,
    accuracy: total === 0 ? 0 : correct / total,
    ci95: wilsonInterval(correct, total),
    tokensPerCorrect: correct === 0 ? null : sum(answerer.tokens) / correct,
    secondsPerCorrect: correct === 0 ? null : sum(answerer.ms) / 1000 / correct,
  };
}

/** The single model with the highest accuracy (the first in pool order on a tie); null without any. */
export function bestSingle(entries: readonly ResultEntry[]): ResultEntry | null {
  let best: ResultEntry | null = null;
  for (const entry of entries)
    if (entry.kind === 'single' && (best === null || entry.accuracy > best.accuracy)) best = entry;
  return best;
}

/** The ceiling: how many questions at least one single model got right, with its Wilson interval. */
export function oracleScore(answerers: readonly AnswererOutcomes[]): {
  correct: number;
  total: number;
  accuracy: number;
  ci95: [number, number];
} {
  const singles = answerers.filter((a) => a.kind === 'single');
  const total = singles[0]?.correct.length ?? 0;
  let correct = 0;
  for (let i = 0; i < total; i++) if (singles.some((a) => a.correct[i])) correct++;
  return {
    correct,
    total,
    accuracy: total === 0 ? 0 : correct / total,
    ci95: wilsonInterval(correct, total),
  };
}
