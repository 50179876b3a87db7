// Runs per-member tasks in the memory plan's stages: stages in sequence, members of a stage in parallel.

/** Member ids that may run at the same time, stage by stage (from the GPU-memory planner). */
export type Stages = readonly (readonly string[])[];

/** The stages for these members; members the plan leaves out run in a final stage of their own. */
export function resolveStages(planned: Stages | undefined, memberIds: readonly string[]): Stages {
  if (planned === undefined) return [memberIds];
  const listed = new Set(planned.flat());
  const rest = memberIds.filter((id) => !listed.has(id));
  return rest.length > 0 ? [...planned, rest] : planned;
}

/**
 * Called once a stage's tasks have all settled, before the next stage starts: the place to unload
 * that stage's models, so a plan made of stages never holds two stages in GPU memory at once.
 */
export type StageDone = (memberIds: readonly string[]) => Promise<void>;

/**
 * Results come back in task order. Tasks of the same member run one after another even within a
 * stage, so each call's time limit, recorded start and column count from when its model starts on
 * it (a model answers one request at a time; that is enforced once, in its worker: model.worker.ts).
 * With more than one stage, `onStageDone` gets
 * the members each stage used after all their calls ended, including after the last stage: the next
 * step (another round starting again at stage one, a judge) loads models too. A single stage fits in
 * memory with everything else in the plan, so it is left loaded.
 */
export async function runInStages<T>(
  stages: Stages,
  tasks: readonly { memberId: string; run: () => Promise<T> }[],
  onStageDone?: StageDone,
): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  const stageOf = (id: string): number => {
    const index = stages.findIndex((stage) => stage.includes(id));
    return index < 0 ? stages.length : index;
  };
  const stageIndexes = [...new Set(tasks.map((task) => stageOf(task.memberId)))].sort(
    (a, b) => a - b,
  );
  for (const stage of stageIndexes) {
    const byMember = new Map<string, number[]>();
    tasks.forEach((task, i) => {
      if (stageOf(task.memberId) !== stage) return;
      byMember.set(task.memberId, [...(byMember.get(task.memberId) ?? []), i]);
    });
    // allSettled: a failed task must not let the unload start while its stage-mates still generate.
    const settled = await Promise.allSettled(
      [...byMember.values()].map(async (indexes) => {
        for (const i of indexes) results[i] = await tasks[i]!.run();
      }),
    );
    if (onStageDone && stages.length > 1) await onStageDone([...byMember.keys()]);
    const failed = settled.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
  return results;
}
