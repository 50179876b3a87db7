// What happened to a lab run, in words: finished, failed (every answer an error), stopped or interrupted.
import type { ResultEntry } from '../stats/summarise.js';
import type { LabRunRecord } from '../run/lab-records.js';

/** How many of a run's answers failed (an error, nothing to grade), of how many answers. */
export type FailureCount = NonNullable<LabRunRecord['failures']>;

/** The failures over every answerer's answers (models alone and modes) to the questions every one finished. */
export function failureCount(
  entries: readonly Pick<ResultEntry, 'failed' | 'total'>[],
): FailureCount {
  return entries.reduce(
    (count, e) => ({ failed: count.failed + e.failed, answers: count.answers + e.total }),
    { failed: 0, answers: 0 },
  );
}

/** Whether a finished run has answers and every one of them failed: no result to read from it. */
export function everyAnswerFailed(failures: FailureCount | undefined): boolean {
  return failures !== undefined && failures.answers > 0 && failures.failed === failures.answers;
}

/**
 * A run's status as the list of runs and its results say it: "Finished", "Finished · 12 of 24 answers
 * failed", "Failed: every answer failed", "Stopped" or "Interrupted" (a reload or closed tab left it
 * running). `failures` is known once a run is done; a run finished before it was kept reads "Finished".
 */
export function runStatusText(status: LabRunRecord['status'], failures?: FailureCount): string {
  if (status === 'stopped') return 'Stopped';
  if (status === 'running') return 'Interrupted';
  if (everyAnswerFailed(failures)) return 'Failed: every answer failed';
  if (failures && failures.failed > 0)
    return `Finished · ${failures.failed.toLocaleString('en')} of ${failures.answers.toLocaleString('en')} answers failed`;
  return 'Finished';
}
