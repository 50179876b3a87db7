// What the studio shows of the evaluation lab: the latest finished lab run that covers its pool.
import { createContext } from '@lit/context';
import type { FusionMode } from '../modes/trace.js';

/** A finished lab run, as the studio names it. */
export interface LabSummary {
  runId: string;
  taskSetName: string;
  /** Questions every model and mode answered. */
  questions: number;
  finishedAt: number;
  /** Each fusion mode the run measured, with the lab's verdict in words. */
  verdicts: { mode: FusionMode; kind: 'helped' | 'hurt' | 'unclear'; text: string }[];
}

/** Implemented by the lab's store; the shell provides it (fusion never imports the lab). */
export interface LabSummaries {
  /** The newest finished run whose pool includes every one of `poolIds`; null when none does. */
  latestCovering(poolIds: readonly string[]): Promise<LabSummary | null>;
}

/** The @lit/context key of the lab summaries the studio shows. */
export const labSummariesContext = createContext<LabSummaries>('lab-summaries');
