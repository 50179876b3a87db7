import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/lab/stats/compare.js';
import { describeVerdict, formatP, verdictOf } from '../../../../src/lab/stats/verdict.js';

const comparison = (difference: number, ci95: [number, number], mcnemarP = 0.5): Comparison => ({
  mode: 'vote',
  against: 'm',
  difference,
  ci95,
  mcnemarP,
  onlyMode: 0,
  onlyAgainst: 0,
});

describe('verdictOf', () => {
  it('decides from the interval alone', () => {
    expect(verdictOf(comparison(0.03, [0.01, 0.05]))).toBe('helped');
    expect(verdictOf(comparison(-0.03, [-0.05, -0.01]))).toBe('hurt');
    expect(verdictOf(comparison(0.03, [0, 0.05], 0.01))).toBe('unclear');
    expect(verdictOf(comparison(-0.02, [-0.04, 0.001]))).toBe('unclear');
  });
});

describe('describeVerdict', () => {
  it('says in words what happened, with the numbers it rests on', () => {
    const helped = describeVerdict(comparison(0.021, [0.008, 0.034], 0.0004), 1319, 'Vote', 'M');
    expect(helped).toEqual({
      kind: 'helped',
      text: 'Vote helped: it beat the best single model, M. Difference +2.1 points (95 % interval +0.8 to +3.4; McNemar p < 0.001) over 1319 questions.',
    });
    const unclear = describeVerdict(comparison(-0.01, [-0.03, 0.01], 0.41), 50, 'Vote', 'M');
    expect(unclear.text).toContain('could not be told apart');
    expect(unclear.text).toContain('−1.0 points (95 % interval −3.0 to +1.0; McNemar p = 0.41)');
    expect(describeVerdict(comparison(-0.05, [-0.08, -0.02]), 50, 'Vote', 'M').text).toMatch(
      /^Vote hurt: it did worse/,
    );
  });

  it('formats p to two significant figures', () => {
    expect(formatP(0.0456)).toBe('= 0.046');
    expect(formatP(1)).toBe('= 1');
    expect(formatP(0.0009)).toBe('< 0.001');
  });
});
