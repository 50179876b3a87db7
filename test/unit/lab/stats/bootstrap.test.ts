import { describe, expect, it } from 'vitest';
import { pairedBootstrap } from '../../../../src/lab/stats/bootstrap.js';

const options = { resamples: 2000, seed: 7 };

describe('pairedBootstrap', () => {
  it('gives a zero-width interval when every question has the same difference', () => {
    expect(pairedBootstrap([1, 1, 1], [0, 0, 0], options)).toEqual({ difference: 1, ci95: [1, 1] });
    expect(pairedBootstrap([1, 0, 1], [1, 0, 1], options)).toEqual({ difference: 0, ci95: [0, 0] });
  });

  it('matches the exact bootstrap distribution worked out by hand for two questions', () => {
    // Differences (1, 0): a resample's mean is 0, ½ or 1 with probability ¼, ½, ¼, so the 2.5th
    // and 97.5th percentiles are 0 and 1.
    expect(pairedBootstrap([1, 0], [0, 0], options)).toEqual({ difference: 0.5, ci95: [0, 1] });
  });

  it('matches the hand-computed percentiles for ten questions, five won and five tied', () => {
    // The resampled mean is Binomial(10, ½)/10: P(≤ 0.1) = 11/1024 < 2.5 % < P(≤ 0.2) = 56/1024,
    // and symmetrically at the top, so the interval is [0.2, 0.8].
    const a = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const b = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(pairedBootstrap(a, b, options)).toEqual({ difference: 0.5, ci95: [0.2, 0.8] });
  });

  it('contains the observed difference, and is the same for the same seed', () => {
    const random = (seed: number) =>
      Array.from({ length: 300 }, (_, i) => ((i * seed) % 7 < 4 ? 1 : 0));
    const a = random(3);
    const b = random(5);
    const result = pairedBootstrap(a, b, options);
    expect(result.ci95[0]).toBeLessThanOrEqual(result.difference);
    expect(result.ci95[1]).toBeGreaterThanOrEqual(result.difference);
    expect(result.ci95[0]).toBeLessThan(result.ci95[1]);
    expect(pairedBootstrap(a, b, options)).toEqual(result);
  });

  it('resamples questions in pairs: one discordant question in 200 gives the hand-computed [0, 0.015]', () => {
    // Differences are 0 except one +1, so a resample's sum is Binomial(200, 1/200):
    // P(≤ 2) = 0.920 < 97.5 % ≤ P(≤ 3) = 0.981, and P(0) = 0.367 > 2.5 %. Resampling the two
    // answerers apart (unpaired) would give an interval about ±0.1 wide instead.
    const b = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const a = [...b];
    a[1] = 1;
    expect(pairedBootstrap(a, b, options)).toEqual({ difference: 0.005, ci95: [0, 0.015] });
  });

  it('rejects unpaired or empty outcomes', () => {
    expect(() => pairedBootstrap([1], [1, 0], options)).toThrow(RangeError);
    expect(() => pairedBootstrap([], [], options)).toThrow(RangeError);
    expect(() => pairedBootstrap([1], [0], { resamples: 0, seed: 1 })).toThrow(RangeError);
  });
});
