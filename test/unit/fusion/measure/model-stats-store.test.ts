// The modelStats store: accuracy read as correct over total.
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
});
