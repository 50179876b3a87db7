// The lab statistics worker's one method (called through a WorkerPort): the bootstrap comparisons off the page's thread.
import type { Comparison, CompareOptions } from './compare.js';
import type { AnswererOutcomes } from './summarise.js';

/** The protocol version of the lab statistics worker; a worker built with another refuses the hello. */
export const LAB_STATS_PROTOCOL_VERSION = 2;

/** The worker's methods, served by workers/lab-stats.worker.ts. */
export type LabStatsApi = {
  compare: {
    input: { answerers: readonly AnswererOutcomes[]; options: CompareOptions };
    event: never;
    result: Comparison[];
  };
};
