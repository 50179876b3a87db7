// Computes everything the results view shows from a run's answers; the bootstrap runs where `compare` runs it.
import type { FusionMode } from '../../fusion/modes/trace.js';
import type { LabAnswerRecord, LabRunRecord } from '../run/lab-records.js';
import type { Comparison, CompareOptions } from '../stats/compare.js';
import { oracleScore, scoreAnswerer, type AnswererOutcomes } from '../stats/summarise.js';
import { describeVerdict } from '../stats/verdict.js';
import { labOutcomes } from './lab-outcomes.js';
import type { LabResults } from './results-export.js';
import { failureCount } from './run-status.js';

/** At least 2,000, as the issue asks; the seed makes every view of a run show the same interval. */
export const BOOTSTRAP = { resamples: 2000, seed: 1 } as const;

/** Compares the modes with the best single model: in the stats worker in the app, directly in tests. */
export type CompareFn = (
  answerers: readonly AnswererOutcomes[],
  options: CompareOptions,
) => Promise<Comparison[]>;

/**
 * Everything the results view shows of a run: each answerer's accuracy, and each fusion mode against the best
 * single model (paired bootstrap and McNemar, computed by `compare`, usually in the statistics worker); no
 * comparisons before a question is finished.
 */
export async function buildResults(
  run: LabRunRecord,
  answers: readonly LabAnswerRecord[],
  compare: CompareFn,
): Promise<LabResults> {
  const outcomes = labOutcomes(run, answers);
  const entries = outcomes.answerers.map(scoreAnswerer);
  const comparisons = outcomes.rows.length > 0 ? await compare(outcomes.answerers, BOOTSTRAP) : [];
  const label = (id: string) => entries.find((e) => e.id === id)?.label ?? id;
  return {
    entries,
    comparisons,
    oracle: oracleScore(outcomes.answerers),
    verdicts: comparisons.map((c) => ({
      mode: c.mode,
      ...describeVerdict(c, outcomes.rows.length, label(c.mode), label(c.against)),
    })),
    rows: outcomes.rows,
    unfinished: outcomes.unfinished,
    resamples: BOOTSTRAP.resamples,
    seed: BOOTSTRAP.seed,
  };
}

/**
 * What a finished run keeps of its results (LabStore.finishRun): each model alone's score, each mode's
 * verdict, the questions every answerer finished, and how many of their answers failed.
 */
export function finishedResults(
  results: LabResults,
): Required<Pick<LabRunRecord, 'scores' | 'verdicts' | 'answered' | 'failures'>> {
  return {
    scores: results.entries
      .filter((e) => e.kind === 'single')
      .map((e) => ({ id: e.id, correct: e.correct, total: e.total })),
    verdicts: results.verdicts.map(({ mode, kind, text }) => ({
      mode: mode as FusionMode,
      kind,
      text,
    })),
    answered: results.rows.length,
    failures: failureCount(results.entries),
  };
}
