// How a stored run names its models, its status and whether it was simulated, for the run views and both exports.
import { findSimModel } from '../../models/list/sim-models.js';
import type { RunRecord } from './run-record.js';
import type { ListedRun } from './run-store.js';

/** What a run where only simulated models answered says, on the page and in both exports. */
export const SIMULATED_NOTICE =
  "Simulated run — answers come from Quorum's simulated engine, not a real model";

/** A run where real models (on this device, a server or Chrome) answered beside simulated ones. */
export const PARTLY_SIMULATED_NOTICE =
  "Partly simulated run — answers marked (Simulated) come from Quorum's simulated engine; the others are real models' answers";

/**
 * What a run says about simulated output: SIMULATED_NOTICE when every model (members and judge)
 * was simulated, PARTLY_SIMULATED_NOTICE when only some were, null when none was.
 */
export function simulatedNotice(run: RunRecord): string | null {
  if (!isSimulatedRun(run)) return null;
  const models = run.models?.length ? run.models : run.answers;
  return models.some((model) => !model.simulated) ? PARTLY_SIMULATED_NOTICE : SIMULATED_NOTICE;
}

/** A run going on in another tab says so: this tab can neither stop it nor see it stream. */
export function statusText(run: ListedRun): string {
  return run.runningIn === 'another-tab' ? 'running in another tab' : run.status;
}

/** True when any model of the run (member or judge) was simulated. */
export function isSimulatedRun(run: RunRecord): boolean {
  if (run.simulated !== undefined) return run.simulated;
  // Runs stored before the record kept the flag: fall back to the answers and the simulated list.
  return (
    run.answers.some((answer) => answer.simulated) ||
    [...run.poolIds, ...(run.judgeId ? [run.judgeId] : [])].some((id) => !!findSimModel(id))
  );
}

/**
 * Display names marked "(Simulated)" so no simulated output passes as real. A judge from outside
 * the pool wrote no answer, so it is named from the record's model list or the simulated list.
 */
export function runNames(run: RunRecord): (memberId: string) => string {
  const names = new Map<string, string>();
  const add = (id: string, label: string, simulated: boolean): void => {
    if (!names.has(id)) names.set(id, simulated ? markSimulated(label) : label);
  };
  for (const model of run.models ?? []) add(model.id, model.label, model.simulated);
  for (const answer of run.answers) add(answer.memberId, answer.label, answer.simulated);
  return (memberId) => {
    const known = names.get(memberId);
    if (known) return known;
    const sim = findSimModel(memberId);
    return sim ? markSimulated(sim.label) : `model "${memberId}"`;
  };
}

/** A simulated model's name says so once: a label that already says "Simulated" gets no suffix. */
export function markSimulated(label: string): string {
  return /\bsimulated\b/i.test(label) ? label : `${label} (Simulated)`;
}
