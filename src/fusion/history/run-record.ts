// A fusion run as stored in the `runs` store: everything needed to reopen and export it.
import type { ChatMessage, ModelClient } from '../../models/model-client.js';
import type { MemberAnswer } from '../core/member-answer.js';
import type { RunCost } from '../core/cost.js';
import type { FusionMode, FusionTrace } from '../modes/trace.js';

/** A model that took part in a run (pool member or judge), as it was named then. */
export interface RunModel {
  id: string;
  label: string;
  simulated: boolean;
  /** Where it ran when not on this device: a remote endpoint (by name) or the browser's model. */
  source?: NonNullable<ModelClient['source']>;
}

/**
 * A fusion run as the `runs` store keeps it: prompt, pool, options, every answer, the fused answer, trace and
 * cost.
 */
export interface RunRecord {
  id: string;
  mode: FusionMode;
  prompt: string;
  /** Earlier turns of the conversation, with fused answers as the assistant's turns. */
  history: ChatMessage[];
  poolIds: string[];
  judgeId: string | null;
  /** Every model of the run with its label; absent in runs stored before it was kept. */
  models?: RunModel[];
  /** True when any model of the run was simulated; absent in runs stored before it was kept. */
  simulated?: boolean;
  options: Record<string, number | string | boolean>;
  /** Reasoning on or off per pool member (those not named kept their default) and for judges. */
  thinking?: { members: Record<string, boolean>; judge: boolean };
  answers: MemberAnswer[];
  finalAnswer: string | null;
  /** Mode-specific decision trace (tally, pairwise table, rounds, analysis), JSON-serialisable. */
  trace: FusionTrace | null;
  cost: RunCost | null;
  /** 'interrupted': cut off without a word (a discarded or crashed tab); only read, never saved. */
  status: 'running' | 'done' | 'stopped' | 'failed' | 'interrupted';
  createdAt: number;
  finishedAt: number | null;
}
