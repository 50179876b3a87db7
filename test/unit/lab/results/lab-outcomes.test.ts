// Stored answers paired question by question, unfinished questions left out of the statistics.
import { describe, expect, it } from 'vitest';
import { labOutcomes } from '../../../../src/lab/results/lab-outcomes.js';
import { ANSWERS, RUN } from './fixtures.js';

describe('labOutcomes', () => {
  it('pairs the answers question by question, singles in pool order then the modes', () => {
    const outcomes = labOutcomes(RUN, ANSWERS);
    expect(outcomes.rows.map((r) => r.index)).toEqual([4, 10, 20]);
    expect(outcomes.unfinished).toBe(0);
    expect(outcomes.answerers.map((a) => [a.id, a.kind, Array.from(a.correct)])).toEqual([
      ['a', 'single', [1, 1, 0]],
      ['b', 'single', [0, 1, 0]],
      ['vote', 'fusion', [1, 1, 1]],
    ]);
  });

  it('leaves out a question some answerer has not answered yet, and counts it as unfinished', () => {
    const outcomes = labOutcomes(
      RUN,
      ANSWERS.filter((a) => !(a.position === 2 && a.answerer === 'vote')),
    );
    expect(outcomes.rows.map((r) => r.position)).toEqual([0, 1]);
    expect(outcomes.unfinished).toBe(1);
    expect(outcomes.answerers.every((a) => a.correct.length === 2)).toBe(true);
  });
});
