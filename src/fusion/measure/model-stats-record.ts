// A model's measured accuracy as the `modelStats` store keeps it.

/** Measured accuracy of a model on checkable tasks: breaks vote ties, shows fusion gain. */
export interface ModelStatsRecord {
  modelId: string;
  correct: number;
  total: number;
  updatedAt: number;
}
