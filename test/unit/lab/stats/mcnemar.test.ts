import { describe, expect, it } from 'vitest';
import { discordantPairs, mcnemarExactP } from '../../../../src/lab/stats/mcnemar.js';

describe('mcnemarExactP', () => {
  // Two-sided exact p = min(1, 2·Σ_{i≤min(b,c)} C(b+c, i) / 2^(b+c)), computed by hand.
  it.each([
    [1, 9, (2 * (1 + 10)) / 1024],
    [9, 1, (2 * (1 + 10)) / 1024],
    [2, 8, (2 * (1 + 10 + 45)) / 1024],
    [0, 6, 2 / 64],
    [0, 1, 1],
    [3, 3, 1],
    [0, 0, 1],
    [5, 15, (2 * (1 + 20 + 190 + 1140 + 4845 + 15504)) / 2 ** 20],
  ])('gives the hand-computed p for %i against %i discordant pairs', (b, c, p) => {
    expect(mcnemarExactP(b, c)).toBeCloseTo(p, 12);
  });

  it('stays finite and tiny with thousands of one-sided discordant pairs', () => {
    const p = mcnemarExactP(0, 1200);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-300);
    expect(mcnemarExactP(600, 600)).toBe(1);
    // 2·P(X ≤ 560) for X ~ Bin(1200, ½): z ≈ (560.5 − 600)/√300 ≈ −2.28, so p ≈ 0.0226.
    expect(mcnemarExactP(560, 640)).toBeCloseTo(0.0226, 3);
  });

  it('rejects impossible counts', () => {
    expect(() => mcnemarExactP(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExactP(1.5, 2)).toThrow(RangeError);
  });
});

describe('discordantPairs', () => {
  it('counts the questions only one of the two got right', () => {
    expect(discordantPairs([1, 1, 0, 0, 1], [1, 0, 1, 0, 0])).toEqual({ onlyA: 2, onlyB: 1 });
  });
});
