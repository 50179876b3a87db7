// Ranks that respect uncertainty: only a model whose whole interval lies above yours ranks ahead of you.

/**
 * Rank of each model: 1 + the number of models whose interval lies wholly above its own
 * (their lower bound above its upper bound), as Chatbot Arena ranks (Chiang et al. 2024,
 * arXiv 2403.04132). Models whose intervals overlap share a rank; ranks need not be consecutive.
 */
export function ranksFromIntervals(lower: readonly number[], upper: readonly number[]): number[] {
  return upper.map((high, i) => 1 + lower.filter((low, j) => j !== i && low > high).length);
}
