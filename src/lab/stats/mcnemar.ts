// McNemar's exact test: do two answerers graded on the same questions differ more than chance allows?

/**
 * The exact (binomial) two-sided p-value of McNemar's test (McNemar 1947, "Note on the sampling
 * error of the difference between correlated proportions or percentages", Psychometrika 12:153–157).
 * Only the discordant questions count: `onlyA` where a was right and b wrong, `onlyB` the reverse.
 * Under "no difference" each discordant question is a fair coin, so the p-value is
 * min(1, 2 · P(X ≤ min(onlyA, onlyB))) with X ~ Binomial(onlyA + onlyB, 1/2).
 *
 * Computed in log space, so thousands of discordant pairs neither overflow nor underflow.
 * @returns p in 0..1; 1 when there is no discordant question.
 * @throws RangeError when a count is negative or not an integer.
 */
export function mcnemarExactP(onlyA: number, onlyB: number): number {
  if (![onlyA, onlyB].every((n) => Number.isInteger(n) && n >= 0))
    throw new RangeError(`mcnemarExactP: need counts ≥ 0, got ${onlyA} and ${onlyB}`);
  const n = onlyA + onlyB;
  const k = Math.min(onlyA, onlyB);
  if (n === 0) return 1;
  // log C(n, i) built up term by term: C(n, i) = C(n, i-1) · (n-i+1) / i.
  let logChoose = 0;
  const terms: number[] = [0];
  for (let i = 1; i <= k; i++) {
    logChoose += Math.log(n - i + 1) - Math.log(i);
    terms.push(logChoose);
  }
  // Sum exp(terms − max) to keep precision, then scale by 2^-n.
  const max = Math.max(...terms);
  const sum = terms.reduce((total, t) => total + Math.exp(t - max), 0);
  const logTail = max + Math.log(sum) - n * Math.LN2;
  return Math.min(1, 2 * Math.exp(logTail));
}

/** The discordant counts of two answerers' 1/0 outcomes on the same questions. */
export function discordantPairs(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { onlyA: number; onlyB: number } {
  if (a.length !== b.length)
    throw new RangeError(`discordantPairs: ${a.length} against ${b.length}`);
  let onlyA = 0;
  let onlyB = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] && !b[i]) onlyA++;
    else if (!a[i] && b[i]) onlyB++;
  }
  return { onlyA, onlyB };
}
