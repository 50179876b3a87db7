// The modelStats store: accuracy read as correct over total, on the same connection the scores are added on.
import { describe, expect, it } from 'vitest';
import { ModelStatsStore } from '../../../../src/fusion/measure/model-stats-store.js';
import { freshDatabase } from '../../catalog/support.js';

describe('ModelStatsStore', () => {
  it('reports accuracy from the model stats as correct over total', async () => {
    const db = await freshDatabase();
    await db.put('modelStats', { modelId: 'a', correct: 3, total: 4, updatedAt: 1 });
    await db.put('modelStats', { modelId: 'b', correct: 0, total: 0, updatedAt: 1 });
    expect(await new ModelStatsStore(db).accuracy()).toEqual({ a: 0.75 });
  });

  it('reads back at once what a measurement added', async () => {
    const stats = new ModelStatsStore(await freshDatabase());
    await stats.add([
      { modelId: 'a', correct: 2, total: 3 },
      { modelId: 'b', correct: 0, total: 3 },
    ]);
    expect(await stats.accuracy()).toEqual({ a: 2 / 3, b: 0 });
  });
});
