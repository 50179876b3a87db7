// Which task sets a pool member can answer: a recorded GSM8K model replays the GSM8K test answers and nothing else.
import { findGsm8kRecordedModel } from '../../models/list/recorded-models.js';
import type { TaskSetId } from '../tasks/task-set.js';

/**
 * The only task set a model can answer, or null when it can try any: the four recorded GSM8K models
 * answer the GSM8K test questions only (anything else fails before it is asked). An imported
 * recording's models are not limited here: they answer the questions of their own file, whatever
 * task set holds them, and fail on the others one by one.
 */
export function onlyTaskSetOf(modelId: string): TaskSetId | null {
  return findGsm8kRecordedModel(modelId) ? 'gsm8k-test' : null;
}

/** Why `label` cannot answer the task set `taskSetId`, for beside its checkbox; null when it can. */
export function cannotAnswer(
  member: { onlyTaskSet?: TaskSetId | null },
  taskSetId: TaskSetId,
): string | null {
  if (!member.onlyTaskSet || member.onlyTaskSet === taskSetId) return null;
  return 'Answers only the GSM8K test questions: pick that task set to use it.';
}

/**
 * Why a run of `taskSetId` with this pool must not start, before anything is asked; null when it may.
 * @returns a sentence naming the members that cannot answer the set, or null.
 */
export function poolTaskProblem(
  pool: readonly { id: string; label: string }[],
  taskSetId: TaskSetId,
): string | null {
  const unable = pool.filter((m) => cannotAnswer({ onlyTaskSet: onlyTaskSetOf(m.id) }, taskSetId));
  if (unable.length === 0) return null;
  const names = unable.map((m) => m.label).join(', ');
  return `${names} only replay${unable.length === 1 ? 's its' : ' their'} recorded answers to the GSM8K test questions, so ${unable.length === 1 ? 'it' : 'they'} cannot answer this task set. Pick the GSM8K task set, or take ${unable.length === 1 ? 'it' : 'them'} out of the pool.`;
}
