// A seeded random subset of a task set's questions, so "50 GSM8K questions, seed 1" is the same everywhere.
import { seededShuffle } from '../../shared/prng.js';

/**
 * `size` distinct indices out of 0..total-1, drawn by a seeded Fisher–Yates shuffle and returned
 * in ascending order; every index when `size` ≥ `total`.
 * @throws RangeError when `size` is not a positive integer.
 */
export function seededSubset(total: number, size: number, seed: number): number[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`subset size ${size}`);
  const all = Array.from({ length: total }, (_, i) => i);
  if (size >= total) return all;
  return seededShuffle(all, seed)
    .slice(0, size)
    .sort((a, b) => a - b);
}
