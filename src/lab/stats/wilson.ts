// The Wilson score interval for a proportion: accuracy with an honest 95 % interval, also at 0 % and 100 %.

/** z for a two-sided 95 % interval: the 97.5th percentile of the standard normal. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson's score interval for `correct` successes out of `total` trials (Wilson 1927, "Probable
 * inference, the law of succession, and statistical inference", JASA 22:209–212). Unlike the
 * normal ("Wald") interval it stays inside [0, 1] and does not collapse to a point at 0 or n
 * successes, which matters for small task sets.
 *
 * @returns `[low, high]`, both in 0..1; `[0, 1]` when `total` is 0 (nothing is known).
 * @throws RangeError when the counts are not integers with 0 ≤ correct ≤ total.
 */
export function wilsonInterval(correct: number, total: number, z = Z_95): [number, number] {
  if (!Number.isInteger(correct) || !Number.isInteger(total) || correct < 0 || correct > total)
    throw new RangeError(
      `wilsonInterval: need integers 0 ≤ correct ≤ total, got ${correct}/${total}`,
    );
  if (total === 0) return [0, 1];
  const p = correct / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  // Rounding can push the ends a hair past the bounds at p = 0 or 1.
  return [Math.max(0, centre - margin), Math.min(1, centre + margin)];
}
