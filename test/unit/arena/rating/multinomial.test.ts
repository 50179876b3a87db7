// Exact binomial and multinomial draws: right totals, right means and spreads, seeded.
import { describe, expect, it } from 'vitest';
import { binomial, multinomial } from '../../../../src/arena/rating/multinomial.js';
import { seededRandom } from '../../../../src/shared/prng.js';

function moments(draw: () => number, times: number): { mean: number; variance: number } {
  const values = Array.from({ length: times }, draw);
  const mean = values.reduce((s, v) => s + v, 0) / times;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (times - 1);
  return { mean, variance };
}

describe('binomial', () => {
  it.each([
    [20, 0.3],
    [10_000, 0.002],
    [5_000, 0.8],
    [40_000, 0.25],
  ])('Binomial(%i, %f) has mean n·p and variance n·p·(1 − p)', (n, p) => {
    const random = seededRandom(11);
    const { mean, variance } = moments(() => binomial(n, p, random), 4000);
    const sd = Math.sqrt(n * p * (1 - p));
    // Within 4 standard errors of the mean; the variance within 10 %.
    expect(Math.abs(mean - n * p)).toBeLessThan((4 * sd) / Math.sqrt(4000));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
  });

  it('handles the edges', () => {
    const random = seededRandom(1);
    expect(binomial(0, 0.5, random)).toBe(0);
    expect(binomial(7, 0, random)).toBe(0);
    expect(binomial(7, 1, random)).toBe(7);
  });
});

describe('multinomial', () => {
  it('draws exactly n in all, each cell near its share, empty cells empty', () => {
    const weights = Float64Array.from([50, 0, 30, 20]);
    const random = seededRandom(5);
    const out = new Float64Array(4);
    const sums = [0, 0, 0, 0];
    for (let r = 0; r < 2000; r += 1) {
      multinomial(weights, 100, random, out);
      expect(out.reduce((s, v) => s + v, 0)).toBe(100);
      expect(out[1]).toBe(0);
      out.forEach((v, k) => (sums[k]! += v));
    }
    expect(sums.map((s) => Math.round(s / 2000))).toEqual([50, 0, 30, 20]);
  });
});
