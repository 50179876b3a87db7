// Adds measured scores to the modelStats store, which breaks vote ties by each model's accuracy here.
import type { QuorumDatabase } from '../../db/open-database.js';

export async function addModelScores(
  db: QuorumDatabase,
  scores: readonly { modelId: string; correct: number; total: number }[],
  now = Date.now(),
): Promise<void> {
  const tx = db.transaction('modelStats', 'readwrite');
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
