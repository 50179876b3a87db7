// Runs the lab's bootstrap comparisons in the lab statistics worker, so a long run's statistics never block the page.
import { WorkerPort } from '../shared/worker-port.js';
import type { CompareFn } from './results/lab-results.js';
import { LAB_STATS_PROTOCOL_VERSION, type LabStatsApi } from './stats/stats-protocol.js';

/** `name` is the worker's life lock (see alive-lock.ts). */
function statsWorker(name: string): Worker {
  return new Worker(new URL('../../workers/lab-stats.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
}

/** Started at the first call and ended once idle: results are computed once per run shown. */
const port = new WorkerPort<LabStatsApi>({
  name: 'lab statistics',
  create: statsWorker,
  version: LAB_STATS_PROTOCOL_VERSION,
  crashAdvice:
    'The statistics could not be computed: their worker stopped. Reload the page and open the run again.',
  whenNeeded: true,
});

/**
 * The comparisons of every mode with the best single model (see compareWithBest).
 * @throws ClassifiedFailure ('worker-crashed' when the worker ends, or the worker's own error).
 */
export const compareInWorker: CompareFn = (answerers, options) =>
  port.call('compare', { answerers, options });
