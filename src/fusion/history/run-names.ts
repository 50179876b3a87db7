// How a stored run names its models, its status and whether it was simulated, for the run views and both exports.
import { findGsm8kRecordedModel, isRecordedModelId } from '../../models/list/recorded-models.js';
import { findSimModel } from '../../models/list/sim-models.js';
import type { RunRecord } from './run-record.js';
import type { ListedRun } from './run-store.js';

/** What a run where only simulated models answered says, on the page and in both exports. */
export const SIMULATED_NOTICE =
  "Simulated run — answers come from Quorum's simulated engine, not a real model";

/** A run where real models (on this device, a server or Chrome) answered beside simulated ones. */
export const PARTLY_SIMULATED_NOTICE =
  "Partly simulated run — answers marked (Simulated) come from Quorum's simulated engine; the others are real models' answers";

/** What a run where only recorded models answered says, naming where the recording comes from. */
export function recordedNotice(source: string): string {
  return `Recorded run — answers replayed from ${source}, not produced on this device`;
}

/** Where the answers of a run came from: who wrote them, by kind of model. */
export type AnswerSources = { simulated: boolean; recorded: string[]; real: boolean };

/**
 * Who wrote a run's output: every member with an answer that did not fail, and the judge or
 * aggregator. A model that only failed wrote nothing, so it does not make a simulated run "real"
 * (nor a real one simulated); with nobody answering, every model of the run counts.
 */
export function answerSources(run: RunRecord): AnswerSources {
  const simulatedIds = new Set(
    [...(run.models ?? []), ...run.answers.map((a) => ({ ...a, id: a.memberId }))]
      .filter((model) => model.simulated)
      .map((model) => model.id),
  );
  const wrote = new Set(run.answers.filter((a) => a.error === null).map((a) => a.memberId));
  if (wrote.size > 0 && run.judgeId) wrote.add(run.judgeId);
  const ids =
    wrote.size > 0
      ? [...wrote]
      : (run.models?.map((m) => m.id) ?? [...run.poolIds, ...(run.judgeId ? [run.judgeId] : [])]);
  const simulated = (id: string): boolean => simulatedIds.has(id) || !!findSimModel(id);
  const recorded = ids.filter((id) => !simulated(id) && isRecordedModelId(id));
  return {
    simulated: ids.some(simulated),
    recorded: [...new Set(recorded.map(recordingSource))],
    real: ids.some((id) => !simulated(id) && !isRecordedModelId(id)),
  };
}

/** Where a recorded model's answers come from: GSM8K's release, or a recording the visitor imported. */
function recordingSource(id: string): string {
  return findGsm8kRecordedModel(id)?.source ?? 'a recording imported on this device';
}

/**
 * What a run says about where its answers came from, following who answered (answerSources):
 * SIMULATED_NOTICE when only simulated models did, recordedNotice when only recorded ones did,
 * PARTLY_SIMULATED_NOTICE for simulated and real ones, a notice naming each kind for other mixes,
 * and null when only real models answered.
 */
export function simulatedNotice(run: RunRecord): string | null {
  const { simulated, recorded, real } = answerSources(run);
  const replayed = recorded.length > 0 ? recorded.join(' and ') : null;
  if (!simulated && !replayed) return null;
  if (!replayed) return real ? PARTLY_SIMULATED_NOTICE : SIMULATED_NOTICE;
  if (!simulated && !real) return recordedNotice(replayed);
  const parts = [
    simulated ? "answers marked (Simulated) come from Quorum's simulated engine" : null,
    `answers marked (recorded) are replayed from ${replayed}, not produced on this device`,
    real ? "the others are real models' answers" : null,
  ].filter((part) => part !== null);
  return `${simulated ? 'Partly simulated' : 'Partly recorded'} run — ${parts.join('; ')}`;
}

/** The mark a run's title carries: "(Simulated)", "(recorded)", "(partly simulated)", "(partly recorded)" or none. */
export function sourceMark(run: RunRecord): string {
  const { simulated, recorded, real } = answerSources(run);
  const mixed = [simulated, recorded.length > 0, real].filter(Boolean).length > 1;
  if (simulated) return mixed ? ' (partly simulated)' : ' (Simulated)';
  if (recorded.length > 0) return mixed ? ' (partly recorded)' : ' (recorded)';
  return '';
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
