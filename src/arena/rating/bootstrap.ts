// The seeded bootstrap over votes: resample the votes with replacement, refit, read off percentiles.
import { seededRandom } from '../../shared/prng.js';
import { OUTCOMES, cellCounts, type Battles } from './battles.js';
import { fitBradleyTerry } from './bradley-terry.js';
import { multinomial } from './multinomial.js';

/** How many bootstrap resamples to draw, and the seed that makes them reproducible. */
export interface BootstrapOptions {
  /** Number of resamples (Chatbot Arena uses 1,000 and more); at least 1. */
  resamples: number;
  seed: number;
}

/**
 * Log-strengths of `resamples` bootstrap replicates, row-major (resample × model). Each replicate
 * draws as many votes as there are, uniformly with replacement (Efron 1979), counts them per cell
 * (drawn directly as a multinomial over cells: the same distribution, one draw per cell instead of
 * one per vote) and refits from the full-data estimate `start`; the same seed gives the same
 * replicates. This is
 * Chatbot Arena's interval method (Chiang et al. 2024, arXiv 2403.04132, §5: bootstrap of the
 * Bradley–Terry fit over battles).
 */
export function bootstrapStrengths(
  battles: Battles,
  start: Float64Array,
  options: BootstrapOptions,
): Float64Array {
  const m = battles.ids.length;
  const n = battles.cells.length;
  const random = seededRandom(options.seed);
  const replicates = new Float64Array(options.resamples * m);
  const observed = cellCounts(battles);
  const cells = new Float64Array(battles.pairFirst.length * OUTCOMES);
  const table = { m, pairFirst: battles.pairFirst, pairSecond: battles.pairSecond, cells };
  for (let r = 0; r < options.resamples; r += 1) {
    multinomial(observed, n, random, cells);
    replicates.set(fitBradleyTerry(table, start), r * m);
  }
  return replicates;
}

/**
 * The q-quantile (0..1) of column `column` of a row-major matrix with `columns` columns, by linear
 * interpolation between order statistics (Hyndman & Fan 1996, type 7, as numpy's default).
 */
export function columnQuantiles(
  matrix: Float64Array,
  columns: number,
  column: number,
  qs: readonly number[],
): number[] {
  const rows = matrix.length / columns;
  const values = new Float64Array(rows);
  for (let r = 0; r < rows; r += 1) values[r] = matrix[r * columns + column]!;
  values.sort();
  return qs.map((q) => {
    const at = q * (rows - 1);
    const below = Math.floor(at);
    const above = Math.min(below + 1, rows - 1);
    return values[below]! + (at - below) * (values[above]! - values[below]!);
  });
}
