import { describe, expect, it } from 'vitest';
import {
  bestSingle,
  oracleScore,
  scoreAnswerer,
  type AnswererOutcomes,
} from '../../../../src/lab/stats/summarise.js';

const answerer = (
  id: string,
  kind: 'single' | 'fusion',
  correct: number[],
  tokens = correct.map(() => 100),
  ms = correct.map(() => 2000),
): AnswererOutcomes => ({ id, kind, label: id.toUpperCase(), correct, tokens, ms });

describe('scoreAnswerer', () => {
  it('counts right answers, the Wilson interval and the cost per right answer', () => {
    const entry = scoreAnswerer(answerer('a', 'single', [1, 1, 1, 1, 1, 1, 1, 1, 0, 0]));
    expect(entry).toMatchObject({ id: 'a', label: 'A', kind: 'single', correct: 8, total: 10 });
    expect(entry.accuracy).toBe(0.8);
    expect(entry.ci95[0]).toBeCloseTo(0.4902, 4);
    expect(entry.ci95[1]).toBeCloseTo(0.9433, 4);
    // 1,000 tokens and 20 s spent for 8 right answers.
    expect(entry.tokensPerCorrect).toBe(125);
    expect(entry.secondsPerCorrect).toBe(2.5);
  });

  it('has no cost per right answer when none was right', () => {
    const entry = scoreAnswerer(answerer('a', 'single', [0, 0]));
    expect(entry.tokensPerCorrect).toBeNull();
    expect(entry.secondsPerCorrect).toBeNull();
  });
});

describe('bestSingle and oracleScore', () => {
  const run = [
    answerer('a', 'single', [1, 0, 0, 1]),
    answerer('b', 'single', [0, 1, 0, 1]),
    answerer('vote', 'fusion', [1, 1, 1, 1]),
  ];

  it('picks the most accurate single model, the first in pool order on a tie, never a mode', () => {
    expect(bestSingle(run.map(scoreAnswerer))?.id).toBe('a');
  });

  it('counts a question for the oracle when any single model got it right', () => {
    expect(oracleScore(run)).toMatchObject({ correct: 3, total: 4, accuracy: 0.75 });
  });
});
