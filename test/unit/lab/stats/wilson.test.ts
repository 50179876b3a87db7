import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../../src/lab/stats/wilson.js';

describe('wilsonInterval', () => {
  // By hand, z = 1.96: centre (p + z²/2n)/(1 + z²/n), half-width z·√(p(1−p)/n + z²/4n²)/(1 + z²/n).
  it.each([
    [8, 10, 0.4902, 0.9433],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [1, 2, 0.0945, 0.9055],
    [50, 100, 0.4038, 0.5962],
  ])('gives the hand-computed interval for %i of %i', (correct, total, low, high) => {
    const [lo, hi] = wilsonInterval(correct, total);
    expect(lo).toBeCloseTo(low, 4);
    expect(hi).toBeCloseTo(high, 4);
  });

  it('says nothing is known of an empty sample', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('narrows as the sample grows at the same accuracy', () => {
    const small = wilsonInterval(7, 10);
    const large = wilsonInterval(700, 1000);
    expect(large[1] - large[0]).toBeLessThan(small[1] - small[0]);
  });

  it('rejects counts that cannot be', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});
