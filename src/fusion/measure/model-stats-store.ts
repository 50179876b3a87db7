// The `modelStats` store: measured accuracy per model, added to by "Measure fusion gain", read to break vote ties.
import type { QuorumDatabase } from '../../db/open-database.js';
import type { AccuracyTable } from '../modes/vote-tally.js';

/** One model's result on the built-in tasks of one measurement. */
export interface ModelScore {
  modelId: string;
  correct: number;
  total: number;
}

/** Reads and writes measured accuracy on the app's one database connection. */
export class ModelStatsStore {
  constructor(private readonly db: QuorumDatabase) {}

  /** Accuracy (0..1) per model id, for every model measured at least once. */
  async accuracy(): Promise<AccuracyTable> {
    const stats = await this.db.getAll('modelStats');
    return Object.fromEntries(
      stats.filter((s) => s.total > 0).map((s) => [s.modelId, s.correct / s.total]),
    );
  }

  /** Adds each score to the model's running totals, in one transaction; `now` in epoch ms. */
  async add(scores: readonly ModelScore[], now = Date.now()): Promise<void> {
    const tx = this.db.transaction('modelStats', 'readwrite');
    // Reads are requested together, so nothing else is awaited while the transaction is open.
    const previous = await Promise.all(scores.map((s) => tx.store.get(s.modelId)));
    await Promise.all([
      ...scores.map((s, i) =>
        tx.store.put({
          modelId: s.modelId,
          correct: (previous[i]?.correct ?? 0) + s.correct,
          total: (previous[i]?.total ?? 0) + s.total,
          updatedAt: now,
        }),
      ),
      tx.done,
    ]);
  }
}
