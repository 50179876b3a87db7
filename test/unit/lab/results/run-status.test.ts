// A lab run's status in words: a run whose every answer failed is not "Finished" like a good one.
import { describe, expect, it } from 'vitest';
import {
  everyAnswerFailed,
  failureCount,
  runStatusText,
} from '../../../../src/lab/results/run-status.js';

describe('failureCount', () => {
  it('sums failed and graded answers over every model and mode', () => {
    expect(
      failureCount([
        { failed: 6, total: 6 },
        { failed: 0, total: 6 },
        { failed: 6, total: 6 },
      ]),
    ).toEqual({ failed: 12, answers: 18 });
    expect(failureCount([])).toEqual({ failed: 0, answers: 0 });
  });
});

describe('runStatusText', () => {
  it('says a finished run failed when every answer failed', () => {
    expect(runStatusText('done', { failed: 24, answers: 24 })).toBe('Failed: every answer failed');
    expect(everyAnswerFailed({ failed: 24, answers: 24 })).toBe(true);
  });

  it('says how many answers failed when some did', () => {
    expect(runStatusText('done', { failed: 12, answers: 24 })).toBe(
      'Finished · 12 of 24 answers failed',
    );
    expect(runStatusText('done', { failed: 1, answers: 7914 })).toBe(
      'Finished · 1 of 7,914 answers failed',
    );
    expect(everyAnswerFailed({ failed: 12, answers: 24 })).toBe(false);
  });

  it('says "Finished" for a good run, one with no answers, or one finished before failures were kept', () => {
    expect(runStatusText('done', { failed: 0, answers: 24 })).toBe('Finished');
    expect(runStatusText('done', { failed: 0, answers: 0 })).toBe('Finished');
    expect(everyAnswerFailed({ failed: 0, answers: 0 })).toBe(false);
    expect(runStatusText('done')).toBe('Finished');
  });

  it('keeps the words of a stopped or interrupted run', () => {
    expect(runStatusText('stopped', { failed: 3, answers: 3 })).toBe('Stopped');
    expect(runStatusText('running')).toBe('Interrupted');
  });
});
