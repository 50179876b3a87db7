// The lab statistics worker in real Chromium: the same comparisons as the pure code, through the WorkerPort.
import { describe, expect, it } from 'vitest';
import { compareInWorker } from '../../../src/lab/stats-client.js';
import { compareWithBest } from '../../../src/lab/stats/compare.js';
import type { AnswererOutcomes } from '../../../src/lab/stats/summarise.js';

const answerer = (id: string, kind: 'single' | 'fusion', every: number): AnswererOutcomes => {
  const correct = Uint8Array.from({ length: 1319 }, (_, i) => (i % every === 0 ? 0 : 1));
  return {
    id,
    kind,
    label: id,
    correct,
    tokens: new Float64Array(1319),
    ms: new Float64Array(1319),
  };
};

describe('compareInWorker', () => {
  it('gives in its worker exactly what the pure comparison gives here', async () => {
    const answerers = [
      answerer('a', 'single', 3),
      answerer('b', 'single', 4),
      answerer('vote', 'fusion', 5),
    ];
    const options = { resamples: 2000, seed: 1 };
    const fromWorker = await compareInWorker(answerers, options);
    expect(fromWorker).toEqual(compareWithBest(answerers, options));
    expect(fromWorker).toHaveLength(1);
  });
});
