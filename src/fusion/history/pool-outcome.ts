// How many pool members of a run answered and which failed: what a result says instead of "fused" when the pool shrank.
import type { RunRecord } from './run-record.js';

/** How many of a run's pool members answered, and which failed. */
export interface PoolOutcome {
  /** Pool member ids with an answer and no failure (a visitor's stop is not a failure). */
  answered: string[];
  /** Pool member ids that failed on any of their calls: their answers were not counted. */
  failed: string[];
  /** The pool's size. */
  of: number;
}

/** Reads a stored (or live) run's answers; pure. */
export function poolOutcome(run: Pick<RunRecord, 'poolIds' | 'answers'>): PoolOutcome {
  const failed = run.poolIds.filter((id) =>
    run.answers.some((a) => a.memberId === id && a.error !== null && a.error.kind !== 'aborted'),
  );
  const answered = run.poolIds.filter(
    (id) => !failed.includes(id) && run.answers.some((a) => a.memberId === id),
  );
  return { answered, failed, of: run.poolIds.length };
}
