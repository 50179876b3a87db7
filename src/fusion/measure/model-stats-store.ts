// The `modelStats` store: measured accuracy per model, restated by the lab from its finished runs, read to break vote ties.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { AccuracyTable } from '../modes/vote-tally.js';

/**
 * Reads measured accuracy on the app's one database connection. The lab writes it (LabStore restates
 * each model's totals over its finished runs when a run finishes or is deleted).
 */
export class ModelStatsStore {
  constructor(private readonly db: QuorumDatabase) {}

  /** Accuracy (0..1) per model id, for every model measured at least once. */
  async accuracy(): Promise<AccuracyTable> {
    const stats = await this.db.getAll('modelStats');
    return Object.fromEntries(
      stats.filter((s) => s.total > 0).map((s) => [s.modelId, s.correct / s.total]),
    );
  }
}
