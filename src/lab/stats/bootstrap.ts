// Paired bootstrap of the difference in accuracy between two answerers graded on the same questions.
import { seededRandom } from '../../shared/prng.js';

/** How many resamples the paired bootstrap draws, its seed and its coverage. */
export interface PairedBootstrapOptions {
  /** Number of resamples (≥ 1); the lab uses 2,000. */
  resamples: number;
  /** Seed of the resampling PRNG (mulberry32): the same seed gives the same interval. */
  seed: number;
  /** Two-sided coverage, 0.95 for a 95 % interval. */
  level?: number;
}

/** The observed difference in accuracy between two answerers and its bootstrap percentile interval. */
export interface PairedDifference {
  /** Observed accuracy of `a` minus accuracy of `b`, in -1..1. */
  difference: number;
  /** Percentile interval of the resampled differences: `[low, high]`, in -1..1. */
  ci95: [number, number];
}

/**
 * The paired (case-resampling) bootstrap of accuracy(a) − accuracy(b), with the percentile interval
 * (Efron & Tibshirani 1993, "An Introduction to the Bootstrap", ch. 6 and 13). Questions are drawn
 * with replacement and both answerers' outcomes on a drawn question travel together, so the
 * interval reflects that the two were graded on the same questions (narrower than an unpaired
 * one when they tend to get the same questions right).
 *
 * `a` and `b` hold 1 (right) or 0 (wrong) per question, in the same question order.
 * With `resamples` R the interval is the ⌊αR/2⌋-th and (⌈(1−α/2)R⌉−1)-th of the sorted resampled
 * differences (0-based), α = 1 − level.
 *
 * @throws RangeError when the arrays differ in length, are empty, or `resamples` < 1.
 */
export function pairedBootstrap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: PairedBootstrapOptions,
): PairedDifference {
  const n = a.length;
  if (n !== b.length) throw new RangeError(`pairedBootstrap: ${n} outcomes against ${b.length}`);
  if (n === 0) throw new RangeError('pairedBootstrap: no paired outcomes');
  const resamples = Math.floor(options.resamples);
  if (!(resamples >= 1)) throw new RangeError('pairedBootstrap: resamples must be at least 1');
  // Per question the difference is -1, 0 or +1: resampling differences is resampling pairs.
  const d = new Int8Array(n);
  let observed = 0;
  for (let i = 0; i < n; i++) {
    d[i] = (a[i] ? 1 : 0) - (b[i] ? 1 : 0);
    observed += d[i]!;
  }
  const random = seededRandom(options.seed);
  const sums = new Int32Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[Math.floor(random() * n)]!;
    sums[r] = sum;
  }
  sums.sort();
  const alpha = 1 - (options.level ?? 0.95);
  const low = sums[Math.floor((alpha / 2) * resamples)]!;
  const high = sums[Math.max(0, Math.ceil((1 - alpha / 2) * resamples) - 1)]!;
  return { difference: observed / n, ci95: [low / n, high / n] };
}
