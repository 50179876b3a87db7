// What a finished lab run keeps of its results: scores of the models alone, verdicts, questions and failures.
import { describe, expect, it } from 'vitest';
import { buildResults, finishedResults } from '../../../../src/lab/results/lab-results.js';
import { compareWithBest } from '../../../../src/lab/stats/compare.js';
import { ANSWERS, RUN } from './fixtures.js';

describe('finishedResults', () => {
  it("keeps the single models' scores, the verdicts, the questions answered and the failed answers", async () => {
    const failure = { kind: 'not-recorded' as const, message: 'The model failed', detail: '' };
    const failing = ANSWERS.map((a) =>
      a.answerer === 'b' && a.position !== 1
        ? { ...a, text: null, extracted: null, error: failure }
        : a,
    );
    const results = await buildResults(RUN, failing, async (answerers, options) =>
      compareWithBest(answerers, options),
    );
    const kept = finishedResults(results);
    expect(kept.scores).toEqual([
      { id: 'a', correct: 2, total: 3 },
      { id: 'b', correct: 1, total: 3 },
    ]);
    expect(kept.verdicts.map((v) => v.mode)).toEqual(['vote']);
    expect(kept.answered).toBe(3);
    expect(kept.failures).toEqual({ failed: 2, answers: 9 });
  });
});
