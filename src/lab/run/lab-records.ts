// A lab run and its answers as the `labRuns` and `labAnswers` stores keep them, and the visitor's task sets.
import type { LabSummary } from '../../fusion/measure/lab-summary.js';
import type { FusionMode } from '../../fusion/modes/trace.js';
import type { ClassifiedError } from '../../shared/errors.js';
import type { LabTask, TaskSetId } from '../tasks/task-set.js';

/** A pool member of a lab run, named as it was when the run started. */
export interface LabMember {
  id: string;
  label: string;
  simulated: boolean;
  recorded: boolean;
  /** Where a recorded model's answers come from. */
  source?: string;
}

/** How recorded models replay: at a realistic speed, or each answer at once (a quick lab run). */
export type ReplaySpeed = 'realistic' | 'instant';

/**
 * A lab run as the `labRuns` store keeps it: the task set, questions, pool, modes and status (times in epoch
 * ms).
 */
export interface LabRunRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /**
   * 'running' until every question has every answer; a reload or a closed tab leaves it so, and
   * the lab offers to resume it. 'stopped' when the visitor stopped it (it can be resumed too).
   */
  status: 'running' | 'stopped' | 'done';
  taskSet: { id: TaskSetId; name: string; source: string; size: number };
  /** Indices into the task set, in the order they are asked. */
  questions: number[];
  /** The seeded subset these questions were drawn by; null for the whole set. */
  subset: { size: number; seed: number } | null;
  pool: LabMember[];
  modes: FusionMode[];
  /** Vote's tie-break accuracies, from earlier lab runs, fixed at the start so a resumed run decides alike. */
  accuracy: Record<string, number>;
  replay: ReplaySpeed;
  /** Set when done: each single model's score; `modelStats` is their sum over finished runs. */
  scores?: { id: string; correct: number; total: number }[];
  /** Set when done: the verdict on each fusion mode, which the studio shows for a pool it covers. */
  verdicts?: LabSummary['verdicts'];
  /** Set when done: the questions every model and mode answered. */
  answered?: number;
  /**
   * Set when done (runs finished before 2026-11-30 afternoon lack it): how many of the answers to those
   * questions, every model's and mode's, failed with an error rather than being graded.
   */
  failures?: { failed: number; answers: number };
}

/** One answerer's answer to one question of a run. */
export interface LabAnswerRecord {
  runId: string;
  /** Position in the run's `questions`. */
  position: number;
  /** A pool member's id (the model alone), or a fusion mode ('vote', …). */
  answerer: string;
  text: string | null;
  /** The extracted answer in its comparable form; null when none could be read. */
  extracted: string | null;
  correct: boolean;
  /** Generated (completion) tokens of every call behind this answer. */
  tokens: number;
  ms: number;
  /** Why there is no answer (the model failed); a failure counts as a wrong answer. */
  error: ClassifiedError | null;
  /** For a fusion mode: how it decided, in words. */
  decision: string | null;
}

/** The visitor's own task set, kept so a run on it can be resumed and repeated. */
export interface LabTaskSetRecord {
  id: `own:${string}`;
  name: string;
  importedAt: number;
  tasks: LabTask[];
}
