// Exact multinomial and binomial draws, so a bootstrap resample costs a draw per cell instead of per vote.

/** Above this mean a binomial is drawn as a sum of smaller ones: e^(−mean) must not underflow. */
const MAX_INVERSION_MEAN = 300;

/**
 * A Binomial(n, p) draw by inversion (Kachitvichyanukul & Schmeiser 1988, "Binomial random variate
 * generation", Comm. ACM 31(2), algorithm BINV; as numpy's random_binomial_inversion): walk up from
 * 0 while the uniform exceeds the cumulative probability. Exact; the walk is truncated at 10
 * standard deviations above the mean (probability below 10⁻²³) and restarted. For p > ½ it draws
 * the failures instead; for large means, a sum of binomials over parts of n.
 */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  const parts = Math.ceil((n * p) / MAX_INVERSION_MEAN);
  if (parts > 1) {
    const size = Math.floor(n / parts);
    let total = 0;
    for (let part = 0; part < parts - 1; part += 1) total += binomialInversion(size, p, random);
    return total + binomialInversion(n - size * (parts - 1), p, random);
  }
  return binomialInversion(n, p, random);
}

function binomialInversion(n: number, p: number, random: () => number): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log(q));
  const mean = n * p;
  const bound = Math.min(n, mean + 10 * Math.sqrt(mean * q + 1));
  const ratio = p / q;
  let x = 0;
  let px = qn;
  let u = random();
  while (u > px) {
    x += 1;
    if (x > bound) {
      x = 0;
      px = qn;
      u = random();
    } else {
      u -= px;
      px *= ((n - x + 1) * ratio) / x;
    }
  }
  return x;
}

/**
 * Writes into `out` a draw of how many of `n` items drawn uniformly with replacement fall in each
 * cell, where `weights[k]` items of the `n` sit in cell k (Σ weights = n): a Multinomial(n, w/n)
 * draw, made as a chain of conditional binomials (each cell takes a Binomial(left, its share of
 * what is left)). Distributed exactly as counting n uniform draws, at the cost of one binomial per
 * non-empty cell.
 */
export function multinomial(
  weights: Float64Array,
  n: number,
  random: () => number,
  out: Float64Array,
): void {
  let left = n;
  let mass = n;
  for (let k = 0; k < weights.length; k += 1) {
    const w = weights[k]!;
    if (w === 0 || left === 0) {
      out[k] = 0;
      continue;
    }
    const drawn = w >= mass ? left : binomial(left, w / mass, random);
    out[k] = drawn;
    left -= drawn;
    mass -= w;
  }
}
